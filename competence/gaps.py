"""Gap analysis of a competence survey round: who covers each statutory task, where, and where nobody does.

Pure core: no Django. People come in with the level that counts for each area (the supervisor's assessment when
there is one, else the person's own), the analysis comes out as cells per municipality and task, bottlenecks with
reason codes and the people elsewhere in the area who could cover them. Texts are rendered in competence/texts.py.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

INDEPENDENT = 3  # the scale's "independent" level: from here on a person covers a task
MINIMUM_GROUP = 3  # an aggregate of fewer people is not shown to those who may not see individual answers
AREA = ""  # the municipality code of the whole-area row


class ReasonCode(StrEnum):
    NOBODY = "nobody"
    SINGLE_PERSON = "single_person"
    COVERED = "covered"


class ChangeCode(StrEnum):
    NEW_BOTTLENECK = "new_bottleneck"
    RESOLVED = "resolved"
    FEWER = "fewer"
    MORE = "more"


@dataclass(frozen=True)
class Person:
    id: int
    municipality: str
    fte: Decimal
    levels: Mapping[str, int]  # area key → the level that counts
    training: frozenset[str] = frozenset()  # area keys the person wishes training in


@dataclass(frozen=True)
class Cell:
    municipality: str  # AREA for the whole area
    task: str
    respondents: int
    competent: int
    fte: Decimal
    code: ReasonCode
    competent_ids: tuple[int, ...] = ()
    # Hidden although large enough: the area's total less the shown cells would otherwise give a small hidden one.
    complementary: bool = False

    @property
    def suppressed(self) -> bool:
        """Fewer than MINIMUM_GROUP answered, or hidden so that no small group can be got by subtraction."""
        return self.respondents < MINIMUM_GROUP or self.complementary


@dataclass(frozen=True)
class Bottleneck:
    municipality: str
    task: str
    code: ReasonCode
    cover_ids: tuple[int, ...]  # independent people of other municipalities who could cover it


@dataclass(frozen=True)
class Analysis:
    municipalities: tuple[str, ...]
    tasks: tuple[str, ...]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    bottlenecks: tuple[Bottleneck, ...] = ()
    training: dict[str, int] = field(default_factory=dict)  # area key → people wishing training


@dataclass(frozen=True)
class Change:
    municipality: str
    task: str
    before: int
    after: int
    code: ReasonCode
    change: ChangeCode


def _code(competent: int) -> ReasonCode:
    if competent == 0:
        return ReasonCode.NOBODY
    return ReasonCode.SINGLE_PERSON if competent == 1 else ReasonCode.COVERED


def _cell(municipality: str, task: str, people: list[Person]) -> Cell:
    answered = [p for p in people if task in p.levels]
    competent = [p for p in answered if p.levels[task] >= INDEPENDENT]
    return Cell(
        municipality=municipality,
        task=task,
        respondents=len(answered),
        competent=len(competent),
        fte=sum((p.fte for p in competent), Decimal(0)),
        code=_code(len(competent)),
        competent_ids=tuple(sorted(p.id for p in competent)),
    )


def analyse(people: Iterable[Person], municipalities: Iterable[str], tasks: Iterable[str]) -> Analysis:
    """Cells per municipality and task (and for the whole area), the bottlenecks and the summed training wishes."""
    people = list(people)
    municipalities, tasks = tuple(municipalities), tuple(tasks)
    cells = {}
    bottlenecks = []
    for municipality in (*municipalities, AREA):
        members = people if municipality == AREA else [p for p in people if p.municipality == municipality]
        for task in tasks:
            cell = _cell(municipality, task, members)
            cells[(municipality, task)] = cell
            if cell.code != ReasonCode.COVERED:
                covers = () if municipality == AREA else cells_elsewhere(people, municipality, task)
                bottlenecks.append(Bottleneck(municipality, task, cell.code, covers))
    for task in tasks:
        _suppress_complementary(cells, municipalities, task)
    training = Counter(key for p in people for key in p.training)
    return Analysis(municipalities, tasks, cells, tuple(bottlenecks), dict(training))


def _suppress_complementary(cells: dict[tuple[str, str], Cell], municipalities: tuple[str, ...], task: str) -> None:
    """Hide the smallest shown cells of a task until the people hidden in it are none or at least MINIMUM_GROUP, so the
    whole-area row less the shown municipalities never reveals a group smaller than that."""
    column = sorted((cells[(m, task)] for m in municipalities), key=lambda c: (c.respondents, c.municipality))
    hidden = sum(c.respondents for c in column if c.suppressed)
    for cell in column:
        if hidden == 0 or hidden >= MINIMUM_GROUP:
            return
        if not cell.suppressed:
            cells[(cell.municipality, task)] = replace(cell, complementary=True)
            hidden += cell.respondents


def cells_elsewhere(people: Iterable[Person], municipality: str, task: str) -> tuple[int, ...]:
    """The independent people of the other municipalities of the area for a task: who could cover a gap."""
    return tuple(
        sorted(p.id for p in people if p.municipality != municipality and p.levels.get(task, 0) >= INDEPENDENT)
    )


def compare(before: Analysis, after: Analysis) -> list[Change]:
    """Cells whose number of competent people changed between two rounds, with what the change means."""
    changes = []
    for key, cell in after.cells.items():
        previous = before.cells.get(key)
        if previous is None or previous.competent == cell.competent:
            continue
        was_bottleneck = previous.code != ReasonCode.COVERED
        is_bottleneck = cell.code != ReasonCode.COVERED
        if is_bottleneck and not was_bottleneck:
            change = ChangeCode.NEW_BOTTLENECK
        elif was_bottleneck and not is_bottleneck:
            change = ChangeCode.RESOLVED
        else:
            change = ChangeCode.MORE if cell.competent > previous.competent else ChangeCode.FEWER
        changes.append(Change(cell.municipality, cell.task, previous.competent, cell.competent, cell.code, change))
    return changes
