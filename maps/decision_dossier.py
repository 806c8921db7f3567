"""The decision dossier (Qt side): cover, territory map, one page per candidate site, method, sources.

``compose`` measures each site (constraints met, fibre, port, waste outlets), words it with
``engine.dossier`` and lays the pages out with the page kit of ``maps.dossier``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutItemPicture,
    QgsMapLayer,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..engine import dossier as words
from ..engine.errors import Cancelled, EngineError
from ..engine.layout_options import DecisionDossierOptions
from ..engine.provenance import Source, read_sources
from ..qgis_compat import null_extent
from . import layout as _layout
from .dossier import (
    ACCENT,
    BAR,
    BAR_MAX,
    FONT,
    GREY,
    HEIGHT,
    LIGHT,
    MARGIN,
    WIDTH,
    box,
    label,
    legend_item,
    map_furniture,
    map_item,
    new_layout,
    page_frame,
    place,
    table,
)  # fmt: skip
from .texts import COLON, DECISION_DOSSIER, SUITABILITY_CLASSES

if TYPE_CHECKING:
    from ..engine.suitability import Model

SUITABILITY_COLOURS = ((20, "#440154"), (40, "#3b528b"), (60, "#21918c"), (80, "#5ec962"), (100, "#fde725"))
FIBRE_RADIUS = 200.0  # m around the site where premises count as "at the site"


# --- what the pages say ----------------------------------------------------------------------
@dataclass
class SitePage:
    """Everything one site's page shows."""

    site_id: object
    rank: int
    score: float
    min_score: float | None
    area_m2: float
    stay_top_prob: float | None
    geometry: QgsGeometry
    contributions: list[words.Contribution]
    constraints: list[tuple[str, str]] = field(default_factory=list)  # (constraint, verdict)
    facts: list[tuple[str, str]] = field(default_factory=list)  # (what, value)


@dataclass
class CriterionRow:
    name: str
    measure: str
    transform: str
    weight: float


@dataclass
class Dossier:
    """The content of the dossier, measured and worded, ready to lay out."""

    title: str
    subtitle: str
    territory: str
    author: str
    logo: str
    language: str
    sites: list[SitePage]
    crs: QgsCoordinateReferenceSystem
    sites_layer: QgsVectorLayer
    context_layers: list[QgsMapLayer]
    suitability: QgsRasterLayer | None
    criteria: list[CriterionRow]
    method: list[str]
    sources: list[Source]
    credits: str


def t(dossier: Dossier, key: str) -> str:
    return DECISION_DOSSIER[dossier.language][key]


# --- styles made in code (no shared QML for these outputs) -----------------------------------
def style_suitability(layer: QgsRasterLayer, language: str) -> None:
    """Five classes of 20 points, viridis (colour-blind safe), plain labels."""
    ramp = QgsColorRampShader(0, 100, None, QgsColorRampShader.Type.Discrete)
    ramp.setColorRampItemList([
        QgsColorRampShader.ColorRampItem(upper, QColor(colour), text)
        for (upper, colour), text in zip(SUITABILITY_COLOURS, SUITABILITY_CLASSES[language])
    ])  # fmt: skip
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0)
    renderer.setClassificationMax(100)
    renderer.setOpacity(0.8)
    layer.setRenderer(renderer)


def style_sites(layer: QgsVectorLayer) -> None:
    """Dark blue outlines, the rank written beside each site."""
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "255,255,255,60", "outline_color": ACCENT, "outline_width": "0.6", "joinstyle": "round",
    })))  # fmt: skip
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    text = QgsTextFormat()
    bold = QFont(FONT)
    bold.setBold(True)
    text.setFont(bold)
    text.setSize(10)
    text.setColor(QColor(ACCENT))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.priority = 10
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def site_highlight(sites: QgsVectorLayer, site_id: object) -> QgsVectorLayer:
    """A copy of the sites layer that outlines one site in vermilion."""
    highlight = sites.clone()
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": _layout.HIGHLIGHT, "outline_width": "1.1", "joinstyle": "round"}
    )
    root = QgsRuleBasedRenderer.Rule(None)
    literal = site_id if isinstance(site_id, (int, float)) else f"'{site_id}'"
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f'"site_id" = {literal}'))
    highlight.setRenderer(QgsRuleBasedRenderer(root))
    highlight.setLabelsEnabled(False)
    return highlight


