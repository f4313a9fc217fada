"""A realistic meeting history and employment plan for a synthetic job seeker (demo/meetings.py writes them).

The history is simulated with the pure core itself: starting from the job search, `adapter.deadline` says which
statutory meeting is due next and when; the simulation holds it on time (within ten days before the due date), late
(1–60 days after), or – near the reference day – not at all, so that it is overdue now. Along the way some meetings
are missed (did not attend) and rebooked, some cancelled, some "other" contacts added, and a deadline falling due in
the next three weeks is often already booked. Every held meeting records the deadline it met and whether it was on
time, exactly as service_model.services.meetings.record_held does. Every meeting is booked through a diary
(demo/diary.py): when the counsellor's day is full it moves to the nearest day with room, and the simulation goes on
from the day the meeting got, so a moved meeting may turn late.

Relative to what. The synthetic population describes August 2023 (the plan's Table 1), so job searches began in
2018–2023; their start dates are not moved (that would break Table 1). The history is generated up to the
*reference day* (the real today unless SERVICE_MODEL_TODAY or --today says otherwise), so the worklists are alive on
the day the demo runs: what is held or missed happened before that day, and booked meetings lie ahead, today's after
the moment of generation. To keep the volume at ≈ 7 meetings per job seeker (≈ 5 million nationally), only the opening
meeting (the initial interview, with the employment plan) and the last `WINDOW_MONTHS` before the reference day are
generated: when the next deadline would fall before that window, the history jumps to a job-search discussion just
before it – the years in between are "in the previous system" and count in no statistics (their meetings do not
exist, so nothing is credited or missed for them). A job search older than the model (2.5.2022) starts its clock on
that day (adapter.clock_start).
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from common.dates import add_months
from demo import diary
from service_model import adapter, rules
from service_model.workdays import is_working_day, next_working_day_on_or_after

WINDOW_MONTHS = 13
BOOKING_HORIZON_DAYS = 21
HARD_TO_REACH_SHARE = 0.25
ON_TIME = {"reliable": 0.82, "hard_to_reach": 0.5}
MISSING_NOW_SHARE = 0.07  # a recent deadline nobody has met yet
RECENT_DAYS = 120
DID_NOT_ATTEND_SHARE = 0.3  # of late meetings: the first booking was missed
CANCELLED_SHARE = 0.04
OTHER_CONTACT_SHARE = 0.12
BOOKED_AHEAD_SHARE = 0.55
BOOKED_OVERDUE_SHARE = 0.5
LATE_DAYS = ((0.5, 1, 7), (0.35, 8, 21), (0.15, 22, 60))
CHANNELS = (("face_to_face", 0.45), ("phone", 0.30), ("video", 0.15), ("e_service", 0.10))
PREFERRED = {"in_person": "face_to_face", "phone": "phone", "online": "e_service"}
OUTCOMES = (
    "Työnhaku ja hakemukset käyty läpi.",
    "Sovittu hakemuksista seuraavalle jaksolle.",
    "Ohjattu työvoimakoulutuksen hakuun.",
    "Kartoitettu osaaminen ja tavoiteammatit.",
    "Sovittu palkkatuetun työn mahdollisuuksista.",
    "Ohjattu työkyvyn arviointiin.",
)
PLAN_REVIEWS = (
    "Suunnitelma käyty läpi, ennallaan.",
    "Suunnitelman tehtäviä päivitetty.",
    "Työnhakuvelvollisuus ja tehtävät käyty läpi.",
)
CANCEL_REASONS = ("Asiakkaan pyynnöstä.", "Ohjaajan sairastuminen.", "Päällekkäinen koulutus.")
MEETING_MINUTES = 45
OTHER_MINUTES = 15
SEARCH_AHEAD_DAYS = 60
# (day, minutes, rng, earliest, latest) → (start, counsellor id) of the booked time, or None when no day had room.
Booker = Callable[[date, int, random.Random, date, date], tuple[datetime, int | None] | None]


@dataclass(frozen=True)
class Person:
    pk: int
    started_on: date
    status: str
    has_office: bool
    preferred_channel: str
    unemployed_since: date | None = None


@dataclass(frozen=True)
class SyntheticMeeting:
    meeting_type: str
    channel: str
    state: str
    planned_at: datetime
    held_on: date | None = None
    due_on: date | None = None
    on_time: bool | None = None
    outcome: str = ""
    plan_review: str = ""
    cancel_reason: str = ""
    counsellor_id: int | None = None  # who held it, when the booker knows (demo/meetings.py)

    @property
    def held_at(self) -> datetime | None:
        return self.planned_at if self.held_on is not None else None


@dataclass
class History:
    meetings: list[SyntheticMeeting] = field(default_factory=list)
    deadline: rules.Deadline | None = None
    opening_on: date | None = None


def working_day_between(low: date, high: date, rng: random.Random) -> date:
    """A random working day in [low, high] (the first working day on or after low when there is none)."""
    if high < low:
        return next_working_day_on_or_after(low)
    for _ in range(8):
        day = low + timedelta(days=rng.randint(0, (high - low).days))
        if is_working_day(day):
            return day
    return next_working_day_on_or_after(low)


def _late_days(rng: random.Random) -> int:
    draw = rng.random()
    for share, low, high in LATE_DAYS:
        if draw < share:
            return rng.randint(low, high)
        draw -= share
    return rng.randint(1, 7)


def _channel(person: Person, meeting_type: str, rng: random.Random) -> str:
    preferred = PREFERRED.get(person.preferred_channel)
    if meeting_type == rules.MeetingType.INITIAL_INTERVIEW and rng.random() < 0.6:
        channel = "face_to_face"
    elif preferred and rng.random() < 0.4:
        channel = preferred
    else:
        draw = rng.random()
        channel = CHANNELS[-1][0]
        for name, share in CHANNELS:
            if draw < share:
                channel = name
                break
            draw -= share
    if channel == "face_to_face" and not person.has_office:
        return "phone"
    return channel


def _own_diary() -> Booker:
    """A booker for one person alone (no shared diaries): their own meetings still never overlap."""
    own = diary.Diary()

    def book(day, minutes, rng, earliest, latest):
        moment = own.book(day, minutes, rng, earliest=earliest, latest=latest)
        return None if moment is None else (moment, None)

    return book


def simulate(person: Person, today: date, rng: random.Random, book: Booker | None = None) -> History:
    """The person's meetings up to `today`, each booked through `book` (the writer's per-counsellor diaries): a
    meeting whose day is full moves to the nearest day with room, and the simulation goes on from the day it got."""
    book = book or _own_diary()
    history = History()
    window = add_months(today, -WINDOW_MONTHS)
    # What is recorded as held or missed happened before the reference day; its meetings are still ahead.
    yesterday = today - timedelta(days=1)
    # The held meetings as the core's own objects, kept as they come: the adapter would rebuild all of them at every
    # step, a large share of a national run.
    held: list[rules.Meeting] = []
    start = adapter.clock_start(person.started_on)
    if start > today:
        return history
    status = adapter.core_status(person.status)
    cursor = start
    on_time_share = ON_TIME["hard_to_reach" if rng.random() < HARD_TO_REACH_SHARE else "reliable"]
    meetings = history.meetings
    jumped = False

    def deadline_on(day: date):
        # adapter.deadline's call of the core, for a job search with no previous one (a synthetic person has none).
        return rules.next_statutory_meeting(
            job_search_started_on=start,
            status=status,
            meetings=held,
            today=max(day, adapter.MODEL_START),
            unemployed_since=person.unemployed_since,
        )

    def add(meeting_type, channel, state, day, earliest, latest, **details) -> date | None:
        """Book and record a meeting; the day it got, or None when no day had room."""
        minutes = OTHER_MINUTES if meeting_type == rules.MeetingType.OTHER else MEETING_MINUTES
        booked = book(day, minutes, rng, earliest, latest)
        if booked is None:
            return None
        moment, counsellor_id = booked
        if state == "held":
            details["held_on"] = moment.date()
            if details.get("due_on") is not None:
                details["on_time"] = moment.date() <= details["due_on"]
        meetings.append(SyntheticMeeting(meeting_type, channel, state, moment, counsellor_id=counsellor_id, **details))
        return moment.date()

    for _step in range(100):
        due = deadline_on(cursor)
        if due is None:
            break
        if held and not jumped and due.due_on < window:
            # Skip the years before the window: one job-search discussion shortly before it.
            low = max(cursor + timedelta(days=1), window - timedelta(days=92))
            meeting_type = rules.MeetingType.JOB_SEARCH_DISCUSSION.value
            day = add(
                meeting_type,
                _channel(person, meeting_type, rng),
                "held",
                working_day_between(low, window - timedelta(days=1), rng),
                low,
                window - timedelta(days=1),
                outcome=rng.choice(OUTCOMES),
                plan_review=rng.choice(PLAN_REVIEWS),
            )
            jumped = True
            if day is not None:
                held.append(rules.Meeting(day, meeting_type))
                cursor = day
            continue
        meeting_type = due.meeting_type.value
        channel = _channel(person, meeting_type, rng)
        ahead = today, today + timedelta(days=SEARCH_AHEAD_DAYS)
        if due.due_on > today:
            if due.due_on <= today + timedelta(days=BOOKING_HORIZON_DAYS) and rng.random() < BOOKED_AHEAD_SHARE:
                low = max(today, due.due_on - timedelta(days=7))
                add(meeting_type, channel, "planned", working_day_between(low, due.due_on, rng), *ahead)
            break
        on_time = rng.random() < on_time_share
        earliest = cursor + timedelta(days=1)
        if on_time:
            held_on = working_day_between(max(earliest, due.due_on - timedelta(days=10)), due.due_on, rng)
        else:
            held_on = next_working_day_on_or_after(due.due_on + timedelta(days=_late_days(rng)))
        if due.due_on >= today - timedelta(days=RECENT_DAYS) and rng.random() < MISSING_NOW_SHARE:
            held_on = None
        if held_on is None or held_on > yesterday:
            # Not met yet: overdue on the reference day (perhaps after a missed booking, perhaps rebooked).
            if rng.random() < DID_NOT_ATTEND_SHARE and due.due_on >= cursor:
                add(meeting_type, channel, "did_not_attend", due.due_on, earliest, yesterday)
            if rng.random() < BOOKED_OVERDUE_SHARE:
                add(
                    meeting_type,
                    channel,
                    "planned",
                    working_day_between(ahead[0], today + timedelta(days=10), rng),
                    *ahead,
                )
            break
        if held_on >= window:
            if not on_time and rng.random() < DID_NOT_ATTEND_SHARE:
                missed = add(meeting_type, channel, "did_not_attend", due.due_on, earliest, held_on - timedelta(days=1))
                earliest = max(earliest, (missed or earliest) + timedelta(days=1))
            if rng.random() < CANCELLED_SHARE:
                # The cancelled time keeps its place in the diary: it was booked, and the slot is not reused.
                low, high = held_on - timedelta(days=10), held_on - timedelta(days=1)
                day = working_day_between(low, high, rng)
                add(meeting_type, channel, "cancelled", day, low, high, cancel_reason=rng.choice(CANCEL_REASONS))
        review = "" if meeting_type == rules.MeetingType.OTHER else rng.choice(PLAN_REVIEWS)
        held_on = add(
            meeting_type,
            channel,
            "held",
            max(held_on, earliest),
            earliest,
            yesterday,
            due_on=due.due_on,
            outcome=rng.choice(OUTCOMES),
            plan_review=review,
        )
        if held_on is None:
            break
        if history.opening_on is None:
            history.opening_on = held_on
        held.append(rules.Meeting(held_on, meeting_type))
        cursor = held_on
        if held_on >= window and rng.random() < OTHER_CONTACT_SHARE:
            day = next_working_day_on_or_after(held_on + timedelta(days=rng.randint(5, 30)))
            if day <= yesterday:
                add("other", "phone", "held", day, day, yesterday, outcome=rng.choice(OUTCOMES))
    history.deadline = deadline_on(today)
    return history


# --- The employment plan drawn up at the opening meeting ------------------------------------------------------------

GOALS = {
    "unemployed": ("Työllistyminen avoimille työmarkkinoille omalle alalle.", "Työllistyminen lähialueelle."),
    "fully_laid_off": ("Paluu omaan työhön lomautuksen päätyttyä; sillä välin lyhyet työt.",),
    "partly_laid_off": ("Kokoaikatyö tai lisätyö lomautuksen ajaksi.",),
    "part_time": ("Kokoaikainen työ tai lisätunnit.",),
    "employed": ("Uusi työpaikka nykyisen tilalle.",),
    "in_services": ("Palvelun jälkeen työllistyminen koulutusta vastaavaan työhön.",),
    "student": ("Tutkinnon loppuun saattaminen ja työllistyminen alalle.",),
    "outside_labour_force": ("Paluu työelämään.",),
}
TASKS = (
    "Päivitä CV Työmarkkinatorille",
    "Julkaise työnhakuprofiili",
    "Hae vähintään neljää työpaikkaa kuukaudessa",
    "Osallistu rekrytointitilaisuuteen",
    "Selvitä työvoimakoulutuksen hakuaika",
    "Varaa aika urasuunnittelijalle",
    "Hae palkkatuettua työtä",
)
LOWERED_REASONS = (
    "Alueella vähän avoimia työpaikkoja omalta alalta.",
    "Terveydelliset syyt, työkyvyn arviointi kesken.",
    "Hoitovastuu rajoittaa hakemista.",
)
EMPLOYERS = (
    "Kainuun hyvinvointialue", "Kajaanin kaupunki", "K-Market Keskusta", "Transtech Oy", "Rautaruukki Oy",
    "Kainuun Osuuspankki", "Terrafame Oy", "Lapti Oy", "Sotkamon Kunta", "Kuusamon Kaupunki", "Ruka-Kuusamo Matkailu",
)  # fmt: skip
TITLES = (
    "myyjä", "lähihoitaja", "siivooja", "varastotyöntekijä", "kuorma-autonkuljettaja", "kokki", "asiakaspalvelija",
    "hitsaaja", "sähköasentaja", "toimistosihteeri", "tarjoilija", "koneenasettaja",
)  # fmt: skip


@dataclass(frozen=True)
class SyntheticPlan:
    goal: str
    drawn_up_on: date
    tasks: tuple[tuple[str, date | None, str], ...]  # (title, due_on, status)
    obligation: rules.JobSearchObligation
    lowered_to: int | None
    lowered_reason: str
    applications: tuple[tuple[date, str, str], ...]  # (applied_on, employer, job_title)


def plan_for(
    person: Person, history: History, today: date, rng: random.Random, laid_off_since: date | None
) -> SyntheticPlan | None:
    if history.opening_on is None:
        return None
    drawn = history.opening_on
    status = adapter.core_status(person.status)
    day = max(drawn, adapter.MODEL_START)
    obligation = rules.job_search_obligation(None, status, laid_off_since=laid_off_since or person.started_on, day=day)
    lowered_to, reason = None, ""
    if obligation.count > 1 and rng.random() < 0.1:
        lowered_to, reason = rng.randint(1, obligation.count - 1), rng.choice(LOWERED_REASONS)
    tasks = []
    for title in rng.sample(TASKS, rng.randint(1, 3)):
        due_on = today + timedelta(days=rng.randint(-60, 60)) if rng.random() < 0.7 else None
        status_value = "done" if due_on is not None and due_on < today and rng.random() < 0.7 else "open"
        tasks.append((title, due_on, status_value))
    applications = []
    required = lowered_to if lowered_to is not None else obligation.count
    if required:
        months = obligation.period_months
        begins = add_months(today, -months)
        for _ in range(rng.randint(0, required + 1)):
            applied = begins + timedelta(days=rng.randint(1, max((today - begins).days, 1)))
            if applied >= person.started_on and applied <= today:
                applications.append((applied, rng.choice(EMPLOYERS), rng.choice(TITLES)))
    return SyntheticPlan(
        goal=rng.choice(GOALS.get(person.status, GOALS["unemployed"])),
        drawn_up_on=drawn,
        tasks=tuple(tasks),
        obligation=obligation,
        lowered_to=lowered_to,
        lowered_reason=reason,
        applications=tuple(applications),
    )
