from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from organisation.models import EmploymentArea
from plan_document import services
from plan_document.sections import PlanTextError


class Command(BaseCommand):
    help = (
        "Pre-fills the narrative of the plan's six sections from the plan's text (default data/areas/<area>/plan.txt). "
        "Loading again changes nothing; a section edited in the UI keeps its edit."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, help="plan.txt; default data/areas/<area>/plan.txt")
        parser.add_argument("--area", help="the area's slug (default: the only area loaded)")

    def _area(self, slug):
        found = list((EmploymentArea.objects.filter(slug=slug) if slug else EmploymentArea.objects.all())[:2])
        if len(found) != 1:
            loaded = ", ".join(EmploymentArea.objects.values_list("slug", flat=True)) or "–"
            raise CommandError(_("--area: anna ladatun alueen tunniste (ladatut: %(slugs)s).") % {"slugs": loaded})
        return found[0]

    def handle(self, *args, path, area, **options):
        found = self._area(area)
        if path is None:
            path = Path(settings.BASE_DIR) / "data" / "areas" / found.slug / "plan.txt"
            if not path.is_file():
                self.stdout.write(_("Alueella %(area)s ei ole suunnitelman tekstiä (%(path)s); mitään ei ladattu.") % {
                    "area": found.slug, "path": path
                })  # fmt: skip
                return
        elif not path.is_file():
            raise CommandError(_("path: tiedostoa %(path)s ei ole.") % {"path": path})
        try:
            loaded = services.load_plan_texts(found, path)
        except PlanTextError as error:
            raise CommandError(
                _("%(path)s: suunnitelman luvun %(section)s otsikkoa ei löydy; mitään ei tallennettu.")
                % {"path": path, "section": error.section}
            ) from error
        except UnicodeDecodeError as error:
            raise CommandError(_("%(path)s: tiedosto ei ole UTF-8-tekstiä.") % {"path": path}) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Suunnitelman tekstit ladattu: lisätty %(created)s, päivitetty %(updated)s, "
                    "muokattuina säilytetty %(kept)s"
                )
                % {"created": loaded.created, "updated": loaded.updated, "kept": loaded.kept}
            )
        )
