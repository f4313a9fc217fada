"""The cooperation API's shapes: what is read, and the input of each write (typed here, checked by the services).
Names carry the app's prefix so that no component of the OpenAPI schema collides with another app's."""

from rest_framework import serializers

from cooperation import enums
from cooperation.models import Consent, PartnerReferral, Procurement, RecruitmentCase, ServiceNeed, TypReferral
from cooperation.services.fields import MAX_TEXT
from cooperation.services.procurement import MAX_PLACES
from organisation.enums import TargetGroup


class CooperationNeedSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    raised_by = serializers.CharField(source="raised_by.username")

    class Meta:
        model = ServiceNeed
        fields = [
            "id",
            "municipality",
            "service_type",
            "target_group",
            "places",
            "urgency",
            "justification",
            "state",
            "raised_by",
            "raised_on",
        ]


class CooperationNeedInputSerializer(serializers.Serializer):
    municipality = serializers.CharField(max_length=3)
    service_type = serializers.ChoiceField(choices=enums.ServiceType.choices)
    target_group = serializers.ChoiceField(choices=TargetGroup.choices)
    places = serializers.IntegerField(min_value=1, max_value=MAX_PLACES)
    urgency = serializers.ChoiceField(choices=enums.Urgency.choices, default=enums.Urgency.NORMAL)
    justification = serializers.CharField(max_length=MAX_TEXT)


class CooperationPlacesSerializer(serializers.Serializer):
    municipality = serializers.CharField(source="municipality.code")
    places = serializers.IntegerField()
    holding = serializers.IntegerField()
    used = serializers.IntegerField()
    free = serializers.IntegerField()


class CooperationProcurementSerializer(serializers.ModelSerializer):
    needs = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Procurement
        fields = [
            "id",
            "title",
            "service_type",
            "procedure",
            "tender_published_on",
            "decided_on",
            "contract_starts_on",
            "contract_ends_on",
            "budget",
            "providers",
            "needs",
        ]


class CooperationProcurementDetailSerializer(CooperationProcurementSerializer):
    places = serializers.SerializerMethodField()

    class Meta(CooperationProcurementSerializer.Meta):
        fields = [*CooperationProcurementSerializer.Meta.fields, "places"]

    def get_places(self, procurement) -> list[dict]:
        return CooperationPlacesSerializer(self.context["places"], many=True).data


class CooperationConsentSerializer(serializers.ModelSerializer):
    recipient_name = serializers.CharField(source="recipient.name")

    class Meta:
        model = Consent
        fields = [
            "id",
            "recipient",
            "recipient_name",
            "information",
            "purpose",
            "given_on",
            "valid_until",
            "withdrawn_on",
            "withdrawal_note",
        ]


class CooperationTypReferralSerializer(serializers.ModelSerializer):
    partner_name = serializers.CharField(source="partner.name")

    class Meta:
        model = TypReferral
        fields = ["id", "partner", "partner_name", "consent", "referred_on", "reason"]


class CooperationTypPersonSerializer(serializers.Serializer):
    jobseeker = serializers.IntegerField()
    wellbeing_services_county = serializers.CharField(allow_null=True)
    eligible = serializers.BooleanField(allow_null=True)
    assessed_on = serializers.DateField(allow_null=True)
    rule_source = serializers.CharField(allow_null=True)
    client_since = serializers.DateField(allow_null=True)
    consents = CooperationConsentSerializer(many=True)
    referrals = CooperationTypReferralSerializer(many=True)


class CooperationConsentInputSerializer(serializers.Serializer):
    recipient = serializers.IntegerField()
    information = serializers.ListField(child=serializers.ChoiceField(choices=enums.InformationCategory.choices))
    purpose = serializers.CharField(max_length=MAX_TEXT)
    given_on = serializers.DateField()
    valid_until = serializers.DateField()


class CooperationWithdrawalSerializer(serializers.Serializer):
    withdrawn_on = serializers.DateField()
    withdrawal_note = serializers.CharField(max_length=MAX_TEXT, required=False, allow_blank=True, default="")


class CooperationReferralInputSerializer(serializers.Serializer):
    consent = serializers.IntegerField()
    referred_on = serializers.DateField()
    reason = serializers.CharField(max_length=MAX_TEXT)


class CooperationRecruitmentSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    employer_name = serializers.CharField(source="employer.name")

    class Meta:
        model = RecruitmentCase
        fields = [
            "id",
            "employer",
            "employer_name",
            "vacancy",
            "municipality",
            "via_eures",
            "recruited_name",
            "recruited_country",
            "arrival_on",
            "housing_arranged",
            "housing_notes",
        ]


class CooperationRecruitmentInputSerializer(serializers.Serializer):
    employer = serializers.IntegerField()
    vacancy = serializers.IntegerField(required=False, allow_null=True, default=None)
    via_eures = serializers.BooleanField(default=False)
    recruited_name = serializers.CharField(max_length=200)
    recruited_country = serializers.CharField(max_length=2)
    arrival_on = serializers.DateField(required=False, allow_null=True, default=None)
    housing_arranged = serializers.BooleanField(default=False)
    housing_notes = serializers.CharField(max_length=MAX_TEXT, required=False, allow_blank=True, default="")


class CooperationReportRowSerializer(serializers.Serializer):
    municipality = serializers.CharField()
    code = serializers.CharField()
    figures = serializers.DictField(child=serializers.IntegerField())


class CooperationPartnerReferralSerializer(serializers.ModelSerializer):
    partner_name = serializers.CharField(source="partner.name")
    municipality = serializers.CharField(source="municipality.code")

    class Meta:
        model = PartnerReferral
        fields = [
            "id",
            "jobseeker",
            "municipality",
            "partner",
            "partner_name",
            "via_youth_point",
            "referred_on",
            "reason",
            "outcome",
            "outcome_on",
        ]
