"""Read-only REST API of the competence survey under /api/v1/competence/: the areas and the scale, the rounds, the gap
analysis's cells and bottlenecks as the heat-map page shows them (groups under three people hidden from whoever may
not see individual answers), and individual answers only for the person, their supervisor and administrators, every
read of them access-logged. Thin: the selectors decide and log, the serializers shape."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import permissions
from common.api import Allowed
from competence import gaps, selectors
from competence.models import CompetenceArea, Respondent, SurveyRound
from competence.serializers import (
    CompetenceAreaApiSerializer,
    CompetenceBottleneckApiSerializer,
    CompetenceCellApiSerializer,
    CompetenceRespondentApiSerializer,
    CompetenceRoundApiSerializer,
    CompetenceScaleLevelApiSerializer,
)


def _code(data: selectors.RoundAnalysis, municipality: str) -> str | None:
    return None if municipality == gaps.AREA else data.codes[municipality]


def cell_rows(data: selectors.RoundAnalysis) -> list[dict]:
    rows = []
    for (municipality, task), cell in data.analysis.cells.items():
        hidden = data.hidden(cell)
        rows.append(
            {
                "municipality": _code(data, municipality),
                "task": task,
                "suppressed": hidden,
                "respondents": None if hidden else cell.respondents,
                "competent": None if hidden else cell.competent,
                "fte": None if hidden else cell.fte,
                "status": None if hidden else cell.code.value,
            }
        )
    return rows


def bottleneck_rows(data: selectors.RoundAnalysis) -> list[dict]:
    rows = []
    for item in data.analysis.bottlenecks:
        if data.hidden(data.analysis.cells[(item.municipality, item.task)]):
            continue
        area_row = item.municipality == gaps.AREA
        rows.append(
            {
                "municipality": _code(data, item.municipality),
                "task": item.task,
                "status": item.code.value,
                "cover_elsewhere": None if area_row else len(item.cover_ids),
            }
        )
    return rows


@extend_schema(tags=["competence"])
class CompetenceAreaViewSet(viewsets.GenericViewSet):
    """The competence areas (statutory tasks, tools, languages) the survey asks about."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        "list": permissions.can_view_competence_aggregates,
        "scale": permissions.can_view_competence_aggregates,
    }
    queryset = CompetenceArea.objects.none()
    serializer_class = CompetenceAreaApiSerializer
    pagination_class = None

    def list(self, request):
        return Response(CompetenceAreaApiSerializer(selectors.areas(), many=True).data)

    @extend_schema(responses=CompetenceScaleLevelApiSerializer(many=True))
    @action(detail=False)
    def scale(self, request):
        """The 0–4 scale, each level described; level 3 ("independent") and above covers a task."""
        return Response(CompetenceScaleLevelApiSerializer(selectors.scale(), many=True).data)


@extend_schema(tags=["competence"])
class CompetenceRoundViewSet(viewsets.GenericViewSet):
    """Survey rounds of the user's area and their gap analysis; a round of another area is a 404."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {
        "list": permissions.can_view_competence_aggregates,
        "retrieve": permissions.can_view_competence_aggregates,
        "cells": permissions.can_view_competence_aggregates,
        "bottlenecks": permissions.can_view_competence_aggregates,
        "respondents": permissions.can_view_competence_answers,
    }
    queryset = SurveyRound.objects.none()
    serializer_class = CompetenceRoundApiSerializer
    pagination_class = None
    lookup_value_regex = "[0-9]+"

    def _round(self) -> SurveyRound:
        return selectors.survey_round(self.request.user, int(self.kwargs["pk"]))

    def list(self, request):
        return Response(CompetenceRoundApiSerializer(selectors.rounds(request.user), many=True).data)

    def retrieve(self, request, pk=None):
        return Response(CompetenceRoundApiSerializer(self._round()).data)

    @extend_schema(responses=CompetenceCellApiSerializer(many=True))
    @action(detail=True)
    def cells(self, request, pk=None):
        """Per municipality (and the whole area, municipality null) and statutory task: respondents, independent
        people and their FTE, and the status (nobody, single_person, covered)."""
        data = selectors.analysis(request.user, self._round(), named=False)
        return Response(CompetenceCellApiSerializer(cell_rows(data), many=True).data)

    @extend_schema(responses=CompetenceBottleneckApiSerializer(many=True))
    @action(detail=True)
    def bottlenecks(self, request, pk=None):
        """Tasks that nobody, or only one person, covers independently in a municipality or the whole area, with how
        many independent people the other municipalities have."""
        data = selectors.analysis(request.user, self._round(), named=False)
        return Response(CompetenceBottleneckApiSerializer(bottleneck_rows(data), many=True).data)

    @extend_schema(responses=CompetenceRespondentApiSerializer(many=True))
    @action(detail=True)
    def respondents(self, request, pk=None):
        """Individual answers the user may read (a supervisor: their municipality's; an administrator: the area's);
        every person listed is access-logged."""
        found = selectors.visible_respondents(request.user, self._round(), view="api:competence-round-respondents")
        return Response(CompetenceRespondentApiSerializer(found, many=True).data)


@extend_schema(tags=["competence"])
class CompetenceRespondentViewSet(viewsets.GenericViewSet):
    """One person's answers: for the person, their supervisor and administrators; anyone else gets a 404, logged."""

    permission_classes = [drf_permissions.IsAuthenticated, Allowed]
    predicates = {"retrieve": permissions.can_view_competence_aggregates}
    queryset = Respondent.objects.none()
    serializer_class = CompetenceRespondentApiSerializer
    lookup_value_regex = "[0-9]+"

    def retrieve(self, request, pk=None):
        found = selectors.respondent(request.user, int(pk), view="api:competence-respondent-detail")
        return Response(CompetenceRespondentApiSerializer(found).data)


def register(router):
    router.register("competence/areas", CompetenceAreaViewSet, basename="competence-area")
    router.register("competence/rounds", CompetenceRoundViewSet, basename="competence-round")
    router.register("competence/respondents", CompetenceRespondentViewSet, basename="competence-respondent")
