from pathlib import Path

from django.conf import settings
from django.template import engines

from tests.architecture import layers


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_no_app_imports_a_layer_above_its_own_or_a_sibling():
    assert [str(v) for v in layers.violations(Path(settings.BASE_DIR))] == []


def test_every_project_app_has_a_layer():
    base = Path(settings.BASE_DIR)
    project_apps = {name for name in settings.INSTALLED_APPS if (base / name / "apps.py").exists()}
    assert "jobseekers" in project_apps
    assert {app for app in project_apps if layers.layer_of(app) is None} == set()


def test_an_upward_import_is_found_even_inside_a_function(tmp_path):
    _write(tmp_path, "common/tables.py", "def f():\n    from jobseekers.models import Jobseeker\n")
    _write(tmp_path, "jobseekers/models.py", "from common.tables import Table\n")
    assert [str(v) for v in layers.violations(tmp_path)] == ["common.tables:2 imports jobseekers.models.Jobseeker"]


def test_a_domain_app_importing_demo_is_found(tmp_path):
    _write(tmp_path, "service_model/views.py", "import demo.population\n")
    assert [v.imported for v in layers.violations(tmp_path)] == ["demo.population"]


def test_siblings_on_one_layer_are_independent(tmp_path):
    _write(tmp_path, "audit/models.py", "from organisation import models\n")
    assert [v.imported for v in layers.violations(tmp_path)] == ["organisation.models"]


def test_a_relative_import_stays_inside_its_app(tmp_path):
    _write(tmp_path, "organisation/loader/reader.py", "from ..models import Area\nfrom . import fields\n")
    assert layers.violations(tmp_path) == []


def test_no_template_loads_a_tag_library_of_a_layer_above_its_own():
    libraries = engines["django"].engine.libraries
    assert layers.template_violations(Path(settings.BASE_DIR), libraries) == []


def test_a_template_loading_an_upper_apps_library_is_found(tmp_path):
    libraries = {"i18n": "django.templatetags.i18n", "statements_tags": "statements.templatetags.statements_tags"}
    _write(tmp_path, "jobseekers/templates/jobseekers/card.html", "{% load i18n statements_tags %}")
    _write(tmp_path, "www/templates/www/base.html", "{% load statements_tags %}")
    _write(tmp_path, "correspondence/templates/c.html", "{% load consequence from statements_tags %}")
    assert layers.template_violations(tmp_path, libraries) == [
        "jobseekers/templates/jobseekers/card.html loads statements_tags (statements.templatetags.statements_tags)",
        "correspondence/templates/c.html loads statements_tags (statements.templatetags.statements_tags)",
    ]
