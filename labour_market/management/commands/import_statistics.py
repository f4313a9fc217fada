from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from labour_market import services
from labour_market.parsers import ParseError
from organisation.models import EmploymentArea


class Command(BaseCommand):
    help = (
        "Imports monthly municipal statistics from a PC-Axis (.px) file or a JSON-stat 2.0 file as StatFin "
        "publishes them (table 12r5: Alue KU###, Kuukausi YYYYMmm, Tiedot codes), or from a CSV file of local "
        "figures with the header municipality;month;indicator;value (see labour_market/parsers/csv.py). "
        "All or nothing: a malformed file stops with the file and position and writes nothing. Importing the "
        "same file again changes nothing. Unknown area or indicator codes are skipped and reported, or with "
        "--strict the whole file is rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format", choices=sorted(services.READERS), help="By default from the suffix: .px, .json, .csv."
        )
        parser.add_argument(
            "--table",
            help="Key of the table the figures belong to; by default the file's own (PX MATRIX, JSON-stat tableid).",
        )
        parser.add_argument("--table-name", help="Name shown for the table; by default the file's title.")
        parser.add_argument("--strict", action="store_true", help="Reject the file if any code is unknown.")
        parser.add_argument("--area", help="Slug of the area that rows without a municipality belong to.")

    def handle(self, *args, file, format=None, table=None, table_name=None, strict=False, area=None, **options):
        console = Console(file=self.stdout, highlight=False)
        try:
            parsed = services.read_file(file, format)
            area_object = EmploymentArea.objects.get(slug=area) if area else None
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=console,
                transient=True,
                disable=not console.is_terminal,
            ) as progress:
                task = progress.add_task(_("Tallennetaan"), total=len(parsed.observations))
                report = services.import_figures(
                    parsed,
                    table_key=table,
                    table_name=table_name,
                    strict=strict,
                    area=area_object,
                    progress=lambda step: progress.advance(task, step),
                )
        except ParseError as error:
            raise CommandError(_("Tiedostoa ei tuotu: %(error)s") % {"error": error}) from error
        except services.ImportRejected as error:
            raise CommandError(_("Tiedostoa ei tuotu: %(file)s: %(error)s") % {"file": file, "error": error}) from error
        except EmploymentArea.DoesNotExist:
            raise CommandError(_("Aluetta %(area)s ei ole") % {"area": area}) from None
        for line in report.skipped:
            self.stdout.write(self.style.WARNING(_("Ohitettu: %(line)s") % {"line": line}))
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Tuotu %(file)s taulukkoon %(table)s: lisätty %(added)s, muutettu %(changed)s, "
                    "ennallaan %(unchanged)s, ohitettu %(skipped)s"
                )
                % {
                    "file": file,
                    "table": report.table,
                    "added": report.added,
                    "changed": report.changed,
                    "unchanged": report.unchanged,
                    "skipped": report.skipped_figures,
                }
            )
        )
