"""The agenda core's problem codes as Finnish (source-language) messages, naming the field and the reason."""

from django.utils.translation import gettext as _

from common.formatting import local_date, local_time
from service_model.agenda import EARLIEST, LATEST, STEP_MINUTES, Hours, Problem


def clock(moment) -> str:
    return local_time(moment)


def hours_label(hours: Hours) -> str:
    return f"{clock(hours.start)}–{clock(hours.end)}"


def hours_message(field: str, problem: Problem) -> str:
    label = _("Työaika alkaa") if field == "start" else _("Työaika päättyy")
    if problem == Problem.START_NOT_BEFORE_END:
        return _("Työaika päättyy: päättymisen on oltava alkamisen jälkeen.")
    if problem == Problem.OUTSIDE_DAY:
        return _("%(field)s: ajan on oltava välillä %(earliest)s–%(latest)s.") % {
            "field": label,
            "earliest": clock(EARLIEST),
            "latest": clock(LATEST),
        }
    return _("%(field)s: anna aika %(step)s minuutin välein (esim. 8.00, 8.15, 8.30).") % {
        "field": label,
        "step": STEP_MINUTES,
    }


def booking_message(problem: Problem, day, hours: Hours) -> str:
    if problem == Problem.NON_WORKING_DAY:
        return _("Päivä: %(day)s ei ole työpäivä (viikonloppu tai arkipyhä); valitse arkipäivä.") % {
            "day": local_date(day)
        }
    return _("Kellonaika: tapaamisen on mahduttava ohjaajan työaikaan %(hours)s; valitse aika työajalta.") % {
        "hours": hours_label(hours)
    }
