"""The gap analysis's reason codes as words in the active language."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from competence import gaps


def status(code: gaps.ReasonCode) -> str:
    if code == gaps.ReasonCode.NOBODY:
        return _("Ei ketään itsenäisellä tasolla")
    if code == gaps.ReasonCode.SINGLE_PERSON:
        return _("Vain yksi henkilö (haavoittuva)")
    return _("Katettu")


def suppressed(cell: gaps.Cell) -> str:
    if cell.complementary:
        return _("Piilotettu, jottei pientä ryhmää voi laskea alueen luvuista – ei näytetä")
    return _("Alle 3 vastaajaa – ei näytetä")


def change(item: gaps.Change) -> str:
    p = {"before": item.before, "after": item.after}
    if item.change == gaps.ChangeCode.NEW_BOTTLENECK:
        return _("Uusi pullonkaula: %(before)s → %(after)s itsenäistä osaajaa") % p
    if item.change == gaps.ChangeCode.RESOLVED:
        return _("Pullonkaula poistui: %(before)s → %(after)s itsenäistä osaajaa") % p
    if item.change == gaps.ChangeCode.MORE:
        return _("Enemmän osaajia: %(before)s → %(after)s") % p
    return _("Vähemmän osaajia: %(before)s → %(after)s") % p


def covers(count: int) -> str:
    if count == 0:
        return _("Ei ketään muualla alueella")
    return ngettext("%(count)s henkilö muissa kunnissa", "%(count)s henkilöä muissa kunnissa", count) % {"count": count}
