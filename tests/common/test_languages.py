from types import SimpleNamespace

from django.template import Context, Template
from django.utils import translation

from common.languages import in_language

KAJAANI = SimpleNamespace(name_fi="Kajaani", name_sv="Kajana")
PALTAMO = SimpleNamespace(name_fi="Paltamo", name_sv="", name_en="")


def test_the_stored_translation_in_the_active_language():
    assert [in_language(KAJAANI, language=code) for code in ("fi", "sv", "en")] == ["Kajaani", "Kajana", "Kajaani"]
    with translation.override("sv"):
        assert in_language(KAJAANI) == "Kajana"
        template = Template("{% load local_formats %}{{ place|local_name }}")
        assert template.render(Context({"place": KAJAANI})) == "Kajana"


def test_a_missing_translation_falls_back_to_finnish():
    assert in_language(PALTAMO, language="sv") == "Paltamo"
    assert in_language(PALTAMO, language="en") == "Paltamo"
