"""Keep i18n/territoire_numerique_fr.ts in step with the sources.

``update``: extract every translatable literal — the first argument of ``tr("...")``,
``self.tr("...")``, ``EngineError("...")``, ``Message("...")``, ``NetworkError("...")``,
``EngineWarning("...")`` and ``translatable("...")`` calls in the plugin's Python files — into the
.ts, keeping the translations already there.  ``merge A.ts [B.ts …]``: the same, also taking the
translations of other .ts files (both sides of a merge conflict: ``git show :2:i18n/… > A.ts``,
``git show :3:i18n/… > B.ts``).  ``check``: exit 1 when a source string is missing from the .ts or
has no French translation.  One context, as ``i18n_support.tr`` uses.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
TS_FILE = REPO_ROOT / "i18n" / "territoire_numerique_fr.ts"
CONTEXT = "TerritoireNumerique"
SKIPPED_DIRS = {".venv", ".venv-bench", ".build", "tests", "scripts", "bench", "out", ".git", "dist"}
TRANSLATING_CALLS = {"tr", "EngineError", "Message", "NetworkError", "EngineWarning", "translatable"}
#: Option declarations (engine/options.py) whose ``label=`` and ``help=`` reach the dialog.
OPTION_CALLS = {"option", "Choice"}
OPTION_TEXTS = {"label", "help"}


def source_files() -> list[Path]:
    return sorted(
        path
        for path in REPO_ROOT.rglob("*.py")
        if not SKIPPED_DIRS.intersection(path.relative_to(REPO_ROOT).parts)
    )


def call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def extract(path: Path) -> list[tuple[str, int]]:
    """Translatable literals of one file, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and call_name(node) in TRANSLATING_CALLS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.args[0].value, node.lineno))
        if isinstance(node, ast.Call) and call_name(node) in OPTION_CALLS:
            found += [
                (keyword.value.value, node.lineno)
                for keyword in node.keywords
                if keyword.arg in OPTION_TEXTS
                and isinstance(keyword.value, ast.Constant)
                and isinstance(keyword.value.value, str)
            ]
    return sorted(found, key=lambda item: item[1])


def source_messages() -> dict[str, list[tuple[str, int]]]:
    """Every source string → where it is used."""
    messages: dict[str, list[tuple[str, int]]] = {}
    for path in source_files():
        for text, line in extract(path):
            messages.setdefault(text, []).append((str(path.relative_to(REPO_ROOT)), line))
    return messages


def read_translations(ts_file: Path = TS_FILE) -> dict[str, str]:
    if not ts_file.exists():
        return {}
    root = ElementTree.parse(ts_file).getroot()
    translations = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        unfinished = translation is not None and translation.get("type") in ("unfinished", "obsolete")
        text = (translation.text or "") if translation is not None else ""
        translations[source] = "" if unfinished else text
    return translations


def write_ts(messages: dict[str, list[tuple[str, int]]], translations: dict[str, str]) -> None:
    root = ElementTree.Element("TS", version="2.1", language="fr_FR", sourcelanguage="en")
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = CONTEXT
    for source in sorted(messages):
        message = ElementTree.SubElement(context, "message")
        for filename, line in messages[source][:3]:
            ElementTree.SubElement(message, "location", filename=f"../{filename}", line=str(line))
        ElementTree.SubElement(message, "source").text = source
        translation = ElementTree.SubElement(message, "translation")
        if translations.get(source):
            translation.text = translations[source]
        else:
            translation.set("type", "unfinished")
    ElementTree.indent(root)
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    with TS_FILE.open("w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ElementTree.tostring(root, encoding="unicode"))
        handle.write("\n")


def problems() -> list[str]:
    messages = source_messages()
    translations = read_translations()
    found = []
    for source, places in sorted(messages.items()):
        if source not in translations:
            found.append(f"not in the .ts: {source!r} ({places[0][0]}:{places[0][1]})")
        elif not translations[source]:
            found.append(f"no French translation: {source!r} ({places[0][0]}:{places[0][1]})")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        write_ts(source_messages(), read_translations())
        print(f"{TS_FILE.relative_to(REPO_ROOT)} updated")
        return 0
    if command == "merge":
        translations: dict[str, str] = {}
        for other in argv[2:]:
            found = read_translations(Path(other))
            translations.update({source: text for source, text in found.items() if text})
        translations.update({source: text for source, text in read_translations().items() if text})
        write_ts(source_messages(), translations)
        print(f"{TS_FILE.relative_to(REPO_ROOT)} updated with the translations of {len(argv) - 2} file(s)")
        return 0
    if command == "check":
        issues = problems()
        for issue in issues:
            print(issue)
        return 1 if issues else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
