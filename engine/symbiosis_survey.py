"""The actors' survey of an industrial-symbiosis programme: template, reader, checks, placement.

One row per *offer* or *need* of an actor's site: ``actor, site, siret, role, resource, spec,
quantity, unit, season, confidential, address`` and a point (a GeoPackage geometry, or ``x``,
``y`` columns in a CSV or XLSX sheet).  :func:`write_template` writes an empty, documented
GeoPackage (coded-value domains give drop-down lists in QGIS) and its CSV / XLSX twins through
GDAL (no spreadsheet library needed).  :func:`read_survey` reads a filled one back and
:func:`check_survey` validates every row: a row that cannot be used (unknown resource or class,
unit that does not fit the resource, negative quantity, no place) is *kept in the report* with
its problem, never dropped silently.  Rows without a point are placed through the ICPE / IREP
sites by SIRET, then by site name.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from osgeo import gdal, ogr, osr

from .errors import EngineError
from .numbers import number_or_none
from .outputs import atomic_output
from .text import fold
from .waste_codes import parse_code, parse_patterns

RESOURCES = ("waste", "heat", "steam", "water", "material", "service")
ROLES = ("offer", "need")
#: Unit of each resource (quantities are per year, services in people).
UNITS = {
    "waste": "t/yr",
    "material": "t/yr",
    "heat": "MWh/yr",
    "steam": "MWh/yr",
    "water": "m3/yr",
    "service": "people",
}
_UNIT_ALIASES = {
    "t/yr": ("t/yr", "t/an", "t", "tonnes/yr", "tonnes/an", "t/year", "tpa"),
    "MWh/yr": ("mwh/yr", "mwh/an", "mwh", "mwh/year"),
    "m3/yr": ("m3/yr", "m3/an", "m3", "m³/yr", "m³/an", "m³", "m3/year"),
    "people": ("people", "persons", "personnes", "persons/day", "personnes/jour", "pers"),
}
WATER_OFFER_CLASSES = ("potable", "process", "demineralised", "seawater", "treated_wastewater", "rain")
#: What a water need may ask for: a class, or a use that several classes may serve.
WATER_NEED_CLASSES = (*WATER_OFFER_CLASSES, "cooling", "cleaning")
FAMILY = {
    "waste": "matter",
    "material": "matter",
    "heat": "energy",
    "steam": "energy",
    "water": "water",
    "service": "service",
}
SURVEY_LAYER = "survey"

#: (field, OGR type, required, allowed values, description): the template's documentation.
FIELDS: list[tuple[str, str, bool, str, str]] = [
    ("actor", "text", True, "", "Company or body (e.g. ArcelorMittal France)"),
    ("site", "text", False, "", "Site name, as in the ICPE / IREP registers when possible"),
    ("siret", "text", False, "14 digits", "SIRET of the site: places a row without a point"),
    ("role", "text", True, "offer | need", "offer: the site has it to give; need: the site uses it"),
    ("resource", "text", True, " | ".join(RESOURCES), "What is exchanged"),
    (
        "spec",
        "text",
        True,
        "see description",
        "Quality: a List-of-Waste code for waste and materials (an offer: 10 02 01; a need: a code or "
        "patterns, 17 01 *, 19 *); the temperature in °C for heat (90); pressure and temperature for "
        "steam (12 bar 220 °C); a water class "
        + " | ".join(WATER_OFFER_CLASSES)
        + " (a need may also ask for cooling | cleaning); a service name (restaurant, waste_platform, "
        "training, security, ...)",
    ),
    ("quantity", "real", True, "> 0", "Quantity per year (services: people)"),
    ("unit", "text", True, "t/yr | MWh/yr | m3/yr | people", "Unit fitting the resource (see table)"),
    ("season", "text", False, "1-12, 4-9, 11-3, jan,feb", "Months it is offered or needed; empty: all year"),
    ("confidential", "bool", False, "true | false", "Never print the actor's name in maps and dossiers"),
    ("address", "text", False, "", "Postal address (kept for the record; places nothing by itself)"),
    ("notes", "text", False, "", "Free text"),
]
_OGR_TYPES = {"text": ogr.OFTString, "real": ogr.OFTReal, "bool": ogr.OFTInteger}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "janv", "janvier", "january"),
            ("feb", "fev", "fevr", "fevrier", "february"),
            ("mar", "mars", "march"),
            ("apr", "avr", "avril", "april"),
            ("may", "mai"),
            ("jun", "juin", "june"),
            ("jul", "juil", "juillet", "july"),
            ("aug", "aou", "aout", "august"),
            ("sep", "sept", "septembre", "september"),
            ("oct", "octobre", "october"),
            ("nov", "novembre", "november"),
            ("dec", "decembre", "december"),
        ),
        start=1,
    )
    for name in names
}
ALL_YEAR = frozenset(range(1, 13))


def tr(text: str) -> str:
    """Mark an English string for translation (scripts/i18n.py extracts it; the Processing layer
    translates it when it shows it); the engine keeps the English text."""
    return text


# Problems reported for rows that cannot be used.
PROBLEM_ROLE = tr("role is not offer or need")
PROBLEM_RESOURCE = tr("unknown resource")
PROBLEM_SPEC = tr("unknown class or unreadable spec for this resource")
PROBLEM_QUANTITY = tr("quantity missing or not a number")
PROBLEM_NEGATIVE = tr("negative or zero quantity")
PROBLEM_UNIT = tr("unit does not fit the resource")
PROBLEM_SEASON = tr("unreadable season")
PROBLEM_ACTOR = tr("no actor")
PROBLEM_PLACE = tr("no point, and neither SIRET nor site name found in the ICPE / IREP layers")


@dataclass(frozen=True)
class Steam:
    pressure_bar: float
    temperature_c: float | None  # None: saturated steam, only the pressure is stated


@dataclass
class SurveyRow:
    """A usable row: spec parsed, quantity in the resource's unit, months, place."""

    row: int  # 1-based position in the file (the line a user finds it on, header excluded)
    actor: str
    site: str
    siret: str
    role: str
    resource: str
    spec: str
    quality: object  # WasteCode | list[Pattern] | float (°C) | Steam | str (water class, service)
    quantity: float
    unit: str
    months: frozenset[int]
    confidential: bool
    x: float
    y: float
    placed_by: str  # "point", "siret" or "name"

    @property
    def key(self) -> str:
        """The actor's site: rows of one site share it (balances, closures)."""
        return f"{self.actor} — {self.site}" if self.site and self.site != self.actor else self.actor


