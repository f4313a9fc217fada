import itertools
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobseekers.assignment import Counsellor, Jobseeker, Objective, assign, objective

LANGUAGES = ["fi", "sv", "en"]


def counsellor(id, fte="1", caseload=0, max_per_fte=100, pool="p", languages=("fi",), min_per_fte=None):
    return Counsellor(id, pool, Decimal(fte), frozenset(languages), caseload, max_per_fte, min_per_fte)


def jobseekers(count, pool="p", language="fi", previous=None, prefix="j"):
    return [Jobseeker(f"{prefix}{i}", pool, language, previous) for i in range(count)]


# The rules and the objective written out again, independently of the module, for the brute force.
def allowed(jobseeker, counsellors):
    pool = [c for c in counsellors if c.pool_id == jobseeker.pool_id]
    speakers = [c for c in pool if jobseeker.service_language in c.languages]
    return speakers or pool


def brute_force_objective(counsellors, seekers, assignments):
    clients = {c.id: c.caseload for c in counsellors}
    for counsellor_id in assignments.values():
        clients[counsellor_id] += 1
    overflow = sum(max(0, clients[c.id] - int(c.max_clients_per_fte * c.fte)) for c in counsellors)
    spread = sum((Fraction(clients[c.id] ** 2) / Fraction(c.fte) for c in counsellors), Fraction(0))
    breaks = 0
    for seeker in seekers:
        if seeker.previous_counsellor_id in {c.id for c in allowed(seeker, counsellors)}:
            breaks += assignments.get(seeker.id) != seeker.previous_counsellor_id
    return Objective(overflow, spread, breaks)


def brute_force_optimum(counsellors, seekers):
    assignable = [s for s in seekers if allowed(s, counsellors)]
    choices = [[c.id for c in allowed(s, counsellors)] for s in assignable]
    return min(
        brute_force_objective(counsellors, seekers, {s.id: c for s, c in zip(assignable, combination, strict=True)})
        for combination in itertools.product(*choices)
    )


@st.composite
def small_problems(draw):
    pools = ["p", "q"]
    counsellors = [
        Counsellor(
            id=f"c{i}",
            pool_id=draw(st.sampled_from(pools)),
            fte=draw(st.sampled_from([Decimal("0.2"), Decimal("0.33"), Decimal("0.5"), Decimal("0.75"), Decimal("1")])),
            languages=frozenset(draw(st.sets(st.sampled_from(LANGUAGES), max_size=2))),
            caseload=draw(st.integers(0, 8)),
            max_clients_per_fte=draw(st.integers(1, 12)),
        )
        for i in range(draw(st.integers(1, 3)))
    ]
    previous_ids = [c.id for c in counsellors] + ["former", None]
    seekers = [
        Jobseeker(
            id=f"j{i}",
            pool_id=draw(st.sampled_from([*pools, "empty"])),
            service_language=draw(st.sampled_from(LANGUAGES)),
            previous_counsellor_id=draw(st.sampled_from(previous_ids)),
        )
        for i in range(draw(st.integers(0, 6)))
    ]
    return counsellors, seekers


@settings(max_examples=120, deadline=None)
@given(small_problems())
def test_solver_matches_brute_force_optimum(problem):
    counsellors, seekers = problem

    result = assign(counsellors, seekers)

    solved = brute_force_objective(counsellors, seekers, result.assignments)
    assert solved == brute_force_optimum(counsellors, seekers)
    assert result.objective == solved
    assert result.exact


@st.composite
def larger_problems(draw):
    counsellors = [
        Counsellor(
            id=i,
            pool_id=draw(st.sampled_from(["p", "q", "r"])),
            fte=draw(st.sampled_from([0.2, 0.5, 0.6, 0.8, 1.0])),
            languages=frozenset(draw(st.sets(st.sampled_from(LANGUAGES), max_size=3))),
            caseload=draw(st.integers(0, 60)),
            max_clients_per_fte=draw(st.integers(20, 80)),
        )
        for i in range(draw(st.integers(1, 8)))
    ]
    seekers = [
        Jobseeker(
            id=1000 + i,
            pool_id=draw(st.sampled_from(["p", "q", "r", "s"])),
            service_language=draw(st.sampled_from([*LANGUAGES, "ru"])),
            previous_counsellor_id=draw(st.one_of(st.none(), st.integers(0, 8))),
        )
        for i in range(draw(st.integers(0, 60)))
    ]
    return counsellors, seekers


