from django.contrib import admin

from statements.models import Statement, StatementTransition


class TransitionInline(admin.TabularInline):
    model = StatementTransition
    extra = 0
    can_delete = False
    readonly_fields = ("from_state", "to_state", "by", "at", "note")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    """Read-only: a statement changes only through its services, which log every transition and check the rules."""

    list_display = ("__str__", "case_type", "conduct_on", "state", "consequence", "decided_on")
    list_filter = ("state", "case_type", "payer")
    raw_id_fields = ("jobseeker",)
    inlines = [TransitionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
