"""What the cooperation API modules share: a serializer's checked input as a dict, a service's refusal as a 400
naming the field, and the endpoints of one job seeker's cooperation record, recording included."""

from collections.abc import Callable

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import permissions as drf_permissions
from rest_framework import status, viewsets
from rest_framework.exceptions import PermissionDenied

from accounts import permissions_cooperation
from common.api import Allowed, django_errors


def call(write):
    try:
        return write()
    except DjangoValidationError as error:
        raise django_errors(error) from None


def validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class PersonViewSet(viewsets.GenericViewSet):
    """A job seeker's cooperation record, looked up by the job seeker's id through `reader` (each subclass names its
    selector's lookup, which logs the read or the refusal) and answered by `respond`; a write also needs the user to
    work with the person."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    lookup_value_regex = "[0-9]+"
    reader: Callable
    respond: Callable

    def person(self, purpose: str, *, write: bool):
        user = self.request.user
        jobseeker = self.reader(user, self.kwargs["pk"], view=f"api:{self.basename}-{self.action}", purpose=purpose)
        if write and not permissions_cooperation.can_work_with_cooperation_clients(user, jobseeker):
            raise PermissionDenied
        return jobseeker

    def record(self, purpose: str, serializer_class, write: Callable):
        """Records something for the person: the person (a write), the checked input, `write(jobseeker, by=user,
        **input)`, and the person's record again with 201."""
        jobseeker = self.person(purpose, write=True)
        data = validated(serializer_class, self.request.data)
        call(lambda: write(jobseeker, by=self.request.user, **data))
        return self.respond(jobseeker, status.HTTP_201_CREATED)
