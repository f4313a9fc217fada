"""The gap analysis core on constructed teams: nobody, one, many competent; rounds compared; who could cover."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from competence import gaps
from competence.gaps import AREA, Person, ReasonCode

TASKS = ("palkkatuki", "eures")


def person(pid, municipality, **levels):
    return Person(id=pid, municipality=municipality, fte=Decimal("0.5"), levels=levels)


def test_nobody_one_and_many_competent():
    people = [
        person(1, "A", palkkatuki=3, eures=1),
        person(2, "A", palkkatuki=4, eures=2),
        person(3, "B", palkkatuki=3, eures=2),
        person(4, "B", palkkatuki=0, eures=0),
    ]
    result = gaps.analyse(people, ["A", "B"], TASKS)
    assert result.cells[("A", "palkkatuki")].code == ReasonCode.COVERED
    assert result.cells[("A", "palkkatuki")].fte == Decimal("1.0")
    assert result.cells[("B", "palkkatuki")].code == ReasonCode.SINGLE_PERSON
    assert result.cells[("A", "eures")].code == ReasonCode.NOBODY
    assert result.cells[(AREA, "palkkatuki")].competent == 3
    found = {(b.municipality, b.task): b for b in result.bottlenecks}
    assert set(found) == {("B", "palkkatuki"), ("A", "eures"), ("B", "eures"), (AREA, "eures")}
    assert found[("B", "palkkatuki")].cover_ids == (1, 2)
    assert found[("A", "eures")].cover_ids == ()


def test_small_groups_are_suppressed():
    result = gaps.analyse([person(1, "A", eures=3), person(2, "A", eures=3)], ["A"], ["eures"])
    assert result.cells[("A", "eures")].suppressed
    assert (
        not gaps.analyse([person(i, "A", eures=3) for i in range(3)], ["A"], ["eures"]).cells[("A", "eures")].suppressed
    )


def test_training_wishes_are_summed_per_area():
    people = [
        Person(1, "A", Decimal(1), {"eures": 1}, frozenset({"eures", "ruotsi"})),
        Person(2, "B", Decimal(1), {"eures": 1}, frozenset({"eures"})),
    ]
    assert gaps.analyse(people, ["A", "B"], ["eures"]).training == {"eures": 2, "ruotsi": 1}


def test_comparison_names_new_and_resolved_bottlenecks():
    before = gaps.analyse(
        [person(1, "A", eures=3), person(2, "A", eures=3), person(3, "A", palkkatuki=3)], ["A"], TASKS
    )
    after = gaps.analyse(
        [person(1, "A", eures=3), person(3, "A", palkkatuki=3), person(4, "A", palkkatuki=4)], ["A"], TASKS
    )
    changes = {(c.municipality, c.task): c.change for c in gaps.compare(before, after)}
    assert changes[("A", "eures")] == gaps.ChangeCode.NEW_BOTTLENECK
    assert changes[("A", "palkkatuki")] == gaps.ChangeCode.RESOLVED
    assert changes[(AREA, "palkkatuki")] == gaps.ChangeCode.RESOLVED


people_strategy = st.lists(
    st.builds(
        lambda pid, m, a, b: person(pid, m, palkkatuki=a, eures=b),
        st.integers(0, 10_000),
        st.sampled_from(["A", "B", "C"]),
        st.integers(0, 4),
        st.integers(0, 4),
    ),
    max_size=12,
    unique_by=lambda p: p.id,
)


@given(people_strategy, st.sampled_from(["A", "B", "C"]), st.sampled_from(TASKS))
def test_adding_a_competent_person_never_adds_a_bottleneck(people, municipality, task):
    before = gaps.analyse(people, ["A", "B", "C"], TASKS)
    newcomer = person(10_001, municipality, **{task: 3})
    after = gaps.analyse([*people, newcomer], ["A", "B", "C"], TASKS)
    assert {(b.municipality, b.task) for b in after.bottlenecks} <= {
        (b.municipality, b.task) for b in before.bottlenecks
    }


def test_a_small_group_cannot_be_got_by_subtracting_the_shown_cells_from_the_area():
    people = [person(1, "A", eures=3)] + [person(10 + i, "B", eures=1) for i in range(5)]
    people += [person(20 + i, "C", eures=3) for i in range(7)]
    cells = gaps.analyse(people, ["A", "B", "C"], ["eures"]).cells
    assert cells[("A", "eures")].suppressed and not cells[("A", "eures")].complementary
    assert cells[("B", "eures")].suppressed and cells[("B", "eures")].complementary, "the next smallest hides too"
    assert not cells[("C", "eures")].suppressed


@given(people_strategy, st.sampled_from(TASKS))
def test_the_area_less_the_shown_cells_is_never_a_small_group(people, task):
    cells = gaps.analyse(people, ["A", "B", "C"], TASKS).cells
    shown = sum(cells[(m, task)].respondents for m in "ABC" if not cells[(m, task)].suppressed)
    hidden = cells[(AREA, task)].respondents - shown
    assert hidden == 0 or hidden >= gaps.MINIMUM_GROUP or cells[(AREA, task)].suppressed
