from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrespondenceConfig(AppConfig):
    name = "correspondence"
    verbose_name = _("Kutsut ja asiakirjat")

    def ready(self):
        from correspondence import actions
        from service_model.actions import register_client_action, register_meeting_action

        register_meeting_action(actions.INVITATION)
        register_client_action(actions.PLAN_LETTER)
