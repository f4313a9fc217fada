"""The API's documented shapes. Input is validated by subsidies.forms (one owner of the fields, shared with the pages);
these serializers describe the same fields for the OpenAPI schema (tests/subsidies/test_api.py keeps them equal)."""

from decimal import Decimal

from django.urls import reverse
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from subsidies.enums import Action, EmployerType, Outcome, PaymentState, RectificationOutcome, Stance, SubsidyKind


class CalculateRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SubsidyKind.choices)
    monthly_pay_costs = serializers.DecimalField(
        max_digits=8,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal(100000),
        required=False,
        help_text="Palkkatuelle.",
    )
    weekly_hours = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.5"),
        max_value=Decimal(60),
        required=False,
        help_text="Palkkatuelle.",
    )
    full_time_weekly_hours = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.5"),
        max_value=Decimal(60),
        required=False,
        help_text="Palkkatuelle.",
    )
    employer_type = serializers.ChoiceField(choices=EmployerType.choices, required=False, help_text="Palkkatuelle.")
    start_date = serializers.DateField()
    months = serializers.IntegerField(min_value=1, max_value=60)
    age = serializers.IntegerField(min_value=15, max_value=100, required=False)
    unemployed_since = serializers.DateField(required=False)


RULE = inline_serializer(
    "SubsidyRule",
    {
        "id": serializers.CharField(),
        "effective_from": serializers.DateField(),
        "effective_until": serializers.DateField(allow_null=True),
        "source": serializers.CharField(),
    },
)

CHECK = inline_serializer(
    "SubsidyCheck",
    {
        "code": serializers.CharField(),
        "status": serializers.ChoiceField(choices=["met", "not_met", "unknown"]),
        "field": serializers.CharField(),
        "rule_id": serializers.CharField(),
        "source": serializers.CharField(),
        "text": serializers.CharField(),
    },
)

CALCULATION = inline_serializer(
    "SubsidyCalculation",
    {
        "kind": serializers.CharField(),
        "start_date": serializers.DateField(),
        "end_date": serializers.DateField(),
        "months": serializers.IntegerField(),
        "monthly_amount": serializers.DecimalField(max_digits=10, decimal_places=2),
        "total": serializers.DecimalField(max_digits=12, decimal_places=2),
        "days": serializers.IntegerField(allow_null=True, help_text="Starttirahan maksupäivät jaksolla."),
        "rule": RULE,
        "explanation": serializers.ListField(child=serializers.CharField()),
        "checks": serializers.ListField(child=CHECK),
    },
)

REFUSAL = inline_serializer(
    "SubsidyRefusal",
    {
        "refusals": serializers.ListField(
            child=inline_serializer(
                "SubsidyRefusedCondition",
                {
                    "field": serializers.CharField(),
                    "code": serializers.CharField(),
                    # None when no rule is in force on the day at all (no_rule_in_force).
                    "rule": inline_serializer(
                        "SubsidyRefusingRule",
                        {"id": serializers.CharField(), "source": serializers.CharField()},
                        allow_null=True,
                    ),
                    "message": serializers.CharField(),
                },
            ),
            required=False,
        ),
    },
)


class TransitionSerializer(serializers.Serializer):
    action = serializers.CharField()
    from_state = serializers.CharField()
    to_state = serializers.CharField()
    by = serializers.CharField(source="by.username")
    at = serializers.DateTimeField()
    note = serializers.CharField()


class DecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    outcome = serializers.CharField()
    rectification_outcome = serializers.CharField()
    reasons = serializers.CharField()
    monthly_amount = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    total = serializers.DecimalField(max_digits=11, decimal_places=2, allow_null=True)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    rule_key = serializers.CharField()
    rule_source = serializers.CharField()
    decided_by = serializers.CharField(source="decided_by.username")
    decided_at = serializers.DateTimeField()
    document_sha256 = serializers.CharField()
    document_html_sha256 = serializers.CharField()


class SubsidyApplicationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jobseeker = serializers.IntegerField(source="jobseeker_id")
    jobseeker_name = serializers.CharField(source="jobseeker.__str__")
    kind = serializers.CharField()
    state = serializers.CharField()
    serving_municipality = serializers.CharField(source="serving_municipality.code")
    received_on = serializers.DateField()
    employer_name = serializers.CharField()
    employer_business_id = serializers.CharField()
    employer_type = serializers.CharField()
    job_title = serializers.CharField()
    isco_code = serializers.CharField()
    monthly_pay_costs = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    weekly_hours = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    full_time_weekly_hours = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    start_date = serializers.DateField()
    months = serializers.IntegerField()
    business_id = serializers.CharField()
    business_plan_summary = serializers.CharField()
    other_income = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    proposal_outcome = serializers.CharField()
    notified_on = serializers.DateField(allow_null=True)


class SubsidyApplicationDetailSerializer(SubsidyApplicationSerializer):
    transitions = TransitionSerializer(many=True)
    decisions = DecisionSerializer(many=True)


