"""The project's layers, bottom first, and the check that no module imports a layer above its own.

Apps on one layer are independent: neither imports the other. `demo` sits on top, so no domain app can import it.
Each allowed exception names the importing module, the imported module and why.
"""

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

LAYERS: list[set[str]] = [
    {"common"},
    {"accounts"},
    {"organisation", "audit"},
    {"labour_market"},
    {"employers"},
    {"jobseekers"},
    {"service_model"},
    {"statements", "correspondence", "subsidies", "planning", "competence", "cooperation", "matching"},
    # The plan document reads from every app below it (statistics, organisation, planning, subsidies, competence).
    {"plan_document"},
    {"www", "operations"},
    {"demo"},
]

EXCEPTIONS = {
    # The one place access is decided needs the counsellor pools the routing core names; see
    # docs/decisions/0005-accounts-below-organisation.md.
    ("accounts.permissions", "organisation.pools"): "pool ids are built by the routing's own module",
}

SKIPPED_DIRECTORIES = {"migrations"}


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    imported: str

    def __str__(self):
        return f"{self.module}:{self.line} imports {self.imported}"


def layer_of(app: str) -> int | None:
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    return None


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(tree: ast.AST, module: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                yield node.lineno, ".".join([*base, node.module or ""]).rstrip(".")
            elif node.module:
                for alias in node.names:
                    yield node.lineno, f"{node.module}.{alias.name}"


def violations(root: Path) -> list[Violation]:
    found = []
    for apps in LAYERS:
        for app in apps:
            for path in sorted((root / app).rglob("*.py")):
                if SKIPPED_DIRECTORIES.intersection(path.relative_to(root).parts):
                    continue
                module = _module_name(root, path)
                own = layer_of(app)
                for line, imported in imports(ast.parse(path.read_text(), str(path)), module):
                    target = imported.split(".")[0]
                    other = layer_of(target)
                    if other is None or target == app or other < own:
                        continue
                    if any(module == m and imported.startswith(i) for m, i in EXCEPTIONS):
                        continue
                    found.append(Violation(module, line, imported))
    return found


# `{% load a b %}` and `{% load name from library %}`: the libraries are the words after `load` (or after `from`).
LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")


def loaded_libraries(text: str):
    for match in LOAD.finditer(text):
        words = match.group(1).split()
        yield from words[words.index("from") + 1 :] if "from" in words else words


def template_violations(root: Path, libraries: Mapping[str, str]) -> list[str]:
    """Templates under an app's `templates/` that load a tag library of an app on a higher layer or a sibling.

    `libraries` maps a library's name to its module, as Django's template engine knows them (Engine.libraries):
    loading a library runs its app's code, so it is an import like any other. Libraries of no layered app (Django's
    own, third-party) are not checked.
    """
    found = []
    for apps in LAYERS:
        for app in apps:
            own = layer_of(app)
            for path in sorted((root / app / "templates").rglob("*.html")):
                for name in loaded_libraries(path.read_text()):
                    target = libraries.get(name, "").split(".")[0]
                    other = layer_of(target)
                    if other is None or target == app or other < own:
                        continue
                    found.append(f"{path.relative_to(root)} loads {name} ({libraries[name]})")
    return found
