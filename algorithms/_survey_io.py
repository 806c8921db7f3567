"""Reading a symbiosis survey from Processing: the file checked row by row, rows without a point
placed through the ICPE / IREP layers, every set-aside row counted in the log.  Shared by
territoire:resource_synergies and territoire:shared_facility."""

from __future__ import annotations

from qgis.core import QgsProcessingException

#: Field names tried, in order, for the SIRET and the name of the sites of the ICPE / IREP layers.
SIRET_FIELDS = ("siret", "num_siret", "numero_siret", "code_siret")
NAME_FIELDS = ("name", "nom", "nom_ets", "nom_etablissement", "site_name", "raison_sociale")


def survey_crs(algorithm, parameters, name: str, context, what: str):
    """The CRS of parameter ``name`` (EPSG:2154 when not given), projected and with an EPSG code
    (the survey's x, y columns are in it); ``what`` names it in the errors."""
    from qgis.core import QgsCoordinateReferenceSystem

    crs = algorithm.parameterAsCrs(parameters, name, context)
    if not crs.isValid():
        crs = QgsCoordinateReferenceSystem("EPSG:2154")
    algorithm.require_projected_crs(crs, what)
    if not crs.authid().upper().startswith("EPSG:"):
        raise QgsProcessingException(algorithm.tr("Choose a CRS with an EPSG code (e.g. EPSG:2154)."))
    return crs


def read_places(algorithm, parameters, name: str, context, crs, feedback):
    """The sites of the layers of parameter ``name`` (SIRET, name, point), or None."""
    from ..engine.symbiosis_survey import Places
    from ._layer_io import read_points

    siret, names, xy = [], [], []
    for layer in algorithm.parameterAsLayerList(parameters, name, context):
        lower = {f.name().lower(): f.name() for f in layer.fields()}
        mapping = {}
        for column, candidates in (("siret", SIRET_FIELDS), ("name", NAME_FIELDS)):
            found = next((lower[c] for c in candidates if c in lower), None)
            if found:
                mapping[column] = found
        if not mapping:
            feedback.pushWarning(
                algorithm.tr("{layer} has neither a SIRET nor a name field: not used to place rows.").format(
                    layer=layer.name()
                )
            )
            continue
        frame, _ = read_points(layer, crs, context, mapping, feedback)
        for record in frame.to_dict("records"):
            if record["x"] == record["x"]:  # not NaN: the feature has a geometry
                siret.append(str(record.get("siret") or ""))
                names.append(str(record.get("name") or ""))
                xy.append((float(record["x"]), float(record["y"])))
    return Places(siret, names, xy) if xy else None


def read_checked_survey(algorithm, parameters, survey: str, places: str, context, crs, feedback):
    """The checked survey (engine Survey) of parameter ``survey``, placed through ``places``."""
    from ..engine.errors import EngineError
    from ..engine.symbiosis_survey import check_survey, read_survey

    feedback.setProgressText(algorithm.tr("Reading the survey"))
    try:
        raw = read_survey(
            algorithm.parameterAsFile(parameters, survey, context), int(crs.authid().split(":")[1])
        )
        checked = check_survey(raw, read_places(algorithm, parameters, places, context, crs, feedback))
    except EngineError as error:
        raise QgsProcessingException(algorithm.tr(error.message).format(**error.values)) from error
    feedback.pushInfo(
        algorithm.tr("Survey: {read} rows read, {used} usable, {set_aside} set aside.").format(
            read=checked.read, used=len(checked.rows), set_aside=len(checked.problems)
        )
    )
    for problem, count in sorted(checked.counts().items()):
        feedback.pushWarning(
            algorithm.tr("{count} rows set aside: {problem}.").format(
                count=count, problem=algorithm.tr(problem)
            )
        )
    by_place = sum(1 for row in checked.rows if row.placed_by != "point")
    if by_place:
        feedback.pushInfo(
            algorithm.tr("{count} rows placed through the ICPE / IREP layers.").format(count=by_place)
        )
    return checked

