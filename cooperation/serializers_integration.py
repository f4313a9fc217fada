"""The API shapes of integration work, International Info's contacts and recruitment events (cooperation/api.py):
what is read, and the input of each write (typed here, checked by the services). Prefixed names, so no OpenAPI
component collides with another app's."""

from rest_framework import serializers

from cooperation import enums
from cooperation.models import InfoContact, IntegrationPlan, LanguageTraining, RecruitmentEvent
from cooperation.services.fields import MAX_TEXT

# A row id: beyond a 64-bit integer the database cannot even compare it, so it is refused on its field.
ROW_ID = {"min_value": 1, "max_value": 2**63 - 1}


class CooperationIntegrationPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = IntegrationPlan
        fields = ["id", "drawn_up_on", "drawn_up_by", "valid_until", "reviewed_on", "summary", "status"]


class CooperationLanguageTrainingSerializer(serializers.ModelSerializer):
    class Meta:
        model = LanguageTraining
        fields = ["id", "plan", "provider", "course", "level", "starts_on", "ends_on", "outcome"]


class CooperationIntegrationPersonSerializer(serializers.Serializer):
    jobseeker = serializers.IntegerField(**ROW_ID)
    service_language = serializers.CharField()
    plans = CooperationIntegrationPlanSerializer(many=True)
    trainings = CooperationLanguageTrainingSerializer(many=True)


class CooperationIntegrationPlanInputSerializer(serializers.Serializer):
    drawn_up_on = serializers.DateField()
    drawn_up_by = serializers.CharField(max_length=200)
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)
    reviewed_on = serializers.DateField(required=False, allow_null=True, default=None)
    summary = serializers.CharField(max_length=MAX_TEXT)
    status = serializers.ChoiceField(
        choices=enums.IntegrationPlanStatus.choices, default=enums.IntegrationPlanStatus.IN_FORCE
    )


class CooperationLanguageTrainingInputSerializer(serializers.Serializer):
    plan = serializers.IntegerField(**ROW_ID, required=False, allow_null=True, default=None)
    provider = serializers.CharField(max_length=200)
    course = serializers.CharField(max_length=200)
    level = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    outcome = serializers.ChoiceField(choices=enums.PlaceOutcome.choices, default=enums.PlaceOutcome.REFERRED)


class CooperationInfoContactSerializer(serializers.ModelSerializer):
    """A contact as a count: whether it was recorded for a person, never who."""

    municipality = serializers.CharField(source="municipality.code")
    named = serializers.SerializerMethodField()

    class Meta:
        model = InfoContact
        fields = ["id", "office", "contacted_on", "municipality", "language", "topic", "contacts", "named"]

    def get_named(self, contact) -> bool:
        return contact.jobseeker_id is not None


class CooperationInfoContactInputSerializer(serializers.Serializer):
    office = serializers.IntegerField(**ROW_ID)
    contacted_on = serializers.DateField()
    municipality = serializers.CharField(max_length=3, required=False, allow_blank=True, default="")
    language = serializers.CharField(max_length=3, required=False, allow_blank=True, default="")
    topic = serializers.ChoiceField(choices=enums.InfoTopic.choices)
    contacts = serializers.IntegerField(min_value=1, default=1)
    jobseeker = serializers.IntegerField(**ROW_ID, required=False, allow_null=True, default=None)


class CooperationEventSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code")
    employers = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    vacancies = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = RecruitmentEvent
        fields = [
            "id",
            "name",
            "kind",
            "held_on",
            "place",
            "municipality",
            "organiser",
            "employers",
            "vacancies",
            "participants",
            "job_offers",
            "hires",
            "notes",
        ]


class CooperationEventInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=enums.EventKind.choices)
    held_on = serializers.DateField()
    place = serializers.CharField(max_length=200)
    municipality = serializers.CharField(max_length=3)
    organiser = serializers.CharField(max_length=200)
    employers = serializers.ListField(child=serializers.IntegerField(**ROW_ID), allow_empty=True)
    vacancies = serializers.ListField(child=serializers.IntegerField(**ROW_ID), required=False, default=list)
    participants = serializers.IntegerField(min_value=0, default=0)
    job_offers = serializers.IntegerField(min_value=0, default=0)
    hires = serializers.IntegerField(min_value=0, default=0)
    notes = serializers.CharField(max_length=MAX_TEXT, required=False, allow_blank=True, default="")
