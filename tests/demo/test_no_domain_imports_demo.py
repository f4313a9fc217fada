"""No module outside demo imports it: the demo data can be left out of a deployment without breaking anything.

Unlike the layer test (tests/architecture), this reads every Python package in the project directory, so an app that
has not been given a layer yet is checked too. Only demo itself, the tests, the benchmarks and the project settings
package may import demo.
"""

import ast
from pathlib import Path

from django.conf import settings

from tests.architecture.layers import imports

ALLOWED = {"demo", "tests", "benchmarks", "tyollisyysalue"}


def demo_imports(root: Path) -> list[str]:
    packages = [path for path in sorted(root.iterdir()) if (path / "__init__.py").exists() and path.name not in ALLOWED]
    found = []
    for path in [*sorted(root.glob("*.py")), *(p for package in packages for p in sorted(package.rglob("*.py")))]:
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for line, imported in imports(ast.parse(path.read_text(), str(path)), module):
            if imported == "demo" or imported.startswith("demo."):
                found.append(f"{module}:{line} imports {imported}")
    return found


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_no_domain_module_imports_demo():
    assert demo_imports(Path(settings.BASE_DIR)) == []


def test_an_import_of_demo_is_found_in_any_package_even_inside_a_function(tmp_path):
    _write(tmp_path, "employers/__init__.py", "")
    _write(tmp_path, "employers/services.py", "def f():\n    from demo.people import generate\n")
    _write(tmp_path, "jobseekers/__init__.py", "")
    _write(tmp_path, "jobseekers/migrations/__init__.py", "import demo\n")
    _write(tmp_path, "manage.py", "from demo import meetings\n")
    assert demo_imports(tmp_path) == [
        "manage:1 imports demo.meetings",
        "employers.services:2 imports demo.people.generate",
        "jobseekers.migrations.__init__:1 imports demo",
    ]


def test_demo_tests_benchmarks_and_lookalike_names_are_allowed(tmp_path):
    for package in ("demo", "tests", "benchmarks", "tyollisyysalue"):
        _write(tmp_path, f"{package}/__init__.py", "")
        _write(tmp_path, f"{package}/uses.py", "from demo import people\n")
    _write(tmp_path, "labour_market/__init__.py", "import demographics\nfrom demography import demo\n")
    assert demo_imports(tmp_path) == []
