"""The word list's fuzzy candidates: the length filter never drops a word that could match."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

import data
from triage.detection import _candidates, detect
from triage.errors import RulesError
from triage.lexicon import NO_STEM, default_lexicon, parse_lexicon, ratio_possible

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


def test_short_words_have_no_stem_unless_listed():
    """A word shorter than five letters is matched letter for letter: "wel" is not "geweld"
    (whose Snowball stem is "wel"); a listed short form ("jaar") matches "jaren"."""
    lex = default_lexicon()
    assert lex.stem_table["wel"] == NO_STEM and lex.stem_table["geweld"] == "wel"
    assert lex.stem_table["jaar"] == lex.stem_table["jaren"] == "jaar"
    assert not [h for h in detect("Voelt zich wel thuis.") if h.id == "huiselijk_geweld"]
    assert [h.id for h in detect("Al twee jaar stabiel.")] == ["chronisch_psychisch_stabiel"]


def test_a_short_form_must_be_short():
    raw = yaml.safe_load(data.read_text("triage", "lexicon.yaml"))
    raw["stemming"]["short_forms"] += " jaren"
    with pytest.raises(RulesError, match="stemming.short_forms"):
        parse_lexicon(raw)
