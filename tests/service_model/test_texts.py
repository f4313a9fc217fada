"""The core's reason codes in words: every code renders in every language, with the rule set's own numbers."""

import dataclasses
from datetime import date, timedelta

from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from service_model import rules, texts
from service_model.reasons import ReasonCode

LANGUAGES = ("fi", "sv", "en")
EVERY_PARAM = {"days": 14, "months": 3, "discussions": 2, "begins": "2026-04-30", "previous": "2026-01-12"}


def test_every_reason_code_has_a_sentence_in_every_language():
    for language in LANGUAGES:
        with translation.override(language):
            for code in ReasonCode:
                text = texts.reason(code, EVERY_PARAM)
                assert text and "%(" not in text, (language, code)


def test_a_stored_code_is_rendered_in_the_readers_language():
    with translation.override("fi"):
        finnish = texts.reason("initial_interview", {"days": 10})
    with translation.override("sv"):
        swedish = texts.reason("initial_interview", {"days": 10})
    assert finnish == "Alkuhaastattelu 10 arkipäivän kuluessa työnhaun alkamisesta."
    assert swedish == "Inledande intervju inom 10 vardagar från att jobbsökningen började."


def test_dates_in_a_reason_are_shown_the_finnish_way():
    with translation.override("fi"):
        text = texts.reason("obligation_laid_off_grace", {"months": 3, "begins": "2026-04-30"})
    assert "30.4.2026" in text and "2026-04-30" not in text


def test_the_numbers_come_from_the_rule_set_not_from_the_text():
    """A rule set with a 4-month limit for a new initial interview explains itself with 4, not with a fixed 6."""
    amended = dataclasses.replace(rules.RULE_SET_2026, new_initial_interview_after_months=4)
    found = rules.next_statutory_meeting(
        job_search_started_on=date(2026, 2, 2),
        status="unemployed",
        today=date(2026, 2, 2),
        previous_job_search_ended_on=date(2025, 11, 2),
        rule_set=amended,
    )
    assert found.reason == rules.Reason(ReasonCode.RETURNING_DISCUSSION, {"months": 4})
    with translation.override("fi"):
        assert "alle 4 kuukautta" in texts.reason(found.reason.code, found.reason.params)


@settings(max_examples=40, deadline=None)
@given(
    started=st.dates(min_value=date(2022, 5, 2), max_value=date(2027, 12, 31)),
    status=st.sampled_from(list(rules.JobSeekerStatus)),
    steps=st.integers(min_value=0, max_value=8),
)
def test_every_reason_the_core_gives_renders(started, status, steps):
    """Walk a job search meeting by meeting; each deadline's reason renders in every language."""
    held: list[rules.Meeting] = []
    today = started
    for _step in range(steps + 1):
        found = rules.next_statutory_meeting(job_search_started_on=started, status=status, meetings=held, today=today)
        if found is None:
            return
        for language in LANGUAGES:
            with translation.override(language):
                assert texts.reason(found.reason.code, found.reason.params)
        held.append(rules.Meeting(found.due_on, found.meeting_type))
        today = found.due_on + timedelta(days=1)
