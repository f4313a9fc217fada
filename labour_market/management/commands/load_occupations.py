from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.data_files import DataFileError
from labour_market import services

DEFAULT_FILE = Path(settings.BASE_DIR) / "data" / "classifications" / "isco-08.csv"


class Command(BaseCommand):
    help = (
        "Loads the ISCO-08 occupation classification (code, level, parent, Finnish and English name) from a CSV file, "
        "by default data/classifications/isco-08.csv. All or nothing: a bad row stops the load with the file, the line "
        "and the reason, and nothing is written. Loading the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, nargs="?", default=DEFAULT_FILE)

    def handle(self, *args, file, **options):
        try:
            report = services.load_occupations(file)
        except DataFileError as error:
            raise CommandError(_("Ammattiluokitusta ei ladattu:\n%(error)s") % {"error": error}) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Ammattiluokitus %(file)s: lisätty %(added)s, muutettu %(changed)s, "
                    "ennallaan %(unchanged)s, poistettu %(removed)s"
                )
                % {
                    "file": file,
                    "added": report.added,
                    "changed": report.changed,
                    "unchanged": report.unchanged,
                    "removed": report.removed,
                }
            )
        )
