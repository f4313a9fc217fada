import os
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts import permissions_planning
from accounts.models import User
from organisation.models import EmploymentArea
from plan_document import selectors, services
from plan_document.enums import Format, Language

# The service's field names as the command's arguments, so an error names what the user typed.
ARGUMENTS = {"format": "--format", "month": "--month", "language": "--language", "texts": "load_plan_texts"}


def _writer(output: Path):
    """Writes the file whole or not at all: to a temporary file beside it, then renamed over it."""

    def write(content: bytes) -> None:
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.replace(temporary, output)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    return write


class Command(BaseCommand):
    help = (
        'Generates the area\'s "Suunnitelma työvoimapalveluiden järjestämiseksi" from the database as DOCX or HTML, '
        "stores the version with its numbers and prints its changes against the previous version."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=Format.values, dest="file_format")
        parser.add_argument("--output", required=True, type=Path, help="the file to write")
        parser.add_argument("--month", help="statistics month YYYY-MM (default: the latest with figures)")
        parser.add_argument("--language", choices=Language.values, default=Language.FI)
        parser.add_argument("--area", help="the area's slug (default: the only area)")
        parser.add_argument("--user", help="the account the version is recorded under")

    def _area(self, slug):
        areas = EmploymentArea.objects.filter(slug=slug) if slug else EmploymentArea.objects.all()
        found = list(areas.order_by("slug")[:2])
        if len(found) != 1:
            raise CommandError(_("--area: anna alueen tunniste (ladatut: %(slugs)s).") % {
                "slugs": ", ".join(EmploymentArea.objects.values_list("slug", flat=True)) or "–"
            })  # fmt: skip
        return found[0]

    def _output(self, output: Path) -> Path:
        output = output.expanduser()
        if output.is_dir():
            raise CommandError(_("--output: %(path)s on hakemisto; anna tiedoston nimi.") % {"path": output})
        if not output.parent.is_dir():
            raise CommandError(_("--output: hakemistoa %(path)s ei ole.") % {"path": output.parent})
        if not os.access(output.parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
            raise CommandError(_("--output: tiedostoon %(path)s ei voi kirjoittaa.") % {"path": output})
        return output

    def handle(self, *args, file_format, output, month, language, area, user, **options):
        output = self._output(output)
        area_object = self._area(area)
        account = None
        if user:
            account = User.objects.filter(username=user).select_related("home_municipality").first()
            if account is None:
                raise CommandError(_("--user: käyttäjää %(user)s ei ole.") % {"user": user})
            # The report reads as this account: one who may not make the plan, or of another area, would get a plan
            # with tables silently missing or taken from the wrong area.
            if not permissions_planning.can_generate_plan(account):
                raise CommandError(_("--user: käyttäjä %(user)s ei saa laatia suunnitelmaa.") % {"user": user})
            if account.home_municipality_id is not None and account.home_municipality.area_id != area_object.pk:
                raise CommandError(
                    _("--user: käyttäjä %(user)s ei kuulu alueeseen %(area)s.")
                    % {"user": user, "area": area_object.slug}
                )
        reader = account or selectors.report_reader(area_object)
        try:
            generated = services.generate(
                account,
                reader,
                area_object,
                file_format=file_format,
                month=month,
                language=language,
                write=_writer(output),
            )
        except ValidationError as error:
            lines = [
                f"{ARGUMENTS.get(name, name)}: {message}" for name, messages in error.message_dict.items()
                for message in messages
            ]  # fmt: skip
            raise CommandError("\n".join(lines)) from error
        except OSError as error:
            raise CommandError(
                _("--output: %(path)s: %(reason)s") % {"path": output, "reason": error.strerror}
            ) from error
        for line in generated.report.changes:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            self.style.SUCCESS(
                _("Suunnitelma kirjoitettu: %(path)s (%(format)s, tilastokuukausi %(month)s, SHA-256 %(hash)s)")
                % {
                    "path": output,
                    "format": file_format,
                    "month": f"{generated.report.month:%Y-%m}",
                    "hash": generated.generation.file_hash[:12],
                }
            )
        )