# --- measuring the sites -----------------------------------------------------------------------
def features_near(layer: QgsVectorLayer, geometry: QgsGeometry, crs, radius: float, project: QgsProject):
    """(feature, geometry in ``crs``) of ``layer`` within ``radius`` of ``geometry``."""
    to_layer = QgsCoordinateTransform(crs, layer.crs(), project)
    to_map = QgsCoordinateTransform(layer.crs(), crs, project)
    box = geometry.boundingBox()
    box.grow(radius)
    request = QgsFeatureRequest().setFilterRect(to_layer.transformBoundingBox(box))
    for feature in layer.getFeatures(request):
        other = QgsGeometry(feature.geometry())
        moved = other.transform(to_map) == Qgis.GeometryOperationResult.Success
        if moved and other.distance(geometry) <= radius:
            yield feature, other


def nearest(layer: QgsVectorLayer, geometry: QgsGeometry, crs, project: QgsProject):
    """(feature, distance in metres) of the feature of ``layer`` nearest to ``geometry``."""
    to_map = QgsCoordinateTransform(layer.crs(), crs, project)
    best, best_distance = None, float("inf")
    for feature in layer.getFeatures():
        other = QgsGeometry(feature.geometry())
        if other.isEmpty() or other.transform(to_map) != Qgis.GeometryOperationResult.Success:
            continue
        gap = other.distance(geometry)
        if gap < best_distance:
            best, best_distance = feature, gap
    return best, best_distance


def feature_name(feature, layer: QgsVectorLayer) -> str:
    for name in ("name", "nom", "site_name"):
        if layer.fields().indexOf(name) >= 0 and feature[name]:
            return str(feature[name])
    return ""


def cover(layout, dossier: Dossier, pages: int) -> None:
    box(layout, 0, 0, 0, WIDTH, 78, ACCENT)
    label(layout, 0, MARGIN + 4, 16, WIDTH - 80, 8, t(dossier, "dossier").upper(), 11, "#cfe0f1", bold=True)
    label(layout, 0, MARGIN + 4, 27, WIDTH - 80, 26, dossier.title, 26, "#ffffff", bold=True)
    label(layout, 0, MARGIN + 4, 55, WIDTH - 80, 16, dossier.subtitle, 14, "#e8eef5")
    if dossier.logo:
        box(layout, 0, WIDTH - MARGIN - 52, 14, 52, 36, "#ffffff")
        logo = QgsLayoutItemPicture(layout)
        logo.setPicturePath(dossier.logo)
        logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        layout.addLayoutItem(logo)
        place(logo, 0, WIDTH - MARGIN - 49, 17, 46, 30)
    if dossier.territory:
        label(layout, 0, MARGIN + 4, 86, WIDTH - 2 * MARGIN, 10, dossier.territory, 15, ACCENT, bold=True)
    language = dossier.language
    best = dossier.sites[0] if dossier.sites else None
    summary = []
    if best is not None:
        summary.append(t(dossier, "cover_count").format(count=len(dossier.sites)))
        score = words.number(best.score, language)
        area = words.area(best.area_m2, language)
        summary.append(t(dossier, "cover_best").format(rank=best.rank, score=score, area=area))
        summary.append(words.stability_text(best.stay_top_prob, len(dossier.sites), language))
    if dossier.criteria:
        parts = ", ".join(f"{row.name} {words.percent(row.weight, language)}" for row in dossier.criteria)
        summary.append(t(dossier, "cover_criteria").format(parts=parts))
    box(layout, 0, MARGIN + 4, 102, 160, 62, LIGHT)
    label(layout, 0, MARGIN + 10, 106, 150, 7, t(dossier, "summary"), 12, ACCENT, bold=True)
    label(layout, 0, MARGIN + 10, 115, 148, 48, "\n\n".join(summary), 10)
    sites_pages = f"3–{2 + len(dossier.sites)}" if len(dossier.sites) > 1 else "3"
    contents = [
        f"1. {t(dossier, 'territory_map')} — p. 2",
        f"2. {t(dossier, 'site_sheets')} — p. {sites_pages}",
        f"3. {t(dossier, 'method')} — p. {pages - 1}",
        f"4. {t(dossier, 'sources')} — p. {pages}",
    ]
    label(layout, 0, 190, 106, 95, 7, t(dossier, "contents"), 12, ACCENT, bold=True)
    label(layout, 0, 190, 115, 95, 48, "\n\n".join(contents), 10)
    date = _layout.formatted_date(language)
    footer = t(dossier, "made_on").format(date=date)
    if dossier.author:
        footer = f"{t(dossier, 'author').format(author=dossier.author)} — {footer}"
    label(layout, 0, MARGIN + 4, 176, WIDTH - 2 * MARGIN, 6, footer, 10, GREY)
    label(layout, 0, MARGIN + 4, HEIGHT - 14, WIDTH - 2 * MARGIN - 8, 8, dossier.credits, 7, GREY)


