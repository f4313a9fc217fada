"""Actions that apps on higher layers offer on a meeting or on a client, shown on this app's pages (the agenda and the
client page) without this app linking to their URLs.

An app registers an Action in its AppConfig.ready: a label, a visually hidden detail that tells the screen-reader
user which meeting or client the link is about (`%(when)s` is the meeting's time as the page shows it), a URL builder
and a permission predicate, both taking the meeting (or the job seeker). A page asks `for_meeting` / `for_client`
for the actions the user may take, in registration order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from accounts.models import User
from jobseekers.models import Jobseeker
from service_model.models import Meeting


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    detail: str
    url: Callable[[object], str]
    allowed: Callable[[User, object], bool]


@dataclass(frozen=True)
class Shown:
    """An action as a page renders it: the link's visible label, its hidden detail and its address."""

    key: str
    label: str
    detail: str
    url: str


_ON_MEETING: dict[str, Action] = {}
_ON_CLIENT: dict[str, Action] = {}


def register_meeting_action(action: Action) -> None:
    """A second registration under the same key replaces the first, so ready() may run again."""
    _ON_MEETING[action.key] = action


def register_client_action(action: Action) -> None:
    _ON_CLIENT[action.key] = action


def for_meeting(user: User, meeting: Meeting, *, when: str) -> list[Shown]:
    return [
        Shown(action.key, str(action.label), str(action.detail) % {"when": when}, action.url(meeting))
        for action in _ON_MEETING.values()
        if action.allowed(user, meeting)
    ]


def for_client(user: User, jobseeker: Jobseeker) -> list[Shown]:
    return [
        Shown(action.key, str(action.label), str(action.detail), action.url(jobseeker))
        for action in _ON_CLIENT.values()
        if action.allowed(user, jobseeker)
    ]