#: Output schema of the rows set aside (territoire:resource_synergies' PROBLEMS).
PROBLEM_FIELDS = [
    ("row", "int"),
    ("actor", "text"),
    ("field", "text"),
    ("value", "text"),
    ("problem", "text"),
]


@dataclass
class Problem:
    row: int
    actor: str
    field: str
    value: str
    problem: str
    confidential: bool = False


@dataclass
class Survey:
    rows: list[SurveyRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read: int = 0

    def counts(self) -> dict[str, int]:
        """Number of rows set aside per problem."""
        out: dict[str, int] = {}
        for problem in self.problems:
            out[problem.problem] = out.get(problem.problem, 0) + 1
        return out

    def problem_records(self, show_confidential: bool, hidden_actor: str) -> list[dict]:
        """The rows set aside as output records (PROBLEM_FIELDS); a confidential row's actor is
        ``hidden_actor`` unless ``show_confidential``."""
        return [
            {
                "row": p.row,
                "actor": hidden_actor if p.confidential and not show_confidential else p.actor,
                "field": p.field,
                "value": p.value,
                "problem": p.problem,
            }
            for p in self.problems
        ]


@dataclass
class Places:
    """Known sites (ICPE / IREP layers) to place rows without a point: SIRET, name, x, y."""

    siret: Sequence[str]
    name: Sequence[str]
    xy: Sequence[tuple[float, float]]


# --- the template -------------------------------------------------------------------------------
def _domains(dataset: gdal.Dataset) -> dict[str, str]:
    """Coded-value domains (drop-down lists in QGIS) of the GeoPackage template."""
    lists = {"role": ROLES, "resource": RESOURCES, "unit": tuple(_UNIT_ALIASES)}
    names = {}
    for name, values in lists.items():
        domain = ogr.CreateCodedFieldDomain(
            f"survey_{name}", f"Allowed {name} values", ogr.OFTString, ogr.OFSTNone, {v: v for v in values}
        )
        if dataset.AddFieldDomain(domain):
            names[name] = domain.GetName()
    return names


def _create_fields(layer: ogr.Layer, coordinates: bool, domains: dict[str, str]) -> None:
    for name, kind, *_ in FIELDS:
        definition = ogr.FieldDefn(name, _OGR_TYPES[kind])
        if kind == "bool":
            definition.SetSubType(ogr.OFSTBoolean)
        if name in domains:
            definition.SetDomainName(domains[name])
        layer.CreateField(definition)
    if coordinates:
        for name in ("x", "y"):
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))


