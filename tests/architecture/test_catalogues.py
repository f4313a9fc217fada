"""Every Finnish UI string of the project has a Swedish and an English translation in the committed catalogues.

makemessages runs on a copy of the source, so the check sees strings added since the catalogues were last made, and
the working tree is left as it was.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = ("sv", "en")
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
NOT_SOURCE = {".venv", "node_modules", "build", "var", "tests", "benchmarks", ".git", "locale"}


def _entries(po: Path):
    """(msgid, translated, fuzzy) for every entry but the header; plural entries count as translated when all are."""
    blocks = po.read_text().split("\n\n")
    for block in blocks:
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        msgid = _joined(lines, "msgid ")
        if msgid == "":
            continue
        if any(line.startswith("msgstr[") for line in lines):
            translated = all(_joined(lines, f"msgstr[{n}] ") for n in range(2))
        else:
            translated = bool(_joined(lines, "msgstr "))
        yield msgid, translated, fuzzy


def _joined(lines: list[str], keyword: str) -> str:
    parts, inside = [], False
    for line in lines:
        if line.startswith(keyword):
            inside = True
            parts.append(line[len(keyword) :].strip()[1:-1])
        elif inside and line.startswith('"'):
            parts.append(line.strip()[1:-1])
        elif inside:
            break
    return "".join(parts)


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    if shutil.which("xgettext") is None:
        pytest.fail("gettext tools are missing: `make messages` installs them")
    base = Path(settings.BASE_DIR)
    copy = tmp_path_factory.mktemp("source")
    for path in base.rglob("*"):
        relative = path.relative_to(base)
        if relative.parts[0] in NOT_SOURCE or "migrations" in relative.parts or not path.is_file():
            continue
        if path.suffix in SOURCE_SUFFIXES:
            (copy / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy / relative)
    shutil.copytree(base / "locale", copy / "locale")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *[f"-l{lang}" for lang in LANGUAGES], "-v", "0"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy / "locale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(fresh_catalogues, language):
    missing, fuzzy = [], []
    for po in sorted((fresh_catalogues / language / "LC_MESSAGES").glob("*.po")):
        for msgid, translated, is_fuzzy in _entries(po):
            if not translated:
                missing.append(msgid)
            elif is_fuzzy:
                fuzzy.append(msgid)
    assert missing == []
    assert fuzzy == []
