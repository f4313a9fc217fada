"""The rules of data/subsidies/rates.yaml as the pure core's dataclasses, for tests of the core without a database
(tests/subsidies/test_loader.py checks that loading the file gives exactly these)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from subsidies.rates import EmployerRestriction, EmployerType, Kind, PaySubsidyRule, Rules, StartUpGrantRule

PAY_SOURCE = (
    "Palkkatukiuudistus 1.7.2023 (laki julkisesta työvoima- ja yrityspalvelusta 916/2012, 7 luku); "
    "Työmarkkinatori, palkkatuki"
)
REFORM = date(2023, 7, 1)
# Act 916/2012 was repealed by Act 380/2023 from 1.1.2025; the amounts stayed.
REPEALED = date(2024, 12, 31)
ACT_380 = date(2025, 1, 1)
PAY_SOURCE_2025 = (
    "Laki työvoimapalvelujen järjestämisestä 380/2023, palkkatuki (voimaan 1.1.2025); Työmarkkinatori, palkkatuki"
)

GENERAL = PaySubsidyRule(
    "palkkatuki-yleinen-2023-07",
    Kind.GENERAL,
    REFORM,
    PAY_SOURCE,
    Decimal(50),
    Decimal("1260.00"),
    10,
    base_months=5,
    extension_unemployed_months=12,
    extension_window_months=15,
    effective_until=REPEALED,
)
REDUCED = PaySubsidyRule(
    "palkkatuki-vajaakuntoinen-2023-07",
    Kind.REDUCED_WORK_ABILITY,
    REFORM,
    PAY_SOURCE,
    Decimal(70),
    Decimal("1770"),
    24,
    effective_until=REPEALED,
)
ASSOCIATION = PaySubsidyRule(
    "palkkatuki-yhdistys-2023-07",
    Kind.ASSOCIATION,
    REFORM,
    PAY_SOURCE,
    Decimal(100),
    Decimal("2020.00"),
    12,
    employer_types=frozenset({EmployerType.ASSOCIATION}),
    max_hours_share_percent=Decimal(65),
    effective_until=REPEALED,
)
AGE_55 = PaySubsidyRule(
    "tyollistamistuki-55-2023-07",
    Kind.AGE_55_PLUS,
    REFORM,
    "Palkkatukiuudistus 1.7.2023 (laki julkisesta työvoima- ja yrityspalvelusta 916/2012, 7 luku); "
    "TEM, palkkatukiuudistuksen kysymyksiä ja vastauksia",
    Decimal(70),
    Decimal("1770.00"),
    24,
    min_weekly_hours=Decimal(25),
    min_age=55,
    unemployed_months=24,
    unemployment_window_months=28,
    effective_until=REPEALED,
)
# The same kinds and amounts under Act 380/2023 from 1.1.2025.
GENERAL_2025 = replace(
    GENERAL, id="palkkatuki-yleinen-2025-01", effective_from=ACT_380, effective_until=None, source=PAY_SOURCE_2025
)
REDUCED_2025 = replace(
    REDUCED,
    id="palkkatuki-vajaakuntoinen-2025-01",
    effective_from=ACT_380,
    effective_until=None,
    source=PAY_SOURCE_2025,
)
ASSOCIATION_2025 = replace(
    ASSOCIATION,
    id="palkkatuki-yhdistys-2025-01",
    effective_from=ACT_380,
    effective_until=None,
    source=PAY_SOURCE_2025,
)
AGE_55_2025 = replace(
    AGE_55,
    id="tyollistamistuki-55-2025-01",
    effective_from=ACT_380,
    effective_until=None,
    source="Laki työvoimapalvelujen järjestämisestä 380/2023, työllistämistuki 55 vuotta täyttäneille (voimaan "
    "1.1.2025); TEM, palkkatukiuudistuksen kysymyksiä ja vastauksia",
)
MUNICIPALITY_2025 = EmployerRestriction(
    "kunta-tyonantajana-2025",
    EmployerType.MUNICIPALITY,
    date(2025, 1, 1),
    "HE 120/2024; Työmarkkinatori, palkkatuki",
    allowed_kinds=frozenset({Kind.REDUCED_WORK_ABILITY}),
    conditional_kinds=frozenset({Kind.GENERAL}),
    conditional_min_age=60,
    conditional_unemployed_months=12,
)
START_UP_2024 = StartUpGrantRule(
    "starttiraha-2024",
    date(2024, 1, 1),
    "Työmarkkinatori, starttiraha (2024)",
    Decimal("37.21"),
    5,
    12,
    6,
    effective_until=date(2024, 12, 31),
)
START_UP_2025 = StartUpGrantRule(
    "starttiraha-2025",
    date(2025, 1, 1),
    "Työmarkkinatori, starttiraha (2025)",
    Decimal("37.21"),
    5,
    12,
    6,
    effective_until=date(2025, 12, 31),
)
START_UP_2026 = StartUpGrantRule(
    "starttiraha-2026",
    date(2026, 1, 1),
    "Kela, peruspäivärahan määrä 2026 (työttömyysetuuksien indeksijäädytys 2024–2027); tarkistettava",
    Decimal("37.21"),
    5,
    12,
    6,
    effective_until=date(2026, 12, 31),
)

RULES = Rules(
    pay_subsidy=(GENERAL, REDUCED, ASSOCIATION, AGE_55, GENERAL_2025, REDUCED_2025, ASSOCIATION_2025, AGE_55_2025),
    start_up_grant=(START_UP_2024, START_UP_2025, START_UP_2026),
    restrictions=(MUNICIPALITY_2025,),
)
