"""Reads of the competence survey, always for a user: rounds, one's own answers, the answers one may see, analyses."""

from dataclasses import dataclass, field

from django.http import Http404

from accounts import permissions
from audit.services import log_access
from competence import gaps
from competence.enums import Group
from competence.models import CompetenceArea, Respondent, ScaleLevel, SurveyRound
from organisation.models import EmploymentArea


def _area(user):
    if user.home_municipality_id is not None:
        return user.home_municipality.area
    return EmploymentArea.objects.order_by("pk").first()


def rounds(user) -> list[SurveyRound]:
    area = _area(user)
    return list(SurveyRound.objects.filter(area=area)) if area else []


def survey_round(user, pk=None) -> SurveyRound | None:
    """The round asked for (404 if not of the user's area), or the latest one."""
    found = rounds(user)
    if pk is None:
        return found[0] if found else None
    for item in found:
        if item.pk == pk:
            return item
    raise Http404


def open_round(user, today) -> SurveyRound | None:
    return next((item for item in rounds(user) if item.is_open(today)), None)


def scale() -> list[ScaleLevel]:
    return list(ScaleLevel.objects.all())


def areas() -> list[CompetenceArea]:
    return list(CompetenceArea.objects.all())


def own_answers(user, survey_round: SurveyRound) -> Respondent | None:
    return Respondent.objects.filter(survey_round=survey_round, user=user).prefetch_related("assessments").first()


def visible_respondents(user, survey_round: SurveyRound, *, view: str = "competence:respondents") -> list[Respondent]:
    """The people whose individual answers the user may read in the round (the reading is logged)."""
    scope = permissions.competence_answers_scope(user)
    if scope is None:
        return []
    found = list(
        Respondent.objects.filter(scope, survey_round=survey_round)
        .select_related("municipality")
        .prefetch_related("assessments__competence_area")
    )
    log_access(user, found, view=view, purpose="osaamiskartoitus")
    return found


def respondent(user, pk: int, *, view: str = "competence:respondent") -> Respondent:
    """One person's answers, for the person, their supervisor and administrators; 404 for anyone else (logged)."""
    found = (
        Respondent.objects.select_related("municipality", "survey_round")
        .prefetch_related("assessments__competence_area")
        .filter(pk=pk)
        .first()
    )
    allowed = found is not None and permissions.can_view_competence_answers(user, found)
    area = _area(user)
    if allowed and area is not None and found.survey_round.area_id != area.pk:
        allowed = False
    log_access(
        user, [found or pk], view=view, purpose="osaamiskartoitus", granted=allowed,
        subject_type="competence.respondent",
    )  # fmt: skip
    if not allowed:
        raise Http404
    return found


def _people(survey_round: SurveyRound) -> list[gaps.Person]:
    people = []
    for item in Respondent.objects.filter(survey_round=survey_round).prefetch_related("assessments__competence_area"):
        assessments = list(item.assessments.all())
        people.append(
            gaps.Person(
                id=item.pk,
                municipality=str(item.municipality_id),
                fte=item.fte,
                levels={a.competence_area.key: a.level for a in assessments},
                training=frozenset(a.competence_area.key for a in assessments if a.wants_training),
            )
        )
    return people


@dataclass(frozen=True)
class RoundAnalysis:
    survey_round: SurveyRound
    analysis: gaps.Analysis
    previous: SurveyRound | None
    changes: list[gaps.Change]
    municipalities: dict[str, str]  # municipality id (as the core names it) → name
    tasks: dict[str, str]  # area key → name, statutory tasks only
    areas: dict[str, str]  # every area key → name (training needs)
    names: dict[int, str]  # respondent id → name, only of the people the user may see individually
    shows_small_groups: bool
    codes: dict[str, str] = field(default_factory=dict)  # municipality id (as the core names it) → municipality code

    def hidden(self, cell: gaps.Cell) -> bool:
        """A cell of fewer than MINIMUM_GROUP people, for a user who may not see such small groups."""
        return cell.suppressed and not self.shows_small_groups


def analysis(user, survey_round: SurveyRound, *, named: bool = True, published: bool = False) -> RoundAnalysis:
    """The round's gap analysis as the user may see it. Without `named` nobody's name is read (nor logged): the API
    gives counts only. `published` is for a document anyone may read (the plan report): groups under the threshold
    stay hidden even when an administrator makes it."""
    area = survey_round.area
    ordered = list(area.municipalities.order_by("name_fi"))
    municipalities = {str(m.pk): m.name_fi for m in ordered}
    all_areas = areas()
    tasks = {a.key: a.name for a in all_areas if a.group == Group.STATUTORY_TASK}
    result = gaps.analyse(_people(survey_round), municipalities, tasks)
    earlier = [r for r in rounds(user) if r.opens_on < survey_round.opens_on]
    previous = earlier[0] if earlier else None
    changes = gaps.compare(gaps.analyse(_people(previous), municipalities, tasks), result) if previous else []
    names = {} if not named else {item.pk: item.name for item in visible_respondents(user, survey_round)}
    return RoundAnalysis(
        survey_round=survey_round,
        analysis=result,
        previous=previous,
        changes=changes,
        municipalities=municipalities,
        tasks=tasks,
        areas={a.key: a.name for a in all_areas},
        names=names,
        shows_small_groups=permissions.can_administer(user) and not published,
        codes={str(m.pk): m.code for m in ordered},
    )
