"""What every API view of the project shares: the permission check against accounts.permissions and the translation of
a service's Django ValidationError into DRF's field errors."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import permissions as drf_permissions
from rest_framework.exceptions import ValidationError


def django_errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages})


class Allowed(drf_permissions.BasePermission):
    """Asks accounts.permissions: the view's `predicates` map each action to a predicate on the user."""

    def has_permission(self, request, view):
        if view.action is None:
            return True  # a method the route does not have: DRF answers 405 without running anything
        predicate = view.predicates.get(view.action)
        return bool(predicate and predicate(request.user))
