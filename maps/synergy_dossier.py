"""The synergy dossier (Qt side): cover, the Toile, one page per synergy, factors and sources.

Made from the outputs of ``territoire:resource_synergies`` with the page kit of ``maps.dossier``.
Confidential actors are never printed by name unless the options ask for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsFeature, QgsMapLayer, QgsPrintLayout, QgsProject, QgsVectorLayer

from ..engine import dossier as words
from ..engine.errors import Cancelled, EngineError
from ..engine.layout_options import SynergyDossierOptions
from ..qgis_compat import null_extent
from ..resources_paths import style_path
from . import dossier as kit
from . import layout as _layout
from .texts import COLON, MATCH_NAMES, RESOURCE_NAMES, SYNERGY_DOSSIER, UNIT_NAMES

#: Fields every synergies layer has (the output of Resource synergies).
REQUIRED_FIELDS = {"resource", "offer_actor", "need_actor", "quantity", "net_eur"}


@dataclass
class SynergyRequest:
    """What a synergy dossier is made from: the algorithm's inputs, read."""

    synergies: QgsVectorLayer
    factors: QgsVectorLayer | None
    context_layers: list[QgsMapLayer]
    options: SynergyDossierOptions
    language: str


def compose(request: SynergyRequest, project: QgsProject, feedback=None) -> tuple[QgsPrintLayout, list]:
    """The dossier's layout and the layers it draws (keep them until exported); progress 10–80 %."""
    synergies, language, options = request.synergies, request.language, request.options
    texts = SYNERGY_DOSSIER[language]
    names = set(synergies.fields().names())
    missing = REQUIRED_FIELDS - names
    if missing:
        raise EngineError(
            "{layer} is not an output of Resource synergies (no field {fields}).",
            layer=synergies.name(),
            fields=", ".join(sorted(missing)),
        )
    rows = [f for f in synergies.getFeatures() if (f["status"] if "status" in names else "") != "removed"]
    rows.sort(key=lambda f: (-float(f["net_eur"] or 0), f.id()))
    shown = rows[: options.max_pages]
    index = _layout.ProvenanceIndex()
    context_layers = request.context_layers
    _layout.readable_layers(context_layers, project, index)
    toile = synergies.clone()
    toile.loadNamedStyle(style_path("symbiosis_synergies"))
    toile.setName(texts["overview"])
    factor_rows = (
        [[str(f["resource"]), str(f["factor"]), str(f["value"]), str(f["source"])]
         for f in request.factors.getFeatures()]
        if request.factors is not None else []
    )  # fmt: skip
    sheet = kit.Sheet(
        title=options.title or texts["title"],
        credits=_layout.credits_for([*context_layers, synergies], index, language),
        language=language,
    )
    pages = 2 + len(shown) + (1 if factor_rows else 0)
    layout = kit.new_layout(project, pages)
    keep = [toile]
    net = sum(float(f["net_eur"] or 0) for f in rows)
    co2 = sum(float(f["co2_avoided_t"] or 0) for f in rows) if "co2_avoided_t" in names else 0.0
    cover(layout, sheet, options, len(rows), net, co2)
    overview_page(layout, sheet, pages, toile, context_layers, synergies.crs())
    for number, feature in enumerate(shown, start=1):
        if feedback is not None:
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgress(10 + 70 * number / max(len(shown), 1))
        keep.append(synergy_page(layout, sheet, pages, request, number, feature))
    if factor_rows:
        factors_page(layout, sheet, pages, factor_rows)
    return layout, keep


def actor(feature: QgsFeature, side: str, show: bool, language: str, with_site: bool = True) -> str:
    """The offering or needing actor (and its site), or "Confidential actor"."""
    names = set(feature.fields().names())
    flag = f"{side}_confidential"
    secret = bool(feature[flag]) if flag in names else bool(feature["confidential"])
    if secret and not show:
        return SYNERGY_DOSSIER[language]["confidential"]
    site = feature[f"{side}_site"] if f"{side}_site" in names and with_site else ""
    return (
        f"{feature[f'{side}_actor']} ({site})"
        if site and site != feature[f"{side}_actor"]
        else str(feature[f"{side}_actor"])
    )


def cover(
    layout, sheet: kit.Sheet, options: SynergyDossierOptions, count: int, net: float, co2: float
) -> None:
    language = sheet.language
    texts = SYNERGY_DOSSIER[language]
    m, width = kit.MARGIN, kit.WIDTH
    kit.box(layout, 0, 0, 0, width, 78, kit.ACCENT)
    kit.label(layout, 0, m + 4, 16, width - 80, 8, texts["kind"], 11, "#cfe0f1", bold=True)
    kit.label(layout, 0, m + 4, 27, width - 80, 26, sheet.title, 26, "#ffffff", bold=True)
    kit.label(layout, 0, m + 4, 55, width - 80, 16, options.subtitle, 14, "#e8eef5")
    if options.territory:
        kit.label(layout, 0, m + 4, 86, width - 2 * m, 10, options.territory, 15, kit.ACCENT, bold=True)
    summary = [
        texts["count"].format(count=count),
        texts["totals"].format(net=words.number(net, language), co2=words.number(co2, language)),
    ]
    if not options.show_confidential:
        summary.append(texts["hidden"])
    kit.box(layout, 0, m + 4, 102, 200, 50, kit.LIGHT)
    kit.label(layout, 0, m + 10, 106, 190, 7, texts["summary"], 12, kit.ACCENT, bold=True)
    kit.label(layout, 0, m + 10, 115, 188, 36, "\n\n".join(summary), 10)
    footer = texts["made_on"].format(date=_layout.formatted_date(language))
    if options.author:
        footer = f"{options.author} — {footer}"
    kit.label(layout, 0, m + 4, 170, width - 2 * m, 6, footer, 10, kit.GREY)
    kit.label(layout, 0, m + 4, kit.HEIGHT - 14, width - 2 * m - 8, 8, sheet.credits, 7, kit.GREY)


