"""Algorithm ``territoire:wifi_placement``: where to put the next Wi-Fi hotspots (MCLP)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from qgis.core import (
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..i18n_support import user_qlocale
from ..resources_paths import style_path
from .base import TerritoireAlgorithm
from .wifi_coverage import WifiParameters

if TYPE_CHECKING:
    from ..engine.wifi_propagation import Hotspot


class WifiPlacementAlgorithm(WifiParameters, TerritoireAlgorithm):
    """Choose new hotspot sites among candidates to cover the most demand (MCLP)."""

    ALGORITHM_ID = "wifi_placement"
    GROUP = "analysis"
    EMPTY_IS_GOOD = ("UNCOVERED",)
    REQUIRES = ("numpy", "scipy", "geopandas", "osgeo")
    TAGS = ("Wi-Fi", "hotspot", "WIFI4EU", "decision")
    ADVANCED = (
        "CANDIDATE_ID_FIELD",
        "CANDIDATE_HEIGHT_FIELD",
        "COST_FIELD",
        "DEMAND_WEIGHT",
        "DEMAND_AT",
        "EXISTING_ID_FIELD",
        "EXISTING_NAME_FIELD",
        "EXISTING_EIRP_FIELD",
        "EXISTING_HEIGHT_FIELD",
        "EXISTING_FREQUENCY_FIELD",
        "EXISTING_AZIMUTH_FIELD",
        "EXISTING_BEAMWIDTH_FIELD",
        "TIME_LIMIT",
        "EIRP",
        "HEIGHT",
        "FREQUENCY",
        "MODEL",
        "ENVIRONMENT",
        "SURFACE",
        "BUILDING_HEIGHT_FIELD",
        "MAX_RANGE",
        "INDOOR",
        "RX_HEIGHT",
        "BODY_LOSS",
        "LOCATION_PROBABILITY",
    )

    CANDIDATES = "CANDIDATES"
    CANDIDATE_ID_FIELD = "CANDIDATE_ID_FIELD"
    CANDIDATE_HEIGHT_FIELD = "CANDIDATE_HEIGHT_FIELD"
    COST_FIELD = "COST_FIELD"
    DEMAND = "DEMAND"
    DEMAND_WEIGHT = "DEMAND_WEIGHT"
    EXISTING = "EXISTING"
    MODE = "MODE"
    COUNT = "COUNT"
    TARGET = "TARGET"
    BUDGET = "BUDGET"
    TIME_LIMIT = "TIME_LIMIT"
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
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE,
                self.tr("Choose"),
                options=[
                    self.tr("A number of new hotspots"),
                    self.tr("The fewest hotspots reaching a target share"),
                    self.tr("The best coverage within a budget"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.COUNT,
                self.tr("Number of new hotspots"),
                QgsProcessingParameterNumber.Type.Integer,
                10,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TARGET,
                self.tr("Target share of the demand within usable signal (%)"),
                QgsProcessingParameterNumber.Type.Double,
                90.0,
                minValue=0.1,
                maxValue=100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BUDGET,
                self.tr("Budget (same unit as the costs; empty: none)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TIME_LIMIT,
                self.tr("Time limit of the exact solver (s)"),
                QgsProcessingParameterNumber.Type.Double,
                60.0,
                minValue=1.0,
            )
        )
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
        from ..engine.wifi_placement import MODES

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        if mode == "budget" and parameters.get(self.BUDGET) in (None, ""):
            return False, self.tr("The budget mode needs a budget.")
        if parameters.get(self.BUDGET) not in (None, "") and not parameters.get(self.COST_FIELD):
            return False, self.tr("A budget needs a cost field on the candidates.")
        return True, ""

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        import numpy as np

        from ..engine.wifi_placement import MODES, coverage_matrix, place
        from ..engine.wifi_propagation import demand_cells
        from ._layer_io import optional_field, read_frame

        candidates = self.parameterAsSource(parameters, self.CANDIDATES, context)
        demand = self.parameterAsSource(parameters, self.DEMAND, context)
        if candidates is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CANDIDATES))
        if demand is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DEMAND))
        self.grid_crs = candidates.sourceCrs()
        self.require_projected_crs(self.grid_crs, candidates.sourceName())
        self.require_projected_crs(demand.sourceCrs(), demand.sourceName())
        existing_source = self.parameterAsSource(parameters, self.EXISTING, context)
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        try:
            settings = self.radio_settings(parameters, context)
            id_field = optional_field(
                candidates, self.parameterAsString(parameters, self.CANDIDATE_ID_FIELD, context)
            )
            cost_field = optional_field(
                candidates, self.parameterAsString(parameters, self.COST_FIELD, context)
            )
            height_field = optional_field(
                candidates, self.parameterAsString(parameters, self.CANDIDATE_HEIGHT_FIELD, context)
            )
            sites = self.read_hotspots(
                candidates,
                {"name": id_field, "height": height_field},
                parameters,
                context,
                feedback,
                parameter_of={"height": self.CANDIDATE_HEIGHT_FIELD},
            )
            frame = read_frame(
                candidates,
                self.grid_crs,
                context,
                {k: v for k, v in (("label", id_field), ("cost", cost_field)) if v},
                feedback,
            )
            frame = frame[frame.geometry.notna()].reset_index(drop=True)
            if not sites:
                raise QgsProcessingException(
                    self.tr("The candidate layer {layer} has no point.").format(layer=candidates.sourceName())
                )
            costs = None
            if cost_field:
                costs = self.numeric_column(frame["cost"], self.COST_FIELD, cost_field, feedback)
                if np.isnan(costs).any():
                    raise QgsProcessingException(
                        self.tr(
                            "{count} candidates have no usable cost in {field} (empty, negative or not a "
                            "number): give each candidate a cost of 0 or more."
                        ).format(
                            count=int(np.isnan(costs).sum()),
                            field=self.field_label(self.COST_FIELD, cost_field),
                        )
                    )
            existing: list[Hotspot] = []
            if existing_source is not None:
                fields = self.hotspot_fields(existing_source, parameters, context, prefix="EXISTING_")
                existing = self.read_hotspots(
                    existing_source, fields, parameters, context, feedback, prefix="EXISTING_"
                )
            weight_field = optional_field(
                demand, self.parameterAsString(parameters, self.DEMAND_WEIGHT, context)
            )
            demand_frame = read_frame(
                demand, self.grid_crs, context, {"weight": weight_field} if weight_field else {}, feedback
            )
            demand_frame = demand_frame[demand_frame.geometry.notna()].reset_index(drop=True)
            weights = (
                np.nan_to_num(
                    self.numeric_column(demand_frame["weight"], self.DEMAND_WEIGHT, weight_field, feedback)
                )
                if weight_field
                else np.ones(len(demand_frame))
            )
            grid = self.grid_for(
                parameters, context, self._bounds(sites, existing, demand_frame, settings.max_range)
            )
            feedback.pushInfo(
                self.tr("Grid of {rows} × {cols} cells of {cell} m.").format(
                    rows=grid.n_rows, cols=grid.n_cols, cell=grid.cell_size
                )
            )
            inside = np.array([grid.contains(p.x, p.y) for p in demand_frame.geometry.representative_point()])
            demand_frame, weights = self.demand_inside(grid, demand_frame, feedback), weights[inside]
            obstruction = self.read_obstruction(grid, parameters, context, feedback)
            cells = demand_cells(
                grid,
                list(demand_frame.geometry),
                weights,
                outdoor=self.demand_outdoor(parameters, context, obstruction),
            )
            self.raise_if_canceled(feedback)
            feedback.setProgressText(self.tr("Coverage of the existing hotspots"))
            existing_covered = np.zeros(len(weights), bool)
            outside = [h for h in existing if not grid.contains(h.x, h.y)]
            if outside:
                feedback.pushInfo(
                    self.tr("{count} existing hotspots outside the study extent are ignored.").format(
                        count=len(outside)
                    )
                )
                existing = [h for h in existing if grid.contains(h.x, h.y)]
            if existing:
                existing_matrix = coverage_matrix(
                    obstruction, existing, cells, settings, self.progress(feedback, 10, 20)
                )
                existing_covered = np.asarray(existing_matrix.sum(axis=1)).ravel() > 0
            feedback.setProgressText(self.tr("Coverage of each candidate site"))
            matrix = coverage_matrix(obstruction, sites, cells, settings, self.progress(feedback, 20, 70))
            del obstruction
            feedback.pushInfo(
                self.tr(
                    "Coverage matrix: {demand} demand features × {sites} candidates, {links} links."
                ).format(demand=matrix.shape[0], sites=matrix.shape[1], links=matrix.nnz)
            )
            feedback.setProgressText(self.tr("Solving the maximal covering problem"))
            budget = parameters.get(self.BUDGET)
            result = place(
                matrix,
                weights,
                existing_covered,
                mode=mode,
                count=self.parameterAsInt(parameters, self.COUNT, context),
                target_pct=self.parameterAsDouble(parameters, self.TARGET, context),
                budget=None
                if budget in (None, "")
                else self.parameterAsDouble(parameters, self.BUDGET, context),
                costs=costs,
                time_limit=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
            )
        except Cancelled:
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written.")) from None
        except EngineError as error:
            raise self.engine_error(error) from error
        self.raise_if_canceled(feedback)
        feedback.setProgress(85)
        outputs = self._write_selected(parameters, context, feedback, sites, frame, costs, result)
        outputs[self.CURVE] = self._write_curve(parameters, context, feedback, result)
        covered_after = existing_covered | (np.asarray(matrix[:, result.selected].sum(axis=1)).ravel() > 0)
        uncovered = self._write_uncovered(
            parameters, context, feedback, demand, demand_frame, weights, covered_after
        )
        if uncovered:
            outputs[self.UNCOVERED] = uncovered
        weight_name = weight_field or self.tr("features")
        summary = self.tr(
            "With {new} new hotspots, {after} % of the demand ({weight}) would be within usable signal "
            "(≥ {threshold} dBm), against {before} % today with the {existing} existing hotspots."
        ).format(
            new=len(result.selected),
            after=round(result.after_pct),
            weight=weight_name,
            threshold=f"{settings.threshold:g}",
            before=round(result.before_pct),
            existing=len(existing),
        )
        certificate = self._certificate(result)
        self._certificate_note = (
            f"Plan: {result.method}, objective {result.objective:g}; proven bound {result.bound:g} "
            f"({result.bound_method}); gap {100.0 * result.gap:.3g} %"
        )
        summary = f"{summary} {certificate}"
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

    @staticmethod
    def _bounds(sites, existing, demand_frame, reach: float) -> tuple[float, float, float, float]:
        """Demand extent widened by the range, and the sites that can reach it."""
        if len(demand_frame):
            x0, y0, x1, y1 = demand_frame.total_bounds
        else:
            xs = [h.x for h in [*sites, *existing]]
            ys = [h.y for h in [*sites, *existing]]
            x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        return (x0 - reach, y0 - reach, x1 + reach, y1 + reach)

    def _write_selected(self, parameters, context, feedback, sites, frame, costs, result) -> dict:
        from ._layer_io import extended_fields, style_output, write_features

        kinds = [
            ("rank", "int"),
            ("site", "text"),
            ("marginal_gain", "float"),
            ("cumulative_pct", "float"),
            ("cost", "float"),
            ("eirp_dbm", "float"),
            ("height_m", "float"),
            ("frequency_mhz", "float"),
        ]
        fields = extended_fields(QgsFields(), kinds)
        sink, destination = self.parameterAsSink(
            parameters, self.SELECTED, context, fields, QgsWkbTypes.Type.Point, self.grid_crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.SELECTED))
        rows, geometries = [], []
        for rank, (index, (_, covered, _)) in enumerate(zip(result.selected, result.curve[1:]), start=1):
            site = sites[index]
            geometries.append(QgsGeometry.fromWkt(f"POINT ({site.x} {site.y})"))
            rows.append(
                {
                    "rank": rank,
                    "site": site.name or str(site.key),
                    "marginal_gain": result.gains[rank - 1],
                    "cumulative_pct": 100.0 * covered / result.total_weight,
                    "cost": None if costs is None else float(costs[index]),
                    "eirp_dbm": site.eirp_dbm,
                    "height_m": site.height_m,
                    "frequency_mhz": site.frequency_mhz,
                }
            )
        write_features(sink, fields, geometries, rows, feedback, (85.0, 90.0))
        self._selected = destination
        style_output(
            self, context, destination, style_path("wifi_placement"), self.tr("New Wi-Fi hotspots (rank)")
        )
        return {self.SELECTED: destination}

    def _write_curve(self, parameters, context, feedback, result) -> str:
        from ._layer_io import extended_fields, write_features

        fields = extended_fields(
            QgsFields(),
            [
                ("new_hotspots", "int"),
                ("covered_weight", "float"),
                ("covered_pct", "float"),
                ("in_solution", "bool"),
            ],
        )
        sink, destination = self.parameterAsSink(
            parameters, self.CURVE, context, fields, QgsWkbTypes.Type.NoGeometry, self.grid_crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.CURVE))
        rows = [
            {
                "new_hotspots": k,
                "covered_weight": weight,
                "covered_pct": 100.0 * weight / result.total_weight,
                "in_solution": chosen,
            }
            for k, weight, chosen in result.curve
        ]
        write_features(sink, fields, [None] * len(rows), rows, feedback, (90.0, 93.0))
        return destination

    def _write_uncovered(self, parameters, context, feedback, demand, demand_frame, weights, covered) -> str:
        import numpy as np

        from ._layer_io import extended_fields, write_features

        fields = extended_fields(QgsFields(), [("weight", "float")])
        sink, destination = self.parameterAsSink(
            parameters, self.UNCOVERED, context, fields, demand.wkbType(), self.grid_crs
        )
        if sink is None:
            return ""
        keep = np.flatnonzero(~covered & (weights > 0))
        geometries = [demand_frame.geometry.iloc[i] for i in keep]
        write_features(
            sink, fields, geometries, [{"weight": float(weights[i])} for i in keep], feedback, (93.0, 100.0)
        )
        return destination
