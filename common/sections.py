"""Sections that apps on higher layers add to a lower app's page, which the lower app may not import or load tags from.

The lower app keeps one `Registry`; an upper app registers a `Section` in its AppConfig.ready: a template and a
function giving that template's context for the user viewing the page and the page's subject. The page renders the
registered sections in `order` (then `key`), at one place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable[[Any, Any], dict]
    order: int = 100


class Registry:
    def __init__(self) -> None:
        self._sections: dict[str, Section] = {}

    def register(self, section: Section) -> None:
        """Add a section (a second registration under the same key replaces the first, so ready() may run again)."""
        self._sections[section.key] = section

    def sections(self) -> list[Section]:
        return sorted(self._sections.values(), key=lambda section: (section.order, section.key))

    def render(self, request, subject) -> list[SafeString]:
        """Each registered section rendered for the request's user, in order."""
        return [
            render_to_string(section.template, section.context(request.user, subject), request=request)
            for section in self.sections()
        ]