@settings(max_examples=60, deadline=None)
@given(larger_problems())
def test_pool_and_language_rules_are_never_broken(problem):
    counsellors, seekers = problem
    by_id = {c.id: c for c in counsellors}

    result = assign(counsellors, seekers)

    for seeker in seekers:
        if not allowed(seeker, counsellors):
            assert seeker.id in result.unassigned
            continue
        chosen = by_id[result.assignments[seeker.id]]
        assert chosen.pool_id == seeker.pool_id
        if any(seeker.service_language in c.languages for c in counsellors if c.pool_id == seeker.pool_id):
            assert seeker.service_language in chosen.languages
    assert len(result.assignments) + len(result.unassigned) == len(seekers)
    assert sum(load.new_clients for load in result.loads) == len(result.assignments)
    assert result == assign(counsellors, seekers)


def test_continuity_is_kept_when_it_costs_nothing():
    counsellors = [counsellor("a", caseload=10), counsellor("b", caseload=10)]
    seekers = [
        Jobseeker("j1", "p", "fi", "b"),
        Jobseeker("j2", "p", "fi", "a"),
        Jobseeker("j3", "p", "fi", "b"),
        Jobseeker("j4", "p", "fi", "a"),
    ]

    result = assign(counsellors, seekers)

    assert dict(result.assignments) == {"j1": "b", "j2": "a", "j3": "b", "j4": "a"}
    assert result.objective.continuity_breaks == 0


def test_balance_comes_before_continuity():
    counsellors = [counsellor("a", caseload=10), counsellor("b", caseload=10)]

    result = assign(counsellors, jobseekers(4, previous="a"))

    assert sorted(result.assignments.values()) == ["a", "a", "b", "b"]
    assert result.objective.continuity_breaks == 2


@pytest.mark.parametrize("order", [1, -1])
def test_balance_comes_before_continuity_by_the_smallest_margin(order):
    # To "a": Σ caseload²/FTE = 25 + 9/0.75 = 37; to "b": 16 + 16/0.75 = 37 1/3, the least the spread can differ
    # with these FTEs. Balance still wins over keeping the previous counsellor, whatever the input order.
    counsellors = [counsellor("a", fte="1", caseload=4), counsellor("b", fte="0.75", caseload=3)][::order]

    result = assign(counsellors, [Jobseeker("j", "p", "fi", "b")])

    assert result.assignments["j"] == "a"
    assert result.objective == Objective(overflow=0, spread=Fraction(37), continuity_breaks=1)


def test_previous_counsellor_of_another_pool_is_not_continuity():
    counsellors = [counsellor("a", pool="p"), counsellor("b", pool="q", caseload=0)]

    result = assign(counsellors, [Jobseeker("j", "p", "fi", "b")])

    assert result.assignments["j"] == "a"
    assert result.objective.continuity_breaks == 0


def test_clients_per_fte_are_evened_out():
    counsellors = [counsellor("full", fte="1", caseload=40), counsellor("half", fte="0.5", caseload=10)]

    result = assign(counsellors, jobseekers(20))

    loads = {load.counsellor_id: load for load in result.loads}
    assert (loads["full"].caseload, loads["half"].caseload) == (47, 23)
    assert loads["full"].clients_per_fte == Decimal("47.00")
    assert loads["half"].clients_per_fte == Decimal("46.00")


def test_nobody_goes_over_the_target_while_another_has_room():
    # Balance alone would give both newcomers to the lightly loaded counsellor with the low target.
    counsellors = [counsellor("low", caseload=9, max_per_fte=10), counsellor("high", caseload=50)]

    result = assign(counsellors, jobseekers(2))

    assert sorted(result.assignments.values()) == ["high", "low"]
    assert result.objective.overflow == 0
    assert not result.shortfalls


def test_service_language_is_required_when_someone_in_the_pool_speaks_it():
    counsellors = [
        counsellor("finnish", caseload=0),
        counsellor("english", caseload=100, max_per_fte=100, languages=("fi", "en")),
    ]

    result = assign(counsellors, jobseekers(3, language="EN"))

    assert set(result.assignments.values()) == {"english"}
    assert result.objective.overflow == 3
    assert [note.code for note in result.notes] == ["over_target"]


def test_nobody_speaking_the_language_is_noted():
    counsellors = [counsellor("a"), counsellor("b")]

    result = assign(counsellors, jobseekers(4, language="so"))

    assert len(result.assignments) == 4
    [note] = [n for n in result.notes if n.code == "language_not_spoken"]
    assert note.jobseeker_ids == ("j0", "j1", "j2", "j3")
    assert "asiointikieltä so" in note.message
    assert "p" in note.message


def test_pool_without_counsellors_leaves_job_seekers_unassigned():
    result = assign([counsellor("a")], jobseekers(2, pool="tyhja"))

    assert result.unassigned == ("j0", "j1")
    assert not result.assignments
    [note] = result.notes
    assert note.code == "no_counsellors"
    assert "tyhja" in note.message


