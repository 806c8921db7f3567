"""Algorithm ``territoire:resource_synergies``: from the actors' survey (offers and needs of waste,
materials, heat, steam, water and services) to the optimal synergies, the Toile of every
resource, the unmet needs with their reasons and a closure scenario."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsWkbTypes,
)

from ..engine.symbiosis_options import SynergyOptions as Options
from ._engine_io import RoadsChecked, roads_parameter
from ._options import add_options
from .base import TerritoireAlgorithm


class ResourceSynergiesAlgorithm(RoadsChecked, TerritoireAlgorithm):
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
        add_options(self, Options, only=("distance",))
        self.addParameter(roads_parameter())
        add_options(self, Options, self.CRS, only=("snap_tolerance", "closed_actors", "show_confidential"))
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

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """The outputs inherit the survey's provenance too (a synthetic survey says so)."""
        super().prepareAlgorithm(parameters, context, feedback)
        from ..engine.provenance import read_sources

        survey = self.parameterAsFile(parameters, self.SURVEY, context)
        if survey.lower().endswith(".gpkg"):
            self._input_sources += [s for s in read_sources(survey).values() if s not in self._input_sources]
        return True

    def processAlgorithm(self, parameters, context, feedback):
        from ..engine.symbiosis import (
            BALANCE_FIELDS,
            FACTOR_FIELDS,
            SUMMARY_FIELDS,
            SYNERGY_FIELDS,
            UNMATCHED_FIELDS,
            load_rules,
            run_synergies,
        )
        from ..engine.symbiosis_survey import PROBLEM_FIELDS
        from ._engine_io import engine_progress, run_engine, with_network, write_record_outputs
        from ._options import read_options
        from ._survey_io import read_checked_survey, survey_crs

        crs = survey_crs(self, parameters, self.CRS, context, self.tr("The analysis CRS"))
        label = self.tr("Confidential actor {number}")
        options = read_options(self, Options, parameters, context, confidential_label=label)
        rules = run_engine(load_rules, self.parameterAsFile(parameters, self.RULES, context) or None)
        survey = read_checked_survey(self, parameters, self.SURVEY, self.PLACES, context, crs, feedback)
        if not survey.rows:
            feedback.pushWarning(self.tr("The survey has no usable row: see the rows set aside (PROBLEMS)."))
        options = with_network(self, options, parameters, crs, context, feedback)
        feedback.setProgressText(self.tr("Allocating the resources"))
        result = run_engine(run_synergies, survey.rows, rules, options, engine_progress(feedback, 10.0, 85.0))
        problems = survey.problem_records(options.show_confidential, self.tr("Confidential row"))
        for record in problems:
            record["problem"] = self.tr(record["problem"])
        for record in result.unmatched:
            record["reason"] = self.tr(record["reason"])
        line, point, none = QgsWkbTypes.Type.LineString, QgsWkbTypes.Type.Point, QgsWkbTypes.Type.NoGeometry
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
        return results | self._report(result, feedback)

    def _report(self, result, feedback) -> dict:
        """The totals in the log; the outputs SYNERGY_COUNT, CO2_AVOIDED_T, NET_EUR and SENTENCE."""
        for row in result.summary:
            if row["resource"] == "all":
                values = [row[k] for k in ("baseline", "scenario") if row[k] is not None]
                feedback.pushInfo(
                    self.tr("{indicator}: {values} {unit}").format(
                        indicator=self.tr(row["indicator"]),
                        values=" → ".join(self.local_number(float(v)) for v in values),
                        unit=row["unit"],
                    )
                )
        numbers = result.headline()
        feedback.pushInfo(
            self.tr("{count} synergies, {unmet} unmet needs or unused offers.").format(
                count=numbers["SYNERGY_COUNT"], unmet=len(result.unmatched)
            )
        )
        sentence = self.tr("{count} synergies, {co2} t of CO2 and {net} EUR avoided a year").format(
            count=numbers["SYNERGY_COUNT"],
            co2=self.local_number(numbers["CO2_AVOIDED_T"]),
            net=self.local_number(numbers["NET_EUR"]),
        )
        feedback.pushInfo(sentence)
        return {**numbers, "SENTENCE": sentence}

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
