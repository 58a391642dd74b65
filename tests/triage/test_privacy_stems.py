"""No word of a note outlives the call, not even a single word that was stemmed."""

from __future__ import annotations

import gc

from triage import decide
from triage.detection import tokenize
from triage.lexicon import default_lexicon, normalise
from triage.stemming import may_match


def _held(word: str) -> list[str]:
    """Containers still holding ``word``, including those the garbage collector does not track
    (a dict of strings only, such as a cache's), found as referents of tracked objects."""
    gc.collect()
    found = []
    for obj in gc.get_objects():
        for inner in (obj, *gc.get_referents(obj)):
            if isinstance(inner, dict):
                values = [*inner.keys(), *inner.values()]
            elif isinstance(inner, list | tuple | set | frozenset):
                values = list(inner)
            else:
                continue
            # Only strings are compared: other values (pandas' NA, numpy arrays) may refuse ``==``.
            if any(type(value) is str and value == word for value in values):
                found.append(type(obj).__name__)
    return found


def test_a_stemmed_note_word_is_not_kept():
    lex = default_lexicon()
    word = "".join(["slaap", "quirtel", "maatjes"])  # built at run time: in no module
    assert word not in lex.stem_table and may_match(word, lex.stem_keys)  # it is stemmed
    toks = tokenize(normalise(f"Pt. {word} sinds maart."), lex)
    assert word in toks.words
    assert _held(word)  # the check sees a live container
    del toks
    decide({"age": 40, "text": f"Pt. {word} sinds maart, slaapt slecht."}).to_json()
    assert _held(word) == []
