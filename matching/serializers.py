"""Serializers of the matching API: matches out, job offers in and out (the rules are in services)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from matching import enums, selectors

COMPONENTS = serializers.DictField(
    child=serializers.FloatField(), help_text="Osatekijän nimi (occupation, location, start) → pisteet."
)


class MatchQuerySerializer(serializers.Serializer):
    limit = serializers.IntegerField(
        min_value=1,
        max_value=selectors.MAX_LIMIT,
        default=selectors.PAGE_LIMIT,
        help_text="Kuinka monta parasta (1–100, oletus 20).",
        error_messages={
            "invalid": _("Arvon on oltava kokonaisluku 1–100."),
            "min_value": _("Arvon on oltava kokonaisluku 1–100."),
            "max_value": _("Arvon on oltava kokonaisluku 1–100."),
        },
    )


class VacancyMatchSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="vacancy.pk", help_text="Työpaikan id.")
    title = serializers.CharField(source="vacancy.title")
    employer = serializers.CharField(source="vacancy.employer.name")
    municipality = serializers.CharField(
        source="vacancy.municipality.code",
        help_text="Alueen kunta, jonka työnantajapalvelut vastaavat työpaikasta (kuntanumero).",
    )
    place = serializers.CharField(
        help_text="Paikkakunta, jossa työ tehdään: alueen ulkopuolinen keskus (esim. Oulu) tai työpaikan kunta."
    )
    workplace_outside_area = serializers.CharField(
        source="vacancy.workplace_outside_area",
        help_text="Alueen ulkopuolisen keskuksen kuntanumero (esim. 564); tyhjä, kun työpaikka on alueella.",
    )
    outside_area = serializers.BooleanField(help_text="Työpaikka on alueen ulkopuolella; etäisyys on sinne.")
    remote_possible = serializers.BooleanField(source="vacancy.remote_possible")
    other_municipality = serializers.BooleanField(
        help_text="Työpaikka on muussa kuin henkilön kotikunnassa (myös alueen ulkopuolella)."
    )
    score = serializers.FloatField()
    components = serializers.SerializerMethodField()
    distance_km = serializers.FloatField(allow_null=True)

    def get_components(self, obj) -> dict[str, float]:
        return {component.key: component.points for component in obj.components}


class JobseekerMatchesSerializer(serializers.Serializer):
    jobseeker = serializers.IntegerField()
    results = VacancyMatchSerializer(many=True)


class CandidateSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="jobseeker.pk", help_text="Työnhakijan id.")
    name = serializers.SerializerMethodField()
    municipality = serializers.CharField(source="jobseeker.municipality.code", help_text="Kotikunnan kuntanumero.")
    other_municipality = serializers.BooleanField(help_text="Kotikunta on muu kuin työpaikan kunta.")
    score = serializers.FloatField()
    components = serializers.SerializerMethodField()
    distance_km = serializers.FloatField(allow_null=True)

    def get_name(self, obj) -> str:
        return str(obj.jobseeker)

    def get_components(self, obj) -> dict[str, float]:
        return {component.key: component.points for component in obj.components}


class VacancyMatchesSerializer(serializers.Serializer):
    vacancy = serializers.IntegerField()
    results = CandidateSerializer(many=True)
    hidden_count = serializers.IntegerField(
        help_text="Sopivat työnhakijat, joiden tietoja käyttäjä ei saa nähdä: lasketaan, ei näytetä."
    )


class JobOfferSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jobseeker = serializers.IntegerField(source="jobseeker_id")
    vacancy = serializers.IntegerField(source="vacancy_id")
    kind = serializers.CharField(help_text="job_offer tai referral.")
    home_municipality = serializers.CharField(source="home_municipality.code")
    workplace_municipality = serializers.CharField(
        source="workplace_municipality.code", help_text="Työpaikasta vastaava alueen kunta (kuntanumero)."
    )
    workplace_outside_area = serializers.CharField(
        source="vacancy.workplace_outside_area",
        help_text="Alueen ulkopuolisen työpaikan keskuksen kuntanumero; tyhjä, kun työpaikka on alueella.",
    )
    crosses_border = serializers.BooleanField(help_text="Kotikunta on eri kuin työpaikan kunta tai keskus.")
    score = serializers.FloatField(allow_null=True)
    components = COMPONENTS
    excluded_by = serializers.CharField(help_text="Tyhjä tai syy, jolla vertailu sulki parin pois.")
    distance_km = serializers.FloatField(allow_null=True)
    note = serializers.CharField()
    made_by = serializers.CharField(source="made_by.username")
    made_on = serializers.DateField()
    made_at = serializers.DateTimeField()
    outcome = serializers.CharField(help_text="Tyhjä, kunnes tulos kirjataan.")
    outcome_date = serializers.DateField(allow_null=True)
    outcome_recorded_by = serializers.CharField(source="outcome_recorded_by.username", allow_null=True, default=None)


class JobOfferCreateSerializer(serializers.Serializer):
    jobseeker = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Työnhakijan id.")
    vacancy = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Avoimen työpaikan id.")
    kind = serializers.ChoiceField(choices=enums.JobOfferKind.choices, default=enums.JobOfferKind.JOB_OFFER)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class JobOfferOutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=enums.Outcome.choices)
    outcome_date = serializers.DateField(help_text="Ei ennen työtarjousta eikä tulevaisuudessa.")


class JobOfferQuerySerializer(serializers.Serializer):
    jobseeker = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
