from rest_framework import serializers, viewsets

from organisation import models, selectors


class MunicipalitySerializer(serializers.ModelSerializer):
    is_responsible = serializers.BooleanField(read_only=True)

    class Meta:
        model = models.Municipality
        fields = ["code", "name_fi", "name_sv", "region", "wellbeing_services_county", "is_responsible", "source"]


class OfficeSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = models.Office
        fields = [
            "id",
            "key",
            "name",
            "municipality",
            "street_address",
            "postal_code",
            "post_town",
            "customer_groups",
            "services",
            "notes",
            "source",
        ]


class TeamSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    office = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = models.Team
        fields = ["id", "key", "name", "municipality", "target_group", "office", "source"]


class StaffPositionSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    team = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = models.StaffPosition
        fields = [
            "id",
            "municipality",
            "team",
            "title",
            "role",
            "fte_min",
            "fte_max",
            "origin",
            "status",
            "customer_work",
            "notes",
            "source",
        ]


class CaseloadTargetSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    team = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = models.CaseloadTarget
        fields = [
            "id",
            "municipality",
            "team",
            "min_clients",
            "max_clients",
            "wording",
            "bound",
            "tolerance_percent",
            "notes",
            "source",
        ]


class ServiceArrangementSerializer(serializers.ModelSerializer):
    provider_municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    provider_team = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    served_municipalities = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    meeting_office = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = models.ServiceArrangement
        fields = [
            "id",
            "key",
            "provider_municipality",
            "provider_team",
            "served_municipalities",
            "target_group",
            "role",
            "meeting_place",
            "meeting_office",
            "fte",
            "plan_example",
            "description",
            "source",
        ]


class _ReadOnly(viewsets.ReadOnlyModelViewSet):
    selector = None

    def get_queryset(self):
        return type(self).selector(self.request.user)


class MunicipalityViewSet(_ReadOnly):
    serializer_class = MunicipalitySerializer
    selector = staticmethod(selectors.municipalities)
    lookup_field = "code"


class OfficeViewSet(_ReadOnly):
    serializer_class = OfficeSerializer
    selector = staticmethod(selectors.offices)


class TeamViewSet(_ReadOnly):
    serializer_class = TeamSerializer
    selector = staticmethod(selectors.teams)


class StaffPositionViewSet(_ReadOnly):
    serializer_class = StaffPositionSerializer
    selector = staticmethod(selectors.staff_positions)


class CaseloadTargetViewSet(_ReadOnly):
    serializer_class = CaseloadTargetSerializer
    selector = staticmethod(selectors.caseload_targets)


class ServiceArrangementViewSet(_ReadOnly):
    serializer_class = ServiceArrangementSerializer
    selector = staticmethod(selectors.service_arrangements)


def register(router):
    router.register("municipalities", MunicipalityViewSet, basename="municipality")
    router.register("offices", OfficeViewSet, basename="office")
    router.register("teams", TeamViewSet, basename="team")
    router.register("staff-positions", StaffPositionViewSet, basename="staff-position")
    router.register("caseload-targets", CaseloadTargetViewSet, basename="caseload-target")
    router.register("service-arrangements", ServiceArrangementViewSet, basename="service-arrangement")
