from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.data_files import DataFileError
from competence.loader import DEFAULT_FILE, load_areas


class Command(BaseCommand):
    help = (
        "Loads the competence areas and the 0-4 scale (data/competence/areas.yaml). Every entry is checked first and "
        "nothing is written if any has a problem; loading the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_FILE)

    def handle(self, *args, path, **options):
        try:
            summary = load_areas(path)
        except DataFileError as error:
            raise CommandError(_("Osaamisalueita ei ladattu:\n%(problems)s") % {"problems": error}) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Osaamisalueet ladattu: lisätty %(added)s, muutettu %(changed)s, ennallaan %(unchanged)s")
                % {"added": summary.added, "changed": summary.changed, "unchanged": summary.unchanged}
            )
        )
