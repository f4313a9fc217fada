from django.contrib import admin

from audit.models import PersonalDataAccess


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """Read-only: the log is evidence, so not even an administrator may add, change or delete a row."""

    list_display = ("at", "user", "subject_type", "subject_id", "view", "outcome")
    list_filter = ("outcome", "subject_type")
    search_fields = ("subject_id", "user__username", "view")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
