from django.contrib import admin

from cooperation.models import Procurement, ServiceNeed, WorkingGroupMeeting


@admin.register(ServiceNeed)
class ServiceNeedAdmin(admin.ModelAdmin):
    list_display = ("service_type", "municipality", "places", "urgency", "state", "raised_on")
    list_filter = ("state", "service_type")


@admin.register(WorkingGroupMeeting)
class WorkingGroupMeetingAdmin(admin.ModelAdmin):
    list_display = ("body", "held_on", "place")


@admin.register(Procurement)
class ProcurementAdmin(admin.ModelAdmin):
    list_display = ("title", "service_type", "procedure", "contract_starts_on", "contract_ends_on")