def _documentation(crs_label: str) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """Header and rows of the table documenting the survey's fields."""
    rows = [(n, "yes" if req else "no", allowed, text) for n, _, req, allowed, text in FIELDS]
    rows.append(("x, y", "no", crs_label, "Point of the site (CSV / XLSX); or fill siret or site instead"))
    rows += [(f"unit of {r}", "", UNITS[r], f"Unit of the resource {r}") for r in RESOURCES]
    return ["field", "required", "allowed", "description"], rows


def _write_documentation(dataset: gdal.Dataset, name: str, crs_label: str) -> None:
    header, rows = _documentation(crs_label)
    table = dataset.CreateLayer(name, geom_type=ogr.wkbNone)
    for column in header:
        table.CreateField(ogr.FieldDefn(column, ogr.OFTString))
    for values in rows:
        feature = ogr.Feature(table.GetLayerDefn())
        for column, value in zip(header, values):
            feature.SetField(column, value)
        table.CreateFeature(feature)


def write_xlsx(path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]]) -> None:
    """A minimal Office Open XML workbook (shared strings), one sheet per (name, header, rows):
    GDAL writes no header row in an empty sheet, and a spreadsheet library would be one more
    dependency."""

    def column(index: int) -> str:
        letters = ""
        index += 1
        while index:
            index, rest = divmod(index - 1, 26)
            letters = chr(65 + rest) + letters
        return letters

    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
        '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application'
        '/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats'
            '-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        + "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets>'
        + "".join(
            f'<sheet name="{xml_escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _, _) in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http:'
        '//schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    }
    strings: dict[str, int] = {}

    def cell(reference: str, value: object) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f'<c r="{reference}"><v>{value}</v></c>'
        index = strings.setdefault(str(value), len(strings))
        return f'<c r="{reference}" t="s"><v>{index}</v></c>'

    for i, (_, header, rows) in enumerate(sheets, start=1):
        lines = []
        for r, values in enumerate([header, *rows], start=1):
            cells = "".join(cell(f"{column(c)}{r}", v) for c, v in enumerate(values) if v is not None)
            lines.append(f'<row r="{r}">{cells}</row>')
        parts[f"xl/worksheets/sheet{i}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData>' + "".join(lines) + "</sheetData></worksheet>"
        )
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t xml:space="preserve">{xml_escape(text)}</t></si>' for text in strings)
        + "</sst>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)


def _create(driver: str, path: Path) -> gdal.Dataset:
    return gdal.GetDriverByName(driver).Create(str(path), 0, 0, 0, gdal.GDT_Unknown)


def write_template(path: str | Path, epsg: int = 2154, twins: Sequence[str] = ("csv", "xlsx")) -> list[Path]:
    """Write the empty survey GeoPackage ``path`` and its twins (``csv``: survey + ``_fields``
    file, ``xlsx``: sheets ``survey`` and ``fields``); returns the paths written.  Refuses to
    replace an existing file (it may be a filled survey)."""
    path = Path(path)
    unknown = [twin for twin in twins if twin not in ("csv", "xlsx")]
    if unknown:
        raise EngineError("Unknown survey format {format}.", format=", ".join(unknown))
    csv_path, fields_path, xlsx_path = (
        path.with_suffix(".csv"),
        path.with_name(f"{path.stem}_fields.csv"),
        path.with_suffix(".xlsx"),
    )
    targets = (
        [path]
        + ([csv_path, fields_path] if "csv" in twins else [])
        + ([xlsx_path] if "xlsx" in twins else [])
    )
    existing = [str(target) for target in targets if target.exists()]
    if existing:
        raise EngineError(
            "{path} exists: choose another name (a filled survey is never overwritten).", path=existing[0]
        )
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    crs_label = f"EPSG:{epsg}"
    # every file is written to a temporary first and moved into place only when all are written
    with contextlib.ExitStack() as stack:
        temporary = {target: stack.enter_context(atomic_output(target)) for target in targets}
        dataset = _create("GPKG", temporary[path])
        layer = dataset.CreateLayer(SURVEY_LAYER, srs=srs, geom_type=ogr.wkbPoint, options=["FID=fid"])
        _create_fields(layer, coordinates=False, domains=_domains(dataset))
        _write_documentation(dataset, "survey_fields", crs_label)
        dataset = None
        if "csv" in twins:
            dataset = _create("CSV", temporary[csv_path])
            _create_fields(dataset.CreateLayer("survey", geom_type=ogr.wkbNone), coordinates=True, domains={})
            dataset = None
            dataset = _create("CSV", temporary[fields_path])
            _write_documentation(dataset, "fields", crs_label)
            dataset = None
        if "xlsx" in twins:
            names = [n for n, *_ in FIELDS] + ["x", "y"]
            sheets = [(SURVEY_LAYER, names, []), ("fields", *_documentation(crs_label))]
            write_xlsx(temporary[xlsx_path], sheets)
    return targets


# --- reading --------------------------------------------------------------------------------------
def read_survey(path: str | Path, epsg: int = 2154) -> list[dict]:
    """Raw rows of a survey (GeoPackage layer ``survey`` or the first layer with a ``role``
    field; CSV; XLSX sheet ``survey`` or the first sheet), each a dict of text values with ``x``,
    ``y`` (floats or None) in EPSG:``epsg`` and ``_row`` (1-based)."""
    path = Path(path)
    if not path.is_file():
        raise EngineError("The survey file {path} does not exist.", path=str(path))
    options = ["AUTODETECT_TYPE=NO", "KEEP_SOURCE_COLUMNS=NO"] if path.suffix.lower() == ".csv" else []
    if path.suffix.lower() == ".xlsx":
        options = ["HEADERS=FORCE", "FIELD_TYPES=STRING"]
    try:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=options)
    except RuntimeError:  # GDAL exceptions on
        dataset = None
    if dataset is None:
        raise EngineError("The survey file {path} cannot be read (GeoPackage, CSV or XLSX).", path=str(path))
    layer = dataset.GetLayerByName(SURVEY_LAYER)
    if layer is None:
        for index in range(dataset.GetLayerCount()):
            candidate = dataset.GetLayerByIndex(index)
            names = [d.GetName().lower() for d in candidate.schema]
            if "role" in names:
                layer = candidate
                break
    if layer is None:
        raise EngineError("The survey file {path} has no table with a role field.", path=str(path))
    names = [d.GetName() for d in layer.schema]
    required = [n for n, _, needed, *_ in FIELDS if needed]
    labels = names
    skip = 0
    if not set(required) <= {m.lower() for m in names} and layer.GetFeatureCount() == 1:
        # GDAL reads the only row of a sheet (a header without data) as data, not as the header
        first = layer.GetNextFeature()
        labels = [str(first.GetField(n) or "") for n in names]
        layer.ResetReading()
        skip = 1
    missing = [n for n in required if n not in {m.lower() for m in labels}]
    if missing:
        raise EngineError("The survey has no column {columns}.", columns=", ".join(missing))
    target = osr.SpatialReference()
    target.ImportFromEPSG(epsg)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source = layer.GetSpatialRef()
    transform = None
    if source is not None and not source.IsSame(target):
        source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = osr.CoordinateTransformation(source, target)
    rows = []
    for position, feature in enumerate(layer, start=1 - skip):
        if position < 1:
            continue
        values = {label.lower(): feature.GetField(name) for label, name in zip(labels, names)}
        row: dict[str, Any] = {
            key: "" if value is None else str(value).strip() for key, value in values.items()
        }
        x, y = number_or_none(row.get("x")), number_or_none(row.get("y"))
        geometry = feature.GetGeometryRef()
        if geometry is not None and not geometry.IsEmpty():
            geometry = geometry.Clone()
            if transform is not None:
                geometry.Transform(transform)
            point = geometry.Centroid() if geometry.GetGeometryType() != ogr.wkbPoint else geometry
            x, y = point.GetX(), point.GetY()
        row.update(x=x, y=y, _row=position)
        rows.append(row)
    return rows


