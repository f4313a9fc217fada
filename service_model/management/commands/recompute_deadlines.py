from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from common.formatting import fi_date, fi_number
from jobseekers.models import Jobseeker
from service_model.models import Deadline
from service_model.services import deadlines
from service_model.today import parse_day, service_today


class Command(BaseCommand):
    help = (
        "Recomputes every job seeker's stored deadline from their held meetings, status and job-search start on the "
        "reference day (run nightly: a long-term period or a rule set taking effect can move a deadline without any "
        "write). Bulk: two reads and one write per chunk."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Viitepäivä VVVV-KK-PP (oletus: SERVICE_MODEL_TODAY tai tänään).")
        parser.add_argument("--batch", type=int, default=deadlines.DEADLINE_BATCH, help="Rivejä kerralla.")

    def handle(self, *args, today, batch, **options):
        day = parse_day(today) if today else service_today()
        if day is None:
            raise CommandError(f"--today: päivä muodossa VVVV-KK-PP väliltä 2.5.2022–2100 (annettu {today!r})")
        if batch < 1:
            raise CommandError("--batch: vähintään 1")
        console = Console(file=self.stdout, highlight=False, width=120)
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("määräajat", total=Jobseeker.objects.count())

            def progress(_phase, done, total):
                bar.update(task, completed=done, total=total)

            count = deadlines.recompute_all(today=day, progress=progress, batch=batch)
        overdue = Deadline.objects.filter(due_on__lt=day).count()
        self.stdout.write(
            f"määräajat laskettu {fi_date(day)}: {fi_number(count)} työnhakijaa, {fi_number(overdue)} myöhässä"
        )
