"""Options of the map export, the dossiers and the open-data load: stated once, read by key or index."""

from __future__ import annotations

import pytest

from territoire_numerique.engine.errors import EngineError
from territoire_numerique.engine.layout_options import (
    DecisionDossierOptions,
    MapOptions,
    SynergyDossierOptions,
    output_format,
)
from territoire_numerique.engine.opendata.options import LoadOptions, enum_indices
from territoire_numerique.engine.opendata.schema import FAMILY_NAMES, SOURCE_MODES
from territoire_numerique.engine.options import make_options, option_specs


def parameters_of(options_class) -> list[str]:
    return [spec.parameter for _name, spec, _default in option_specs(options_class)]


def test_the_dossiers_keep_their_parameter_order_and_labels():
    assert parameters_of(DecisionDossierOptions) == ["TITLE", "SUBTITLE", "TERRITORY", "AUTHOR"]
    assert parameters_of(SynergyDossierOptions) == [
        "TITLE", "SUBTITLE", "TERRITORY", "AUTHOR", "SHOW_CONFIDENTIAL", "MAX_PAGES",
    ]  # fmt: skip
    labels = {spec.parameter: spec.label for _name, spec, _default in option_specs(DecisionDossierOptions)}
    assert labels["TITLE"] == "Title (default: the model's name)" and labels["SUBTITLE"] == "Subtitle"
    assert make_options(SynergyDossierOptions, {}).max_pages == 30
    with pytest.raises(EngineError, match="outside"):
        make_options(SynergyDossierOptions, {"MAX_PAGES": 0})


def test_the_map_format_follows_the_file_name_unless_chosen():
    assert output_format("auto", ".PNG") == "png" and output_format("auto", "") == "pdf"
    assert output_format("svg", ".svg") == "svg" and output_format("png", ".tif") == "png"
    with pytest.raises(EngineError, match=r"ends in \.png but the format is pdf"):
        output_format("pdf", ".png")
    assert make_options(MapOptions, {"FORMAT": 2}).output_format == "png"  # the index of older scripts
    assert make_options(MapOptions, {"FORMAT": "svg", "DPI": "300"}).dpi == 300


def test_load_sources_are_the_engine_modes_and_keys_become_the_dialog_indices():
    spec = dict((name, spec) for name, spec, _ in option_specs(LoadOptions))["mode"]
    assert tuple(choice.key for choice in spec.choices) == SOURCE_MODES
    converted = enum_indices({"LAYERS": "boundaries, roads", "SOURCE": "sample", "TERRITORY": "59183"})
    assert converted == {
        "LAYERS": [FAMILY_NAMES.index("boundaries"), FAMILY_NAMES.index("roads")],
        "SOURCE": 2,
        "TERRITORY": "59183",
    }
    assert enum_indices({"LAYERS": [0, "terrain"], "SOURCE": 1})["LAYERS"] == [
        0,
        FAMILY_NAMES.index("terrain"),
    ]
    assert make_options(LoadOptions, {"SOURCE": 1}).mode == "cache"
    assert make_options(LoadOptions, {"SOURCE": "sample", "KEEP_NON_ICPE": True}).keep_non_icpe