def map_layers(dossier: Dossier) -> list[QgsMapLayer]:
    """Bottom to top: background context (communes, rasters), suitability, other context, sites."""
    background = [
        layer
        for layer in dossier.context_layers
        if isinstance(layer, QgsRasterLayer) or _layout.layer_location(layer)[1] == "communes"
    ]
    others = [layer for layer in dossier.context_layers if layer not in background]
    suitability = [dossier.suitability] if dossier.suitability is not None else []
    return [*background, *suitability, *others, dossier.sites_layer]


def territory_page(layout, dossier: Dossier, page: int, pages: int) -> None:
    page_frame(layout, dossier, page, t(dossier, "territory_map"), pages)
    rect = (MARGIN, 26, 205, HEIGHT - 26 - 14)
    layers = map_layers(dossier)
    extent = null_extent()
    territory = [layer for layer in dossier.context_layers if _layout.layer_location(layer)[1] == "communes"]
    for layer in territory or [dossier.sites_layer]:
        layer_extent = QgsCoordinateTransform(
            layer.crs(), dossier.crs, QgsProject.instance()
        ).transformBoundingBox(layer.extent())
        extent.combineExtentWith(layer_extent)
    the_map = map_item(layout, page, rect, layers, dossier.crs, extent, 0.03)
    map_furniture(layout, page, the_map, rect)
    legend_item(
        layout,
        page,
        (MARGIN + 210, 26, WIDTH - 2 * MARGIN - 210, HEIGHT - 26 - 14),
        the_map,
        layers,
        dossier.language,
    )


def bar_chart(
    layout, dossier: Dossier, page: int, x: float, y: float, width: float, site: SitePage, scale_max: float
) -> float:
    """Horizontal bars: possible points (light) and obtained points (dark) per criterion."""
    language = dossier.language
    name_width, value_width = 46, 20
    bar_width = width - name_width - value_width - 2
    row = 7.0
    for index, part in enumerate(site.contributions):
        top = y + index * row
        label(
            layout, page, x, top + 1, name_width - 2, 5, words.criterion_name(part.criterion, language), 8.5
        )
        if part.maximum:
            box(layout, page, x + name_width, top + 0.8, bar_width * part.maximum / scale_max, 4.4, BAR_MAX)
        length = max(0.4, bar_width * max(part.points, 0) / scale_max)
        box(layout, page, x + name_width, top + 0.8, length, 4.4, BAR)
        points = words.number(part.points, language, 1)
        maximum = f" / {words.number(part.maximum, language)}" if part.maximum else ""
        label(
            layout,
            page,
            x + width - value_width,
            top + 1,
            value_width,
            5,
            f"{points}{maximum}",
            8,
            align=Qt.AlignmentFlag.AlignRight,
        )
    bottom = y + len(site.contributions) * row
    if any(part.maximum for part in site.contributions):
        label(layout, page, x, bottom + 0.5, width, 4, t(dossier, "max_hint"), 6.5, GREY)
        bottom += 5
    return bottom


