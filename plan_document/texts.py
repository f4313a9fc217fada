"""The change list's codes as sentences in the active language."""

from django.utils.translation import gettext as _

from plan_document.changes import Change, ChangeCode


def change(item: Change) -> str:
    p = {
        "place": item.place,
        "row": item.row,
        "column": item.column,
        "before": item.before,
        "after": item.after,
    }
    if item.code == ChangeCode.MONTH:
        return _("Tilastokuukausi vaihtui: %(before)s → %(after)s.") % p
    if item.code == ChangeCode.VALUE:
        return _("%(place)s, %(row)s, %(column)s: %(before)s → %(after)s.") % p
    if item.code == ChangeCode.ROW_ADDED:
        return _("%(place)s: uusi rivi %(row)s.") % p
    if item.code == ChangeCode.ROW_REMOVED:
        return _("%(place)s: rivi %(row)s poistui.") % p
    if item.code == ChangeCode.TABLE_ADDED:
        return _("Uusi taulukko: %(place)s.") % p
    if item.code == ChangeCode.TABLE_REMOVED:
        return _("Taulukko poistui: %(place)s.") % p
    if item.code == ChangeCode.HEADING:
        return _("Luvun %(place)s otsikko muuttui: %(before)s → %(after)s.") % p
    return _("Luvun %(place)s teksti muuttui.") % p


def changes(items: list[Change] | None) -> list[str]:
    if items is None:
        return [_("Tämä on ensimmäinen tallennettu versio; vertailtavaa edellistä versiota ei ole.")]
    if not items:
        return [_("Ei muutoksia edelliseen versioon.")]
    return [change(item) for item in items]
