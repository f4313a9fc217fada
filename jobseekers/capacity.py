"""Missing FTE: how many more counsellor FTE a group needs so that its clients per FTE is within the target maximum.

The one computation behind the caseload page (selectors.Caseload), the batch report (batch.py) and the assignment
core's capacity shortfalls (assignment.py), so that the three never disagree. Pure: no Django.
"""

from decimal import Decimal
from fractions import Fraction

# Shown in hundredths of an FTE, always rounded up: adding the figure shown is enough, a hundredth less is not.
HUNDREDTHS = 100


def missing_fte(clients: int, fte: Decimal | Fraction | int, max_clients_per_fte: Fraction | Decimal | int) -> Decimal:
    """clients / target − FTE, rounded up to the hundredth; zero when the group is within its target."""
    target = Fraction(max_clients_per_fte)
    if target <= 0:
        raise ValueError("asiakasmäärätavoitteen on oltava suurempi kuin nolla")
    if clients < 0 or fte < 0:
        raise ValueError("asiakasmäärä ja htv eivät voi olla negatiivisia")
    missing = Fraction(clients) / target - Fraction(fte)
    if missing <= 0:
        return Decimal(0)
    hundredths = -(-missing.numerator * HUNDREDTHS // missing.denominator)
    return Decimal(hundredths).scaleb(-2)
