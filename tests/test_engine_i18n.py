"""Every user-visible string of the plugin has a French translation in the committed .ts."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
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


#: Calls whose text arguments reach the user (Qt widgets, message bar, Processing feedback).
USER_VISIBLE_CALLS = {
    "pushInfo", "pushWarning", "reportError", "setProgressText", "pushMessage", "pushCritical",
    "pushSuccess", "setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "setTitle",
    "setStatusTip", "setSuffix", "setPrefix", "setSpecialValueText", "setHeaderLabels", "addTab",
    "information", "warning", "critical", "question", "QLabel", "QPushButton", "QCheckBox",
    "QGroupBox", "QAction", "QgsProcessingException", "tell_user", "log_message",
}  # fmt: skip
#: Engine callbacks whose text reaches the Processing log or progress bar.
ENGINE_CALLS = {"log", "progress"}
#: Literal texts that are not language (expressions, keys).
NOT_LANGUAGE = {"ftth = 1"}
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
KEY = re.compile(r"[a-z_]+")


def literal_words(node: ast.AST) -> str:
    """The literal text of a str constant, f-string or list of them ("" for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, (ast.List, ast.Tuple)):
        return " ".join(literal_words(element) for element in node.elts)
    return ""


def untranslated(path: Path, calls: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        arguments = node.args[:1] if name == "addItem" else node.args
        if name in calls or name == "addItem":
            for argument in arguments:
                text = literal_words(argument)
                is_key = KEY.fullmatch(text) is not None  # a step or option key, never shown
                if text not in NOT_LANGUAGE and not is_key and WORD.search(text):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({text[:60]!r})")
    return found


ROOT = SCRIPT.parents[1]


def test_every_user_visible_text_goes_through_tr():
    """A text shown in a widget, the message bar or the Processing log is a tr() or Message() call,
    so the .ts check above covers it; the engine's log and progress lines are Message()s."""
    problems = []
    desktop = [
        *ROOT.glob("algorithms/*.py"), *ROOT.glob("maps/*.py"), *ROOT.glob("ui/*.py"),
        ROOT / "plugin.py", ROOT / "messages.py", ROOT / "qgis_compat.py",
    ]
    for path in desktop:
        problems += untranslated(path, USER_VISIBLE_CALLS)
    for path in (ROOT / "engine").rglob("*.py"):
        problems += untranslated(path, ENGINE_CALLS)
    assert not problems, "wrap in tr(...) or Message(...):\n" + "\n".join(problems)


def test_extractor_finds_engine_messages(tmp_path):
    sample = tmp_path / "engine_sample.py"
    sample.write_text('log(Message("Rows {first}–{last}", first=1, last=2))\n', encoding="utf-8")
    assert [text for text, _ in load_i18n_script().extract(sample)] == ["Rows {first}–{last}"]


def test_metadata_in_english_and_french():
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    for key in ("description", "about"):
        english, french = general[key], general.get(f"{key}[fr]", "")
        assert french and french != english, f"{key}[fr] missing"
        assert english.count(". ") == french.count(". "), f"{key}[fr] does not say all that {key} says"
