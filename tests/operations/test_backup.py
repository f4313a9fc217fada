import pytest
from django.core.management import CommandError, call_command

from operations.backup import table_checksums
from organisation.models import Municipality, Partner

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_then_restore_into_an_emptied_database_gives_back_every_row(area, tmp_path):
    before = table_checksums()
    assert before["organisation_municipality"][0] == 10
    target = tmp_path / "area.backup"
    call_command("backup", output=target)
    assert target.stat().st_size > 0

    Partner.objects.all().delete()
    Municipality.objects.filter(code="697").update(name_fi="Muutettu")
    call_command("flush", interactive=False)
    assert table_checksums() != before

    call_command("restore", str(target), yes=True)
    assert table_checksums() == before


def test_restore_of_a_file_that_is_not_a_backup_changes_nothing(area, tmp_path):
    before = table_checksums()
    bogus = tmp_path / "not-a-backup.backup"
    bogus.write_text("tämä ei ole varmuuskopio")
    with pytest.raises(CommandError):
        call_command("restore", str(bogus), yes=True)
    assert table_checksums() == before


def test_restore_of_a_missing_file_names_it(tmp_path):
    with pytest.raises(CommandError, match="varmuuskopiotiedostoa ei ole"):
        call_command("restore", str(tmp_path / "missing.backup"), yes=True)
