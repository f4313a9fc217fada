from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.data_files import DataFileError
from employers import imports


class Command(BaseCommand):
    help = (
        "Imports vacancies from a CSV or JSON file (format: docs/employers.md). All or nothing: any bad row refuses "
        "the file with the file, the line and the reason, and nothing is written. A vacancy is identified by its "
        "source and external id, so importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            report = imports.import_vacancies(file)
        except DataFileError as error:
            raise CommandError(_("Työpaikkoja ei tuotu:\n%(error)s") % {"error": error}) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Työpaikat %(file)s: lisätty %(added)s, muutettu %(changed)s, ennallaan %(unchanged)s; "
                    "uusia työnantajia %(employers)s"
                )
                % {
                    "file": file,
                    "added": report.added,
                    "changed": report.changed,
                    "unchanged": report.unchanged,
                    "employers": report.employers_added,
                }
            )
        )
