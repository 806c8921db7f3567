"""Processing parameters made from an engine options dataclass (``engine/options.py``).

``add_options`` declares one parameter per option (label, default, range, unit, choices, advanced
flag and help all taken from the option), ``read_options`` turns the values the user gave back
into the dataclass.  A choice parameter shows translated labels; it takes the stable key
(``"hexagon"``) as well as the index older models and scripts store.
"""

from __future__ import annotations

from typing import Any, TypeVar

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..engine.options import OptionSpec, make_options, option_specs
from ..i18n_support import tr

Options = TypeVar("Options")


class ChoiceParameter(QgsProcessingParameterEnum):
    """An enum whose values are the option's keys; the index of older models is still taken."""

    def __init__(self, spec: OptionSpec, default_key: str) -> None:
        super().__init__(
            spec.parameter,
            tr(spec.label),
            options=[tr(choice.label) for choice in spec.choices],
            defaultValue=spec.choice_index(default_key),
        )
        self.spec = spec
        self.default_key = default_key

    def clone(self) -> ChoiceParameter:
        copy = ChoiceParameter(self.spec, self.default_key)
        copy.setFlags(self.flags())
        copy.setHelp(self.help())
        return copy

    def checkValueIsAcceptable(self, value: Any, context=None) -> bool:
        if isinstance(value, str) and value in {choice.key for choice in self.spec.choices}:
            return True
        return super().checkValueIsAcceptable(value, context)


def option_parameter(
    spec: OptionSpec, default: Any, distance_parent: str = ""
) -> QgsProcessingParameterDefinition:
    """The Processing parameter of one option."""
    label = tr(spec.label)
    if spec.unit and spec.kind in {"float", "int"}:
        label = f"{label} ({spec.unit})"
    if spec.kind == "choice":
        parameter: QgsProcessingParameterDefinition = ChoiceParameter(spec, default)
    elif spec.kind == "bool":
        parameter = QgsProcessingParameterBoolean(spec.parameter, label, defaultValue=default)
    elif spec.kind == "text":
        parameter = QgsProcessingParameterString(spec.parameter, label, defaultValue=default, optional=True)
    else:
        bounds = {}
        if spec.minimum is not None:
            bounds["minValue"] = spec.minimum
        if spec.maximum is not None:
            bounds["maxValue"] = spec.maximum
        if spec.kind == "distance":
            parameter = QgsProcessingParameterDistance(
                spec.parameter, label, defaultValue=default, parentParameterName=distance_parent, **bounds
            )
        else:
            number_type = (
                QgsProcessingParameterNumber.Type.Integer
                if spec.kind == "int"
                else QgsProcessingParameterNumber.Type.Double
            )
            parameter = QgsProcessingParameterNumber(
                spec.parameter, label, number_type, default, optional=default is None, **bounds
            )
    if spec.help:
        parameter.setHelp(tr(spec.help))
    if spec.advanced:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


def add_options(
    algorithm, options_class: type, distance_parent: str = "", only: tuple[str, ...] = ()
) -> None:
    """Declare the parameters of ``options_class`` on ``algorithm`` (``only``: these fields)."""
    for name, spec, default in option_specs(options_class):
        if not only or name in only:
            algorithm.addParameter(option_parameter(spec, default, distance_parent))


def read_options(algorithm, options_class: type[Options], parameters: dict, context, **fixed: Any) -> Options:
    """The options the user gave (the raw values: a choice key or index, numbers in range)."""
    values: dict[str, object] = {}
    for _name, spec, _default in option_specs(options_class):
        if parameters.get(spec.parameter) in (None, ""):
            continue  # the default (an optional number left empty: None)
        if spec.kind in {"float", "int", "distance"}:
            values[spec.parameter] = algorithm.parameterAsDouble(parameters, spec.parameter, context)
        elif spec.kind == "bool":
            values[spec.parameter] = algorithm.parameterAsBoolean(parameters, spec.parameter, context)
        elif spec.kind == "text":
            values[spec.parameter] = algorithm.parameterAsString(parameters, spec.parameter, context)
        else:
            raw = parameters[spec.parameter]
            values[spec.parameter] = (
                raw
                if isinstance(raw, str)
                else algorithm.parameterAsEnum(parameters, spec.parameter, context)
            )
    return make_options(options_class, values, **fixed)
