from django.contrib import admin

from organisation import models

admin.site.register(models.EmploymentArea)


@admin.register(models.Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("code", "name_fi", "name_sv", "region", "wellbeing_services_county")
    search_fields = ("code", "name_fi", "name_sv")


@admin.register(models.Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "street_address", "postal_code", "post_town")
    list_filter = ("municipality",)


@admin.register(models.Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "target_group", "office")
    list_filter = ("municipality", "target_group")


@admin.register(models.StaffPosition)
class StaffPositionAdmin(admin.ModelAdmin):
    list_display = ("title", "municipality", "team", "role", "fte_min", "fte_max", "origin", "status")
    list_filter = ("municipality", "origin", "role", "status")


@admin.register(models.CaseloadTarget)
class CaseloadTargetAdmin(admin.ModelAdmin):
    list_display = ("municipality", "team", "min_clients", "max_clients", "bound", "tolerance_percent", "wording")


@admin.register(models.ServiceArrangement)
class ServiceArrangementAdmin(admin.ModelAdmin):
    list_display = (
        "key",
        "provider_municipality",
        "provider_team",
        "target_group",
        "role",
        "meeting_place",
        "plan_example",
    )
    filter_horizontal = ("served_municipalities",)


@admin.register(models.AreaStaffFact)
class AreaStaffFactAdmin(admin.ModelAdmin):
    list_display = ("key", "title", "origin", "persons", "fte", "customer_work_fte", "approximate", "source")


for model in (models.CentralisedService, models.Delegation, models.CooperationBody, models.Partner):
    admin.site.register(model)
