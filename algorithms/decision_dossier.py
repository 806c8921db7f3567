"""``territoire:decision_dossier``: a multi-page PDF for a council from the site suitability results."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..engine.errors import EngineError
from ..engine.provenance import Source, read_sources
from .base import TerritoireAlgorithm

if TYPE_CHECKING:
    from ..maps import dossier as _dossier

FIBRE_RADIUS = 200.0  # m around the site where premises count as "at the site"


class DecisionDossier(TerritoireAlgorithm):
    """Cover, territory map, one page per candidate site, method and sources, in one PDF."""

    ALGORITHM_ID = "decision_dossier"
    GROUP = "maps"
    REQUIRES = ("numpy", "scipy", "shapely", "rasterio", "osgeo")
    TAGS = ("decision", "PDF", "map", "suitability")

    SITES = "SITES"
    SUITABILITY = "SUITABILITY"
    MODEL = "MODEL"
    CONTEXT_LAYERS = "CONTEXT_LAYERS"
    FIBRE = "FIBRE"
    PORT_ZONES = "PORT_ZONES"
    WASTE_OUTLETS = "WASTE_OUTLETS"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    TERRITORY = "TERRITORY"
    AUTHOR = "AUTHOR"
    LOGO = "LOGO"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return self.tr("Decision dossier (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "A multi-page PDF for a council meeting, from the results of Site suitability: a cover with "
            "a summary, the map of the territory with the suitability and the candidate sites, one page "
            "per site (map, score, rank, stability under weight changes, the contribution of each "
            "criterion as a bar chart, the constraints met and key facts: fibre at the site, distance to "
            "the port, nearest waste outlet), then the method and the sources with their vintages.\n\n"
            "The sites layer is the 'Best sites' output of Site suitability (fields site_id, rank, score, "
            "min_score, area_m2, stay_top_prob and c_<criterion>). Give the same model to word the "
            "criteria, weights and constraints. The dossier is in French, in English when the QGIS "
            "locale is English."
        )

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.SITES,
                self.tr("Candidate sites (output of Site suitability)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.SUITABILITY, self.tr("Suitability raster (0–100)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MODEL, self.tr("Suitability model (JSON file path or JSON text)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.CONTEXT_LAYERS,
                self.tr("Context layers for the maps, bottom to top (communes, roads…)"),
                QgsProcessing.SourceType.TypeMapLayer,
                optional=True,
            )
        )
        for name, description, kind in (
            (self.FIBRE, self.tr("Fibre eligibility per building (points)"),
             QgsProcessing.SourceType.TypeVectorPoint),
            (self.PORT_ZONES, self.tr("Port zones (polygons)"), QgsProcessing.SourceType.TypeVectorPolygon),
            (self.WASTE_OUTLETS, self.tr("Waste outlets: déchèteries, facilities (points)"),
             QgsProcessing.SourceType.TypeVectorPoint),
        ):  # fmt: skip
            self.addParameter(QgsProcessingParameterVectorLayer(name, description, [kind], optional=True))
        for name, description in (
            (self.TITLE, self.tr("Title (default: the model's name)")),
            (self.SUBTITLE, self.tr("Subtitle")),
            (self.TERRITORY, self.tr("Territory (shown on the cover)")),
            (self.AUTHOR, self.tr("Author")),
        ):
            self.addParameter(QgsProcessingParameterString(name, description, optional=True))
        self.addParameter(
            QgsProcessingParameterFile(
                self.LOGO,
                self.tr("Logo of the commune (SVG or image)"),
                QgsProcessingParameterFile.Behavior.File,
                fileFilter=self.tr("Images (*.svg *.png *.jpg *.jpeg)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Dossier"), fileFilter="PDF (*.pdf)")
        )

    # --- checks ------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):
        from ..maps import layout as _layout

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if output and not _layout.output_folder_usable(output):
            return False, self.tr("The output folder {folder} cannot be written to.").format(
                folder=str(Path(output).parent)
            )
        sites = self.parameterAsVectorLayer(parameters, self.SITES, context)
        if sites is not None:
            missing = [name for name in ("rank", "score") if sites.fields().indexOf(name) < 0]
            if missing:
                return False, self.tr(
                    "The sites layer {name} lacks the fields {fields}: use the 'Best sites' output of "
                    "Site suitability."
                ).format(name=sites.name(), fields=", ".join(missing))
        return True, ""

    # --- run ---------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        from ..engine import dossier as words
        from ..engine.raster_grid import split_uri
        from ..maps import dossier as _dossier
        from ..maps import layout as _layout

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(output).suffix.lower() != ".pdf":
            output = f"{output}.pdf"
        language = _layout.map_language()
        project = context.project() or QgsProject()
        sites_layer = self.parameterAsVectorLayer(parameters, self.SITES, context)
        crs = sites_layer.crs()
        self.require_projected_crs(crs, sites_layer.name())
        model = self.load_model(parameters, context)
        index = _layout.ProvenanceIndex()

        context_layers = self.parameterAsLayerList(parameters, self.CONTEXT_LAYERS, context)
        in_project = {layer.id() for layer in context_layers if project.mapLayer(layer.id())}
        for layer in context_layers:
            if layer.id() not in in_project:
                _layout.apply_family_style(layer, index.source(layer))
                layer.setName(index.title(layer))
        suitability = self.parameterAsRasterLayer(parameters, self.SUITABILITY, context)
        if suitability is not None:
            suitability = suitability.clone()
            suitability.setName(words_label(language, "Aptitude (0–100)", "Suitability (0–100)"))
            _dossier.style_suitability(suitability, language)
        sites_map = sites_layer.clone()
        sites_map.setName(_dossier.TEXTS[language]["sites_label"])
        _dossier.style_sites(sites_map)
        fibre = self.parameterAsVectorLayer(parameters, self.FIBRE, context)
        ports = self.parameterAsVectorLayer(parameters, self.PORT_ZONES, context)
        outlets = self.parameterAsVectorLayer(parameters, self.WASTE_OUTLETS, context)
        feedback.setProgress(5)

        weights = None
        criteria_rows: list[_dossier.CriterionRow] = []
        model_sources: list[Source] = []
        if model is not None:
            weights = {criterion.name: float(w) for criterion, w in zip(model.criteria, model.weights)}
            for criterion, weight in zip(model.criteria, model.weights):
                source = model_source(criterion.layer, model.base_dir)
                if source is not None:
                    model_sources.append(source)
                title = (
                    source.title if source is not None else split_uri(criterion.layer)[1] or criterion.layer
                )
                criteria_rows.append(
                    _dossier.CriterionRow(
                        name=words.criterion_name(criterion.name, language),
                        measure=words.measure_text(criterion.measure, title, criterion.field, language),
                        transform=words.transform_text(criterion.transform, criterion.measure, language),
                        weight=float(weight),
                    )
                )

        sites = []
        features = sorted(
            sites_layer.getFeatures(), key=lambda f: (f["rank"] is None, f["rank"] or 0, f.id())
        )
        for number, feature in enumerate(features, start=1):
            self.raise_if_canceled(feedback)
            row = {name: _plain(feature[name]) for name in feature.fields().names()}
            if row.get("score") is None:
                continue
            geometry = QgsGeometry(feature.geometry())
            page = _dossier.SitePage(
                site_id=row.get("site_id", feature.id()),
                rank=int(row["rank"]) if row.get("rank") is not None else number,
                score=float(row["score"]),
                min_score=row.get("min_score"),
                area_m2=float(row.get("area_m2") or geometry.area()),
                stay_top_prob=row.get("stay_top_prob"),
                geometry=geometry,
                contributions=words.contributions(row, weights),
            )
            if model is not None:
                page.constraints = self.check_constraints(model, geometry, crs, project, language, index)
            page.facts = self.key_facts(geometry, crs, project, language, fibre, ports, outlets)
            sites.append(page)
            feedback.setProgress(5 + 30 * number / max(len(features), 1))
        if not sites:
            raise QgsProcessingException(
                self.tr("The sites layer {name} has no scored site: there is nothing to report.").format(
                    name=sites_layer.name()
                )
            )

        sources = distinct_sources(
            [index.source(layer) for layer in [*context_layers, fibre, ports, outlets] if layer is not None]
            + model_sources
        )
        title = self.parameterAsString(parameters, self.TITLE, context).strip()
        dossier = _dossier.Dossier(
            title=title
            or (model.name if model is not None and model.name else _dossier.TEXTS[language]["dossier"]),
            subtitle=self.parameterAsString(parameters, self.SUBTITLE, context).strip(),
            territory=self.parameterAsString(parameters, self.TERRITORY, context).strip(),
            author=self.parameterAsString(parameters, self.AUTHOR, context).strip(),
            logo=self.parameterAsFile(parameters, self.LOGO, context),
            language=language,
            sites=sites,
            crs=crs,
            sites_layer=sites_map,
            context_layers=context_layers,
            suitability=suitability,
            criteria=criteria_rows,
            method=words.method_paragraphs(
                model.aggregation if model is not None else None,
                model.ahp.cr if model is not None and model.ahp is not None else None,
                language,
            ),
            sources=sources,
            credits=_layout.credits_from_sources(sources, language),
        )
        layout, keep = _dossier.build(dossier, project, feedback)
        self.raise_if_canceled(feedback)
        feedback.setProgress(85)
        try:
            _layout.export_layout(layout, output, "pdf", 200, dossier.author)
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        del keep
        feedback.setProgress(100)
        feedback.pushInfo(
            self.tr("Dossier of {pages} pages written to {path}").format(
                pages=layout.pageCollection().pageCount(), path=output
            )
        )
        return {self.OUTPUT: output}

    def load_model(self, parameters, context):
        text = self.parameterAsString(parameters, self.MODEL, context).strip()
        if not text:
            return None
        from ..engine.suitability import load_model

        try:
            return load_model(text, allow_inconsistent=True)
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error

    def check_constraints(self, model, geometry, crs, project, language, index) -> list[tuple[str, str]]:
        """Each constraint of the model and whether the site meets it (measured, not assumed)."""
        from ..engine import dossier as words
        from ..engine.raster_grid import split_uri
        from ..maps import dossier as _dossier

        texts = _dossier.TEXTS[language]
        result = []
        for constraint in model.constraints:
            path, table = split_uri(constraint.layer, model.base_dir)
            uri = f"{path}|layername={table}" if table else path
            layer = QgsVectorLayer(uri, table or Path(path).stem, "ogr")
            if not layer.isValid() or layer.geometryType() == QgsWkbTypes.GeometryType.NullGeometry:
                result.append((constraint.layer, texts["unchecked"]))
                continue
            if constraint.where and not layer.setSubsetString(constraint.where):
                result.append((constraint.layer, texts["unchecked"]))
                continue
            title = index.title(layer)
            if constraint.mode == "include":
                inside = any(
                    other.buffer(1.0, 4).contains(geometry)
                    for _, other in _dossier.features_near(layer, geometry, crs, 0.0, project)
                )
                result.append((texts["include"].format(layer=title), texts["met" if inside else "not_met"]))
                continue
            _, gap = _dossier.nearest(layer, geometry, crs, project)
            met = gap >= constraint.buffer - 0.5
            what = (
                texts["exclude"].format(buffer=words.distance(constraint.buffer, language), layer=title)
                if constraint.buffer > 0
                else texts["exclude_plain"].format(layer=title)
            )
            verdict = texts["met" if met else "not_met"]
            if gap != float("inf"):
                verdict = f"{verdict} {texts['distance_now'].format(distance=words.distance(gap, language))}"
            result.append((what, verdict))
        return result

    def key_facts(self, geometry, crs, project, language, fibre, ports, outlets) -> list[tuple[str, str]]:
        from ..engine import dossier as words
        from ..maps import dossier as _dossier

        texts = _dossier.TEXTS[language]
        facts = []
        if fibre is not None:
            premises = connectable = 0
            has_premises = fibre.fields().indexOf("premises") >= 0
            has_ftth = fibre.fields().indexOf("ftth") >= 0
            for feature, _ in _dossier.features_near(fibre, geometry, crs, FIBRE_RADIUS, project):
                count = int(feature["premises"] or 1) if has_premises else 1
                premises += count
                if has_ftth and feature["ftth"] in (True, 1, "1", "true", "True"):
                    connectable += count
            what = texts["fibre"].format(radius=int(FIBRE_RADIUS))
            value = (
                texts["fibre_value"].format(
                    share=words.percent(connectable / premises, language),
                    premises=words.number(premises, language),
                )
                if premises
                else texts["fibre_none"]
            )
            facts.append((what, value))
        if ports is not None:
            feature, gap = _dossier.nearest(ports, geometry, crs, project)
            if feature is not None:
                name = _dossier.feature_name(feature, ports)
                facts.append(
                    (texts["port"], f"{words.distance(gap, language)}" + (f" ({name})" if name else ""))
                )
        if outlets is not None:
            feature, gap = _dossier.nearest(outlets, geometry, crs, project)
            if feature is not None:
                name = _dossier.feature_name(feature, outlets)
                facts.append(
                    (
                        texts["waste"],
                        f"{name} — {words.distance(gap, language)}"
                        if name
                        else words.distance(gap, language),
                    )
                )
        return facts


def _plain(value):
    """A Python value from a QGIS attribute (NULL → None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def words_label(language: str, french: str, english: str) -> str:
    return french if language == "fr" else english


def model_source(uri: str, base_dir: str | None) -> Source | None:
    """Provenance of a model criterion's layer, from its GeoPackage's ``sources`` table."""
    from ..engine.raster_grid import split_uri

    path, table = split_uri(uri, base_dir)
    if not path.lower().endswith(".gpkg") or not Path(path).is_file():
        return None
    try:
        return read_sources(path).get(table or Path(path).stem)
    except Exception:  # a GeoPackage without readable provenance: the dossier still lists the rest
        return None


def distinct_sources(sources: list[Source | None]) -> list[Source]:
    seen, result = set(), []
    for source in sources:
        if source is not None and (source.layer, source.title) not in seen:
            seen.add((source.layer, source.title))
            result.append(source)
    return result
