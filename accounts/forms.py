from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Käyttäjätunnus tai salasana on väärin."),
        "inactive": _("Käyttäjätunnus ei ole käytössä."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Käyttäjätunnus")
        self.fields["password"].label = _("Salasana")
