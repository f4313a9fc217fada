from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Writes a consistent backup of the database (pg_dump custom format on PostgreSQL, a copy on SQLite)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Backup file (default: var/backups/<timestamp>.backup).")

    def handle(self, *args, output=None, **options):
        target = output or Path(settings.VAR_DIR) / "backups" / f"{datetime.now():%Y%m%d-%H%M%S}.backup"
        try:
            written = backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"backup written: {written} ({written.stat().st_size} bytes)")
