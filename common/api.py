"""What every API view of the project shares: the permission check against accounts.permissions, the translation of
a service's Django ValidationError into DRF's field errors, and one time-zone convention for every moment answered."""

from datetime import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from rest_framework import permissions as drf_permissions
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder


def django_errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages})


class Allowed(drf_permissions.BasePermission):
    """Asks accounts.permissions: the view's `predicates` map each action to a predicate on the user."""

    def has_permission(self, request, view):
        if view.action is None:
            return True  # a method the route does not have: DRF answers 405 without running anything
        predicate = view.predicates.get(view.action)
        return bool(predicate and predicate(request.user))


class HelsinkiTimeEncoder(JSONEncoder):
    """Every moment as ISO 8601 with the service's offset (2026-12-01T10:30:00+02:00), also those a view answers
    outside a serializer's DateTimeField: a database moment in UTC would otherwise be written with "Z"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Looked up once per answer, not per moment: a list of thousands of moments stays as fast as DRF's own.
        self.zone = timezone.get_current_timezone()
        self.default_zone = timezone.get_default_timezone()

    def default(self, obj):
        if isinstance(obj, datetime):
            # A naive moment is the service's wall-clock time (settings.TIME_ZONE), written with its offset too.
            obj = obj.astimezone(self.zone) if obj.utcoffset() is not None else obj.replace(tzinfo=self.default_zone)
        return super().default(obj)


class HelsinkiTimeJSONRenderer(JSONRenderer):
    encoder_class = HelsinkiTimeEncoder
