"""The registration page's form is built from jobseekers.registration.FIELDS; what it requires must stay as declared."""

from jobseekers.forms import RegistrationForm

REQUIRED_ON_THE_PAGE = {
    "hetu",
    "first_name",
    "last_name",
    "municipality",
    "service_language",
    "citizenship",
    "status",
    "job_search_started_on",
    "preferred_channel",
    "education_level",
}


def test_fields_with_a_shown_default_are_required_on_the_page(db):
    form = RegistrationForm()
    assert {name for name, field in form.fields.items() if field.required} == REQUIRED_ON_THE_PAGE
    assert form.fields["citizenship"].initial == "FI"


def test_clearing_a_defaulted_choice_is_refused_naming_the_field(db):
    form = RegistrationForm(data={"preferred_channel": "", "education_level": ""})
    assert not form.is_valid()
    assert {"preferred_channel", "education_level", "citizenship"} <= set(form.errors)