def site_page(
    layout, dossier: Dossier, page: int, pages: int, site: SitePage, scale_max: float, keep: list
) -> None:
    language = dossier.language
    title = f"{t(dossier, 'site').format(rank=site.rank)} — {words.number(site.score, language)}/100"
    page_frame(layout, dossier, page, title, pages)
    rect = (MARGIN, 26, 140, 112)
    highlight = site_highlight(dossier.sites_layer, site.site_id)
    keep.append(highlight)
    layers = [*map_layers(dossier), highlight]
    extent = site.geometry.boundingBox()
    if extent.width() < 1500 or extent.height() < 1000:
        centre = extent.center()
        half_width, half_height = max(extent.width(), 1500) / 2, max(extent.height(), 1000) / 2
        extent = QgsRectangle(
            centre.x() - half_width,
            centre.y() - half_height,
            centre.x() + half_width,
            centre.y() + half_height,
        )
    the_map = map_item(layout, page, rect, layers, dossier.crs, extent, 0.15)
    map_furniture(layout, page, the_map, rect)
    legend_item(layout, page, (MARGIN, 141, 140, HEIGHT - 141 - 12), the_map, map_layers(dossier), language)

    x = MARGIN + 146
    panel = WIDTH - MARGIN - x
    box(layout, page, x, 26, panel, 27, LIGHT)
    label(layout, page, x + 4, 28, 60, 5, t(dossier, "score"), 8.5, GREY)
    label(layout, page, x + 4, 33, 60, 14, f"{words.number(site.score, language)}/100", 24, ACCENT, bold=True)
    label(layout, page, x + 60, 28, 34, 5, t(dossier, "rank"), 8.5, GREY)
    label(
        layout,
        page,
        x + 60,
        34,
        34,
        8,
        words.rank_text(site.rank, len(dossier.sites), language),
        14,
        bold=True,
    )
    label(layout, page, x + 96, 28, 40, 5, t(dossier, "area"), 8.5, GREY)
    label(layout, page, x + 96, 34, 40, 8, words.area(site.area_m2, language), 14, bold=True)
    if site.min_score is not None:
        label(
            layout,
            page,
            x + 4,
            47,
            panel - 8,
            5,
            f"{t(dossier, 'min_score')}{COLON[language]} {words.number(site.min_score, language)}/100",
            8,
            GREY,
        )

    y: float = 57
    label(layout, page, x, y, panel, 5, t(dossier, "stability"), 10, ACCENT, bold=True)
    label(
        layout,
        page,
        x,
        y + 5.5,
        panel,
        9,
        words.stability_text(site.stay_top_prob, len(dossier.sites), language),
        8.5,
    )
    y += 16
    label(layout, page, x, y, panel, 5, t(dossier, "contributions"), 10, ACCENT, bold=True)
    y = bar_chart(layout, dossier, page, x, y + 6, panel, site, scale_max) + 2
    if site.constraints:
        label(layout, page, x, y, panel, 5, t(dossier, "constraints"), 10, ACCENT, bold=True)
        y = bullet_list(layout, page, x, y, panel, site.constraints, language)
    if site.facts:
        label(layout, page, x, y, panel, 5, t(dossier, "facts"), 10, ACCENT, bold=True)
        bullet_list(layout, page, x, y, panel, site.facts, language)


def bullet_list(layout, page: int, x: float, y: float, width: float, items, language: str) -> float:
    """``• what : value`` lines under a heading at ``y``; the height below them."""
    lines = [f"• {what}{COLON[language]} {value}" for what, value in items]
    label(layout, page, x, y + 5.5, width, 4.2 * len(lines) + 1, "\n".join(lines), 8)
    return y + 7 + 4.2 * len(lines)