class SubsidyApplicationCreateSerializer(serializers.Serializer):
    """Types the input; the rules (required fields per kind, the Y-tunnus) are in services.receive_application."""

    jobseeker = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=SubsidyKind.choices)
    received_on = serializers.DateField()
    start_date = serializers.DateField()
    months = serializers.IntegerField(min_value=1, max_value=60)
    employer_name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    employer_business_id = serializers.CharField(max_length=10, required=False, default="", allow_blank=True)
    employer_type = serializers.ChoiceField(choices=EmployerType.choices, required=False, default="", allow_blank=True)
    job_title = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    isco_code = serializers.CharField(max_length=4, required=False, default="", allow_blank=True)
    monthly_pay_costs = serializers.DecimalField(max_digits=9, decimal_places=2, required=False, allow_null=True)
    weekly_hours = serializers.DecimalField(max_digits=5, decimal_places=2, required=False, allow_null=True)
    full_time_weekly_hours = serializers.DecimalField(max_digits=5, decimal_places=2, required=False, allow_null=True)
    business_id = serializers.CharField(max_length=10, required=False, default="", allow_blank=True)
    business_plan_summary = serializers.CharField(required=False, default="", allow_blank=True)
    other_income = serializers.DecimalField(max_digits=9, decimal_places=2, required=False, allow_null=True)


class StepSerializer(serializers.Serializer):
    """A workflow step; which inputs it reads is in services.take_step."""

    action = serializers.ChoiceField(choices=Action.choices)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    outcome = serializers.ChoiceField(choices=Outcome.choices, required=False, default="", allow_blank=True)
    reasons = serializers.CharField(required=False, default="", allow_blank=True)
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, default="", allow_blank=True)
    text = serializers.CharField(required=False, default="", allow_blank=True)
    given_on = serializers.DateField(required=False, allow_null=True)
    notified_on = serializers.DateField(required=False, allow_null=True)
    received_on = serializers.DateField(required=False, allow_null=True)
    grounds = serializers.CharField(required=False, default="", allow_blank=True)
    result = serializers.ChoiceField(choices=RectificationOutcome.choices, required=False, default="", allow_blank=True)
    language = serializers.ChoiceField(choices=["fi", "sv"], required=False, default="fi")


class PaymentSerializer(serializers.Serializer):
    """A payment request as a payment handler sees it: the payee, the period and the figures, nothing more."""

    id = serializers.IntegerField()
    application = serializers.IntegerField(source="application_id")
    decision = serializers.IntegerField(source="decision_id")
    kind = serializers.CharField(source="application.kind")
    person = serializers.CharField(source="application.jobseeker.__str__")
    paying_municipality = serializers.CharField(source="paying_municipality.code")
    received_on = serializers.DateField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    amount = serializers.DecimalField(max_digits=9, decimal_places=2)
    pay_costs = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    pay_slip_reference = serializers.CharField()
    state = serializers.ChoiceField(choices=PaymentState.choices)
    # Four eyes: who entered the request, and who approved or rejected it (never the same person for an approval).
    recorded_by = serializers.CharField(source="recorded_by.username")
    handled_by = serializers.CharField(source="handled_by.username", allow_null=True, default=None)
    rejection_reasons = serializers.CharField()
    export = serializers.IntegerField(source="export_id", allow_null=True)


class PaymentCreateSerializer(serializers.Serializer):
    """Types the input; the checks against the decision are in subsidies.payments."""

    decision = serializers.IntegerField(min_value=1)
    received_on = serializers.DateField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    amount = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=Decimal("0.01"))
    pay_costs = serializers.DecimalField(
        max_digits=8, decimal_places=2, min_value=Decimal("0.01"), required=False, allow_null=True, default=None
    )
    pay_slip_reference = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)


class PaymentStepSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["approve", "reject"])
    reasons = serializers.CharField(required=False, default="", allow_blank=True)


class PaymentExportSerializer(serializers.Serializer):
    """A payment file's summary; the file itself (with the payees) is downloaded from its page."""

    id = serializers.IntegerField()
    paying_municipality = serializers.CharField(source="paying_municipality.code")
    created_at = serializers.DateTimeField()
    count = serializers.IntegerField()
    total = serializers.DecimalField(max_digits=12, decimal_places=2)
    content_sha256 = serializers.CharField()


class SubsidyAttachmentSerializer(serializers.Serializer):
    """An attachment's facts; its content is downloaded from `url` (the same permission, the read logged)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    uploaded_by = serializers.CharField(source="uploaded_by.username")
    uploaded_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        return reverse("subsidies:attachment", args=[attachment.application_id, attachment.pk])


class SubsidyAttachmentUploadSerializer(serializers.Serializer):
    """The file as multipart/form-data; its type, size and emptiness are checked in subsidies.attachment_services."""

    file = serializers.FileField(required=False, allow_empty_file=True)
