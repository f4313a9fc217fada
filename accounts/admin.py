from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "home_municipality", "team", "is_active")
    list_filter = ("role", "home_municipality", "is_active")
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Työllisyysalue"), {"fields": ("role", "home_municipality", "team")}))