def overview_page(
    layout, sheet: kit.Sheet, pages: int, toile, context_layers: list[QgsMapLayer], crs
) -> None:
    """Page 2: the Toile over the context layers, with its legend."""
    layers = [*context_layers, toile]
    extent = null_extent()
    for layer in [toile, *[c for c in context_layers if _layout.layer_location(c)[1] == "communes"]]:
        extent.combineExtentWith(layer.extent())
    kit.page_frame(layout, sheet, 1, SYNERGY_DOSSIER[sheet.language]["overview"], pages)
    rect = (kit.MARGIN, 26, 205, kit.HEIGHT - 26 - 14)
    the_map = kit.map_item(layout, 1, rect, layers, crs, extent, 0.03)
    kit.map_furniture(layout, 1, the_map, rect)
    legend_rect = (kit.MARGIN + 210, 26, kit.WIDTH - 2 * kit.MARGIN - 210, 150)
    kit.legend_item(layout, 1, legend_rect, the_map, layers, sheet.language)


def synergy_page(
    layout, sheet: kit.Sheet, pages: int, request: SynergyRequest, number: int, feature
) -> QgsVectorLayer:
    """The page of one synergy: its map and its facts; returns the highlight layer it draws."""
    language, show = sheet.language, request.options.show_confidential
    texts = SYNERGY_DOSSIER[language]
    names = set(feature.fields().names())
    page = 1 + number
    resource = str(feature["resource"])
    heading = f"{number}. {RESOURCE_NAMES[language].get(resource, resource)}{COLON[language]} "
    heading += (
        f"{actor(feature, 'offer', show, language, False)} → {actor(feature, 'need', show, language, False)}"
    )
    kit.page_frame(layout, sheet, page, heading, pages)
    highlight = request.synergies.clone()
    highlight.loadNamedStyle(style_path("symbiosis_synergies"))
    highlight.setSubsetString(f"fid = {feature.id()}")
    box_extent = feature.geometry().boundingBox()
    box_extent.grow(max(box_extent.width(), box_extent.height(), 1000.0) * 0.5)
    rect = (kit.MARGIN, 26, 150, kit.HEIGHT - 26 - 14)
    layers = [*request.context_layers, highlight]
    the_map = kit.map_item(layout, page, rect, layers, request.synergies.crs(), box_extent, 0.05)
    kit.map_furniture(layout, page, the_map, rect)
    unit = UNIT_NAMES[language].get(str(feature["unit"]), str(feature["unit"]))
    match = str(feature["match"]) if "match" in names else ""
    level = str(feature["confidence"]) if "confidence" in names else "high"
    match = MATCH_NAMES[language].get(match, match)
    why = texts["level" if resource in ("waste", "material") else "rule"].format(match=match)
    co2_t = float(feature["co2_avoided_t"])
    co2_t = 0.0 if abs(co2_t) < 0.5 else co2_t  # no "-0 t"

    def euros(field: str) -> str:
        return f"{words.number(float(feature[field]), language)} € {texts['per_year']}"

    facts = [
        [texts["offer"], f"{actor(feature, 'offer', show, language)} — {feature['offer_spec']}"],
        [texts["need"], f"{actor(feature, 'need', show, language)} — {feature['need_spec']}"],
        [texts["taken"], f"{words.number(float(feature['quantity']), language)} {unit}"],
        [texts["delivered"], f"{words.number(float(feature['delivered']), language)} {unit}"],
        [texts["distance"], words.distance(1000.0 * float(feature["km"]), language)],
        [texts["months"], texts["all_year"] if feature["months"] == "1-12" else str(feature["months"])],
        [texts["cost"], euros("cost_eur")],
        [texts["value_eur"], euros("value_eur")],
        [texts["net"], euros("net_eur")],
        [texts["co2"], f"{words.number(co2_t, language)} t {texts['per_year']}"],
        [texts["confidence"], f"{texts.get(level, level)} — {why}"],
    ]
    x = kit.MARGIN + 156
    width = kit.WIDTH - kit.MARGIN - x
    kit.table(
        layout, page, x, 26, width, 150, [texts["what"], texts["value"]], facts, [48, width - 48 - 6], 8.5
    )
    return highlight


def factors_page(layout, sheet: kit.Sheet, pages: int, rows: list[list[str]]) -> None:
    """The last page: the factors used and their sources."""
    texts = SYNERGY_DOSSIER[sheet.language]
    kit.page_frame(layout, sheet, pages - 1, texts["factors"], pages)
    inner = kit.WIDTH - 2 * kit.MARGIN
    header = [texts["resource"], texts["factor"], texts["value"], texts["source"]]
    widths = [22, 45, 35, inner - 22 - 45 - 35 - 10]
    kit.table(layout, pages - 1, kit.MARGIN, 27, inner, kit.HEIGHT - 27 - 14, header, rows, widths, 7.0)
