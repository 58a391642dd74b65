"""Negation of a phrase read from a note: cues before and after it inside its clause.

Cues, their windows and where they apply are data (``negation`` in the word list); see
``docs/triage.md``. Works on the ``Tokens`` of one call and keeps nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import NUMBER, Cue, Lexicon

if TYPE_CHECKING:
    from .detection import Tokens

_CONTRAST = frozenset({"maar", "wel", "echter", "doch", "behalve", "want", "omdat"})
_MAX_LOOK = 14


def _cue_at(cue: Cue, words: list[str], start: int) -> bool:
    """Does the (multi-word) cue stand at ``start``? One-word cues were found by their word."""
    tokens = cue.tokens
    if len(tokens) == 1:
        return True
    end = start + len(tokens)
    if end > len(words):
        return False
    second = tokens[1]
    if second != NUMBER and words[start + 1] != second:
        return False  # the usual case: many cues share a first word ("niet", "geen")
    return all(
        words[start + k] == w or (w == NUMBER and words[start + k].isdigit())
        for k, w in enumerate(cue.tokens)
    )


def _cues(index: dict[str, list[Cue]], text: str) -> list[Cue]:
    """The cues indexed under a word (a number also finds the cues indexed under ``#``)."""
    found = index.get(text, [])
    if text.isdigit():
        found = found + index.get(NUMBER, [])
    return found


def _in_pseudo(words: list[str], q: int, lex: Lexicon) -> bool:
    """True when token ``q`` is part of a phrase that only looks like a negation."""
    for phrase, at in lex.pseudo_by_word.get(words[q], ()):
        start = q - at
        if start >= 0 and words[start : start + len(phrase)] == phrase:
            return True
    return False


def _comma_ok(cue: Cue, toks: Tokens, q: int, i: int) -> bool:
    """May the cue at ``q`` reach the hit at ``i``, given the commas between them?"""
    segments = toks.segments
    if cue.crosses_comma or segments[q] == segments[i]:
        return True
    if not cue.list_comma:
        return False
    segment = segments[i]
    for k in range(i, len(segments)):
        if segments[k] != segment:
            return False
        if toks.words[k] == "of":
            return True
    return False


def _negated_before(toks: Tokens, i: int, hit_id: str, lex: Lexicon) -> bool:
    words, clauses = toks.words, toks.clauses
    index, scope_end, filler = lex.before_by_last, lex.scope_end, lex.filler
    clause, between = clauses[i], 0
    # A phrase that opens with a new verb ("... geen toekomst meer en denkt aan de dood") starts
    # a clause of its own: only a cue right before it reaches it.
    lowest = i - 2 if words[i] in scope_end else max(-1, i - _MAX_LOOK)
    for q in range(i - 1, lowest, -1):
        if clauses[q] != clause:
            return False
        text = words[q]
        cues = _cues(index, text) if text.isdigit() else index.get(text, ())
        for cue in cues:
            start = q - len(cue.tokens) + 1
            if start < 0 or (cue.only and hit_id not in cue.only) or not _cue_at(cue, words, start):
                continue
            if (
                between <= cue.window
                and _comma_ok(cue, toks, q, i)
                and not _in_pseudo(words, q, lex)
            ):
                return True
        if text in scope_end:
            return False
        if text not in filler:
            between += 1
    return False


def _negated_after(toks: Tokens, j: int, hit_id: str, lex: Lexicon) -> bool:
    words, clauses, segments = toks.words, toks.clauses, toks.segments
    index, filler = lex.after_by_first, lex.filler
    clause, segment, between = clauses[j - 1], segments[j - 1], 0
    for q in range(j, min(len(words), j + _MAX_LOOK)):
        text = words[q]
        if clauses[q] != clause or text in _CONTRAST:
            return False
        cues = _cues(index, text) if text.isdigit() else index.get(text, ())
        for cue in cues:
            if (cue.only and hit_id not in cue.only) or not _cue_at(cue, words, q):
                continue
            if (segments[q] != segment and not cue.crosses_comma) or _in_pseudo(words, q, lex):
                continue
            end = q + len(cue.tokens)
            final = end == len(words) or clauses[end] != clause
            if between <= cue.window and (final or not cue.final):
                return True
        if text not in filler:
            between += 1
    return False


class Negation:
    """Negation results of one note, shared by the phrases at the same place."""

    __slots__ = ("after", "before", "first", "last", "lex", "toks")

    def __init__(self, toks: Tokens, lex: Lexicon) -> None:
        self.toks, self.lex = toks, lex
        self.before: dict[tuple[int, str], bool] = {}
        self.after: dict[tuple[int, str], bool] = {}
        # First and last word per clause that can belong to a cue: a phrase with no such word
        # before it (or after it) in its clause needs no scan that way.
        self.first: dict[int, int] = {}
        self.last: dict[int, int] = {}
        keys, clauses, words = lex.cue_keys, toks.clauses, toks.words
        if NUMBER in keys:
            places = [k for k, word in enumerate(words) if word in keys or word.isdigit()]
        else:
            places = [k for k, word in enumerate(words) if word in keys]
        for k in places:
            self.first.setdefault(clauses[k], k)
            self.last[clauses[k]] = k

    def holds(self, i: int, j: int, hit_id: str) -> bool:
        """Is the phrase at tokens ``i:j`` negated for ``hit_id``?"""
        clause = self.toks.clauses[i]
        first = self.first.get(clause)
        if first is None:
            return False
        if first < i:
            negated = self.before.get((i, hit_id))
            if negated is None:
                negated = _negated_before(self.toks, i, hit_id, self.lex)
                self.before[i, hit_id] = negated
            if negated:
                return True
        if self.last[clause] < j:
            return False
        negated = self.after.get((j, hit_id))
        if negated is None:
            negated = self.after[j, hit_id] = _negated_after(self.toks, j, hit_id, self.lex)
        return negated
