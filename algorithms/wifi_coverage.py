"""Algorithm ``territoire:wifi_coverage``: best-server Wi-Fi signal of hotspots on buildings and terrain.

The module also holds the parameters and readers shared with ``territoire:wifi_placement``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from qgis.core import (
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ..engine.errors import Cancelled, EngineError
from ..engine.outputs import MEGABYTE, available_memory_bytes, require_free_space
from ..resources_paths import style_path
from .base import TerritoireAlgorithm

if TYPE_CHECKING:
    import numpy as np

    from ..engine.wifi_propagation import Grid, Hotspot, Obstruction, RadioSettings

#: Grids larger than this many cells are refused (about 5 GB of working arrays).
MAX_CELLS = 300_000_000
#: Memory one grid cell takes while computing coverage (obstruction, power, best server, scratch).
BYTES_PER_CELL = 48
HOTSPOT_FIELDS = ("id", "name", "eirp", "height", "frequency", "azimuth", "beamwidth")


class WifiParameters:
    """Parameters and readers shared by the Wi-Fi coverage and placement algorithms."""

    EIRP = "EIRP"
    HEIGHT = "HEIGHT"
    FREQUENCY = "FREQUENCY"
    MODEL = "MODEL"
    ENVIRONMENT = "ENVIRONMENT"
    EXPONENT = "EXPONENT"
    NLOS_EXPONENT = "NLOS_EXPONENT"
    SIGMA = "SIGMA"
    SURFACE = "SURFACE"
    BUILDINGS = "BUILDINGS"
    BUILDING_HEIGHT_FIELD = "BUILDING_HEIGHT_FIELD"
    TERRAIN = "TERRAIN"
    MAX_RANGE = "MAX_RANGE"
    INDOOR = "INDOOR"
    RX_HEIGHT = "RX_HEIGHT"
    BODY_LOSS = "BODY_LOSS"
    LOCATION_PROBABILITY = "LOCATION_PROBABILITY"
    THRESHOLD = "THRESHOLD"
    CELL_SIZE = "CELL_SIZE"
    EXTENT = "EXTENT"
    DEMAND_AT = "DEMAND_AT"

    def add_demand_at_parameter(self) -> None:
        """Where the signal of a demand building is read (after the DEMAND parameter)."""
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DEMAND_AT,
                self.tr("Where the signal of a demand building is read"),
                options=[
                    self.tr(
                        "In front of the building: outdoor cells along its walls, at receiver height "
                        "(public-space Wi-Fi)"
                    ),
                    self.tr("On the building: its own cells (roof line, or indoors with an entry loss)"),
                ],
                defaultValue=0,
            )
        )

    def demand_outdoor(self, parameters, context, obstruction: Obstruction) -> np.ndarray | None:
        """The outdoor mask that makes demand read in front of buildings, or None (on them)."""
        if self.parameterAsEnum(parameters, self.DEMAND_AT, context) == 0:
            return ~obstruction.indoor
        return None

    def demand_inside(self, grid: Grid, frame, feedback):
        """The demand features whose representative point lies in the grid (the others reported)."""
        import numpy as np

        inside = np.array([grid.contains(p.x, p.y) for p in frame.geometry.representative_point()], bool)
        if not inside.all():
            feedback.pushInfo(
                self.tr("{count} demand features outside the study extent are ignored.").format(
                    count=int((~inside).sum())
                )
            )
        return frame[inside].reset_index(drop=True) if len(frame) else frame

    def add_radio_parameters(self, parent: str) -> None:
        """Transmitter defaults, model, obstruction and reception parameters (``parent``: layer)."""
        number = QgsProcessingParameterNumber.Type.Double
        self.addParameter(
            QgsProcessingParameterNumber(
                self.EIRP,
                self.tr("EIRP when the layer has no EIRP value (dBm)"),
                number,
                20.0,
                minValue=-10.0,
                maxValue=40.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.HEIGHT,
                self.tr("Antenna height above ground when not given (m)"),
                number,
                4.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FREQUENCY,
                self.tr("Frequency when not given (MHz; 2.4, 5 or 6 are read as GHz bands)"),
                number,
                2437.0,
                minValue=0.1,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODEL,
                self.tr("Propagation model"),
                options=[
                    self.tr("Free space"),
                    self.tr("Log-distance"),
                    self.tr("ITU-R P.1411 site-general (LoS / NLoS from the obstruction)"),
                ],
                defaultValue=2,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ENVIRONMENT,
                self.tr("Environment of obstructed (NLoS) paths for ITU-R P.1411"),
                options=[self.tr("Urban (dense, high-rise)"), self.tr("Residential (low-rise)")],
                defaultValue=0,
            )
        )
        advanced = [
            QgsProcessingParameterNumber(
                self.EXPONENT,
                self.tr("Log-distance exponent, clear paths"),
                number,
                2.2,
                minValue=1.0,
                maxValue=6.0,
            ),
            QgsProcessingParameterNumber(
                self.NLOS_EXPONENT,
                self.tr("Log-distance exponent, obstructed paths"),
                number,
                3.5,
                minValue=1.0,
                maxValue=6.0,
            ),
            QgsProcessingParameterNumber(
                self.SIGMA,
                self.tr("Log-distance shadowing standard deviation (dB)"),
                number,
                4.0,
                minValue=0.0,
                maxValue=20.0,
            ),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.SURFACE, self.tr("Surface model (DSM: ground + buildings + trees)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS,
                self.tr("Buildings (rasterised onto the grid with their height)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BUILDING_HEIGHT_FIELD,
                self.tr("Building height field (m; missing heights count 6 m)"),
                defaultValue="height",
                parentLayerParameterName=self.BUILDINGS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.TERRAIN, self.tr("Terrain (DTM)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.MAX_RANGE, self.tr("Maximum range of a hotspot"), 300.0, parent, minValue=10.0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.INDOOR,
                self.tr("Building entry loss inside buildings (ITU-R P.2109)"),
                options=[
                    self.tr("None (outdoor signal at the building)"),
                    self.tr("Traditional building"),
                    self.tr("Thermally efficient building"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RX_HEIGHT, self.tr("Receiver height above ground (m)"), number, 1.5, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BODY_LOSS, self.tr("Body loss (dB)"), number, 3.0, minValue=0.0, maxValue=30.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.LOCATION_PROBABILITY,
                self.tr("Share of locations reaching the level (%)"),
                number,
                90.0,
                minValue=1.0,
                maxValue=99.9,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                self.tr("Usable signal threshold (dBm)"),
                number,
                -75.0,
                minValue=-120.0,
                maxValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(self.CELL_SIZE, self.tr("Cell size"), 2.0, parent, minValue=0.25)
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT,
                self.tr(
                    "Study extent (default: the hotspots or the demand widened by the maximum range; "
                    "placement ignores the demand outside it)"
                ),
                optional=True,
            )
        )

    def radio_settings(self, parameters, context) -> RadioSettings:
        from ..engine.wifi_propagation import ENVIRONMENTS, INDOOR_TYPES, MODELS, RadioSettings

        return RadioSettings(
            model=MODELS[self.parameterAsEnum(parameters, self.MODEL, context)],
            environment=ENVIRONMENTS[self.parameterAsEnum(parameters, self.ENVIRONMENT, context)],
            exponent=self.parameterAsDouble(parameters, self.EXPONENT, context),
            nlos_exponent=self.parameterAsDouble(parameters, self.NLOS_EXPONENT, context),
            sigma_db=self.parameterAsDouble(parameters, self.SIGMA, context),
            rx_height=self.parameterAsDouble(parameters, self.RX_HEIGHT, context),
            body_loss=self.parameterAsDouble(parameters, self.BODY_LOSS, context),
            location_probability=self.parameterAsDouble(parameters, self.LOCATION_PROBABILITY, context),
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            max_range=self.parameterAsDouble(parameters, self.MAX_RANGE, context),
            indoor=INDOOR_TYPES[self.parameterAsEnum(parameters, self.INDOOR, context)],
        )

    def read_hotspots(
        self,
        source: QgsFeatureSource,
        fields: dict[str, str | None],
        parameters,
        context,
        feedback,
        prefix: str = "",
        parameter_of: dict[str, str] | None = None,
    ) -> list[Hotspot]:
        """Hotspots of a point source in the grid CRS; ``fields`` maps HOTSPOT_FIELDS to field names
        (chosen by the parameters ``<prefix><KEY>_FIELD``, or as ``parameter_of`` says).  Values
        that are not numbers or out of range take the default, with a counted warning."""
        from ..engine.wifi_propagation import Hotspot, frequency_from_band
        from ._layer_io import read_frame

        mapping = {key: name for key, name in fields.items() if name}
        frame = read_frame(source, source.sourceCrs(), context, mapping, feedback)
        defaults = {
            "eirp": self.parameterAsDouble(parameters, self.EIRP, context),
            "height": self.parameterAsDouble(parameters, self.HEIGHT, context),
            "frequency": self.parameterAsDouble(parameters, self.FREQUENCY, context),
        }
        bounds = {
            "eirp": (None, None),
            "height": (0.0, None),
            "frequency": (0.0, None),
            "azimuth": (0.0, 360.0),
            "beamwidth": (0.0, 360.0),
        }
        columns = {
            key: self.numeric_column(
                frame[key],
                (parameter_of or {}).get(key, f"{prefix}{key.upper()}_FIELD"),
                mapping[key],
                feedback,
                *bounds[key],
            )
            for key in bounds
            if key in mapping
        }

        def number(position: int, key: str) -> float | None:
            value = columns[key][position] if key in columns else math.nan
            return float(value) if math.isfinite(value) else defaults.get(key)

        ids = [row.get("id") for _, row in frame.iterrows()]
        unique_ints = all(isinstance(v, int) for v in ids) and len(set(ids)) == len(ids)
        hotspots = []
        for position, (_, row) in enumerate(frame.iterrows()):
            geometry = row.geometry
            if geometry is None or geometry.is_empty:
                continue
            point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
            hotspots.append(
                Hotspot(
                    key=int(ids[position]) if unique_ints else position + 1,
                    x=point.x,
                    y=point.y,
                    eirp_dbm=number(position, "eirp"),
                    height_m=number(position, "height"),
                    frequency_mhz=frequency_from_band(number(position, "frequency")),
                    azimuth_deg=number(position, "azimuth"),
                    beamwidth_deg=number(position, "beamwidth"),
                    name=str(row.get("name") or ""),
                )
            )
        return hotspots

    def read_obstruction(self, grid: Grid, parameters, context, feedback) -> Obstruction:
        from ..engine.wifi_propagation import build_obstruction
        from ._layer_io import optional_field, read_frame

        surface = self.parameterAsRasterLayer(parameters, self.SURFACE, context)
        terrain = self.parameterAsRasterLayer(parameters, self.TERRAIN, context)
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        pairs: list[tuple[object, float | None]] = []
        if buildings is not None:
            feedback.setProgressText(self.tr("Reading the buildings"))
            name = self.parameterAsString(parameters, self.BUILDING_HEIGHT_FIELD, context)
            field = optional_field(buildings, name)
            mapping = {"height": field} if field else {}
            frame = read_frame(buildings, self.grid_crs, context, mapping, feedback)
            heights = (
                self.numeric_column(frame["height"], self.BUILDING_HEIGHT_FIELD, field, feedback)
                if field
                else np.full(len(frame), np.nan)
            )
            pairs = [
                (g, float(h) if math.isfinite(h) else None)
                for g, h in zip(frame.geometry, heights)
                if g is not None
            ]
        feedback.setProgressText(self.tr("Building the obstruction surface"))
        return build_obstruction(
            grid,
            terrain=terrain.source() if terrain is not None else None,
            surface=surface.source() if surface is not None else None,
            buildings=pairs,
            cancelled=feedback.isCanceled,
        )

    def grid_for(self, parameters, context, bounds: tuple[float, float, float, float]) -> Grid:
        """The grid: the study extent if given, else ``bounds`` (already widened by the caller)."""
        from ..engine.wifi_propagation import Grid

        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        if parameters.get(self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, self.grid_crs)
            bounds = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        grid = Grid.from_bounds(*bounds, cell, self.grid_crs.toWkt())
        cells = grid.n_rows * grid.n_cols
        needed, available = cells * BYTES_PER_CELL, available_memory_bytes()
        if cells > MAX_CELLS or needed > 0.6 * available:
            raise QgsProcessingException(
                self.tr(
                    "The grid would have {cells} million cells of {size} m, about {needed} MB of memory "
                    "({available} MB available): enlarge the cell size or give a smaller study extent."
                ).format(
                    cells=self.local_number(cells / 1e6),
                    size=self.local_number(cell, 2 if cell < 10 else 0),
                    needed=self.local_number(needed / MEGABYTE),
                    available=self.local_number(available / MEGABYTE),
                )
            )
        return grid

    def require_raster_space(self, paths: list[str], grid: Grid) -> None:
        """Refuse before computing when the rasters (float32 + int16 per cell) cannot fit on disk."""
        for path in paths:
            if path:
                try:
                    require_free_space(path, grid.n_rows * grid.n_cols * 6)
                except EngineError as error:
                    raise self.engine_error(error) from error

    def progress(self, feedback: QgsProcessingFeedback, start: float, end: float):
        """An engine progress callback mapping 0–100 onto ``start``–``end`` that stops on cancel."""

        def report(percent: float) -> None:
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgress(start + (end - start) * percent / 100.0)

        return report

    def hotspot_field_parameters(self, parent: str, prefix: str = "") -> None:
        """Optional attribute fields of a hotspot layer (defaults: the sample schema's names)."""
        labels = {
            "id": (self.tr("Hotspot identifier field (integer)"), "hotspot_id"),
            "name": (self.tr("Name field"), "name"),
            "eirp": (self.tr("EIRP field (dBm)"), "eirp_dbm"),
            "height": (self.tr("Antenna height field (m above ground)"), "height_m"),
            "frequency": (self.tr("Frequency or band field (MHz, or 2.4 / 5 / 6 GHz)"), "frequency_mhz"),
            "azimuth": (self.tr("Antenna azimuth field (degrees from north; empty = omni)"), "azimuth"),
            "beamwidth": (self.tr("Antenna beamwidth field (degrees; empty = omni)"), "beamwidth"),
        }
        for key in HOTSPOT_FIELDS:
            description, default = labels[key]
            self.addParameter(
                QgsProcessingParameterField(
                    f"{prefix}{key.upper()}_FIELD",
                    description,
                    defaultValue=default,
                    parentLayerParameterName=parent,
                    optional=True,
                )
            )

    def hotspot_fields(self, source: QgsFeatureSource, parameters, context, prefix: str = "") -> dict:
        from ._layer_io import optional_field

        return {
            key: optional_field(
                source, self.parameterAsString(parameters, f"{prefix}{key.upper()}_FIELD", context)
            )
            for key in HOTSPOT_FIELDS
        }

    def engine_error(self, error: EngineError) -> QgsProcessingException:
        return QgsProcessingException(self.tr(error.message).format(**error.values))


class WifiCoverageAlgorithm(WifiParameters, TerritoireAlgorithm):
    """Best-server received power of Wi-Fi hotspots, coverage classes and per-zone shares."""

    ALGORITHM_ID = "wifi_coverage"
    GROUP = "analysis"
    REQUIRES = ("numpy", "scipy", "geopandas", "osgeo")
    TAGS = ("Wi-Fi", "hotspot", "coverage", "WIFI4EU")
    ADVANCED = (
        "ID_FIELD",
        "NAME_FIELD",
        "EIRP_FIELD",
        "HEIGHT_FIELD",
        "FREQUENCY_FIELD",
        "AZIMUTH_FIELD",
        "BEAMWIDTH_FIELD",
        "MODEL",
        "ENVIRONMENT",
        "SURFACE",
        "BUILDING_HEIGHT_FIELD",
        "MAX_RANGE",
        "INDOOR",
        "RX_HEIGHT",
        "BODY_LOSS",
        "LOCATION_PROBABILITY",
        "DEMAND_WEIGHT",
        "DEMAND_AT",
    )

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
        import numpy as np

        from ..engine.wifi_propagation import (
            BEST_SERVER_NODATA,
            RSSI_NODATA,
            best_server_coverage,
            write_raster,
        )
        from ._layer_io import style_categories, style_output

        source = self.parameterAsSource(parameters, self.HOTSPOTS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.HOTSPOTS))
        self.grid_crs = source.sourceCrs()
        self.require_projected_crs(self.grid_crs, source.sourceName())
        try:
            settings = self.radio_settings(parameters, context)
            hotspots = self.read_hotspots(
                source, self.hotspot_fields(source, parameters, context), parameters, context, feedback
            )
            if not hotspots:
                raise QgsProcessingException(
                    self.tr("The hotspot layer {layer} has no point.").format(layer=source.sourceName())
                )
            xs = [h.x for h in hotspots]
            ys = [h.y for h in hotspots]
            r = settings.max_range
            grid = self.grid_for(parameters, context, (min(xs) - r, min(ys) - r, max(xs) + r, max(ys) + r))
            self.require_raster_space(
                [
                    self.parameterAsOutputLayer(parameters, name, context)
                    for name in (self.RSSI, self.BEST_SERVER)
                ],
                grid,
            )
            feedback.pushInfo(
                self.tr("Grid of {rows} × {cols} cells of {cell} m.").format(
                    rows=grid.n_rows, cols=grid.n_cols, cell=grid.cell_size
                )
            )
            obstruction = self.read_obstruction(grid, parameters, context, feedback)
            self.raise_if_canceled(feedback)
            feedback.setProgress(10)
            feedback.setProgressText(self.tr("Line of sight and signal of each hotspot"))
            result = best_server_coverage(obstruction, hotspots, settings, self.progress(feedback, 10, 70))
            outdoor = self.demand_outdoor(parameters, context, obstruction)
            del obstruction
            classes = np.zeros(grid.shape, np.uint8)
            classes[result.covered()] = 1
            classes[result.covered(settings.good_threshold)] = 2
            shares, covered_pct, zone_frame = self._demand(
                parameters, context, feedback, grid, result, outdoor
            )
        except Cancelled:
            raise QgsProcessingException(self.tr("The run was cancelled: no output was written.")) from None
        except EngineError as error:
            raise self.engine_error(error) from error

        for stats in result.stats:
            if stats.warning:
                feedback.pushWarning(
                    self.tr("Hotspot {name} ({key}): {warning}").format(
                        name=stats.name, key=stats.key, warning=stats.warning
                    )
                )
        skipped = [f"{stats.name} ({stats.key})" for stats in result.stats if stats.status != "ok"]
        if skipped:
            feedback.pushInfo(
                self.tr("{count} hotspots outside the study extent are ignored: {names}.").format(
                    count=len(skipped), names=", ".join(skipped)
                )
            )
        feedback.setProgressText(self.tr("Writing the rasters"))
        rssi_path = self.parameterAsOutputLayer(parameters, self.RSSI, context)
        best_path = self.parameterAsOutputLayer(parameters, self.BEST_SERVER, context)
        write_raster(rssi_path, grid, result.rssi, RSSI_NODATA)  # -inf (no signal) written as nodata
        write_raster(best_path, grid, result.best, BEST_SERVER_NODATA)
        self.raise_if_canceled(feedback)
        feedback.setProgress(80)
        outputs = {self.RSSI: rssi_path, self.BEST_SERVER: best_path}
        hotspot_count = sum(stats.status == "ok" for stats in result.stats)  # those in the study extent
        style_output(
            self,
            context,
            rssi_path,
            style_path("wifi_rssi"),
            self.tr("Wi-Fi signal of {count} hotspots (dBm)").format(count=hotspot_count),
        )
        style_categories(
            context,
            best_path,
            self.tr("Best-server hotspot"),
            [(hotspot.key, hotspot.name or str(hotspot.key)) for hotspot in hotspots],
        )
        outputs[self.COVERAGE] = self._write_coverage(parameters, context, feedback, grid, classes, settings)
        outputs[self.HOTSPOT_STATS] = self._write_hotspots(parameters, context, feedback, result, hotspots)
        if zone_frame is not None:
            outputs[self.ZONE_STATS] = self._write_zones(parameters, context, feedback, zone_frame, shares)
        area = float(result.covered().sum()) * grid.cell_size**2
        outputs["COVERED_AREA_M2"] = area
        summary = self.tr("{area} ha within usable signal (≥ {threshold} dBm) of {count} hotspots.").format(
            area=round(area / 10_000, 1),
            threshold=f"{settings.threshold:g}",
            count=hotspot_count,
        )
        if covered_pct is not None:
            summary += " " + self.tr("{pct} % of the demand is within usable signal.").format(
                pct=round(covered_pct)
            )
            outputs["DEMAND_COVERED_PCT"] = covered_pct
        feedback.pushInfo(summary)
        if area == 0 or covered_pct == 0:
            from ..engine.errors import EngineWarning

            self.warn(
                feedback,
                EngineWarning(
                    "Nothing is covered: no place (or no demand) reaches the usable signal of {threshold} "
                    "dBm. Check the hotspots' power and height, the threshold and the study extent.",
                    threshold=f"{settings.threshold:g}",
                ),
            )
        outputs["SUMMARY"] = summary
        feedback.setProgress(100)
        return outputs

    def _demand(self, parameters, context, feedback, grid: Grid, result, outdoor: np.ndarray | None):
        import numpy as np

        from ..engine.wifi_propagation import demand_cells, zone_shares
        from ._layer_io import optional_field, read_frame

        demand = self.parameterAsSource(parameters, self.DEMAND, context)
        if demand is None:
            return None, None, None
        field = optional_field(demand, self.parameterAsString(parameters, self.DEMAND_WEIGHT, context))
        frame = read_frame(demand, self.grid_crs, context, {"weight": field} if field else {}, feedback)
        frame = frame[frame.geometry.notna()]
        if parameters.get(self.EXTENT):
            # the study extent defines the demand that counts (as in placement); without one, the
            # grid is the hotspots' reach and the demand beyond it is counted, uncovered
            frame = self.demand_inside(grid, frame, feedback)
        weights = (
            np.nan_to_num(self.numeric_column(frame["weight"], self.DEMAND_WEIGHT, field, feedback))
            if field
            else np.ones(len(frame))
        )
        cells = demand_cells(grid, list(frame.geometry), weights, outdoor=outdoor)
        usable = cells.hit_by_mask(result.covered())
        good = cells.hit_by_mask(result.covered(result.settings.good_threshold))
        total = float(weights.sum())
        covered_pct = 100.0 * float(weights[usable].sum()) / total if total > 0 else None
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        if zones is None:
            return None, covered_pct, None
        zone_frame = read_frame(zones, self.grid_crs, context, zones.fields().names(), feedback)
        zone_geometries = [g for g in zone_frame.geometry]
        shares = zone_shares(
            [g for g in zone_geometries if g is not None], list(frame.geometry), weights, usable, good
        )
        zone_frame = zone_frame[zone_frame.geometry.notna()]
        return shares, covered_pct, zone_frame

    def _write_coverage(self, parameters, context, feedback, grid, classes, settings) -> str:
        from ..engine.wifi_propagation import polygonize_classes
        from ._layer_io import extended_fields, style_output, write_features

        fields = extended_fields(QgsFields(), [("level", "text"), ("min_dbm", "float"), ("area_m2", "float")])
        sink, destination = self.parameterAsSink(
            parameters, self.COVERAGE, context, fields, QgsWkbTypes.Type.Polygon, self.grid_crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.COVERAGE))
        polygons = polygonize_classes(grid, classes, {1: "usable", 2: "good"})
        thresholds = {1: settings.threshold, 2: settings.good_threshold}
        geometries = []
        for wkb, *_ in polygons:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            geometries.append(geometry)
        rows = [
            {"level": label, "min_dbm": thresholds[code], "area_m2": area}
            for _, code, label, area in polygons
        ]
        write_features(sink, fields, geometries, rows, feedback, (80.0, 90.0))
        style_output(self, context, destination, style_path("wifi_coverage"), self.tr("Wi-Fi coverage"))
        return destination

    def _write_hotspots(self, parameters, context, feedback, result, hotspots: list[Hotspot]) -> str:
        from ._layer_io import extended_fields, write_features

        kinds = [
            ("hotspot_id", "int"),
            ("name", "text"),
            ("status", "text"),
            ("eirp_dbm", "float"),
            ("height_m", "float"),
            ("frequency_mhz", "float"),
            ("covered_m2", "float"),
            ("good_m2", "float"),
            ("best_server_m2", "float"),
            ("overlap_m2", "float"),
            ("overlap_pct", "float"),
            ("warning", "text"),
        ]
        fields = extended_fields(QgsFields(), kinds)
        sink, destination = self.parameterAsSink(
            parameters, self.HOTSPOT_STATS, context, fields, QgsWkbTypes.Type.Point, self.grid_crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.HOTSPOT_STATS))
        cell_area = result.grid.cell_size**2
        rows, geometries = [], []
        for hotspot, stats in zip(hotspots, result.stats):
            geometries.append(QgsGeometry.fromWkt(f"POINT ({hotspot.x} {hotspot.y})"))
            rows.append(
                {
                    "hotspot_id": hotspot.key,
                    "name": hotspot.name,
                    "status": stats.status,
                    "eirp_dbm": hotspot.eirp_dbm,
                    "height_m": hotspot.height_m,
                    "frequency_mhz": hotspot.frequency_mhz,
                    "covered_m2": stats.covered_cells * cell_area,
                    "good_m2": stats.good_cells * cell_area,
                    "best_server_m2": stats.best_cells * cell_area,
                    "overlap_m2": stats.overlap_cells * cell_area,
                    "overlap_pct": 100.0 * stats.overlap_cells / stats.covered_cells
                    if stats.covered_cells
                    else None,
                    "warning": stats.warning or None,
                }
            )
        write_features(sink, fields, geometries, rows, feedback, (90.0, 95.0))
        return destination

    def _write_zones(self, parameters, context, feedback, zone_frame, shares) -> str:
        from ._layer_io import extended_fields, style_output, write_features

        kinds = [
            ("demand_total", "float"),
            ("demand_usable", "float"),
            ("usable_pct", "float"),
            ("demand_good", "float"),
            ("good_pct", "float"),
        ]
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        fields = extended_fields(zones.fields(), kinds)
        sink, destination = self.parameterAsSink(
            parameters, self.ZONE_STATS, context, fields, zones.wkbType(), self.grid_crs
        )
        if sink is None:
            return ""
        rows = zone_frame.drop(columns="geometry").to_dict("records")
        for row, share in zip(rows, shares):
            row.update(
                {
                    "demand_total": share.total,
                    "demand_usable": share.usable,
                    "usable_pct": share.usable_pct,
                    "demand_good": share.good,
                    "good_pct": share.good_pct,
                }
            )
        write_features(sink, fields, list(zone_frame.geometry), rows, feedback, (95.0, 100.0))
        style_output(
            self,
            context,
            destination,
            style_path("wifi_zones"),
            self.tr("Demand within usable signal, per zone"),
        )
        return destination
