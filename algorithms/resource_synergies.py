"""Algorithm ``territoire:resource_synergies``: from the actors' survey (offers and needs of waste,
materials, heat, steam, water and services) to the optimal synergies, the Toile of every
resource, the unmet needs with their reasons and a closure scenario."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..i18n_support import user_qlocale
from .base import TerritoireAlgorithm

PROBLEM_FIELDS = [
    ("row", "int"),
    ("actor", "text"),
    ("field", "text"),
    ("value", "text"),
    ("problem", "text"),
]
FACTOR_FIELDS = [("resource", "text"), ("factor", "text"), ("value", "text"), ("source", "text")]


class ResourceSynergiesAlgorithm(TerritoireAlgorithm):
    """Optimal allocation of every resource of the survey, in one linear programme."""

    ALGORITHM_ID = "resource_synergies"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas", "osgeo")
    TAGS = ("symbiosis", "industrial synergies", "circular economy", "heat", "water", "waste")

    SURVEY = "SURVEY"
    CRS = "CRS"
    PLACES = "PLACES"
    RULES = "RULES"
    DISTANCE = "DISTANCE"
    ROADS = "ROADS"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    CLOSURE = "CLOSURE"
    SHOW_CONFIDENTIAL = "SHOW_CONFIDENTIAL"
    SYNERGIES = "SYNERGIES"
    BALANCE = "BALANCE"
    UNMATCHED = "UNMATCHED"
    PROBLEMS = "PROBLEMS"
    SUMMARY = "SUMMARY"
    FACTORS = "FACTORS"

    def displayName(self) -> str:
        return self.tr("Resource synergies (industrial symbiosis Toile)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Turns the survey of an industrial-symbiosis programme (territoire:symbiosis_template, filled: "
            "GeoPackage, CSV or XLSX) into synergies. Every row is checked: rows whose unit does not fit "
            "the resource, with a negative quantity, an unknown class or no place are listed in Problems, "
            "never dropped silently; rows without a point are placed through the ICPE / IREP layers by "
            "SIRET, then by site name. Offers match needs by the rules of a user-editable JSON (waste and "
            "materials on the List-of-Waste code hierarchy, heat by temperature with a margin, steam by "
            "pressure with a drop per km, water by a class matrix that never lets another class serve "
            "potable water, services by name), within a maximum distance per resource (straight or along "
            "the roads). One linear programme (HiGHS) allocates every resource together, minimising "
            "transport and pipe cost minus the value of the substituted supply, month by month for heat, "
            "steam and water. Outputs: synergy lines (curved arrows, one colour per resource family, width "
            "by quantity), each actor's balance, the unmet needs and unused offers with their reason, and "
            "the totals with the avoided purchases and CO2, the factors used and their sources. CLOSURE "
            "names actors that close: what breaks is reported. Confidential actors are not named unless "
            "asked."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                self.SURVEY,
                self.tr("Survey (GeoPackage, CSV or XLSX)"),
                QgsProcessingParameterFile.Behavior.File,
                fileFilter="Survey (*.gpkg *.csv *.xlsx)",
            )
        )
        self.addParameter(
            # optional: QGIS 3.22 refuses a missing CRS parameter even when it has a default
            QgsProcessingParameterCrs(
                self.CRS, self.tr("CRS of the analysis and of the x, y columns"), "EPSG:2154", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.PLACES,
                self.tr("ICPE / IREP sites, to place rows without a point (by SIRET or name)"),
                QgsProcessing.SourceType.TypeVectorAnyGeometry,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.RULES,
                self.tr("Rules (JSON; empty: the bundled rules)"),
                QgsProcessingParameterFile.Behavior.File,
                fileFilter="JSON (*.json)",
                optional=True,
            )
        )
        self.addParameter(self.distance_kind_parameter())
        for definition in self.road_parameters(snap_tolerance_m=500.0):
            self.addParameter(definition)
        self.addParameter(
            QgsProcessingParameterString(
                self.CLOSURE,
                self.tr("Closure scenario: actors that close (comma-separated)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SHOW_CONFIDENTIAL, self.tr("Name the confidential actors in the outputs"), False
            )
        )
        line, point = QgsProcessing.SourceType.TypeVectorLine, QgsProcessing.SourceType.TypeVectorPoint
        table = QgsProcessing.SourceType.TypeVector
        for name, description, kind in (
            (self.SYNERGIES, self.tr("Synergies"), line),
            (self.BALANCE, self.tr("Balance per actor and resource"), point),
            (self.UNMATCHED, self.tr("Unmet needs and unused offers"), point),
            (self.PROBLEMS, self.tr("Survey rows set aside"), table),
            (self.SUMMARY, self.tr("Synergies summary"), table),
            (self.FACTORS, self.tr("Factors and their sources"), table),
        ):
            self.addParameter(QgsProcessingParameterFeatureSink(name, description, kind))
        for name, description in (
            ("SYNERGY_COUNT", self.tr("Number of synergies")),
            ("CO2_AVOIDED_T", self.tr("CO2 avoided (t/yr)")),
            ("NET_EUR", self.tr("Net saving (EUR/yr)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))
        self.addOutput(QgsProcessingOutputString("SENTENCE", self.tr("In one sentence")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if self.parameterAsEnum(parameters, self.DISTANCE, context) == 1 and not parameters.get(self.ROADS):
            return False, self.tr("Distances along the roads need a road layer (ROADS).")
        return True, ""

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """The outputs inherit the survey's provenance too (a synthetic survey says so)."""
        super().prepareAlgorithm(parameters, context, feedback)
        from ..engine.provenance import read_sources

        survey = self.parameterAsFile(parameters, self.SURVEY, context)
        if survey.lower().endswith(".gpkg"):
            self._input_sources += [s for s in read_sources(survey).values() if s not in self._input_sources]
        return True

    def processAlgorithm(self, parameters, context, feedback):
        from ..engine.errors import Cancelled, EngineError
        from ..engine.symbiosis import (
            BALANCE_FIELDS,
            SUMMARY_FIELDS,
            SYNERGY_FIELDS,
            UNMATCHED_FIELDS,
            Options,
            load_rules,
            run_synergies,
        )
        from ._survey_io import read_checked_survey, write_record_outputs
        from .waste_flows import engine_progress, read_network

        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:2154")
        self.require_projected_crs(crs, self.tr("The analysis CRS"))
        if not crs.authid().upper().startswith("EPSG:"):
            raise QgsProcessingException(self.tr("Choose a CRS with an EPSG code (e.g. EPSG:2154)."))
        try:
            rules = load_rules(self.parameterAsFile(parameters, self.RULES, context) or None)
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        survey = read_checked_survey(self, parameters, self.SURVEY, self.PLACES, context, crs, feedback)
        if not survey.rows:
            feedback.pushWarning(self.tr("The survey has no usable row: see the rows set aside (PROBLEMS)."))
        closure = self.parameterAsString(parameters, self.CLOSURE, context) or ""
        closed = frozenset(part.strip() for part in closure.split(",") if part.strip())
        known = {row.actor for row in survey.rows} | {row.key for row in survey.rows}
        unknown = sorted(closed - known)
        if unknown:
            raise QgsProcessingException(
                self.tr("Closure scenario: no actor of the survey is called {names}.").format(
                    names=", ".join(unknown)
                )
            )
        network = None
        distance = "network" if self.parameterAsEnum(parameters, self.DISTANCE, context) == 1 else "straight"
        if distance == "network":
            feedback.setProgressText(self.tr("Building the road network"))
            roads = self.parameterAsSource(parameters, self.ROADS, context)
            network = read_network(self, roads, crs, context, feedback)
        options = Options(
            distance=distance,
            network=network,
            snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            closed_actors=closed,
            show_confidential=self.parameterAsBool(parameters, self.SHOW_CONFIDENTIAL, context),
            confidential_label=self.tr("Confidential actor {number}"),
        )
        feedback.setProgressText(self.tr("Allocating the resources"))
        try:
            result = run_synergies(survey.rows, rules, options, engine_progress(feedback, 10.0, 85.0))
        except Cancelled as error:
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written.")) from error
        except EngineError as error:
            raise QgsProcessingException(self.tr(error.message).format(**error.values)) from error
        aliases: dict[str, str] = {}
        problems = []
        for p in survey.problems:
            actor = p.actor
            if p.confidential and not options.show_confidential:
                actor = aliases.setdefault(p.actor, self.tr("Confidential row"))
            problems.append(
                {
                    "row": p.row,
                    "actor": actor,
                    "field": p.field,
                    "value": p.value,
                    "problem": self.tr(p.problem),
                }
            )
        for record in result.unmatched:
            record["reason"] = self.tr(record["reason"])
        line, point, none = (
            QgsWkbTypes.Type.LineString,
            QgsWkbTypes.Type.Point,
            QgsWkbTypes.Type.NoGeometry,
        )
        outputs = (
            (self.SYNERGIES, SYNERGY_FIELDS, result.synergies, line, "symbiosis_synergies",
             self.tr("Synergies")),
            (self.BALANCE, BALANCE_FIELDS, result.balance, point, "symbiosis_balance",
             self.tr("Balance per actor")),
            (self.UNMATCHED, UNMATCHED_FIELDS, result.unmatched, point, "symbiosis_unmatched",
             self.tr("Unmet needs and unused offers")),
            (self.PROBLEMS, PROBLEM_FIELDS, problems, none, "", self.tr("Survey rows set aside")),
            (self.SUMMARY, SUMMARY_FIELDS, result.summary, none, "", self.tr("Synergies summary")),
            (self.FACTORS, FACTOR_FIELDS, result.factors, none, "", self.tr("Factors and their sources")),
        )  # fmt: skip
        results = write_record_outputs(self, parameters, context, feedback, crs, outputs, 85.0, 2.0)
        self._factors = result.factors
        locale = user_qlocale()
        for row in result.summary:
            if row["resource"] == "all":
                values = [row[k] for k in ("baseline", "scenario") if row[k] is not None]
                feedback.pushInfo(
                    self.tr("{indicator}: {values} {unit}").format(
                        indicator=self.tr(row["indicator"]),
                        values=" → ".join(locale.toString(float(v), "f", 0) for v in values),
                        unit=row["unit"],
                    )
                )
        feedback.pushInfo(
            self.tr("{count} synergies, {unmet} unmet needs or unused offers.").format(
                count=sum(1 for s in result.synergies if s["status"] != "removed"),
                unmet=len(result.unmatched),
            )
        )
        totals = {(row["resource"], row["indicator"]): row for row in result.summary}
        now = "scenario" if closed else "baseline"
        results["SYNERGY_COUNT"] = sum(1 for s in result.synergies if s["status"] != "removed")
        results["CO2_AVOIDED_T"] = float(totals[("all", "CO2 avoided")][now])
        value = float(totals[("all", "value of the substituted supply")][now])
        results["NET_EUR"] = value - float(totals[("all", "transport and pipe cost")][now])
        results["SENTENCE"] = self.tr(
            "{count} synergies, {co2} t of CO2 and {net} EUR avoided a year"
        ).format(
            count=results["SYNERGY_COUNT"],
            co2=locale.toString(results["CO2_AVOIDED_T"], "f", 0),
            net=locale.toString(results["NET_EUR"], "f", 0),
        )
        feedback.pushInfo(results["SENTENCE"])
        return results

    def postProcessAlgorithm(self, context, feedback):
        """Styles and provenance (base class), then the factors and their sources in each output's
        ``sources`` note, so that every exported map or dossier can credit them."""
        super().postProcessAlgorithm(context, feedback)
        from dataclasses import replace

        from ..engine.provenance import read_sources, write_sources
        from ._layer_io import gpkg_table

        factors = "; ".join(
            f"{f['resource']} {f['factor']} = {f['value']} ({f['source']})"
            for f in self.__dict__.get("_factors", [])
        )
        for destination, _, _ in self.__dict__.get("_styled_outputs", []):
            path, table = gpkg_table(destination)
            if path and factors:
                source = read_sources(path).get(table)
                if source is not None:
                    write_sources(path, [replace(source, note=f"{source.note}. Factors: {factors}")])
        return {}
