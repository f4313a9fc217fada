import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from labour_market import enums, selectors
from labour_market.consistency import explanations
from labour_market.consistency.explanations import fi


class Command(BaseCommand):
    help = (
        "Consistency check of the stored statistics: recomputes every total, rate and derived figure that the "
        "stored tables allow and lists each published figure that differs from its recomputation beyond the "
        "rounding it was printed with, and each quantity that two tables print differently. Totals over "
        "suppressed cells are reported with their bounds. --json prints a list of objects with the keys table, "
        "municipality, quantity, published, recomputed, explanation (and column, month, difference, "
        "recomputed_min, recomputed_max, other_table, kind, severity, area)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the findings as a JSON list.")

    def handle(self, *args, json=False, **options):
        findings = selectors.all_findings()
        if json:
            self.stdout.write(self._json([{**explanations.as_dict(f), "area": area.slug} for area, f in findings]))
            return
        for area, finding in findings:
            where = area.name_fi if finding.municipality is None else _municipality_name(area, finding.municipality)
            severity = enums.Severity(finding.severity)
            style = self.style.ERROR if severity.is_inconsistency else self.style.WARNING
            quantity = explanations.quantity(finding.quantity)
            self.stdout.write(style(f"[{severity.label}] {finding.table} · {where} · {finding.column} — {quantity}"))
            values = [_("julkaistu %(value)s") % {"value": fi(finding.published)}]
            if finding.other_table:
                values.append(
                    _("taulukossa %(table)s %(value)s")
                    % {"table": finding.other_table, "value": fi(finding.recomputed)}
                )
                values.append(_("ero %(value)s") % {"value": fi(finding.difference)})
            elif finding.recomputed is not None:
                values.append(_("laskettu %(value)s") % {"value": fi(finding.shown_recomputed)})
                values.append(_("ero %(value)s") % {"value": fi(finding.difference)})
            elif finding.low is not None:
                values.append(_("laskettu väli %(low)s–%(high)s") % {"low": fi(finding.low), "high": fi(finding.high)})
            self.stdout.write("  " + ", ".join(values))
            self.stdout.write(f"  {explanations.explanation(finding)}")
        inconsistencies = enums.Severity.count_inconsistencies(f for _area, f in findings)
        self.stdout.write(
            self.style.SUCCESS(
                _("Tarkistettu: %(inconsistencies)s ristiriitaa, %(notes)s huomiota")
                % {"inconsistencies": inconsistencies, "notes": len(findings) - inconsistencies}
            )
        )

    @staticmethod
    def _json(data) -> str:
        return json.dumps(data, ensure_ascii=False, indent=2)


def _municipality_name(area, code: str) -> str:
    municipality = next((m for m in area.municipalities.all() if m.code == code), None)
    return f"{municipality.name_fi} ({code})" if municipality else code
