from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.data_files import DataFileError
from employers import distance_store

DEFAULT_FILE = Path(settings.BASE_DIR) / "data" / "areas" / "kainuu-koillismaa" / "road-distances.csv"


class Command(BaseCommand):
    help = (
        "Loads road distances between municipality centres from a CSV file (by default the Kainuu-Koillismaa area's "
        "road-distances.csv). All or nothing; loading the same file again changes nothing, and pairs the file no "
        "longer has are removed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, nargs="?", default=DEFAULT_FILE)

    def handle(self, *args, file, **options):
        try:
            report = distance_store.load(file)
        except DataFileError as error:
            raise CommandError(_("Etäisyyksiä ei ladattu:\n%(error)s") % {"error": error}) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Tieetäisyydet %(file)s: lisätty %(added)s, muutettu %(changed)s, ennallaan %(unchanged)s, "
                    "poistettu %(removed)s"
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
