"""The API's shapes of a statement: what is read, and the input of each write (typed here, checked by services)."""

from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from statements import enums, selectors, texts
from statements.models import Statement, StatementTransition
from statements.services import MAX_TEXT


class StatementTransitionSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username")

    class Meta:
        model = StatementTransition
        fields = ["from_state", "to_state", "by", "at", "note"]


class StatementSerializer(serializers.ModelSerializer):
    reference = serializers.CharField()
    jobseeker_name = serializers.SerializerMethodField()
    case_type_display = serializers.CharField(source="get_case_type_display")
    state_display = serializers.CharField(source="get_state_display")
    consequence_text = serializers.SerializerMethodField()
    reason_text = serializers.SerializerMethodField()
    drafted_by = serializers.CharField(source="drafted_by.username")
    proposed_by = serializers.CharField(source="proposed_by.username", allow_null=True, default=None)
    decided_by = serializers.CharField(source="decided_by.username", allow_null=True, default=None)

    class Meta:
        model = Statement
        fields = [
            "id",
            "reference",
            "jobseeker",
            "jobseeker_name",
            "case_type",
            "case_type_display",
            "conduct_on",
            "facts",
            "payer",
            "payer_name",
            "state",
            "state_display",
            "hearing_question",
            "hearing_sent_on",
            "reply_due_on",
            "reply_received_on",
            "reply",
            "valid_reason",
            "judgement",
            "legal_section",
            "rule_id",
            "rule_source",
            "ordinal",
            "consequence",
            "consequence_days",
            "consequence_weeks",
            "consequence_text",
            "reason_text",
            "drafted_by",
            "proposed_by",
            "decided_by",
            "decided_on",
            "created_at",
        ]

    def get_jobseeker_name(self, statement) -> str:
        return f"{statement.jobseeker.first_name} {statement.jobseeker.last_name}"

    def get_consequence_text(self, statement) -> str:
        return texts.consequence(statement.consequence, statement.consequence_days, statement.consequence_weeks)

    def get_reason_text(self, statement) -> str:
        return texts.reason(statement.reason_code, statement.reason_params)


class StatementDetailSerializer(StatementSerializer):
    transitions = StatementTransitionSerializer(many=True, read_only=True)

    class Meta(StatementSerializer.Meta):
        fields = [*StatementSerializer.Meta.fields, "transitions"]


class QuerySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=enums.StatementState.choices, required=False)
    case_type = serializers.ChoiceField(choices=enums.CaseType.choices, required=False)
    jobseeker = serializers.IntegerField(required=False, min_value=1)
    sort = serializers.ChoiceField(choices=sorted(selectors.SORTS), required=False)

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields) - {"limit", "offset"})
        if unknown:
            raise ValidationError({name: ["Tuntematon hakuehto."] for name in unknown})
        return attrs

    def filters(self) -> selectors.StatementFilters:
        return selectors.StatementFilters(**{"sort": selectors.DEFAULT_SORT, **self.validated_data})


class CreateSerializer(serializers.Serializer):
    jobseeker = serializers.IntegerField(min_value=1)
    case_type = serializers.ChoiceField(choices=enums.CaseType.choices)
    conduct_on = serializers.DateField()
    facts = serializers.CharField(max_length=MAX_TEXT)
    payer = serializers.ChoiceField(choices=enums.Payer.choices)
    payer_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class HearingSerializer(serializers.Serializer):
    hearing_question = serializers.CharField(max_length=MAX_TEXT)
    reply_due_on = serializers.DateField(help_text="Tulevaisuudessa.")


class ReplySerializer(serializers.Serializer):
    reply = serializers.CharField(max_length=MAX_TEXT)
    reply_received_on = serializers.DateField()


class ProposalSerializer(serializers.Serializer):
    valid_reason = serializers.BooleanField(help_text="Virkailijan harkinta: oliko työnhakijalla pätevä syy.")
    judgement = serializers.CharField(max_length=MAX_TEXT)


class ReturnSerializer(serializers.Serializer):
    return_reason = serializers.CharField(max_length=MAX_TEXT)
