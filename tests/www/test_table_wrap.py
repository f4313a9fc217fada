"""Every table of every template scrolls sideways inside its own wrapper (`table-wrap`, the plan document's
`plan-table-wrap`), so a wide table never makes the whole page scroll on a phone (390 px)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(p for p in ROOT.glob("*/templates/**/*.html") if ".venv" not in p.parts)
DIV = re.compile(r"<div\b[^>]*>|</div>|<table\b")
WRAP = re.compile(r"""class=["'](?:[^"']*\s)?(?:plan-)?table-wrap(?:\s[^"']*)?["']""")


def unwrapped_tables(text: str) -> list[int]:
    """Line numbers of the tables whose innermost open <div> is not a table wrapper."""
    found, open_divs = [], []
    for match in DIV.finditer(text):
        token = match.group()
        if token == "</div>":
            if open_divs:
                open_divs.pop()
        elif token.startswith("<div"):
            open_divs.append(bool(WRAP.search(token)))
        elif not (open_divs and open_divs[-1]):
            found.append(text.count("\n", 0, match.start()) + 1)
    return found


def test_the_check_finds_a_bare_table_and_passes_a_wrapped_one():
    assert unwrapped_tables('<div class="card">\n<table></table></div>') == [2]
    assert unwrapped_tables('<div class="table-wrap" tabindex="0"><table></table></div>') == []
    assert unwrapped_tables('<div class="table-wrap"></div><table></table>') == [1]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_table_is_inside_a_scrolling_wrapper(template):
    assert unwrapped_tables(template.read_text()) == [], f"{template.relative_to(ROOT)}: <table> outside table-wrap"
