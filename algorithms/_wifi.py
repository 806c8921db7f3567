"""What the Wi-Fi coverage and placement algorithms share: their radio parameters (made from
``engine.wifi_options.RadioOptions``), the hotspot, obstacle and demand readers, the run's
:class:`Report` over the Processing feedback and the writing of the outputs' rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
)

from ..engine.errors import Cancelled, EngineError
from ..engine.wifi_options import RadioOptions
from ..i18n_support import translated
from ._options import add_options
from .base import TerritoireAlgorithm

if TYPE_CHECKING:
    from ..engine.wifi_propagation import Hotspot
    from ..engine.wifi_run import Obstacles, Report

HOTSPOT_FIELDS = ("id", "name", "eirp", "height", "frequency", "azimuth", "beamwidth")
#: The radio options declared before the obstacle layers, and after them.
TRANSMITTER_OPTIONS = (
    "eirp",
    "height",
    "frequency",
    "model",
    "environment",
    "exponent",
    "nlos_exponent",
    "sigma_db",
)
RECEPTION_OPTIONS = (
    "max_range",
    "indoor",
    "rx_height",
    "body_loss",
    "location_probability",
    "threshold",
    "cell_size",
)


class WifiParameters(TerritoireAlgorithm):
    """Parameters and readers shared by the Wi-Fi coverage and placement algorithms."""

    #: The CRS of the grid: the hotspots' (coverage) or the candidates' (placement) layer's.
    grid_crs: QgsCoordinateReferenceSystem

    SURFACE = "SURFACE"
    BUILDINGS = "BUILDINGS"
    BUILDING_HEIGHT_FIELD = "BUILDING_HEIGHT_FIELD"
    TERRAIN = "TERRAIN"
    EXTENT = "EXTENT"

    # --- parameters ---------------------------------------------------------
    def add_radio_parameters(self, parent: str) -> None:
        """Transmitter defaults, model, obstacles, reception and grid (``parent``: the layer whose
        units the distances take)."""
        add_options(self, RadioOptions, parent, only=TRANSMITTER_OPTIONS)
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
        add_options(self, RadioOptions, parent, only=RECEPTION_OPTIONS)
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

    def add_demand_at_parameter(self) -> None:
        """Where the signal of a demand building is read (after the demand weight)."""
        add_options(self, RadioOptions, only=("demand_at",))

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

    # --- reading ------------------------------------------------------------
    def radio_options(self, parameters, context) -> RadioOptions:
        from ._options import read_options

        return read_options(self, RadioOptions, parameters, context)

    def hotspot_fields(self, source: QgsFeatureSource, parameters, context, prefix: str = "") -> dict:
        from ._layer_io import optional_field

        return {
            key: optional_field(
                source, self.parameterAsString(parameters, f"{prefix}{key.upper()}_FIELD", context)
            )
            for key in HOTSPOT_FIELDS
        }

    def read_hotspots(
        self,
        source: QgsFeatureSource,
        fields: dict[str, str | None],
        options: RadioOptions,
        context,
        feedback,
        prefix: str = "",
        parameter_of: dict[str, str] | None = None,
    ) -> list[Hotspot]:
        """Hotspots of a point source in the grid CRS; ``fields`` maps HOTSPOT_FIELDS to field names
        (chosen by the parameters ``<prefix><KEY>_FIELD``, or as ``parameter_of`` says).  Values
        that are not numbers or out of range take the default, with a counted warning."""
        from ..engine.wifi_run import HOTSPOT_BOUNDS, make_hotspots
        from ._layer_io import read_frame

        mapping = {key: name for key, name in fields.items() if name}
        frame = read_frame(source, source.sourceCrs(), context, mapping, feedback)
        self.raise_if_canceled(feedback)
        columns = {
            key: self.numeric_column(
                frame[key],
                (parameter_of or {}).get(key, f"{prefix}{key.upper()}_FIELD"),
                mapping[key],
                feedback,
                *bounds,
            )
            for key, bounds in HOTSPOT_BOUNDS.items()
            if key in mapping
        }
        return make_hotspots(frame, columns, options.defaults)

    def read_obstacles(self, parameters, context, feedback) -> Obstacles:
        """The surface and terrain rasters and the buildings with their height (grid CRS)."""
        import math

        from ..engine.wifi_run import Obstacles
        from ._layer_io import optional_field, read_frame

        surface = self.parameterAsRasterLayer(parameters, self.SURFACE, context)
        terrain = self.parameterAsRasterLayer(parameters, self.TERRAIN, context)
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        pairs: list[tuple[object, float | None]] = []
        if buildings is not None:
            feedback.setProgressText(self.tr("Reading the buildings"))
            field = optional_field(
                buildings, self.parameterAsString(parameters, self.BUILDING_HEIGHT_FIELD, context)
            )
            mapping = {"height": field} if field else {}
            frame = read_frame(buildings, self.grid_crs, context, mapping, feedback, progress=(4.0, 8.0))
            self.raise_if_canceled(feedback)
            heights = (
                self.numeric_column(frame["height"], self.BUILDING_HEIGHT_FIELD, field, feedback)
                if field
                else [math.nan] * len(frame)
            )
            pairs = [
                (g, float(h) if math.isfinite(h) else None)
                for g, h in zip(frame.geometry, heights)
                if g is not None
            ]
        return Obstacles(
            terrain=terrain.source() if terrain is not None else None,
            surface=surface.source() if surface is not None else None,
            buildings=pairs,
        )

    def read_demand(self, source: QgsFeatureSource, weight_parameter: str, parameters, context, feedback):
        """(Demand of ``source`` with the weights of the field chosen by ``weight_parameter``
        (empty: 1 each; unreadable: 0), the weight field or None)."""
        import numpy as np

        from ..engine.wifi_run import Demand
        from ._layer_io import optional_field, read_frame

        field = optional_field(source, self.parameterAsString(parameters, weight_parameter, context))
        mapping = {"weight": field} if field else {}
        frame = read_frame(source, self.grid_crs, context, mapping, feedback, progress=(0.0, 4.0))
        self.raise_if_canceled(feedback)
        frame = frame[frame.geometry.notna()].reset_index(drop=True)
        weights = (
            np.nan_to_num(self.numeric_column(frame["weight"], weight_parameter, field, feedback))
            if field
            else np.ones(len(frame))
        )
        self.raise_if_canceled(feedback)
        return Demand(list(frame.geometry), np.asarray(weights, dtype=np.float64)), field

    def study_extent(self, parameters, context) -> tuple[float, float, float, float] | None:
        if not parameters.get(self.EXTENT):
            return None
        extent = self.parameterAsExtent(parameters, self.EXTENT, context, self.grid_crs)
        return (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())

    # --- running and writing ------------------------------------------------------
    def report(self, feedback: QgsProcessingFeedback) -> Report:
        """The engine run's log, warnings, steps, progress and Cancel, through ``feedback``."""
        from ..engine.wifi_run import Report

        return Report(
            log=lambda message: feedback.pushInfo(translated(message)),
            warn=lambda message: feedback.pushWarning(translated(message)),
            step=lambda message: feedback.setProgressText(translated(message)),
            progress=feedback.setProgress,
            cancelled=feedback.isCanceled,
        )

    def failure(self, error: Exception) -> QgsProcessingException:
        """The message of an engine error or a cancellation (no output was written)."""
        if isinstance(error, Cancelled):
            return QgsProcessingException(self.tr("The run was cancelled: no output was written."))
        assert isinstance(error, EngineError)
        return QgsProcessingException(translated(error))

    def write_rows(
        self,
        parameters,
        name: str,
        context,
        feedback,
        columns,
        wkb_type,
        geometries,
        rows,
        progress: tuple[float, float],
        base: QgsFields | None = None,
    ) -> str:
        """Write one feature per (geometry, row) to the sink ``name`` (fields: ``base`` + the
        (name, kind) ``columns``); its destination ("" for an optional sink not asked for)."""
        from ._layer_io import extended_fields, write_features

        fields = extended_fields(base or QgsFields(), columns)
        sink, destination = self.parameterAsSink(parameters, name, context, fields, wkb_type, self.grid_crs)
        if sink is None:
            definition = self.parameterDefinition(name)
            if definition.flags() & definition.Flag.FlagOptional:
                return ""
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        write_features(sink, fields, geometries, rows, feedback, progress)
        return destination
