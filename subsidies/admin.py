from django import forms
from django.contrib import admin

from subsidies import models
from subsidies.enums import EmployerType

KIND_CHOICES = models.PAY_SUBSIDY_KINDS


class ChoicesListField(forms.MultipleChoiceField):
    """A JSON list of choice values edited as checkboxes, so an administrator never types a code."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, choices, **kwargs):
        super().__init__(choices=choices, required=False, **kwargs)


class PaySubsidyRateForm(forms.ModelForm):
    employer_types = ChoicesListField(EmployerType.choices)

    class Meta:
        model = models.PaySubsidyRate
        fields = [
            "key", "kind", "effective_from", "effective_until", "share_percent", "monthly_cap", "max_months",
            "employer_types", "max_hours_share_percent", "min_weekly_hours", "min_age", "unemployed_months",
            "unemployment_window_months", "base_months", "extension_unemployed_months", "extension_window_months",
            "source", "notes",
        ]  # fmt: skip


class EmployerRestrictionForm(forms.ModelForm):
    allowed_kinds = ChoicesListField(KIND_CHOICES)
    conditional_kinds = ChoicesListField(KIND_CHOICES)

    class Meta:
        model = models.EmployerRestriction
        fields = [
            "key", "employer_type", "effective_from", "effective_until", "allowed_kinds", "conditional_kinds",
            "conditional_min_age", "conditional_unemployed_months", "source", "notes",
        ]  # fmt: skip


@admin.register(models.PaySubsidyRate)
class PaySubsidyRateAdmin(admin.ModelAdmin):
    form = PaySubsidyRateForm
    list_display = ("key", "kind", "effective_from", "effective_until", "share_percent", "monthly_cap", "source")
    list_filter = ("kind",)


@admin.register(models.StartUpGrantRate)
class StartUpGrantRateAdmin(admin.ModelAdmin):
    list_display = ("key", "effective_from", "effective_until", "daily_amount", "days_per_week", "source")


@admin.register(models.EmployerRestriction)
class EmployerRestrictionAdmin(admin.ModelAdmin):
    form = EmployerRestrictionForm
    list_display = ("key", "employer_type", "effective_from", "effective_until", "source")
