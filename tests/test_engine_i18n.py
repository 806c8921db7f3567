"""Every user-visible string of the plugin has a French translation in the committed .ts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "i18n.py"


def load_i18n_script():
    spec = importlib.util.spec_from_file_location("i18n_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extractor_finds_tr_and_engine_error_literals(tmp_path):
    i18n = load_i18n_script()
    sample = tmp_path / "sample.py"
    sample.write_text(
        'x = self.tr("Data")\ny = tr("Maps {n}").format(n=1)\nraise EngineError("Bad {what}", what=1)\n'
        "z = tr(variable)\n",
        encoding="utf-8",
    )
    assert [text for text, _ in i18n.extract(sample)] == ["Data", "Maps {n}", "Bad {what}"]


def test_ts_is_complete():
    problems = load_i18n_script().problems()
    assert not problems, "run `make i18n` and translate:\n" + "\n".join(problems[:40])
