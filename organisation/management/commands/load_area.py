from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from organisation.area_data import AreaDataError, LoadSummary, load_area


class Command(BaseCommand):
    help = (
        "Loads an employment area's data folder (e.g. data/areas/kainuu-koillismaa) into the database. "
        "Every file is checked first and nothing is written if any of them has a problem; running it again "
        "with the same files changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            type=Path,
            help="The area's data folder; by default settings.AREA_DATA_DIR / settings.DEFAULT_AREA.",
        )

    def handle(self, *args, directory=None, **options):
        directory = directory or Path(settings.AREA_DATA_DIR) / settings.DEFAULT_AREA
        try:
            summaries = load_area(directory)
        except AreaDataError as error:
            raise CommandError(_("Aluetietoja ei ladattu: %(error)s") % {"error": error}) from error
        for name, summary in summaries.items():
            self.stdout.write(f"{name}: {describe(summary)}")
        total = sum(summaries.values(), LoadSummary())
        self.stdout.write(
            self.style.SUCCESS(
                _("Ladattu %(directory)s: %(summary)s")
                % {
                    "directory": directory,
                    "summary": describe(total),
                }
            )
        )


def describe(summary: LoadSummary) -> str:
    return _("lisätty %(added)s, muutettu %(changed)s, ennallaan %(unchanged)s, poistettu %(removed)s") % {
        "added": summary.added,
        "changed": summary.changed,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
    }