# --- checks ---------------------------------------------------------------------------------------
def parse_unit(text: str) -> str | None:
    """Canonical unit (t/yr, MWh/yr, m3/yr, people) of a unit as written, None if unknown."""
    spelled = fold(text).replace(" ", "").replace("³", "3").replace("/annee", "/an")
    for unit, aliases in _UNIT_ALIASES.items():
        if spelled in {a.replace("³", "3") for a in aliases}:
            return unit
    return None


def parse_season(text: str) -> frozenset[int] | None:
    """Months of ``1-3,10-12``, ``11-3`` (wrapping), ``jan, fev``; empty or 'all': all year."""
    spelled = fold(text)
    if spelled in ("", "all", "all year", "toute l'annee", "annee", "1-12"):
        return ALL_YEAR
    months: set[int] = set()
    for part in re.split(r"[,;]", spelled):
        bounds = [b.strip(" .") for b in part.split("-")]
        if len(bounds) not in (1, 2):
            return None
        numbers = []
        for bound in bounds:
            number = _MONTHS.get(bound) or (int(bound) if bound.isdigit() else 0)
            if not 1 <= number <= 12:
                return None
            numbers.append(number)
        first, last = numbers[0], numbers[-1]
        span = range(first, last + 1) if first <= last else [*range(first, 13), *range(1, last + 1)]
        months.update(span)
    return frozenset(months) if months else None


