"""``territoire:synergy_dossier``: a PDF with a page per proposed synergy (actors, quantities,
distance, savings, confidence), from the outputs of territoire:resource_synergies."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..qgis_compat import null_extent
from .base import TerritoireAlgorithm

#: Words of the pages, French and English (the language of the maps, as the other dossiers).
TEXTS = {
    "fr": {
        "title": "Les synergies de la symbiose industrielle",
        "kind": "DOSSIER DE SYNERGIES",
        "overview": "La Toile des synergies proposées",
        "summary": "En bref",
        "count": "{count} synergies proposées, classées par économie nette.",
        "totals": "Économie nette : {net} € par an ; CO₂ évité : {co2} t par an.",
        "hidden": "Les acteurs confidentiels ne sont pas nommés.",
        "confidential": "Acteur confidentiel",
        "what": "Élément",
        "value": "Valeur",
        "offer": "Offre",
        "need": "Besoin",
        "taken": "Quantité prélevée",
        "delivered": "Quantité livrée",
        "distance": "Distance",
        "months": "Mois",
        "cost": "Coût de transport et de canalisation",
        "value_eur": "Valeur de l'approvisionnement remplacé",
        "net": "Économie nette",
        "co2": "CO₂ évité",
        "confidence": "Confiance",
        "per_year": "par an",
        "factors": "Facteurs et sources",
        "resource": "Ressource",
        "factor": "Facteur",
        "source": "Source",
        "made_on": "Réalisé le {date}",
        "all_year": "toute l'année",
        "high": "élevée",
        "medium": "moyenne",
        "low": "faible",
        "rule": "règle exacte ({match})",
        "level": "correspondance au niveau « {match} » de la nomenclature des déchets",
    },
    "en": {
        "title": "Industrial symbiosis synergies",
        "kind": "SYNERGY DOSSIER",
        "overview": "The Toile of the proposed synergies",
        "summary": "In short",
        "count": "{count} proposed synergies, ranked by net saving.",
        "totals": "Net saving: €{net} a year; CO₂ avoided: {co2} t a year.",
        "hidden": "Confidential actors are not named.",
        "confidential": "Confidential actor",
        "what": "Item",
        "value": "Value",
        "offer": "Offer",
        "need": "Need",
        "taken": "Quantity taken",
        "delivered": "Quantity delivered",
        "distance": "Distance",
        "months": "Months",
        "cost": "Transport and pipe cost",
        "value_eur": "Value of the substituted supply",
        "net": "Net saving",
        "co2": "CO₂ avoided",
        "confidence": "Confidence",
        "per_year": "a year",
        "factors": "Factors and sources",
        "resource": "Resource",
        "factor": "Factor",
        "source": "Source",
        "made_on": "Made on {date}",
        "all_year": "all year",
        "high": "high",
        "medium": "medium",
        "low": "low",
        "rule": "exact rule ({match})",
        "level": "match at the “{match}” level of the List of Waste",
    },
}
RESOURCE_NAMES = {
    "fr": {"waste": "Déchets", "material": "Matières", "heat": "Chaleur", "steam": "Vapeur", "water": "Eau",
           "service": "Services partagés"},
    "en": {"waste": "Waste", "material": "Materials", "heat": "Heat", "steam": "Steam", "water": "Water",
           "service": "Shared services"},
}  # fmt: skip
MATCH_NAMES = {
    "fr": {"temperature": "température", "pressure": "pression", "water class": "classe d'eau",
           "service": "service", "sub-chapter": "sous-chapitre", "chapter": "chapitre", "family": "famille"},
    "en": {},
}  # fmt: skip
UNIT_NAMES = {
    "fr": {"t/yr": "t/an", "MWh/yr": "MWh/an", "m3/yr": "m³/an", "people": "personnes"},
    "en": {"t/yr": "t/yr", "MWh/yr": "MWh/yr", "m3/yr": "m³/yr", "people": "people"},
}


class SynergyDossierAlgorithm(TerritoireAlgorithm):
    """Cover, the Toile, one page per synergy, factors and sources, in one PDF."""

    ALGORITHM_ID = "synergy_dossier"
    GROUP = "maps"
    REQUIRES = ("numpy", "scipy")
    TAGS = ("symbiosis", "decision", "PDF", "map")

    SYNERGIES = "SYNERGIES"
    FACTORS = "FACTORS"
    CONTEXT_LAYERS = "CONTEXT_LAYERS"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    TERRITORY = "TERRITORY"
    AUTHOR = "AUTHOR"
    SHOW_CONFIDENTIAL = "SHOW_CONFIDENTIAL"
    MAX_PAGES = "MAX_PAGES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return self.tr("Synergy dossier (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "A PDF for the actors and the council from the outputs of Resource synergies: a cover with "
            "the totals, the Toile of the proposed synergies, then one page per synergy (ranked by net "
            "saving) with its map, the actors, quantities taken and delivered, distance, months, cost, "
            "value of the substituted supply, net saving, CO2 avoided and confidence, and a page of the "
            "factors and their sources. Confidential actors are never printed by name unless asked, "
            "whatever the synergies layer holds."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.SYNERGIES,
                self.tr("Synergies (output of Resource synergies)"),
                [QgsProcessing.SourceType.TypeVectorLine],
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.FACTORS,
                self.tr("Factors and their sources (output of Resource synergies)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
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
        for name, description in (
            (self.TITLE, self.tr("Title")),
            (self.SUBTITLE, self.tr("Subtitle")),
            (self.TERRITORY, self.tr("Territory")),
            (self.AUTHOR, self.tr("Author")),
        ):
            self.addParameter(QgsProcessingParameterString(name, description, optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SHOW_CONFIDENTIAL, self.tr("Print the names of confidential actors"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_PAGES,
                self.tr("Synergy pages at most"),
                QgsProcessingParameterNumber.Type.Integer,
                30,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Dossier"), fileFilter="PDF (*.pdf)")
        )

    def processAlgorithm(self, parameters, context, feedback):
        from ..engine import dossier as words
        from ..engine.errors import EngineError
        from ..maps import dossier as _dossier
        from ..maps import layout as _layout
        from ..resources_paths import style_path

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(output).suffix.lower() != ".pdf":
            output = f"{output}.pdf"
        language = _layout.map_language()
        texts = TEXTS[language]
        project = context.project() or QgsProject()
        synergies = self.parameterAsVectorLayer(parameters, self.SYNERGIES, context)
        crs = synergies.crs()
        self.require_projected_crs(crs, synergies.name())
        names = set(synergies.fields().names())
        missing = {"resource", "offer_actor", "need_actor", "quantity", "net_eur"} - names
        if missing:
            raise QgsProcessingException(
                self.tr("{layer} is not an output of Resource synergies (no field {fields}).").format(
                    layer=synergies.name(), fields=", ".join(sorted(missing))
                )
            )
        show = self.parameterAsBool(parameters, self.SHOW_CONFIDENTIAL, context)
        rows = [f for f in synergies.getFeatures() if (f["status"] if "status" in names else "") != "removed"]
        rows.sort(key=lambda f: (-float(f["net_eur"] or 0), f.id()))
        shown = rows[: self.parameterAsInt(parameters, self.MAX_PAGES, context)]
        index = _layout.ProvenanceIndex()
        context_layers = self.parameterAsLayerList(parameters, self.CONTEXT_LAYERS, context)
        in_project = {layer.id() for layer in context_layers if project.mapLayer(layer.id())}
        for layer in context_layers:
            if layer.id() not in in_project:
                _layout.apply_family_style(layer, index.source(layer))
                layer.setName(index.title(layer))
        toile = synergies.clone()
        toile.loadNamedStyle(style_path("symbiosis_synergies"))
        toile.setName(texts["overview"])
        factors_layer = self.parameterAsVectorLayer(parameters, self.FACTORS, context)
        factor_rows = (
            [[str(f["resource"]), str(f["factor"]), str(f["value"]), str(f["source"])]
             for f in factors_layer.getFeatures()]
            if factors_layer is not None else []
        )  # fmt: skip
        credits = _layout.credits_for([*context_layers, synergies], index, language)
        title = self.parameterAsString(parameters, self.TITLE, context) or texts["title"]
        sheet = SimpleNamespace(title=title, credits=credits, language=language)  # what page_frame reads
        pages = 2 + len(shown) + (1 if factor_rows else 0)
        layout = _dossier.new_layout(project, pages)
        keep = [toile]

        def actor(feature, side: str, with_site: bool = True) -> str:
            flag = f"{side}_confidential"
            secret = bool(feature[flag]) if flag in names else bool(feature["confidential"])
            if secret and not show:
                return texts["confidential"]
            site = feature[f"{side}_site"] if f"{side}_site" in names and with_site else ""
            return (
                f"{feature[f'{side}_actor']} ({site})"
                if site and site != feature[f"{side}_actor"]
                else str(feature[f"{side}_actor"])
            )

        net = sum(float(f["net_eur"] or 0) for f in rows)
        co2 = sum(float(f["co2_avoided_t"] or 0) for f in rows) if "co2_avoided_t" in names else 0.0
        self._cover(
            layout, sheet, texts, language, len(rows), net, co2, parameters, context, any_secret=not show
        )
        layers = [*context_layers, toile]
        extent = null_extent()
        for layer in [toile, *[c for c in context_layers if _layout.layer_location(c)[1] == "communes"]]:
            extent.combineExtentWith(layer.extent())
        _dossier.page_frame(layout, sheet, 1, texts["overview"], pages)
        rect = (_dossier.MARGIN, 26, 205, _dossier.HEIGHT - 26 - 14)
        the_map = _dossier.map_item(layout, 1, rect, layers, crs, extent, 0.03)
        _dossier.map_furniture(layout, 1, the_map, rect)
        _dossier.legend_item(
            layout, 1, (_dossier.MARGIN + 210, 26, _dossier.WIDTH - 2 * _dossier.MARGIN - 210, 150), the_map,
            layers, language,
        )  # fmt: skip
        for number, feature in enumerate(shown, start=1):
            self.raise_if_canceled(feedback)
            feedback.setProgress(10 + 70 * number / max(len(shown), 1))
            page = 1 + number
            resource = str(feature["resource"])
            colon = " :" if language == "fr" else ":"
            heading = f"{number}. {RESOURCE_NAMES[language].get(resource, resource)}{colon} "
            heading += f"{actor(feature, 'offer', False)} → {actor(feature, 'need', False)}"
            _dossier.page_frame(layout, sheet, page, heading, pages)
            highlight = synergies.clone()
            highlight.loadNamedStyle(style_path("symbiosis_synergies"))
            highlight.setSubsetString(f"fid = {feature.id()}")
            keep.append(highlight)
            box = feature.geometry().boundingBox()
            box.grow(max(box.width(), box.height(), 1000.0) * 0.5)
            rect = (_dossier.MARGIN, 26, 150, _dossier.HEIGHT - 26 - 14)
            the_map = _dossier.map_item(layout, page, rect, [*context_layers, highlight], crs, box, 0.05)
            _dossier.map_furniture(layout, page, the_map, rect)
            unit = UNIT_NAMES[language].get(str(feature["unit"]), str(feature["unit"]))
            match = str(feature["match"]) if "match" in names else ""
            level = str(feature["confidence"]) if "confidence" in names else "high"
            match = MATCH_NAMES[language].get(match, match)
            why = texts["level" if resource in ("waste", "material") else "rule"].format(match=match)
            co2_t = float(feature["co2_avoided_t"])
            co2_t = 0.0 if abs(co2_t) < 0.5 else co2_t  # no "-0 t"
            facts = [
                [texts["offer"], f"{actor(feature, 'offer')} — {feature['offer_spec']}"],
                [texts["need"], f"{actor(feature, 'need')} — {feature['need_spec']}"],
                [texts["taken"], f"{words.number(float(feature['quantity']), language)} {unit}"],
                [texts["delivered"], f"{words.number(float(feature['delivered']), language)} {unit}"],
                [texts["distance"], words.distance(1000.0 * float(feature["km"]), language)],
                [
                    texts["months"],
                    texts["all_year"] if feature["months"] == "1-12" else str(feature["months"]),
                ],
                [
                    texts["cost"],
                    f"{words.number(float(feature['cost_eur']), language)} € {texts['per_year']}",
                ],
                [
                    texts["value_eur"],
                    f"{words.number(float(feature['value_eur']), language)} € {texts['per_year']}",
                ],
                [texts["net"], f"{words.number(float(feature['net_eur']), language)} € {texts['per_year']}"],
                [
                    texts["co2"],
                    f"{words.number(co2_t, language)} t {texts['per_year']}",
                ],
                [texts["confidence"], f"{texts.get(level, level)} — {why}"],
            ]
            x = _dossier.MARGIN + 156
            width = _dossier.WIDTH - _dossier.MARGIN - x
            _dossier.table(layout, page, x, 26, width, 150, [texts["what"], texts["value"]], facts,
                           [48, width - 48 - 6], 8.5)  # fmt: skip
        if factor_rows:
            _dossier.page_frame(layout, sheet, pages - 1, texts["factors"], pages)
            inner = _dossier.WIDTH - 2 * _dossier.MARGIN
            header = [texts["resource"], texts["factor"], texts["value"], texts["source"]]
            height = _dossier.HEIGHT - 27 - 14
            widths = [22, 45, 35, inner - 22 - 45 - 35 - 10]
            _dossier.table(
                layout, pages - 1, _dossier.MARGIN, 27, inner, height, header, factor_rows, widths, 7.0
            )
        feedback.setProgress(85)
        try:
            _layout.export_layout(layout, output, "pdf", 150)
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        del keep
        feedback.pushInfo(
            self.tr("Dossier of {pages} pages written to {path}").format(pages=pages, path=output)
        )
        return {self.OUTPUT: output}

    def _cover(
        self, layout, sheet, texts, language, count, net, co2, parameters, context, any_secret
    ) -> None:
        from ..engine import dossier as words
        from ..maps import dossier as _dossier
        from ..maps import layout as _layout

        m, width = _dossier.MARGIN, _dossier.WIDTH
        _dossier.box(layout, 0, 0, 0, width, 78, _dossier.ACCENT)
        _dossier.label(layout, 0, m + 4, 16, width - 80, 8, texts["kind"], 11, "#cfe0f1", bold=True)
        _dossier.label(layout, 0, m + 4, 27, width - 80, 26, sheet.title, 26, "#ffffff", bold=True)
        subtitle = self.parameterAsString(parameters, self.SUBTITLE, context)
        _dossier.label(layout, 0, m + 4, 55, width - 80, 16, subtitle, 14, "#e8eef5")
        territory = self.parameterAsString(parameters, self.TERRITORY, context)
        if territory:
            _dossier.label(layout, 0, m + 4, 86, width - 2 * m, 10, territory, 15, _dossier.ACCENT, bold=True)
        summary = [
            texts["count"].format(count=count),
            texts["totals"].format(net=words.number(net, language), co2=words.number(co2, language)),
        ]
        if any_secret:
            summary.append(texts["hidden"])
        _dossier.box(layout, 0, m + 4, 102, 200, 50, _dossier.LIGHT)
        _dossier.label(layout, 0, m + 10, 106, 190, 7, texts["summary"], 12, _dossier.ACCENT, bold=True)
        _dossier.label(layout, 0, m + 10, 115, 188, 36, "\n\n".join(summary), 10)
        footer = texts["made_on"].format(date=_layout.formatted_date(language))
        author = self.parameterAsString(parameters, self.AUTHOR, context)
        if author:
            footer = f"{author} — {footer}"
        _dossier.label(layout, 0, m + 4, 170, width - 2 * m, 6, footer, 10, _dossier.GREY)
        _dossier.label(
            layout, 0, m + 4, _dossier.HEIGHT - 14, width - 2 * m - 8, 8, sheet.credits, 7, _dossier.GREY
        )
