from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.data_files import DataFileError
from planning.checklists import DEFAULT_FILE, load_checklists


class Command(BaseCommand):
    help = (
        "Loads the structural-change preparedness checklists per kind of situation (data/planning/"
        "change_checklists.yaml). Every entry is checked first and nothing is written if any has a problem; loading "
        "the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_FILE)

    def handle(self, *args, path, **options):
        try:
            summary = load_checklists(path)
        except DataFileError as error:
            raise CommandError(_("Tarkistuslistoja ei ladattu:\n%(problems)s") % {"problems": error}) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Tarkistuslistat ladattu: lisätty %(added)s, muutettu %(changed)s, ennallaan %(unchanged)s, "
                    "poistettu %(removed)s"
                )
                % vars(summary)
            )
        )
