"""Algorithm ``territoire:wifi_coverage``: best-server Wi-Fi signal of hotspots on buildings and terrain.

Parameters from ``engine.wifi_options.RadioOptions`` (shared with ``territoire:wifi_placement``
through ``_wifi``); the run is ``engine.wifi_run.run_coverage``.
"""

from __future__ import annotations

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
    QgsProcessingParameterRasterDestination,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..resources_paths import style_path
from ._wifi import WifiParameters


class WifiCoverageAlgorithm(WifiParameters):
    """Best-server received power of Wi-Fi hotspots, coverage classes and per-zone shares."""

    ALGORITHM_ID = "wifi_coverage"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas", "osgeo", "rasterio")
    TAGS = ("Wi-Fi", "hotspot", "coverage", "WIFI4EU")
    ADVANCED = (
        "ID_FIELD",
        "NAME_FIELD",
        "EIRP_FIELD",
        "HEIGHT_FIELD",
        "FREQUENCY_FIELD",
        "AZIMUTH_FIELD",
        "BEAMWIDTH_FIELD",
        "SURFACE",
        "BUILDING_HEIGHT_FIELD",
        "DEMAND_WEIGHT",
    )  # and the propagation, margin and antenna options flagged advanced in RadioOptions

    HOTSPOTS = "HOTSPOTS"
    DEMAND = "DEMAND"
    DEMAND_WEIGHT = "DEMAND_WEIGHT"
    ZONES = "ZONES"
    ZONE_NAME = "ZONE_NAME"
    RSSI = "RSSI"
    BEST_SERVER = "BEST_SERVER"
    COVERAGE = "COVERAGE"
    HOTSPOT_STATS = "HOTSPOT_STATS"
    ZONE_STATS = "ZONE_STATS"

    def displayName(self) -> str:
        return self.tr("Wi-Fi hotspot coverage")

    def shortHelpString(self) -> str:
        return self.tr(
            "Maps the signal of public Wi-Fi hotspots over streets, squares and buildings. For every "
            "hotspot, GDAL's viewshed on the obstruction surface (terrain + buildings rasterised with "
            "their height, or a DSM) tells which cells it sees within the maximum range; the received "
            "power is EIRP − path loss − body loss − a margin z(p)·σ so that the level is reached at "
            "the chosen share of locations (ITU-R P.1411: line-of-sight coefficients where the path is "
            "clear, urban or residential NLoS where obstructed; or free space, or log-distance). "
            "Outputs: best-server received power (dBm) and best-server hotspot rasters, coverage "
            "polygons (good ≥ −67 dBm, usable ≥ threshold), per-hotspot covered and overlapping areas, "
            "and with demand (buildings with population, points of interest) and zones (communes), the "
            "share of the demand within usable and good signal per zone. An EIRP above the French / EU "
            "outdoor cap of its band is reported as a warning."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.HOTSPOTS, self.tr("Wi-Fi hotspots"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.hotspot_field_parameters(self.HOTSPOTS)
        self.add_radio_parameters(self.HOTSPOTS)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DEMAND,
                self.tr("Demand: buildings with population, or points of interest"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
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
                self.ZONES,
                self.tr("Zones for the demand shares (communes, districts)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.RSSI, self.tr("Received power, best server (dBm)"))
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.BEST_SERVER, self.tr("Best-server hotspot"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.COVERAGE, self.tr("Wi-Fi coverage"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.HOTSPOT_STATS, self.tr("Coverage per hotspot"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ZONE_STATS,
                self.tr("Demand covered per zone"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber("COVERED_AREA_M2", self.tr("Area within usable signal (m²)"))
        )
        self.addOutput(
            QgsProcessingOutputNumber("DEMAND_COVERED_PCT", self.tr("Demand within usable signal (%)"))
        )
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if parameters.get(self.ZONES) and not parameters.get(self.DEMAND):
            return False, self.tr("Shares per zone need a demand layer (buildings with population or POIs).")
        return True, ""

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        from ..engine.wifi_propagation import BEST_SERVER_NODATA, RSSI_NODATA, write_raster
        from ..engine.wifi_run import run_coverage

        source = self.parameterAsSource(parameters, self.HOTSPOTS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.HOTSPOTS))
        self.grid_crs = source.sourceCrs()
        self.require_projected_crs(self.grid_crs, source.sourceName())
        rssi_path = self.parameterAsOutputLayer(parameters, self.RSSI, context)
        best_path = self.parameterAsOutputLayer(parameters, self.BEST_SERVER, context)
        try:
            options = self.radio_options(parameters, context)
            fields = self.hotspot_fields(source, parameters, context)
            hotspots = self.read_hotspots(source, fields, options, context, feedback)
            if not hotspots:
                raise QgsProcessingException(
                    self.tr("The hotspot layer {layer} has no point.").format(layer=source.sourceName())
                )
            demand, zones, zone_frame = self._read_demand(parameters, context, feedback)
            run = run_coverage(
                hotspots,
                self.read_obstacles(parameters, context, feedback),
                options,
                self.grid_crs.toWkt(),
                self.study_extent(parameters, context),
                demand,
                zones,
                (rssi_path, best_path),
                self.report(feedback),
            )
        except (Cancelled, EngineError) as error:
            raise self.failure(error) from None
        feedback.setProgressText(self.tr("Writing the rasters"))
        write_raster(rssi_path, run.grid, run.result.rssi, RSSI_NODATA)  # -inf (no signal) written as nodata
        write_raster(best_path, run.grid, run.result.best, BEST_SERVER_NODATA)
        self.raise_if_canceled(feedback)
        feedback.setProgress(80)
        outputs = {self.RSSI: rssi_path, self.BEST_SERVER: best_path, "COVERED_AREA_M2": run.area_m2}
        outputs.update(self._write_outputs(parameters, context, feedback, run, zone_frame, outputs))
        summary = self.tr("{area} ha within usable signal (≥ {threshold} dBm) of {count} hotspots.").format(
            area=round(run.area_m2 / 10_000, 1),
            threshold=f"{options.threshold:g}",
            count=run.hotspot_count,
        )
        if run.covered_pct is not None:
            summary += " " + self.tr("{pct} % of the demand is within usable signal.").format(
                pct=round(run.covered_pct)
            )
            outputs["DEMAND_COVERED_PCT"] = run.covered_pct
        feedback.pushInfo(summary)
        for warning in run.warnings:
            self.warn(feedback, warning)
        outputs["SUMMARY"] = summary
        feedback.setProgress(100)
        return outputs

    def _read_demand(self, parameters, context, feedback):
        """(Demand or None, zone geometries or None, zone frame or None)."""
        from ._layer_io import read_frame

        source = self.parameterAsSource(parameters, self.DEMAND, context)
        if source is None:
            return None, None, None
        demand, _field = self.read_demand(source, self.DEMAND_WEIGHT, parameters, context, feedback)
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        if zones is None:
            return demand, None, None
        zone_frame = read_frame(zones, self.grid_crs, context, zones.fields().names(), feedback)
        zone_frame = zone_frame[zone_frame.geometry.notna()]
        return demand, list(zone_frame.geometry), zone_frame

    def _write_outputs(self, parameters, context, feedback, run, zone_frame, rasters: dict) -> dict:
        """The rasters' styles; the coverage polygons, the per-hotspot and the per-zone statistics."""
        from shapely.geometry import Point

        from ..engine.wifi_run import COVERAGE_COLUMNS, HOTSPOT_COLUMNS
        from ._layer_io import style_categories, style_output

        style_output(
            self,
            context,
            rasters[self.RSSI],
            style_path("wifi_rssi"),
            self.tr("Wi-Fi signal of {count} hotspots (dBm)").format(count=run.hotspot_count),
        )
        style_categories(
            context,
            rasters[self.BEST_SERVER],
            self.tr("Best-server hotspot"),
            [(hotspot.key, hotspot.name or str(hotspot.key)) for hotspot in run.hotspots],
        )
        geometries, rows = zip(*run.polygons) if run.polygons else ((), ())
        outputs = {
            self.COVERAGE: self.write_rows(
                parameters,
                self.COVERAGE,
                context,
                feedback,
                COVERAGE_COLUMNS,
                QgsWkbTypes.Type.Polygon,
                list(geometries),
                list(rows),
                (80.0, 90.0),
            ),
            self.HOTSPOT_STATS: self.write_rows(
                parameters,
                self.HOTSPOT_STATS,
                context,
                feedback,
                HOTSPOT_COLUMNS,
                QgsWkbTypes.Type.Point,
                [Point(h.x, h.y) for h in run.hotspots],
                run.hotspot_rows(),
                (90.0, 95.0),
            ),
        }
        style_output(
            self, context, outputs[self.COVERAGE], style_path("wifi_coverage"), self.tr("Wi-Fi coverage")
        )
        if zone_frame is not None:
            outputs.update(self._write_zones(parameters, context, feedback, run, zone_frame))
        return outputs

    def _write_zones(self, parameters, context, feedback, run, zone_frame) -> dict:
        """The zones with their demand shares, styled ({} when the output is not asked for)."""
        from ..engine.wifi_run import ZONE_COLUMNS
        from ._layer_io import style_output

        zones = self.parameterAsSource(parameters, self.ZONES, context)
        attributes = zone_frame.drop(columns="geometry").to_dict("records")
        rows = [{**row, **share} for row, share in zip(attributes, run.zone_rows())]
        destination = self.write_rows(
            parameters,
            self.ZONE_STATS,
            context,
            feedback,
            ZONE_COLUMNS,
            zones.wkbType(),
            list(zone_frame.geometry),
            rows,
            (95.0, 100.0),
            base=zones.fields(),
        )
        if not destination:
            return {}
        name = self.tr("Demand within usable signal, per zone")
        style_output(self, context, destination, style_path("wifi_zones"), name)
        return {self.ZONE_STATS: destination}
