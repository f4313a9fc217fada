"""The reference day of worklists, deadlines and "overdue" filters: the real date, or the deployment's pinned day.

The setting `SERVICE_MODEL_TODAY` (environment variable, YYYY-MM-DD) moves "today" for the whole deployment – tests
and demos pin it. Every app that asks what is overdue asks this one function.
"""

from datetime import date

from django.conf import settings
from django.utils import timezone


def service_today() -> date:
    configured = getattr(settings, "SERVICE_MODEL_TODAY", None)
    if configured:
        return configured if isinstance(configured, date) else date.fromisoformat(str(configured))
    return timezone.localdate()
