from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.enums import Role
from accounts.models import User
from organisation.models import Municipality, Team

DEMO_PASSWORD = "Kainuu-demo-2026"  # noqa: S105 - documented demo password, refused outside demo mode

# (username, role, first name, last name, home municipality code, team target group)
DEMO_ACCOUNTS = [
    ("ohjaaja", Role.COUNSELLOR, "Olli", "Ohjaaja", "205", "adults"),
    ("esihenkilo", Role.SUPERVISOR, "Eeva", "Esihenkilö", "205", None),
    ("paattaja", Role.DECISION_MAKER, "Pekka", "Päättäjä", "205", None),
    # Hyrynsalmi holds no delegation (its residents are served by Paltamo): this decision maker decides nothing.
    ("paattaja2", Role.DECISION_MAKER, "Taina", "Toimivallaton", "105", None),
    ("maksatus", Role.PAYMENT_HANDLER, "Maija", "Maksatus", "205", None),
    # Four eyes: one payment handler records a payment request, the other approves it.
    ("maksatus2", Role.PAYMENT_HANDLER, "Matti", "Maksaja", "205", None),
    ("tyonantajapalvelut", Role.EMPLOYER_SERVICES, "Tuula", "Työnantajapalvelut", "205", "employer_services"),
    ("johto", Role.AREA_MANAGER, "Jaana", "Johtaja", "205", None),
    ("paakayttaja", Role.ADMINISTRATOR, "Paavo", "Pääkäyttäjä", "205", None),
]


class Command(BaseCommand):
    help = "Creates one demo account per role (only in demo mode or with --demo). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Create the accounts even when DEMO_MODE is off.")

    @transaction.atomic
    def handle(self, *args, demo=False, **options):
        if not (settings.DEMO_MODE or demo):
            raise CommandError("Demo accounts are created only in demo mode (DEBUG/DEMO_MODE) or with --demo.")
        municipalities = {m.code: m for m in Municipality.objects.all()}
        created = 0
        for username, role, first_name, last_name, code, target_group in DEMO_ACCOUNTS:
            municipality = municipalities.get(code)
            team = None
            if municipality and target_group:
                team = Team.objects.filter(municipality=municipality, target_group=target_group).first()
            user, was_created = User.objects.update_or_create(
                username=username,
                defaults={
                    "role": role,
                    "first_name": first_name,
                    "last_name": last_name,
                    "home_municipality": municipality,
                    "team": team,
                    "is_staff": role == Role.ADMINISTRATOR,
                    "is_superuser": role == Role.ADMINISTRATOR,
                },
            )
            if was_created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                created += 1
        self.stdout.write(f"demo accounts: {created} created, {len(DEMO_ACCOUNTS) - created} already present")
