"""What the cooperation pages share: the user's area, and a service write onto a form."""

from django.core.exceptions import ValidationError

from common.views import errors_to_form
from cooperation.selectors.area import area_of  # noqa: F401  (the pages' one way to the user's area)


def write(form, call) -> object | None:
    """Run `call(cleaned_data)` when the form is valid; a service's refusal lands on the form's fields."""
    if not form.is_valid():
        return None
    try:
        return call(form.cleaned_data)
    except ValidationError as error:
        errors_to_form(form, error)
        return None


def status(*forms) -> int:
    return 400 if any(form is not None and form.is_bound and form.errors for form in forms) else 200