_STEAM_BAR = re.compile(r"(\d+(?:[.,]\d+)?)\s*bar", re.I)
_STEAM_C = re.compile(r"(\d+(?:[.,]\d+)?)\s*°?\s*c\b", re.I)
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")


def parse_spec(resource: str, role: str, text: str) -> object | None:
    """The quality a spec states for the resource, None when it cannot be read (see FIELDS)."""
    text = text.strip()
    if not text:
        return None
    if resource in ("waste", "material"):
        if role == "offer":
            return parse_code(text)
        return parse_patterns(text) or None
    if resource == "heat":
        match = _NUMBERS.fullmatch(text.replace("°", "").replace("C", "").replace("c", "").strip())
        return float(match.group(0).replace(",", ".")) if match else None
    if resource == "steam":
        bar, celsius = _STEAM_BAR.search(text), _STEAM_C.search(text)
        numbers = [float(n.replace(",", ".")) for n in _NUMBERS.findall(text)]
        if bar:
            temperature = float(celsius.group(1).replace(",", ".")) if celsius else None
            return Steam(float(bar.group(1).replace(",", ".")), temperature)
        if "/" in text and len(numbers) == 2:
            return Steam(numbers[0], numbers[1])
        return None
    if resource == "water":
        spelled = fold(text).replace(" ", "_").replace("-", "_")
        spelled = {"demineralized": "demineralised", "sea_water": "seawater", "rainwater": "rain"}.get(
            spelled, spelled
        )
        allowed = WATER_OFFER_CLASSES if role == "offer" else WATER_NEED_CLASSES
        return spelled if spelled in allowed else None
    if resource == "service":
        return fold(text).replace(" ", "_")
    return None