def method_page(layout, dossier: Dossier, page: int, pages: int) -> None:
    page_frame(layout, dossier, page, t(dossier, "method"), pages)
    label(layout, page, MARGIN, 27, WIDTH - 2 * MARGIN, 50, "\n\n".join(dossier.method), 9.5)
    if dossier.criteria:
        rows = [
            [row.name, row.measure, row.transform, words.percent(row.weight, dossier.language)]
            for row in dossier.criteria
        ]
        header = [t(dossier, key) for key in ("criterion", "measures", "transform", "weight")]
        table(layout, page, MARGIN, 98, WIDTH - 2 * MARGIN, 95, header, rows, [48, 86, 102, 16])


def sources_page(layout, dossier: Dossier, page: int, pages: int) -> None:
    page_frame(layout, dossier, page, t(dossier, "sources"), pages)
    rows = [
        [
            source.title,
            source.publisher,
            source.licence,
            "—" if source.synthetic or not source.vintage else source.vintage,  # a seed is no vintage
            t(dossier, "synthetic") if source.synthetic else t(dossier, "real"),
        ]
        for source in dossier.sources
    ]
    header = [t(dossier, key) for key in ("layer", "publisher", "licence", "vintage", "nature")]
    table(layout, page, MARGIN, 27, WIDTH - 2 * MARGIN, HEIGHT - 27 - 14, header, rows, [90, 58, 45, 27, 35])


def build(dossier: Dossier, project: QgsProject, feedback=None) -> tuple[QgsPrintLayout, list]:
    """The dossier's layout, and the helper layers it draws (keep them until exported)."""
    pages = 2 + len(dossier.sites) + 2
    layout = new_layout(project, pages)
    keep: list = []
    cover(layout, dossier, pages)
    territory_page(layout, dossier, 1, pages)
    scale_max = max(
        [part.maximum or part.points for site in dossier.sites for part in site.contributions] or [1.0]
    )
    for index, site in enumerate(dossier.sites):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(40 + 40 * index / max(len(dossier.sites), 1))
        site_page(layout, dossier, 2 + index, pages, site, scale_max, keep)
    method_page(layout, dossier, pages - 2, pages)
    sources_page(layout, dossier, pages - 1, pages)
    return layout, keep


# --- measuring and wording the sites ------------------------------------------------------------
@dataclass
class DossierRequest:
    """What a decision dossier is made from: the algorithm's inputs, read."""

    sites_layer: QgsVectorLayer
    model: Model | None
    context_layers: list[QgsMapLayer]
    suitability: QgsRasterLayer | None
    fibre: QgsVectorLayer | None
    ports: QgsVectorLayer | None
    outlets: QgsVectorLayer | None
    options: DecisionDossierOptions
    logo: str
    language: str


def compose(request: DossierRequest, project: QgsProject, feedback=None) -> tuple[QgsPrintLayout, list]:
    """The dossier's layout and the helper layers it draws (keep them until exported).

    Progress 5–35 % while the sites are measured, 40–80 % while their pages are laid out.
    """
    language, model, options = request.language, request.model, request.options
    index = _layout.ProvenanceIndex()
    _layout.readable_layers(request.context_layers, project, index)
    suitability = request.suitability
    if suitability is not None:
        suitability = suitability.clone()
        suitability.setName(DECISION_DOSSIER[language]["suitability_label"])
        style_suitability(suitability, language)
    sites_map = request.sites_layer.clone()
    sites_map.setName(DECISION_DOSSIER[language]["sites_label"])
    style_sites(sites_map)
    sites = site_pages(request, project, index, feedback)
    sources = distinct_sources(
        [index.source(layer) for layer in [*request.context_layers, request.fibre, request.ports,
                                           request.outlets] if layer is not None]
        + ([model_source(criterion.layer, model.base_dir) for criterion in model.criteria] if model else [])
    )  # fmt: skip
    dossier = Dossier(
        title=options.title.strip() or (model.name if model is not None and model.name else
                                        DECISION_DOSSIER[language]["dossier"]),
        subtitle=options.subtitle.strip(),
        territory=options.territory.strip(),
        author=options.author.strip(),
        logo=request.logo,
        language=language,
        sites=sites,
        crs=request.sites_layer.crs(),
        sites_layer=sites_map,
        context_layers=request.context_layers,
        suitability=suitability,
        criteria=criteria_rows(model, language) if model is not None else [],
        method=words.method_paragraphs(
            model.aggregation if model is not None else None,
            model.ahp.cr if model is not None and model.ahp is not None else None,
            language,
        ),
        sources=sources,
        credits=_layout.credits_from_sources(sources, language),
    )  # fmt: skip
    layout, keep = build(dossier, project, feedback)
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()
    return layout, [*keep, sites_map, suitability]


