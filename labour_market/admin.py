from django.contrib import admin

from labour_market import models


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name_fi", "unit", "decimals", "sums_over_municipalities", "concept")
    search_fields = ("code", "name_fi", "name_sv", "name_en")


@admin.register(models.StatisticsTable)
class StatisticsTableAdmin(admin.ModelAdmin):
    list_display = ("key", "name", "kind", "origin", "document")
    list_filter = ("kind", "origin")


@admin.register(models.MunicipalStatistic)
class MunicipalStatisticAdmin(admin.ModelAdmin):
    list_display = ("table", "municipality", "month", "indicator", "value", "status", "decimals")
    list_filter = ("table", "month", "status", "indicator")


@admin.register(models.CommutingStatistic)
class CommutingStatisticAdmin(admin.ModelAdmin):
    list_display = ("table", "municipality", "period", "labour_force", "job_self_sufficiency")
    list_filter = ("table",)


@admin.register(models.Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ("code", "level", "name_fi", "name_en")
    list_filter = ("level",)
    search_fields = ("code", "name_fi", "name_en")
