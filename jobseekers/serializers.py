"""Serializers of the job-seeker API: the registry's records out, typed input in (the rules are in services)."""

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from jobseekers import change_texts, changes, names, registration, selectors
from jobseekers.enums import STATUS_CONCEPTS, JobSearchEndReason, JobseekerStatus
from jobseekers.forms import BIRTH_DATE_FORMATS, BIRTH_DATE_INVALID, NAME_HAS_DIGITS
from jobseekers.models import Jobseeker
from organisation import routing_texts


def _office(office) -> dict | None:
    if office is None:
        return None
    return {"id": office.pk, "key": office.key, "name": office.name, "address": office.full_address}


def _team(team) -> dict | None:
    if team is None:
        return None
    return {"id": team.pk, "key": team.key, "name": team.name, "target_group": team.target_group}


class JobseekerSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    age = serializers.SerializerMethodField()
    youth = serializers.SerializerMethodField()
    long_term_unemployed = serializers.SerializerMethodField()
    foreign_language = serializers.BooleanField(source="is_foreign_language", read_only=True)
    foreigner = serializers.BooleanField(source="is_foreigner", read_only=True)
    route = serializers.SerializerMethodField()
    counsellor = serializers.SerializerMethodField()

    class Meta:
        model = Jobseeker
        fields = [
            "id",
            "first_name",
            "last_name",
            "birth_date",
            "sex",
            "age",
            "youth",
            "municipality",
            "citizenship",
            "foreigner",
            "preferred_language",
            "service_language",
            "foreign_language",
            "phone",
            "email",
            "street_address",
            "postal_code",
            "post_town",
            "preferred_channel",
            "job_search_started_on",
            "unemployed_since",
            "previous_job_search_ended_on",
            "status",
            "job_search_ended_on",
            "job_search_end_reason",
            "long_term_unemployed",
            "reduced_work_ability",
            "multisectoral",
            "occupations",
            "education_level",
            "driving_licences",
            "languages",
            "cards",
            "willing_to_relocate",
            "max_commute_km",
            "route",
            "counsellor",
        ]

    def get_age(self, obj) -> int:
        return obj.age()

    def get_youth(self, obj) -> bool:
        return obj.is_youth()

    def get_long_term_unemployed(self, obj) -> bool:
        return obj.is_long_term_unemployed()

    def get_route(self, obj) -> dict:
        return {
            "target_group": obj.target_group,
            "serving_municipality": obj.serving_municipality.code,
            "team": _team(obj.team),
            "office": _office(obj.meeting_office),
            "pool": obj.pool,
            "routed_on": obj.routed_on,
        }

    def get_counsellor(self, obj) -> dict | None:
        counsellor = obj.responsible_counsellor
        if counsellor is None:
            return None
        return {"id": counsellor.pk, "name": str(counsellor)}


class JobseekerDetailSerializer(JobseekerSerializer):
    counsellor_history = serializers.SerializerMethodField()
    change_history = serializers.SerializerMethodField()

    class Meta(JobseekerSerializer.Meta):
        fields = [*JobseekerSerializer.Meta.fields, "counsellor_history", "change_history"]

    def get_change_history(self, obj) -> list[dict]:
        return change_rows(change_texts.describe(selectors.changes_of(obj)))

    def get_route(self, obj) -> dict:
        route = super().get_route(obj)
        decision = self.context["organisation"].route_jobseeker(obj, timezone.localdate())
        route["explanation"] = routing_texts.explain(decision)
        route["current_pool"] = decision.pool.id
        return route

    def get_counsellor_history(self, obj) -> list[dict]:
        return [
            {
                "counsellor": {"id": a.counsellor_id, "name": str(a.counsellor)},
                "started_at": a.started_at,
                "ended_at": a.ended_at,
                "reason": a.reason,
                "note": a.note,
            }
            for a in selectors.counsellor_history(obj)
        ]


