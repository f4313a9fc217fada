"""The letters' content, built from literals: no database, the texts in Finnish (the source language) unless a test
says otherwise."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from common.documents import read_text
from correspondence import letters

HELSINKI = ZoneInfo("Europe/Helsinki")
OFFICE = letters.Place("Virastotalo", "Kalliokatu 4", "87100", "Kajaani")
SENDER = letters.Sender(
    area_names={
        "fi": "Kainuun ja Koillismaan työllisyysalue",
        "sv": "Kajanalands och Koillismaas sysselsättningsområde",
    },
    counsellor="Olli Ohjaaja",
    counsellor_email="olli.ohjaaja@example.fi",
    office=OFFICE,
)
RECIPIENT = letters.Recipient("Aino Lehtimäki", ("Kauppakatu 1", "87100 Kajaani"), "aino@example.fi", "040 123 4567")


def invitation(**changes) -> letters.Invitation:
    values = {
        "recipient": RECIPIENT,
        "sender": SENDER,
        "meeting_type": "job_search_discussion",
        "channel": "face_to_face",
        "starts": datetime(2026, 12, 3, 9, 30, tzinfo=HELSINKI),
        "ends": datetime(2026, 12, 3, 10, 15, tzinfo=HELSINKI),
        "office": OFFICE,
        "dated": date(2026, 11, 30),
    }
    values.update(changes)
    return letters.Invitation(**values)


def plan(**changes) -> letters.Plan:
    values = {
        "recipient": RECIPIENT,
        "sender": SENDER,
        "goal": "Työ kaupan alalta Kajaanista.",
        "drawn_up_on": date(2026, 3, 2),
        "tasks": (
            letters.Task("Päivitä CV", date(2026, 12, 15), done=False),
            letters.Task("Hae trukkikorttikoulutukseen", None, done=True),
        ),
        "obligation": letters.Obligation(applications=4, period_months=1, starts_on=date(2026, 3, 2)),
        "next_meeting": datetime(2026, 12, 3, 9, 30, tzinfo=HELSINKI),
        "dated": date(2026, 11, 30),
    }
    values.update(changes)
    return letters.Plan(**values)


@pytest.fixture(autouse=True)
def _finnish():
    with translation.override("fi"):
        yield


def fields(letter: letters.Letter) -> dict[str, str]:
    return {label: value for section in letter.sections for label, value in section.fields}


def test_an_office_visit_names_the_time_the_finnish_way_the_address_and_the_counsellor():
    letter = letters.invitation_letter(invitation(), "fi")
    assert letter.title == "Kutsu työnhakukeskusteluun"
    assert letter.subject == "Kutsu työnhakukeskusteluun 3.12.2026 klo 9.30"
    found = fields(letter)
    assert found["Aika"] == "torstai 3.12.2026 klo 9.30–10.15"
    assert found["Tapaamistapa"] == "käynti toimipisteessä"
    assert found["Paikka"] == "Virastotalo, Kalliokatu 4, 87100 Kajaani"
    assert found["Ohjaaja"] == "Olli Ohjaaja"
    assert found["Sähköposti"] == "olli.ohjaaja@example.fi"


@pytest.mark.parametrize(
    ("channel", "name", "says"),
    [
        ("phone", "puhelu", "soittaa sinulle sovittuna aikana numeroon 040 123 4567"),
        ("video", "videotapaaminen", "videoyhteydellä"),
        ("e_service", "verkkoasiointi", "verkkoasiointina"),
    ],
)
def test_a_remote_meeting_says_how_to_take_part_and_names_no_place(channel, name, says):
    letter = letters.invitation_letter(invitation(channel=channel, office=None), "fi")
    assert fields(letter)["Tapaamistapa"] == name
    assert "Paikka" not in fields(letter)
    assert says in letter.sections[0].paragraphs[0]


def test_a_phone_meeting_without_a_number_asks_for_one():
    recipient = letters.Recipient("Aino Lehtimäki", email="aino@example.fi")
    letter = letters.invitation_letter(invitation(channel="phone", office=None, recipient=recipient), "fi")
    assert "Puhelinnumeroasi ei ole tiedossamme" in letter.sections[0].paragraphs[0]


def test_the_invitation_says_how_to_cancel_or_move_it():
    letter = letters.invitation_letter(invitation(), "fi")
    [section] = [s for s in letter.sections if s.heading == "Jos aika ei sovi"]
    assert "ilmoita siitä ohjaajallesi ennen tapaamista" in section.paragraphs[0]
    assert "uuden ajan" in section.paragraphs[0]


@pytest.mark.parametrize("meeting_type", ["initial_interview", "job_search_discussion", "supplementary_discussion"])
def test_a_statutory_discussion_carries_the_benefit_note(meeting_type):
    letter = letters.invitation_letter(invitation(meeting_type=meeting_type), "fi")
    [note] = [s for s in letter.sections if s.heading == "Tapaaminen ja työttömyysetuus"]
    text = " ".join(note.paragraphs)
    assert "ilman pätevää syytä" in text
    assert "voi vaikuttaa oikeuteesi saada työttömyysetuutta" in text
    assert "1290/2002" in text


def test_another_meeting_carries_no_benefit_note():
    letter = letters.invitation_letter(invitation(meeting_type="other"), "fi")
    assert letter.title == "Kutsu tapaamiseen"
    assert "työttömyysetuu" not in letter.email_body()


def test_the_docx_and_the_email_say_the_same():
    letter = letters.invitation_letter(invitation(), "fi")
    document = read_text(letter.document().to_bytes())
    body = letter.email_body()
    for expected in ("Kutsu työnhakukeskusteluun", "torstai 3.12.2026 klo 9.30–10.15", "Virastotalo, Kalliokatu 4"):
        assert expected in document
        assert expected in body
    assert "Päivämäärä 30.11.2026" in document
    assert document.index("Aino Lehtimäki") < document.index("Kutsu työnhakukeskusteluun")
    assert "liitteenä Word-asiakirjana" in body and "liitteenä" not in document


def test_the_plan_letter_lists_goal_tasks_obligation_and_next_meeting():
    letter = letters.plan_letter(plan(), "fi")
    assert letter.title == "Työllistymissuunnitelma"
    assert "laadittu 2.3.2026" in letter.intro[0]
    document = read_text(letter.document().to_bytes())
    for expected in (
        "Työ kaupan alalta Kajaanista.",
        "Tehtävä\tMääräpäivä\tTila",
        "Päivitä CV\t15.12.2026\tkesken",
        "Hae trukkikorttikoulutukseen\t\ttehty",
        "Haettavia työmahdollisuuksia\t4",
        "Jakso\t1 kuukausi",
        "Alkaen\t2.3.2026",
        "Aika\t3.12.2026 klo 9.30",
    ):
        assert expected in document
    assert "voi vaikuttaa oikeuteesi saada työttömyysetuutta" in document


def test_a_plan_without_tasks_obligation_or_meeting_leaves_those_sections_out():
    letter = letters.plan_letter(plan(tasks=(), obligation=None, next_meeting=None), "fi")
    assert [s.heading for s in letter.sections] == ["Tavoite", "Yhteystiedot"]


def test_a_longer_obligation_period_is_counted_in_months():
    letter = letters.plan_letter(plan(obligation=letters.Obligation(3, 3, date(2026, 3, 2))), "fi")
    assert fields(letter)["Jakso"] == "3 kuukautta"


@pytest.mark.parametrize(("service_language", "expected"), [("fi", "fi"), ("sv", "sv"), ("en", "en"), ("ru", "fi")])
def test_the_letter_is_in_the_service_language_where_letters_exist(service_language, expected):
    assert letters.letter_language(service_language) == expected


def test_the_letter_carries_its_language_and_leaves_the_active_language_alone():
    letter = letters.invitation_letter(invitation(), "sv")
    assert letter.language == "sv"
    assert letter.head.sender[0] == "Kajanalands och Koillismaas sysselsättningsområde"
    assert translation.get_language() == "fi"


def test_an_area_without_a_name_in_the_language_is_named_in_finnish():
    letter = letters.invitation_letter(invitation(), "en")
    assert letter.head.sender[0] == "Kainuun ja Koillismaan työllisyysalue"


def test_translated__a_swedish_invitation_reads_in_swedish():
    """Needs the merged Swedish catalogue (locale/fragments/correspondence.sv.po compiled by the lead)."""
    letter = letters.invitation_letter(invitation(), "sv")
    assert letter.title == "Kallelse till jobbsökningssamtal"
    assert fields(letter)["Tid"] == "torsdag 3.12.2026 kl. 9.30–10.15"
