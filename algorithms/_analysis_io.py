"""What the analysis algorithms (fibre, solar, profile, suitability) do alike around their one
engine call: read the fields a user mapped, turn engine errors into Processing errors, move the
progress bar over a span, write a table of the engine to an output.

Modules starting with ``_`` are not algorithms: any algorithm may use this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from qgis.core import QgsProcessingException

from ..engine.errors import Cancelled, EngineError
from ..i18n_support import tr
from ._layer_io import optional_field, style_output, write_features


def mapped_fields(algorithm, parameters, context, source, pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """``{column: field}`` for each ``(column, field parameter)`` whose chosen field ``source`` has."""
    mapping = {}
    for column, parameter in pairs:
        field = optional_field(source, algorithm.parameterAsString(parameters, parameter, context))
        if field:
            mapping[column] = field
    return mapping


def numeric_columns(
    algorithm, frame, mapping: dict[str, str], pairs: Sequence[tuple[str, str]], feedback
) -> None:
    """Read as numbers (French comma, thousands separators, counted warnings) each mapped column
    of ``(column, field parameter)``."""
    for column, parameter in pairs:
        if column in mapping and column in frame:
            frame[column] = algorithm.numeric_column(frame[column], parameter, mapping[column], feedback)


@contextmanager
def engine_errors(algorithm) -> Iterator[None]:
    """Engine errors become Processing errors in the user's language; a cancelled run says so."""
    try:
        yield
    except Cancelled as error:
        raise QgsProcessingException(tr("The run was cancelled: no output was written.")) from error
    except EngineError as error:
        raise QgsProcessingException(algorithm.engine_message(error)) from error


def progress_span(feedback, start: float, end: float) -> Callable[[float], None]:
    """An engine progress callback (0 to 1) that moves the bar from ``start`` to ``end`` %."""
    return lambda fraction: feedback.setProgress(start + (end - start) * fraction)


def write_table(
    algorithm,
    parameters,
    name: str,
    context,
    table,
    fields,
    wkb_type,
    crs,
    feedback,
    progress: tuple[float, float],
    style: str = "",
    title: str = "",
    geometries: Sequence | None = None,
    required: bool = False,
) -> str | None:
    """Write the rows of ``table`` (a GeoDataFrame, or a table of ``geometries`` given apart)
    to the sink ``name`` and style it; None when an optional sink is skipped."""
    sink, destination = algorithm.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        if required:
            raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
        return None
    if geometries is None:
        geometries = list(table.geometry)
        table = table.drop(columns=table.geometry.name)
    write_features(sink, fields, list(geometries), table.to_dict("records"), feedback, progress)
    style_output(algorithm, context, destination, style, title)
    return destination