def criteria_rows(model: Model, language: str) -> list[CriterionRow]:
    """The method page's table: each criterion, what it measures on which layer, its weight."""
    from ..engine.raster_grid import split_uri

    rows = []
    for criterion, weight in zip(model.criteria, model.weights):
        source = model_source(criterion.layer, model.base_dir)
        title = source.title if source is not None else split_uri(criterion.layer)[1] or criterion.layer
        rows.append(
            CriterionRow(
                name=words.criterion_name(criterion.name, language),
                measure=words.measure_text(criterion.measure, title, criterion.field, language),
                transform=words.transform_text(criterion.transform, criterion.measure, language),
                weight=float(weight),
            )
        )
    return rows


def site_pages(request: DossierRequest, project: QgsProject, index, feedback=None) -> list[SitePage]:
    """One page per scored site, in rank order, each measured (constraints, key facts)."""
    model, language = request.model, request.language
    layer, crs = request.sites_layer, request.sites_layer.crs()
    weights = (
        {criterion.name: float(w) for criterion, w in zip(model.criteria, model.weights)} if model else None
    )
    features = sorted(layer.getFeatures(), key=lambda f: (f["rank"] is None, f["rank"] or 0, f.id()))
    sites = []
    for number, feature in enumerate(features, start=1):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        row = {name: plain(feature[name]) for name in feature.fields().names()}
        if row.get("score") is None:
            continue
        geometry = QgsGeometry(feature.geometry())
        page = SitePage(
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
            page.constraints = check_constraints(model, geometry, crs, project, language, index)
        page.facts = key_facts(request, geometry, project)
        sites.append(page)
        if feedback is not None:
            feedback.setProgress(5 + 30 * number / max(len(features), 1))
    if not sites:
        raise EngineError(
            "The sites layer {name} has no scored site: there is nothing to report.", name=layer.name()
        )
    return sites


def check_constraints(model: Model, geometry, crs, project, language, index) -> list[tuple[str, str]]:
    """Each constraint of the model and whether the site meets it (measured, not assumed)."""
    from ..engine.raster_grid import split_uri

    texts = DECISION_DOSSIER[language]
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
                for _, other in features_near(layer, geometry, crs, 0.0, project)
            )
            result.append((texts["include"].format(layer=title), texts["met" if inside else "not_met"]))
            continue
        _, gap = nearest(layer, geometry, crs, project)
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


def key_facts(request: DossierRequest, geometry, project) -> list[tuple[str, str]]:
    """Fibre at the site, distance to the port, nearest waste outlet (for the layers given)."""
    language, crs = request.language, request.sites_layer.crs()
    texts = DECISION_DOSSIER[language]
    facts = []
    fibre = request.fibre
    if fibre is not None:
        premises = connectable = 0
        has_premises = fibre.fields().indexOf("premises") >= 0
        has_ftth = fibre.fields().indexOf("ftth") >= 0
        for feature, _ in features_near(fibre, geometry, crs, FIBRE_RADIUS, project):
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
    if request.ports is not None:
        feature, gap = nearest(request.ports, geometry, crs, project)
        if feature is not None:
            name = feature_name(feature, request.ports)
            facts.append((texts["port"], words.distance(gap, language) + (f" ({name})" if name else "")))
    if request.outlets is not None:
        feature, gap = nearest(request.outlets, geometry, crs, project)
        if feature is not None:
            name = feature_name(feature, request.outlets)
            distance = words.distance(gap, language)
            facts.append((texts["waste"], f"{name} — {distance}" if name else distance))
    return facts


def plain(value):
    """A Python value from a QGIS attribute (NULL → None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


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
