"""The word list's fuzzy candidates: the length filter never drops a word that could match."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from triage.detection import _candidates
from triage.lexicon import default_lexicon, ratio_possible

WORDS = st.text(alphabet="abcdeilmnorstuz", min_size=1, max_size=30)


@settings(max_examples=500, deadline=None)
@given(WORDS, WORDS, st.sampled_from([70.0, 85.0, 90.0, 99.5]))
def test_a_ratio_at_the_cutoff_is_always_possible_by_length(a, b, cutoff):
    if fuzz.ratio(a, b, score_cutoff=cutoff):
        assert ratio_possible(len(a), len(b), cutoff)


def test_lengths_that_cannot_reach_the_cutoff_are_ruled_out():
    assert ratio_possible(10, 10, 85) and ratio_possible(12, 10, 85)
    assert not ratio_possible(14, 10, 85)  # 100 * (1 - 4/24) = 83.3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abdegiklmnoprstuvz", min_size=5, max_size=40))
def test_the_filtered_candidates_give_the_answer_of_the_whole_list(word):
    lex = default_lexicon()
    whole = lex.fuzzy_words.get(word[0], [])
    kwargs = {"scorer": fuzz.ratio, "processor": None, "score_cutoff": lex.word_cutoff}
    filtered = process.extractOne(word, _candidates(word, lex), **kwargs)
    full = process.extractOne(word, whole, **kwargs)
    assert (filtered and filtered[:2]) == (full and full[:2])  # (word, score); not the index


def test_typos_of_listed_words_keep_their_candidates():
    lex = default_lexicon()
    for listed in ("eenzaamheid", "slaapproblemen", "schulden", "mantelzorger"):
        if listed not in lex.fuzzy_words.get(listed[0], []):
            continue
        for typo in (listed[:-1], listed + "e", listed[:3] + listed[4:]):
            assert listed in _candidates(typo, lex)
