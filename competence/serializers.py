"""The competence API's shapes. Aggregates carry counts only; a suppressed cell (fewer than three respondents, for
whoever may not see individual answers) has its counts as null, exactly as the heat-map page hides them."""

from rest_framework import serializers

from competence import gaps
from competence.enums import Group

REASONS = [code.value for code in gaps.ReasonCode]


class CompetenceAreaApiSerializer(serializers.Serializer):
    key = serializers.SlugField()
    group = serializers.ChoiceField(choices=Group.choices)
    name = serializers.CharField()
    source = serializers.CharField(help_text="Laki tai suunnitelman kohta, joka perustelee osaamisalueen.")


class CompetenceScaleLevelApiSerializer(serializers.Serializer):
    level = serializers.IntegerField(min_value=0, max_value=4)
    name = serializers.CharField()
    description = serializers.CharField()


class CompetenceRoundApiSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()


class CompetenceCellApiSerializer(serializers.Serializer):
    municipality = serializers.CharField(allow_null=True, help_text="Kuntanumero; null on koko alueen rivi.")
    task = serializers.SlugField(help_text="Lakisääteisen tehtävän osaamisalueen tunniste.")
    suppressed = serializers.BooleanField(help_text="Alle 3 vastaajaa: luvut eivät näy.")
    respondents = serializers.IntegerField(allow_null=True)
    competent = serializers.IntegerField(allow_null=True, help_text="Itsenäisellä tasolla (3–4) olevia.")
    fte = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    status = serializers.ChoiceField(choices=REASONS, allow_null=True)


class CompetenceBottleneckApiSerializer(serializers.Serializer):
    municipality = serializers.CharField(allow_null=True, help_text="Kuntanumero; null on koko alueen rivi.")
    task = serializers.SlugField()
    status = serializers.ChoiceField(choices=[gaps.ReasonCode.NOBODY.value, gaps.ReasonCode.SINGLE_PERSON.value])
    cover_elsewhere = serializers.IntegerField(
        allow_null=True, help_text="Itsenäisiä osaajia alueen muissa kunnissa; null koko alueen rivillä."
    )


class CompetenceAssessmentApiSerializer(serializers.Serializer):
    area = serializers.SlugField(source="competence_area.key")
    self_level = serializers.IntegerField()
    supervisor_level = serializers.IntegerField(allow_null=True)
    level = serializers.IntegerField(help_text="Esihenkilön arvio, jos annettu, muuten oma arvio.")
    wants_training = serializers.BooleanField()


class CompetenceRespondentApiSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    survey_round = serializers.IntegerField(source="survey_round_id")
    name = serializers.CharField()
    municipality = serializers.CharField(source="municipality.code")
    fte = serializers.DecimalField(max_digits=4, decimal_places=2)
    training_wishes = serializers.CharField()
    assessments = CompetenceAssessmentApiSerializer(many=True)
