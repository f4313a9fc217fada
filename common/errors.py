"""Collecting every problem of an input before refusing it, so the user sees all of them at once."""

from django.core.exceptions import ValidationError


class Errors(dict):
    """Field name → messages; `raise_if_any` refuses the input with all of them."""

    def add(self, name: str, message: str) -> None:
        self.setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))
