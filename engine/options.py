"""Options of the engine's entry points, each stated once.

An entry point takes one frozen dataclass of options.  Each field is declared with
:func:`option`, which records beside its default the Processing parameter name (stable: users'
models and scripts use it), the English label and help (translated where they are shown), the
unit, the range, the choices (stable string keys) and whether it is an advanced setting.  The
algorithm layer builds its Processing parameters from these records (``algorithms/_options.py``),
so the dialog, ``qgis_process`` and the engine always agree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import EngineError

KINDS = ("float", "int", "distance", "bool", "choice", "text")
Options = TypeVar("Options")


@dataclass(frozen=True)
class Choice:
    """One value of a choice option: its stable key and its English label."""

    key: str
    label: str


@dataclass(frozen=True)
class OptionSpec:
    """What the dialog, ``qgis_process`` and the help say of one option."""

    parameter: str
    label: str
    kind: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Choice, ...] = ()
    advanced: bool = False
    help: str = ""

    def choice_key(self, value: object) -> str:
        """The key of a choice given as its key or as its index (old models and scripts)."""
        keys = [choice.key for choice in self.choices]
        if isinstance(value, str) and value in keys:
            return value
        try:
            index = int(str(value))
        except ValueError:
            index = -1
        if 0 <= index < len(keys):
            return keys[index]
        raise EngineError(
            "{parameter}: “{value}” is not one of {keys}.",
            parameter=self.parameter,
            value=value,
            keys=", ".join(keys),
        )

    def choice_index(self, key: str) -> int:
        return [choice.key for choice in self.choices].index(key)


def option(
    default: Any,
    parameter: str,
    *,
    label: str,
    kind: str = "",
    unit: str = "",
    minimum: float | None = None,
    maximum: float | None = None,
    choices: Sequence[Choice] = (),
    advanced: bool = False,
    help: str = "",
) -> Any:
    """A dataclass field with its :class:`OptionSpec` (``kind`` follows from the default when not
    given: bool, int, float, or choice when ``choices`` are given)."""
    if not kind:
        if choices:
            kind = "choice"
        elif isinstance(default, bool):
            kind = "bool"
        elif isinstance(default, int):
            kind = "int"
        elif isinstance(default, float):
            kind = "float"
        else:
            kind = "text"
    if kind not in KINDS:
        raise ValueError(f"unknown option kind {kind!r}")
    if kind == "choice" and default not in [choice.key for choice in choices]:
        raise ValueError(f"{parameter}: default {default!r} is not a choice key")
    spec = OptionSpec(parameter, label, kind, unit, minimum, maximum, tuple(choices), advanced, help)
    return dataclasses.field(default=default, metadata={"option": spec})


def option_specs(options_class: type) -> list[tuple[str, OptionSpec, Any]]:
    """(field name, spec, default) of every declared option, in declaration order."""
    found = []
    for item in dataclasses.fields(options_class):
        spec = item.metadata.get("option")
        if spec is not None:
            found.append((item.name, spec, item.default))
    return found


def spec_of(options_class: type, field_name: str) -> OptionSpec:
    for name, spec, _default in option_specs(options_class):
        if name == field_name:
            return spec
    raise KeyError(field_name)


def make_options(options_class: type[Options], values: Mapping[str, object], **fixed: Any) -> Options:
    """Options from values keyed by parameter name (absent or None: the default); choices as key
    or index; numbers checked against their range.  ``fixed`` sets fields that are not options."""
    chosen: dict[str, Any] = dict(fixed)
    for name, spec, _default in option_specs(options_class):
        value = values.get(spec.parameter)
        if value is None or value == "":
            continue
        chosen[name] = _checked(spec, value)
    return options_class(**chosen)


def _checked(spec: OptionSpec, value: object) -> Any:
    from .numbers import parse_bool, parse_number  # numpy: not loaded when the plugin registers

    if spec.kind == "choice":
        return spec.choice_key(value)
    if spec.kind == "bool":
        return parse_bool(value)
    if spec.kind == "text":
        return str(value)
    try:
        number = parse_number(value)
    except ValueError:
        number = None
    if number is None:
        raise EngineError("{parameter}: “{value}” is not a number.", parameter=spec.parameter, value=value)
    if (spec.minimum is not None and number < spec.minimum) or (
        spec.maximum is not None and number > spec.maximum
    ):
        raise EngineError(
            "{parameter}: {value} is outside {minimum} – {maximum}.",
            parameter=spec.parameter,
            value=number,
            minimum="−∞" if spec.minimum is None else spec.minimum,
            maximum="+∞" if spec.maximum is None else spec.maximum,
        )
    return round(number) if spec.kind == "int" else number
