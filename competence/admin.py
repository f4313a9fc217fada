from django.contrib import admin

from competence.models import CompetenceArea, ScaleLevel, SurveyRound


@admin.register(SurveyRound)
class SurveyRoundAdmin(admin.ModelAdmin):
    list_display = ("name", "area", "opens_on", "closes_on")


@admin.register(CompetenceArea)
class CompetenceAreaAdmin(admin.ModelAdmin):
    list_display = ("key", "name", "group", "source")
    list_filter = ("group",)


@admin.register(ScaleLevel)
class ScaleLevelAdmin(admin.ModelAdmin):
    list_display = ("level", "name", "description")
