"""What every app's pages share: refusing access, a service's errors onto a form, the page to return to."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.http import url_has_allowed_host_and_scheme


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def errors_to_form(form, error: ValidationError) -> None:
    """Each field's errors onto that field of the form; errors of fields the form lacks (or without a field) on the
    form itself."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, errors in error.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def safe_next(request) -> str:
    """The page to return to after a form (`next`), only when it is a path of this site ("//host" and "/\\host" are
    not: browsers read both as another host)."""
    value = request.GET.get("next") or request.POST.get("next") or ""
    safe = value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()})
    return value if safe else ""
