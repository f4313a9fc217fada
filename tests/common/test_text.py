from hypothesis import given
from hypothesis import strategies as st

from common.text import fold


def test_case_and_diacritics_do_not_matter():
    assert fold("Lehtimäki ÅSTRÖM Łukasz Søren") == "lehtimaki astrom lukasz soren"


def test_compatibility_letters_fold_to_plain_lower_case():
    assert fold("𝕬𝖇") == "ab"


@given(st.text())
def test_folding_a_folded_text_changes_nothing(text):
    assert fold(fold(text)) == fold(text)
