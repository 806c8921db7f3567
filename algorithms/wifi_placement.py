"""Algorithm ``territoire:wifi_placement``: where to put the next Wi-Fi hotspots (MCLP).

Parameters from ``engine.wifi_options`` (the radio options shared with ``territoire:wifi_coverage``
through ``_wifi``, the goal and solver in ``PlacementOptions``); the run is
``engine.wifi_run.run_placement``, whose solver honours Cancel within a fraction of a second.
"""

from __future__ import annotations

import dataclasses

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..engine.wifi_options import PlacementOptions
from ..i18n_support import user_qlocale
from ..resources_paths import style_path
from ._options import add_options, read_options
from ._wifi import WifiParameters


class WifiPlacementAlgorithm(WifiParameters):
    """Choose new hotspot sites among candidates to cover the most demand (MCLP)."""

    ALGORITHM_ID = "wifi_placement"
    GROUP = "analysis"
    EMPTY_IS_GOOD = ("UNCOVERED",)
    REQUIRES = ("numpy", "scipy", "geopandas", "osgeo", "rasterio")
    TAGS = ("Wi-Fi", "hotspot", "WIFI4EU", "decision")
    ADVANCED = (
        "CANDIDATE_ID_FIELD",
        "CANDIDATE_HEIGHT_FIELD",
        "COST_FIELD",
        "DEMAND_WEIGHT",
        "EXISTING_ID_FIELD",
        "EXISTING_NAME_FIELD",
        "EXISTING_EIRP_FIELD",
        "EXISTING_HEIGHT_FIELD",
        "EXISTING_FREQUENCY_FIELD",
        "EXISTING_AZIMUTH_FIELD",
        "EXISTING_BEAMWIDTH_FIELD",
        "SURFACE",
        "BUILDING_HEIGHT_FIELD",
    )  # and the propagation, margin, antenna and solver options flagged advanced in engine.wifi_options

    CANDIDATES = "CANDIDATES"
    CANDIDATE_ID_FIELD = "CANDIDATE_ID_FIELD"
    CANDIDATE_HEIGHT_FIELD = "CANDIDATE_HEIGHT_FIELD"
    COST_FIELD = "COST_FIELD"
    DEMAND = "DEMAND"
    DEMAND_WEIGHT = "DEMAND_WEIGHT"
    EXISTING = "EXISTING"
    BUDGET = "BUDGET"
    SELECTED = "SELECTED"
    CURVE = "CURVE"
    UNCOVERED = "UNCOVERED"

    def displayName(self) -> str:
        return self.tr("Wi-Fi hotspot placement")

    def shortHelpString(self) -> str:
        return self.tr(
            "Chooses where to install new public Wi-Fi hotspots among candidate sites (public "
            "buildings, street furniture) so that the most demand (residents, footfall, points of "
            "interest) is within usable signal, the existing hotspots being kept. Each candidate's "
            "coverage is computed with the same propagation model and obstruction (buildings, terrain, "
            "DSM) as the coverage tool. Modes: a number of new hotspots (maximal covering), a target "
            "share of the demand with the fewest hotspots (or the cheapest, with costs), or a budget. "
            "Every plan comes with a proven bound of the best possible: greedy selection improved by "
            "swaps and the rounded LP relaxation (interior point, whose duals give the bound), then "
            "branch-and-bound (HiGHS) while the gap is above 0.5 %, within the time limit; the "
            "method, objective, bound and gap are always reported. Outputs: the selected sites ranked "
            "by marginal gain, the coverage curve (number of new hotspots → share of demand covered) "
            "and the demand left uncovered, with a before / after sentence."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CANDIDATES, self.tr("Candidate sites"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CANDIDATE_ID_FIELD,
                self.tr("Candidate identifier field"),
                defaultValue="building_id",
                parentLayerParameterName=self.CANDIDATES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CANDIDATE_HEIGHT_FIELD,
                self.tr("Candidate antenna height field (m above ground; empty values: the default height)"),
                defaultValue="height_m",
                parentLayerParameterName=self.CANDIDATES,
                optional=True,
                type=QgsProcessingParameterField.DataType.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.COST_FIELD,
                self.tr("Candidate cost field (for a budget or the cheapest target)"),
                parentLayerParameterName=self.CANDIDATES,
                optional=True,
                type=QgsProcessingParameterField.DataType.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DEMAND,
                self.tr("Demand: buildings with population, points of interest"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DEMAND_WEIGHT,
                self.tr("Demand weight field (empty: each feature counts 1)"),
                defaultValue="population",
                parentLayerParameterName=self.DEMAND,
                optional=True,
                type=QgsProcessingParameterField.DataType.Numeric,
            )
        )
        self.add_demand_at_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXISTING,
                self.tr("Existing hotspots (kept)"),
                [QgsProcessing.SourceType.TypeVectorPoint],
                optional=True,
            )
        )
        self.hotspot_field_parameters(self.EXISTING, prefix="EXISTING_")
        add_options(self, PlacementOptions, only=("mode", "count", "target_pct"))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BUDGET,
                self.tr("Budget (same unit as the costs; empty: none)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        add_options(self, PlacementOptions, only=("time_limit",))
        self.add_radio_parameters(self.CANDIDATES)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SELECTED, self.tr("New hotspot sites"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.CURVE, self.tr("Coverage curve"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNCOVERED,
                self.tr("Demand left uncovered"),
                QgsProcessing.SourceType.TypeVectorAnyGeometry,
                optional=True,
                createByDefault=True,
            )
        )
        for name, description in (
            ("COVERED_BEFORE_PCT", self.tr("Demand within usable signal before (%)")),
            ("COVERED_AFTER_PCT", self.tr("Demand within usable signal after (%)")),
            ("OBJECTIVE", self.tr("Objective value")),
            ("BOUND", self.tr("Proven bound of the best possible objective")),
            ("GAP", self.tr("Optimality gap (proven)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))
        self.addOutput(QgsProcessingOutputNumber("NEW_HOTSPOTS", self.tr("Number of new hotspots")))
        self.addOutput(QgsProcessingOutputString("METHOD", self.tr("Solution method")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        try:
            goal = self._goal(parameters, context)
        except EngineError as error:
            return False, self.engine_message(error)
        if goal.mode == "budget" and parameters.get(self.BUDGET) in (None, ""):
            return False, self.tr("The budget mode needs a budget.")
        if parameters.get(self.BUDGET) not in (None, "") and not parameters.get(self.COST_FIELD):
            return False, self.tr("A budget needs a cost field on the candidates.")
        return True, ""

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.wifi_run import run_placement

        candidates = self.parameterAsSource(parameters, self.CANDIDATES, context)
        demand_source = self.parameterAsSource(parameters, self.DEMAND, context)
        if candidates is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CANDIDATES))
        if demand_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DEMAND))
        self.grid_crs = candidates.sourceCrs()
        self.require_projected_crs(self.grid_crs, candidates.sourceName())
        self.require_projected_crs(demand_source.sourceCrs(), demand_source.sourceName())
        try:
            options, goal = self.radio_options(parameters, context), self._goal(parameters, context)
            sites, costs = self._read_candidates(candidates, options, parameters, context, feedback)
            existing = self._read_existing(options, parameters, context, feedback)
            demand, weight_field = self.read_demand(
                demand_source, self.DEMAND_WEIGHT, parameters, context, feedback
            )
            run = run_placement(
                sites,
                existing,
                self.read_obstacles(parameters, context, feedback),
                demand,
                options,
                goal,
                self.grid_crs.toWkt(),
                self.study_extent(parameters, context),
                costs,
                self.report(feedback),
            )
        except (Cancelled, EngineError) as error:
            raise self.failure(error) from None
        self.raise_if_canceled(feedback)
        feedback.setProgress(85)
        outputs = self._write_outputs(parameters, context, feedback, run, demand_source.wkbType())
        summary = self._report(feedback, run, weight_field or self.tr("features"), options.threshold)
        result = run.result
        outputs.update(
            {
                "COVERED_BEFORE_PCT": result.before_pct,
                "COVERED_AFTER_PCT": result.after_pct,
                "OBJECTIVE": result.objective,
                "BOUND": result.bound,
                "GAP": result.gap,
                "NEW_HOTSPOTS": len(result.selected),
                "METHOD": result.method,
                "SUMMARY": summary,
            }
        )
        feedback.setProgress(100)
        return outputs

    def _goal(self, parameters, context) -> PlacementOptions:
        """What to optimise: the placement options and the budget (None when empty)."""
        budget = None
        if parameters.get(self.BUDGET) not in (None, ""):
            budget = self.parameterAsDouble(parameters, self.BUDGET, context)
        return read_options(self, PlacementOptions, parameters, context, budget=budget)

    def _read_candidates(self, candidates, options, parameters, context, feedback):
        """The candidate sites and their costs (None without a cost field; a missing cost refused)."""
        import numpy as np

        from ._layer_io import optional_field, read_frame

        id_field = optional_field(
            candidates, self.parameterAsString(parameters, self.CANDIDATE_ID_FIELD, context)
        )
        cost_field = optional_field(candidates, self.parameterAsString(parameters, self.COST_FIELD, context))
        height_field = optional_field(
            candidates, self.parameterAsString(parameters, self.CANDIDATE_HEIGHT_FIELD, context)
        )
        fields = {"name": id_field, "height": height_field}
        sites = self.read_hotspots(
            candidates,
            fields,
            options,
            context,
            feedback,
            parameter_of={"height": self.CANDIDATE_HEIGHT_FIELD},
        )
        if not sites:
            raise QgsProcessingException(
                self.tr("The candidate layer {layer} has no point.").format(layer=candidates.sourceName())
            )
        if not cost_field:
            return sites, None
        frame = read_frame(candidates, self.grid_crs, context, {"cost": cost_field}, feedback)
        frame = frame[frame.geometry.notna()].reset_index(drop=True)
        costs = self.numeric_column(frame["cost"], self.COST_FIELD, cost_field, feedback)
        if np.isnan(costs).any():
            raise QgsProcessingException(
                self.tr(
                    "{count} candidates have no usable cost in {field} (empty, negative or not a "
                    "number): give each candidate a cost of 0 or more."
                ).format(
                    count=int(np.isnan(costs).sum()), field=self.field_label(self.COST_FIELD, cost_field)
                )
            )
        return sites, costs

    def _read_existing(self, options, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.EXISTING, context)
        if source is None:
            return []
        fields = self.hotspot_fields(source, parameters, context, prefix="EXISTING_")
        return self.read_hotspots(source, fields, options, context, feedback, prefix="EXISTING_")

    def _write_outputs(self, parameters, context, feedback, run, demand_type) -> dict:
        """The selected sites (styled), the coverage curve, the demand left uncovered."""
        from shapely.geometry import Point

        from ..engine.wifi_run import CURVE_COLUMNS, SELECTED_COLUMNS
        from ._layer_io import style_output

        selected = run.selected_rows()
        self._selected = self.write_rows(
            parameters,
            self.SELECTED,
            context,
            feedback,
            SELECTED_COLUMNS,
            QgsWkbTypes.Type.Point,
            [Point(site.x, site.y) for site, _row in selected],
            [row for _site, row in selected],
            (85.0, 90.0),
        )
        style_output(
            self, context, self._selected, style_path("wifi_placement"), self.tr("New Wi-Fi hotspots (rank)")
        )
        curve = run.curve_rows()
        outputs = {
            self.SELECTED: self._selected,
            self.CURVE: self.write_rows(
                parameters,
                self.CURVE,
                context,
                feedback,
                CURVE_COLUMNS,
                QgsWkbTypes.Type.NoGeometry,
                [None] * len(curve),
                curve,
                (90.0, 93.0),
            ),
        }
        keep = run.uncovered()
        uncovered = self.write_rows(
            parameters,
            self.UNCOVERED,
            context,
            feedback,
            [("weight", "float")],
            demand_type,
            [run.demand.geometries[i] for i in keep],
            [{"weight": float(run.demand.weights[i])} for i in keep],
            (93.0, 100.0),
        )
        if uncovered:
            outputs[self.UNCOVERED] = uncovered
        return outputs

    def _report(self, feedback, run, weight_name: str, threshold: float) -> str:
        """The before / after sentence with the plan's certificate (returned), and the solver's line."""
        result = run.result
        summary = self.tr(
            "With {new} new hotspots, {after} % of the demand ({weight}) would be within usable signal "
            "(≥ {threshold} dBm), against {before} % today with the {existing} existing hotspots."
        ).format(
            new=len(result.selected),
            after=round(result.after_pct),
            weight=weight_name,
            threshold=f"{threshold:g}",
            before=round(result.before_pct),
            existing=len(run.existing),
        )
        self._certificate_note = (
            f"Plan: {result.method}, objective {result.objective:g}; proven bound {result.bound:g} "
            f"({result.bound_method}); gap {100.0 * result.gap:.3g} %"
        )
        summary = f"{summary} {self._certificate(result)}"
        feedback.pushInfo(summary)
        locale = user_qlocale()
        feedback.pushInfo(
            self.tr(
                "Reduced instance: {rows} merged demand rows × {sites} candidates (dominated ones "
                "dropped). Plan: {method}, objective {objective}; bound {bound} ({bound_method}); "
                "gap {gap} %. Times: {times}."
            ).format(
                rows=result.reduced[0],
                sites=result.reduced[1],
                method=self._name(result.method),
                objective=locale.toString(float(result.objective), "f", 1),
                bound=locale.toString(float(result.bound), "f", 1),
                bound_method=self._name(result.bound_method),
                gap=locale.toString(100.0 * result.gap, "g", 2),
                times=", ".join(
                    f"{self._name(step)} {locale.toString(seconds, 'f', 2)} s"
                    for step, seconds in result.seconds.items()
                ),
            )
        )
        return summary

    def _name(self, key: str) -> str:
        """Translated name of a method or step of engine.wifi_placement.place."""
        names = {
            "greedy + swap": self.tr("greedy + swap"),
            "rounded LP relaxation": self.tr("rounded LP relaxation"),
            "HiGHS branch-and-bound": self.tr("HiGHS branch-and-bound"),
            "LP relaxation (interior point)": self.tr("LP relaxation (interior point)"),
            "branch-and-bound": self.tr("branch-and-bound"),
            "greedy (submodularity)": self.tr("greedy (submodularity)"),
            "single-site coverages": self.tr("single-site coverages"),
            "reduction": self.tr("reduction"),
            "heuristic": self.tr("heuristic"),
            "lp": self.tr("LP relaxation"),
            "branch_and_bound": self.tr("branch-and-bound"),
        }
        return names.get(key, key)

    def _certificate(self, result) -> str:
        """The sentence saying how far the plan can be from the best possible."""
        if result.optimal:
            return self.tr("This plan is the best possible (proven).")
        return self.tr("This plan is within {gap} % of the best possible (proven bound).").format(
            gap=user_qlocale().toString(100.0 * result.gap, "g", 2)
        )

    def postProcessAlgorithm(self, context, feedback):
        """Then the plan's certificate (method, objective, bound, gap) in the note of the selected
        sites' ``sources`` row, beside the provenance."""
        outputs = super().postProcessAlgorithm(context, feedback)
        note, destination = self.__dict__.get("_certificate_note"), self.__dict__.get("_selected")
        if note and destination:
            from ..engine.provenance import read_sources, write_sources
            from ._layer_io import gpkg_table

            path, table = gpkg_table(destination)
            source = read_sources(path).get(table) if table else None
            if source is not None:
                write_sources(path, [dataclasses.replace(source, note=f"{source.note}. {note}")])
        return outputs