def test_capacity_shortfall_names_pool_excess_and_missing_fte():
    counsellors = [
        counsellor("a", caseload=95, max_per_fte=100, pool="team:kajaani-aikuiset"),
        counsellor("b", caseload=95, max_per_fte=100, pool="team:kajaani-aikuiset"),
        counsellor("c", caseload=0, pool="team:kajaani-nuoret"),
    ]

    result = assign(counsellors, jobseekers(40, pool="team:kajaani-aikuiset"))

    [shortfall] = result.shortfalls
    assert shortfall.pool_id == "team:kajaani-aikuiset"
    assert (shortfall.clients, shortfall.capacity, shortfall.excess) == (230, 200, 30)
    assert shortfall.missing_fte == Decimal("0.30")
    assert shortfall.message == (
        "Ohjaajaryhmä team:kajaani-aikuiset: asiakkaita 230, tavoitteen mukainen enimmäismäärä 200, "
        "tavoitteen ylittäviä asiakkaita 30; puuttuu 0,3 htv (tavoite 100 asiakasta/htv)."
    )
    assert result.objective.overflow == 30
    assert {load.caseload for load in result.loads if load.pool_id == "team:kajaani-aikuiset"} == {115}


def test_shortfall_uses_the_fte_weighted_target_and_rounds_up():
    # Targets 150 and 90 on 1 and 0.5 FTE: 195 clients fit; one more FTE at the weighted 130 carries 130.
    counsellors = [
        counsellor("a", fte="1", caseload=150, max_per_fte=150),
        counsellor("b", fte="0.5", caseload=45, max_per_fte=90),
    ]

    result = assign(counsellors, jobseekers(100))

    [shortfall] = result.shortfalls
    assert (shortfall.capacity, shortfall.excess) == (195, 100)
    assert shortfall.target_clients_per_fte == 130
    assert shortfall.missing_fte == Decimal("0.77")


def test_large_numbers_are_written_the_finnish_way():
    result = assign([counsellor("a", fte="1.5", caseload=1850, max_per_fte=1000)], [])

    [shortfall] = result.shortfalls
    assert shortfall.missing_fte == Decimal("0.35")
    assert "asiakkaita 1\u00a0850, tavoitteen mukainen enimmäismäärä 1\u00a0500" in shortfall.message
    assert "puuttuu 0,35 htv" in shortfall.message
    [note] = result.notes
    assert note.message == (
        "Ohjaaja a: 1\u00a0850 asiakasta, tavoitteen mukainen enimmäismäärä 1\u00a0500 "
        "(1\u00a0000 asiakasta/htv × 1,5 htv)."
    )


def test_counsellor_below_the_minimum_is_noted():
    result = assign([counsellor("a", caseload=10, min_per_fte=50)], jobseekers(5))

    [note] = result.notes
    assert note.code == "under_target"
    assert note.counsellor_id == "a"
    assert "15 asiakasta" in note.message


def test_float_fte_is_read_as_its_decimal_text():
    float_fte = Counsellor("a", "p", 0.33, frozenset({"fi"}), 0, 150)

    assert float_fte.fte == Decimal("0.33")
    assert float_fte.max_clients == 49


@pytest.mark.parametrize(
    "bad",
    [
        {"fte": "0"},
        {"caseload": -1},
        {"max_per_fte": 0},
    ],
)
def test_counsellor_values_are_checked(bad):
    with pytest.raises(ValueError):
        counsellor("a", **bad)


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="ohjaaja a on kahteen kertaan"):
        assign([counsellor("a"), counsellor("a")], [])
    with pytest.raises(ValueError, match="työnhakija j0 on kahteen kertaan"):
        assign([counsellor("a")], jobseekers(1) + jobseekers(1))


def test_fine_grained_fte_values_fall_back_to_approximate_balance():
    # Ten distinct prime numerators make the exact common multiple too large for OR-Tools' integer costs.
    primes = [37, 41, 43, 47, 53, 59, 61, 67, 71, 73]
    counsellors = [counsellor(f"c{p}", fte=f"0.{p}", caseload=0, max_per_fte=1000) for p in primes]

    result = assign(counsellors, jobseekers(300))

    assert not result.exact
    assert [note.code for note in result.notes] == ["approximate_balance"]
    assert len(result.assignments) == 300
    per_fte = [load.clients_per_fte for load in result.loads]
    assert max(per_fte) - min(per_fte) < 3


def test_objective_counts_overflow_spread_and_breaks():
    counsellors = [counsellor("a", fte="0.5", caseload=1, max_per_fte=4), counsellor("b", caseload=0)]
    seekers = [Jobseeker("j1", "p", "fi", "b"), Jobseeker("j2", "p", "fi")]

    value = objective(counsellors, seekers, {"j1": "a", "j2": "a"})

    assert value == Objective(overflow=1, spread=Fraction(18), continuity_breaks=1)
