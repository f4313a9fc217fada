"""The actions other apps registered (service_model.actions) for a meeting or a client, as the page's user may take
them: `{% meeting_actions meeting when as actions %}`, `{% client_actions jobseeker as actions %}`."""

from django import template

from service_model import actions

register = template.Library()


@register.simple_tag(takes_context=True)
def meeting_actions(context, meeting, when):
    return actions.for_meeting(context["request"].user, meeting, when=when)


@register.simple_tag(takes_context=True)
def client_actions(context, jobseeker):
    return actions.for_client(context["request"].user, jobseeker)
