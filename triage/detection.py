"""Read complaint categories and signals from a free Dutch GP note, with spans and negation.

Pure functions of the note and the word list. Nothing of the note is kept between calls: the
word list is compiled once (a phrase trie, fuzzy candidates by first letter), the note's
tokens live only in the ``Tokens`` of one call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from .lexicon import Cue, Lexicon, Pattern, PhraseNode, default_lexicon, normalise

_SCAN = re.compile(r"((?:[a-z]\.){2,}[a-z]?|[a-z0-9]+)|([.;!?\n]+)|[,()\u2013\u2014]|\s-\s")
_CONTRAST = frozenset({"maar", "wel", "echter", "doch", "behalve", "want", "omdat"})
_MAX_LOOK = 14
Ends = dict[Pattern, int]


@dataclass(frozen=True, slots=True)
class Hit:
    """One phrase of the word list found in the note."""

    kind: str
    id: str
    start: int
    end: int
    text: str
    fuzzy: bool
    negated: bool


class Tokens:
    """The words of one note as parallel lists: normalised text, offsets, clause, segment."""

    __slots__ = ("clauses", "ends", "fuzzy", "segments", "starts", "words")

    def __init__(self) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.clauses: list[int] = []
        self.segments: list[int] = []
        self.fuzzy: list[bool] = []


def _correct(word: str, lex: Lexicon) -> str | None:
    """A lexicon word or stem close to a misspelled ``word`` (not in the list), or None."""
    if word.isdigit():
        return None
    if any(word.startswith(stem) for stem, _ in lex.stems_by_head.get(word[:3], ())):
        return None
    query = utils.default_process(word)
    # The candidates were processed with utils.default_process when the list was compiled.
    best = process.extractOne(
        query,
        lex.fuzzy_words.get(word[0], ()),
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=lex.word_cutoff,
    )
    if best is not None:
        return str(best[0])
    stem = process.extractOne(
        query,
        lex.fuzzy_stems.get(word[0], ()),
        scorer=fuzz.partial_ratio,
        processor=None,
        score_cutoff=lex.stem_cutoff,
    )
    return str(stem[0]) if stem is not None else None


def tokenize(norm: str, lex: Lexicon) -> Tokens:
    """Split normalised text into tokens with clause/segment numbers and fuzzy corrections."""
    toks = Tokens()
    words, starts, ends = toks.words, toks.starts, toks.ends
    clauses, segments, fuzzy = toks.clauses, toks.segments, toks.fuzzy
    abbreviations, known, min_length = lex.abbreviations, lex.words, lex.min_length
    clause = segment = 0
    prev_word = ""
    for match in _SCAN.finditer(norm):
        word = match.group(1)
        if word is None:
            strong = match.group(2)
            if strong is None:
                segment += 1
                continue
            if not (strong == "." and prev_word in abbreviations and words):
                clause += 1
                segment += 1
            prev_word = ""
            continue
        if "." in word:
            word = word.replace(".", "")
        prev_word = word
        start, end = match.span()
        expansion = abbreviations.get(word)
        fixed = None
        if expansion:
            for part in expansion:
                words.append(part)
                starts.append(start)
                ends.append(end)
                clauses.append(clause)
                segments.append(segment)
                fuzzy.append(False)
            continue
        if len(word) >= min_length and word not in known:
            fixed = _correct(word, lex)
        words.append(fixed or word)
        starts.append(start)
        ends.append(end)
        clauses.append(clause)
        segments.append(segment)
        fuzzy.append(fixed is not None)
    return toks


def _walk(
    node: PhraseNode, words: list[str], clauses: list[int], k: int, max_gap: int, out: Ends
) -> None:
    """Follow the trie from ``node`` with token ``k`` next; record the first end per phrase.

    Depth first, shortest gap first: each phrase gets the end it would get if matched alone.
    """
    for pattern in node.ends:
        if pattern not in out:
            out[pattern] = k
    if k < len(words) and clauses[k] == clauses[k - 1]:
        _step(node, words, clauses, k, max_gap, out)


def _step(
    node: PhraseNode, words: list[str], clauses: list[int], k: int, max_gap: int, out: Ends
) -> None:
    """Consume token ``k`` (known to be in the phrase's clause) from ``node``."""
    word = words[k]
    child = node.words.get(word)
    if child is not None:
        _walk(child, words, clauses, k + 1, max_gap, out)
    if node.stems:
        for stem, child in node.stems.items():
            if word.startswith(stem):
                _walk(child, words, clauses, k + 1, max_gap, out)
    if node.gap is not None:
        clause = clauses[k]
        for q in range(k, min(k + max_gap + 1, len(words))):
            if clauses[q] != clause:
                break
            _step(node.gap, words, clauses, q, max_gap, out)


def _phrases_at(toks: Tokens, i: int, lex: Lexicon) -> Ends:
    """Every phrase that starts at token ``i``, with its end index (exclusive)."""
    out: Ends = {}
    words, clauses = toks.words, toks.clauses
    word = words[i]
    child = lex.root.words.get(word)
    if child is not None:
        _walk(child, words, clauses, i + 1, lex.max_gap, out)
    for stem, child in lex.stems_by_head.get(word[:3], ()):
        if word.startswith(stem):
            _walk(child, words, clauses, i + 1, lex.max_gap, out)
    return out


def _cue_at(cue: Cue, words: list[str], start: int) -> bool:
    """Does the (multi-word) cue stand at ``start``? One-word cues were found by their word."""
    if len(cue.tokens) == 1:
        return True
    end = start + len(cue.tokens)
    return end <= len(words) and all(words[start + k] == w for k, w in enumerate(cue.tokens))


def _in_pseudo(words: list[str], q: int, lex: Lexicon) -> bool:
    """True when token ``q`` is part of a phrase that only looks like a negation."""
    if words[q] not in lex.pseudo_words:
        return False
    for phrase in lex.pseudo:
        for start in range(q - len(phrase) + 1, q + 1):
            if start >= 0 and all(
                start + k < len(words) and words[start + k] == w for k, w in enumerate(phrase)
            ):
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
    clause, between = clauses[i], 0
    for q in range(i - 1, max(-1, i - _MAX_LOOK), -1):
        if clauses[q] != clause:
            return False
        text = words[q]
        for cue in lex.before_by_last.get(text, ()):
            start = q - len(cue.tokens) + 1
            if start < 0 or (cue.only and hit_id not in cue.only) or not _cue_at(cue, words, start):
                continue
            if (
                between <= cue.window
                and _comma_ok(cue, toks, q, i)
                and not _in_pseudo(words, q, lex)
            ):
                return True
        if text in lex.scope_end:
            return False
        if text not in lex.filler:
            between += 1
    return False


def _negated_after(toks: Tokens, j: int, hit_id: str, lex: Lexicon) -> bool:
    words, clauses, segments = toks.words, toks.clauses, toks.segments
    clause, segment, between = clauses[j - 1], segments[j - 1], 0
    for q in range(j, min(len(words), j + _MAX_LOOK)):
        text = words[q]
        if clauses[q] != clause or text in _CONTRAST:
            return False
        for cue in lex.after_by_first.get(text, ()):
            if (cue.only and hit_id not in cue.only) or not _cue_at(cue, words, q):
                continue
            if (segments[q] != segment and not cue.crosses_comma) or _in_pseudo(words, q, lex):
                continue
            end = q + len(cue.tokens)
            final = end == len(words) or clauses[end] != clause
            if between <= cue.window and (final or not cue.final):
                return True
        if text not in lex.filler:
            between += 1
    return False


def detect(text: str, lexicon: Lexicon | None = None) -> list[Hit]:
    """All phrases of the word list in ``text``, in text order, each marked negated or not."""
    lex = lexicon or default_lexicon()
    toks = tokenize(normalise(text), lex)
    hits: list[Hit] = []
    seen: set[tuple[int, int, str]] = set()
    before: dict[tuple[int, str], bool] = {}
    after: dict[tuple[int, str], bool] = {}
    root_words, stem_heads = lex.root.words, lex.stem_heads
    for i, word in enumerate(toks.words):
        if word not in root_words and word[:3] not in stem_heads:
            continue
        for pattern, j in _phrases_at(toks, i, lex).items():
            hit_id = pattern.id
            if (i, j, hit_id) in seen:
                continue
            seen.add((i, j, hit_id))
            start, end = toks.starts[i], toks.ends[j - 1]
            if (i, hit_id) not in before:
                before[i, hit_id] = _negated_before(toks, i, hit_id, lex)
            negated = before[i, hit_id]
            if not negated:
                if (j, hit_id) not in after:
                    after[j, hit_id] = _negated_after(toks, j, hit_id, lex)
                negated = after[j, hit_id]
            fuzzy = any(toks.fuzzy[i:j])
            hits.append(Hit(pattern.kind, pattern.id, start, end, text[start:end], fuzzy, negated))
    return _dedupe(hits)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per id and overlapping stretch: the longest, a non-negated one first."""
    hits.sort(key=lambda h: (h.kind, h.id, h.negated, -(h.end - h.start), h.start))
    kept: list[Hit] = []
    for hit in hits:
        if any(
            k.kind == hit.kind and k.id == hit.id and k.start < hit.end and hit.start < k.end
            for k in kept
        ):
            continue
        kept.append(hit)
    kept.sort(key=lambda h: (h.start, h.end, h.kind, h.id))
    return kept


def detected_ids(hits: list[Hit], kind: str) -> list[str]:
    """Ids of one kind that have at least one non-negated hit, in text order."""
    seen: dict[str, None] = {}
    for hit in hits:
        if hit.kind == kind and not hit.negated:
            seen.setdefault(hit.id, None)
    return list(seen)