def _serializer_field(field: registration.Field) -> serializers.Field:
    """The API's input field for a declared registration field; choices arrive as text (services check them)."""
    common = {"required": field.required, "help_text": field.help_text or None}
    if field.kind == "date":
        return serializers.DateField(allow_null=not field.required, **common)
    if field.kind == "boolean":
        return serializers.BooleanField(default=False, **{**common, "required": False})
    if field.kind == "integer":
        return serializers.IntegerField(allow_null=True, **common)
    if field.kind in ("codes", "choices"):
        return serializers.ListField(child=serializers.CharField(max_length=field.max_length), **common)
    if field.kind == "municipality":
        return serializers.CharField(max_length=field.max_length, help_text="Kotikunnan kuntanumero, esim. 205.")
    if field.kind == "choice":
        max_length = Jobseeker._meta.get_field(field.name).max_length
        return serializers.CharField(max_length=max_length, allow_blank=not field.required, **common)
    return serializers.CharField(
        max_length=field.max_length, allow_blank=not field.required, write_only=field.secret, **common
    )


class JobseekerCreateSerializer(serializers.Serializer):
    """Fields from jobseekers.registration.FIELDS; types only, the rules are in services.clean_registration."""

    def get_fields(self):
        return {field.name: _serializer_field(field) for field in registration.FIELDS}


def change_rows(rows: list[change_texts.ChangeRow]) -> list[dict]:
    return [
        {
            "kind": row.change.kind,
            "field": row.change.field,
            "old_value": row.change.old_value,
            "new_value": row.change.new_value,
            "effective_on": row.change.effective_on,
            "reason": row.change.reason,
            "changed_by": str(row.change.changed_by) if row.change.changed_by else None,
            "changed_at": row.change.changed_at,
            "text": f"{row.what}: {row.old} → {row.new}",
        }
        for row in rows
    ]


def _refuse_unknown(data, fields) -> None:
    unknown = sorted(set(data) - set(fields))
    if unknown:
        message = _("Tätä tietoa ei voi muuttaa. Sallitut: %(known)s.") % {"known": ", ".join(fields)}
        raise serializers.ValidationError({name: [message] for name in unknown})


class JobseekerUpdateSerializer(serializers.Serializer):
    """PATCH: any of the editable registration fields (changes.EDITABLE), the day a status change took effect and a
    reason; types only, the rules are the registration's (changes.update_jobseeker). Other fields are refused by name.
    """

    def get_fields(self):
        fields = {}
        for name in changes.EDITABLE:
            field = _serializer_field(registration.BY_NAME[name])
            field.required = False
            fields[name] = field
        fields[changes.STATUS_EFFECTIVE_ON] = serializers.DateField(
            required=False, help_text="Päivä, josta tilan muutos on voimassa; oletus tänään."
        )
        fields[changes.REASON] = serializers.CharField(required=False, allow_blank=True, help_text="Muutoksen peruste.")
        return fields

    def to_internal_value(self, data):
        _refuse_unknown(data, list(self.fields))
        return super().to_internal_value(data)


class EndJobSearchSerializer(serializers.Serializer):
    """Types only; a missing date or reason gets the service's message naming the field."""

    ended_on = serializers.DateField(required=False, allow_null=True, help_text="Työnhaun päättymispäivä.")
    reason = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text="Syy: " + ", ".join(JobSearchEndReason.values)
    )
    note = serializers.CharField(required=False, allow_blank=True, help_text="Lisätiedot.")

    def to_internal_value(self, data):
        _refuse_unknown(data, list(self.fields))
        return super().to_internal_value(data)


ROUTE_CHANGE = {
    "old_pool": serializers.CharField(),
    "new_pool": serializers.CharField(),
    "old_counsellor": serializers.DictField(allow_null=True),
    "new_counsellor": serializers.DictField(allow_null=True),
    "message": serializers.CharField(),
}


def route_change_payload(change) -> dict | None:
    if change is None:
        return None

    def person(user):
        return {"id": user.pk, "name": str(user)} if user else None

    return {
        "old_pool": change.old_pool,
        "new_pool": change.new_pool,
        "old_counsellor": person(change.old_counsellor),
        "new_counsellor": person(change.new_counsellor),
        "message": change.message,
    }


# DRF formats a choice error with str.format, so the lazy message carries the allowed values in its own placeholder.
_KNOWN_STATUSES = ", ".join(JobseekerStatus.values)
_KNOWN_CONCEPTS = ", ".join(sorted(STATUS_CONCEPTS))


