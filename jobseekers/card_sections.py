"""Sections that apps on higher layers add to a job seeker's card, which this app may not import or load tags from.

An app registers a CardSection in its AppConfig.ready: a template and a function giving that template's context for
the user viewing the card and the job seeker. The card renders the registered sections in `order` (then `key`), at
one place below the journal. The card's view has already logged the read of the person, so a section's context adds
no access-log row of its own; it asks accounts.permissions itself what the user may see.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from accounts.models import User
from jobseekers.models import Jobseeker


@dataclass(frozen=True)
class CardSection:
    key: str
    template: str
    context: Callable[[User, Jobseeker], dict]
    order: int = 100


_SECTIONS: dict[str, CardSection] = {}


def register(section: CardSection) -> None:
    """Add a section (a second registration under the same key replaces the first, so ready() may run again)."""
    _SECTIONS[section.key] = section


def sections() -> list[CardSection]:
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))


def render(request, jobseeker: Jobseeker) -> list[SafeString]:
    """Each registered section rendered for the request's user, in order."""
    return [
        render_to_string(section.template, section.context(request.user, jobseeker), request=request)
        for section in sections()
    ]