def _truthy(text: str) -> bool:
    return fold(text) in {"1", "true", "t", "yes", "y", "oui", "o", "vrai", "x"}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def place(row: dict, places: Places | None) -> tuple[float, float, str] | None:
    """The row's point: its own, else the site with its SIRET, else the site with its name."""
    if row.get("x") is not None and row.get("y") is not None:
        return float(row["x"]), float(row["y"]), "point"
    if places is None:
        return None
    siret = _digits(row.get("siret", ""))
    if len(siret) == 14:
        for candidate, xy in zip(places.siret, places.xy):
            if _digits(str(candidate or "")) == siret:
                return float(xy[0]), float(xy[1]), "siret"
    for text in (row.get("site", ""), row.get("actor", "")):
        name = fold(text)
        if not name:
            continue
        for candidate, xy in zip(places.name, places.xy):
            if fold(str(candidate or "")) == name:
                return float(xy[0]), float(xy[1]), "name"
    return None


def check_survey(raw: list[dict], places: Places | None = None) -> Survey:
    """Validate and place every raw row (see module doc); each rejected row gets one Problem."""
    survey = Survey(read=len(raw))
    for row in raw:
        actor = row.get("actor", "")
        number = int(row.get("_row", 0))

        def reject(name: str, problem: str, row: dict = row, number: int = number) -> None:
            value = str(row.get(name, "") or "")
            confidential = _truthy(row.get("confidential", ""))
            survey.problems.append(Problem(number, row.get("actor", ""), name, value, problem, confidential))

        role = fold(row.get("role", ""))
        resource = fold(row.get("resource", ""))
        if not actor:
            reject("actor", PROBLEM_ACTOR)
            continue
        if role not in ROLES:
            reject("role", PROBLEM_ROLE)
            continue
        if resource not in RESOURCES:
            reject("resource", PROBLEM_RESOURCE)
            continue
        quality = parse_spec(resource, role, row.get("spec", ""))
        if quality is None:
            reject("spec", PROBLEM_SPEC)
            continue
        quantity = number_or_none(row.get("quantity"))
        if quantity is None:
            reject("quantity", PROBLEM_QUANTITY)
            continue
        if quantity <= 0:
            reject("quantity", PROBLEM_NEGATIVE)
            continue
        unit = parse_unit(row.get("unit", "") or UNITS[resource])
        if unit != UNITS[resource]:
            reject("unit", PROBLEM_UNIT)
            continue
        months = parse_season(row.get("season", ""))
        if months is None:
            reject("season", PROBLEM_SEASON)
            continue
        location = place(row, places)
        if location is None:
            reject("site", PROBLEM_PLACE)
            continue
        survey.rows.append(
            SurveyRow(
                row=number,
                actor=actor,
                site=row.get("site", ""),
                siret=_digits(row.get("siret", "")),
                role=role,
                resource=resource,
                spec=row.get("spec", ""),
                quality=quality,
                quantity=quantity,
                unit=unit,
                months=months,
                confidential=_truthy(row.get("confidential", "")),
                x=location[0],
                y=location[1],
                placed_by=location[2],
            )
        )
    return survey