class ListFilterSerializer(serializers.Serializer):
    """The list's query parameters; a parameter the list does not know is refused by name, not silently ignored."""

    # Read by the paginator (common.pagination) and by DRF's renderer choice.
    PASSED_ON = frozenset({"limit", "offset", "format"})

    name = serializers.CharField(max_length=100, required=False, allow_blank=True)
    birth_date = serializers.DateField(
        required=False,
        input_formats=BIRTH_DATE_FORMATS,
        error_messages={"invalid": BIRTH_DATE_INVALID},
    )
    municipality = serializers.CharField(max_length=3, required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=JobseekerStatus.values,
        required=False,
        allow_blank=True,
        error_messages={"invalid_choice": format_lazy(_("Tuntematon tila. Sallitut: {known}."), known=_KNOWN_STATUSES)},
    )
    concept = serializers.ChoiceField(
        choices=sorted(STATUS_CONCEPTS),
        required=False,
        allow_blank=True,
        error_messages={
            "invalid_choice": format_lazy(_("Tuntematon käsite. Sallitut: {known}."), known=_KNOWN_CONCEPTS)
        },
    )
    counsellor = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)

    def to_internal_value(self, data):
        unknown = sorted(set(data) - set(self.fields) - self.PASSED_ON)
        if unknown:
            known = ", ".join(sorted({*self.fields, "limit", "offset"}))
            message = _("Tuntematon parametri. Sallitut: %(known)s.") % {"known": known}
            raise serializers.ValidationError({name: [message] for name in unknown})
        return super().to_internal_value(data)

    def validate_name(self, value):
        if names.has_digits(value):
            raise serializers.ValidationError(NAME_HAS_DIGITS)
        return value


class RoutePreviewSerializer(serializers.Serializer):
    municipality = serializers.CharField(max_length=3, help_text="Kotikunnan kuntanumero.")
    service_language = serializers.CharField(max_length=3, help_text="ISO 639-1: fi, sv tai muu.")
    birth_date = serializers.DateField()
    multisectoral = serializers.BooleanField(required=False, default=False)


class HetuSearchSerializer(serializers.Serializer):
    hetu = serializers.CharField(max_length=64, write_only=True)


class AssignSerializer(serializers.Serializer):
    municipality = serializers.CharField(
        max_length=3, required=False, help_text="Rajaa jaon palvelevaan kuntaan (kuntanumero)."
    )


ROUTE_RESPONSE = inline_serializer(
    "RoutePreviewResult",
    {
        "target_group": serializers.CharField(),
        "serving_municipality": serializers.CharField(),
        "serving_municipality_name": serializers.CharField(),
        "team": serializers.DictField(allow_null=True),
        "office": serializers.DictField(allow_null=True),
        "pool": serializers.CharField(),
        "arrangement": serializers.CharField(allow_null=True),
        "explanation": serializers.CharField(),
        "explanations": serializers.DictField(),
        "also_available": serializers.ListField(child=serializers.DictField()),
    },
)
ASSIGN_RESPONSE = inline_serializer(
    "AssignmentReport",
    {
        "assigned": serializers.IntegerField(),
        "unassigned": serializers.IntegerField(),
        "shortfalls": serializers.ListField(child=serializers.DictField()),
        "notes": serializers.ListField(child=serializers.CharField()),
    },
)


def route_payload(decision, organisation) -> dict:
    team_id = organisation.team_ids.get(decision.team.key) if decision.team else None
    office = decision.meeting_office

    def office_payload(item):
        if item is None:
            return None
        return {
            "id": organisation.office_ids[item.key],
            "key": item.key,
            "name": item.name,
            "address": item.full_address,
        }

    return {
        "target_group": decision.target_group.value,
        "serving_municipality": decision.serving_municipality.code,
        "serving_municipality_name": decision.serving_municipality.name_fi,
        "team": (
            {
                "id": team_id,
                "key": decision.team.key,
                "name": decision.team.name,
                "target_group": decision.team.target_group.value,
            }
            if decision.team
            else None
        ),
        "office": office_payload(office),
        "pool": decision.pool.id,
        "arrangement": decision.arrangement.key if decision.arrangement else None,
        "explanation": routing_texts.explain(decision),
        "explanations": routing_texts.explain_in_every_language(decision),
        "also_available": [
            {
                "arrangement": s.arrangement.key,
                "municipality": s.provider.code,
                "office": office_payload(s.office),
                "explanation": routing_texts.explain_supplementary(s),
            }
            for s in decision.also_available
        ],
    }
