"""plan_report and load_plan_texts: the files written, the versions stored, and every bad argument refused with a
message naming it and nothing written."""

import hashlib
import io
import os

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from plan_document.models import PlanGeneration, PlanText
from tests.conftest import AREA_DIR

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("plan_report", *args, stdout=out)
    return out.getvalue()


def test_docx_and_html_are_written_and_stored_as_versions(plan, tmp_path):
    docx_file, html_file = tmp_path / "suunnitelma.docx", tmp_path / "suunnitelma.html"
    first = run("--format", "docx", "--output", str(docx_file))
    assert "ensimmäinen tallennettu versio" in first and "tilastokuukausi 2023-08" in first
    document = Document(str(docx_file))
    assert document.paragraphs[-1].text  # a complete document, read back
    second = run("--format", "html", "--output", str(html_file), "--month", "2023-08")
    assert "Ei muutoksia edelliseen versioon." in second
    assert html_file.read_text().startswith("<!DOCTYPE html>")
    versions = list(PlanGeneration.objects.order_by("pk"))
    assert [(v.file_format, f"{v.month:%Y-%m}", v.generated_by) for v in versions] == [
        ("docx", "2023-08", None),
        ("html", "2023-08", None),
    ]
    assert versions[1].file_hash == hashlib.sha256(html_file.read_bytes()).hexdigest()
    assert versions[1].snapshot["tables"]["taulukko-1"]["rows"]["Yhteensä (laskettu)"]["Työttömät työnhakijat"] == (
        "3\u00a0217"
    )


def test_the_account_named_is_recorded(plan, tmp_path, make_user):
    manager = make_user(role="area_manager", username="johtaja")
    run("--format", "html", "--output", str(tmp_path / "s.html"), "--user", "johtaja")
    assert PlanGeneration.objects.get().generated_by == manager


def refused(tmp_path, *args) -> str:
    with pytest.raises(CommandError) as error:
        run(*args)
    assert not PlanGeneration.objects.exists()
    assert not [p for p in tmp_path.iterdir() if p.name != "readonly"], list(tmp_path.iterdir())
    return str(error.value)


def test_an_account_that_may_not_make_the_plan_is_refused(plan, tmp_path, make_user):
    """The report reads as the account named: a counsellor's plan would silently lack the capacity table."""
    make_user(role="counsellor", username="ohjaaja", municipality_code="205")
    message = refused(tmp_path, "--format", "html", "--output", str(tmp_path / "s.html"), "--user", "ohjaaja")
    assert message.startswith("--user: ") and "ohjaaja" in message


def test_a_bad_format_is_refused_naming_it(plan, tmp_path):
    message = refused(tmp_path, "--format", "pdf", "--output", str(tmp_path / "s.pdf"))
    assert "--format" in message and "pdf" in message


@pytest.mark.parametrize(
    ("month", "expected"),
    [("2023/08", "Kuukauden muoto on VVVV-KK"), ("2023-13", "VVVV-KK"), ("2025-01", "Kuukaudelta 2025-01 ei ole")],
)
def test_a_bad_month_is_refused_naming_it(plan, tmp_path, month, expected):
    message = refused(tmp_path, "--format", "docx", "--output", str(tmp_path / "s.docx"), "--month", month)
    assert message.startswith("--month: ") and expected in message
    if month == "2025-01":
        assert "2023-08" in message  # the months there are


def test_an_unwritable_output_is_refused_before_anything_is_built(plan, tmp_path):
    message = refused(tmp_path, "--format", "docx", "--output", str(tmp_path / "puuttuu" / "s.docx"))
    assert message.startswith("--output: ") and "puuttuu" in message
    message = refused(tmp_path, "--format", "docx", "--output", str(tmp_path))
    assert message.startswith("--output: ") and "hakemisto" in message


def test_a_read_only_directory_is_refused(plan, tmp_path, monkeypatch):
    readonly = tmp_path / "readonly"
    readonly.mkdir(mode=0o500)
    # Root may write anywhere: the check asks os.access, which is what a read-only mount answers too.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: False if str(path) == str(readonly) else real_access(path, mode)
    )
    message = refused(tmp_path, "--format", "docx", "--output", str(readonly / "s.docx"))
    assert message.startswith("--output: ") and "ei voi kirjoittaa" in message


def test_a_failing_write_leaves_no_file_and_no_version(plan, tmp_path, monkeypatch):
    def broken(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    message = refused(tmp_path, "--format", "docx", "--output", str(tmp_path / "s.docx"))
    assert message.startswith("--output: ") and "No space left on device" in message


def test_without_the_texts_the_report_says_how_to_load_them(area, tmp_path):
    message = refused(tmp_path, "--format", "html", "--output", str(tmp_path / "s.html"))
    assert "load_plan_texts" in message and "1, 2, 3, 4, 5, 6" in message


def test_loading_the_plan_texts_is_idempotent_and_keeps_edits(area, make_user):
    out = io.StringIO()
    call_command("load_plan_texts", stdout=out)
    assert "lisätty 6, päivitetty 0, muokattuina säilytetty 0" in out.getvalue()
    before = {t.section: (t.heading, t.text_fi, t.source) for t in PlanText.objects.all()}
    assert before[5][2] == "§5"
    edited = PlanText.objects.get(section=2)
    edited.text_fi, edited.updated_by = "Oma teksti.", make_user(role="area_manager")
    edited.save()
    out = io.StringIO()
    call_command("load_plan_texts", stdout=out)
    assert "lisätty 0, päivitetty 0, muokattuina säilytetty 1" in out.getvalue()
    after = {t.section: (t.heading, t.text_fi, t.source) for t in PlanText.objects.all()}
    assert after == before | {2: (before[2][0], "Oma teksti.", "§2")}


def test_a_plan_text_without_all_sections_is_refused_whole(area, tmp_path):
    broken = tmp_path / "plan.txt"
    text = (AREA_DIR / "plan.txt").read_text()
    broken.write_text(text.replace("4. Yhteistyötahot ja muodot", "Yhteistyötahot ja muodot"))
    with pytest.raises(CommandError) as error:
        call_command("load_plan_texts", str(broken))
    assert "luvun 4 otsikkoa ei löydy" in str(error.value)
    assert not PlanText.objects.exists()
    with pytest.raises(CommandError) as error:
        call_command("load_plan_texts", str(tmp_path / "ei-ole.txt"))
    assert str(error.value).startswith("path: ")
    with pytest.raises(CommandError) as error:
        call_command("load_plan_texts", "--area", "ei-ole")
    assert str(error.value).startswith("--area: ")
