# Finland-Swedish, the Swedish of this service's users and of Finnish authorities (Kotus's Svenska språkbyrån, Kela's
# and the employment services' Swedish pages): 1.12.2026, kl. 10.30, 1 234,5 — the forms the letters in Swedish
# already use. Django's Swedish is Sweden's (2026-12-01, 10:30) and also reads US month-first input (01/12/2026 as
# 12 January).
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = "j F Y \\k\\l. G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
# ISO first: a date widget without its own `format` writes the first, and <input type="date"> takes only ISO.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]  # %H:%M first for <input type="time">, as dates above
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
