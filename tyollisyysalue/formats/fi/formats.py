# Django's Finnish formats already are the Finnish way (1.12.2026, 10.30, 1 234,5); pinned here so that a change in
# Django cannot move them under the pages.
DATE_FORMAT = "j. E Y"
SHORT_DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
# Django's Finnish inputs (1.12.2026, 1.12.26, 10.30) with ISO first: a widget without its own `format` writes the
# first, and <input type="date"> and <input type="time"> take only ISO.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H.%M.%S", "%H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
