"""Read complaint categories and signals from a free Dutch GP note, with spans and negation.

Pure functions of the note and the word list. Nothing of the note is kept between calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from .lexicon import GAP, Cue, Lexicon, Pattern, default_lexicon, normalise

_SCAN = re.compile(
    r"(?P<word>(?:[a-z]\.){2,}[a-z]?|[a-z0-9]+)|(?P<strong>[.;!?\n]+)|(?P<weak>[,()\u2013\u2014]|\s-\s)"
)
_CONTRAST = frozenset({"maar", "wel", "echter", "doch", "behalve", "want", "omdat"})
_MAX_LOOK = 14


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the note: normalised text, original offsets, clause and comma segment."""

    text: str
    start: int
    end: int
    clause: int
    segment: int
    fuzzy: bool = False


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


def _correct(word: str, lex: Lexicon) -> str | None:
    """A lexicon word or stem close to a misspelled ``word``, or None."""
    if len(word) < lex.min_length or word in lex.words or word.isdigit():
        return None
    if word[:3] in lex.stem_heads and any(word[:n] in lex.by_stem for n in range(3, len(word) + 1)):
        return None
    best = process.extractOne(
        word,
        lex.fuzzy_words.get(word[0], ()),
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=lex.word_cutoff,
    )
    if best is not None:
        return str(best[0])
    stem = process.extractOne(
        word,
        lex.fuzzy_stems.get(word[0], ()),
        scorer=fuzz.partial_ratio,
        processor=utils.default_process,
        score_cutoff=lex.stem_cutoff,
    )
    return str(stem[0]) if stem is not None else None


def tokenize(norm: str, lex: Lexicon) -> list[Token]:
    """Split normalised text into tokens with clause/segment numbers and fuzzy corrections."""
    tokens: list[Token] = []
    clause = segment = 0
    prev_word = ""
    for match in _SCAN.finditer(norm):
        kind = match.lastgroup
        if kind == "strong":
            if not (match.group() == "." and prev_word in lex.abbreviations and tokens):
                clause += 1
                segment += 1
            prev_word = ""
            continue
        if kind == "weak":
            segment += 1
            continue
        word = match.group().replace(".", "")
        prev_word = word
        start, end = match.start(), match.end()
        expansion = lex.abbreviations.get(word)
        if expansion:
            tokens.extend(Token(w, start, end, clause, segment) for w in expansion)
            continue
        fixed = _correct(word, lex)
        tokens.append(Token(fixed or word, start, end, clause, segment, fixed is not None))
    return tokens


def _part_ok(part: str, word: str) -> bool:
    return word.startswith(part[:-1]) if part.endswith("*") else word == part


def _match_at(parts: tuple[str, ...], tokens: list[Token], i: int, max_gap: int) -> int:
    """End index (exclusive) of ``parts`` matched from token ``i`` within one clause, or -1."""
    if len(parts) == 1:
        return i + 1 if _part_ok(parts[0], tokens[i].text) else -1
    clause = tokens[i].clause
    if not parts:
        return i
    if parts[0] == GAP:
        for skip in range(max_gap + 1):
            if i + skip >= len(tokens) or tokens[i + skip].clause != clause:
                return -1
            end = _match_at(parts[1:], tokens, i + skip, max_gap)
            if end >= 0:
                return end
        return -1
    if not _part_ok(parts[0], tokens[i].text):
        return -1
    if len(parts) == 1:
        return i + 1
    if i + 1 >= len(tokens) or tokens[i + 1].clause != clause:
        return -1
    return _match_at(parts[1:], tokens, i + 1, max_gap)


def _candidates(word: str, lex: Lexicon) -> list[Pattern]:
    found = list(lex.by_word.get(word, ()))
    if word[:3] not in lex.stem_heads:
        return found
    for n in range(3, len(word) + 1):
        found.extend(lex.by_stem.get(word[:n], ()))
    return found


def _cue_at(cue: Cue, tokens: list[Token], start: int) -> bool:
    end = start + len(cue.tokens)
    return end <= len(tokens) and all(tokens[start + k].text == w for k, w in enumerate(cue.tokens))


def _in_pseudo(tokens: list[Token], q: int, lex: Lexicon) -> bool:
    """True when token ``q`` is part of a phrase that only looks like a negation."""
    for phrase in lex.pseudo:
        for start in range(q - len(phrase) + 1, q + 1):
            if start >= 0 and all(
                start + k < len(tokens) and tokens[start + k].text == w
                for k, w in enumerate(phrase)
            ):
                return True
    return False


def _comma_ok(cue: Cue, tokens: list[Token], q: int, i: int) -> bool:
    """May the cue at ``q`` reach the hit at ``i``, given the commas between them?"""
    if cue.crosses_comma or tokens[q].segment == tokens[i].segment:
        return True
    if not cue.list_comma:
        return False
    segment = tokens[i].segment
    return any(t.text == "of" for t in tokens[i:] if t.segment == segment)


def _negated_before(tokens: list[Token], i: int, hit_id: str, lex: Lexicon) -> bool:
    clause, between = tokens[i].clause, 0
    for q in range(i - 1, max(-1, i - _MAX_LOOK), -1):
        tok = tokens[q]
        if tok.clause != clause:
            return False
        for cue in lex.before_by_last.get(tok.text, ()):
            start = q - len(cue.tokens) + 1
            if (
                start < 0
                or (cue.only and hit_id not in cue.only)
                or not _cue_at(cue, tokens, start)
            ):
                continue
            if (
                between <= cue.window
                and _comma_ok(cue, tokens, q, i)
                and not _in_pseudo(tokens, q, lex)
            ):
                return True
        if tok.text in lex.scope_end:
            return False
        if tok.text not in lex.filler:
            between += 1
    return False


def _negated_after(tokens: list[Token], j: int, hit_id: str, lex: Lexicon) -> bool:
    clause, segment, between = tokens[j - 1].clause, tokens[j - 1].segment, 0
    for q in range(j, min(len(tokens), j + _MAX_LOOK)):
        tok = tokens[q]
        if tok.clause != clause or tok.text in _CONTRAST:
            return False
        for cue in lex.after_by_first.get(tok.text, ()):
            if (cue.only and hit_id not in cue.only) or not _cue_at(cue, tokens, q):
                continue
            if (tok.segment != segment and not cue.crosses_comma) or _in_pseudo(tokens, q, lex):
                continue
            end = q + len(cue.tokens)
            final = end == len(tokens) or tokens[end].clause != clause
            if between <= cue.window and (final or not cue.final):
                return True
        if tok.text not in lex.filler:
            between += 1
    return False


def detect(text: str, lexicon: Lexicon | None = None) -> list[Hit]:
    """All phrases of the word list in ``text``, in text order, each marked negated or not."""
    lex = lexicon or default_lexicon()
    tokens = tokenize(normalise(text), lex)
    hits: list[Hit] = []
    seen: set[tuple[int, int, str]] = set()
    for i, tok in enumerate(tokens):
        for pattern in _candidates(tok.text, lex):
            j = _match_at(pattern.parts, tokens, i, lex.max_gap)
            if j < 0 or (i, j, pattern.id) in seen:
                continue
            seen.add((i, j, pattern.id))
            start, end = tokens[i].start, tokens[j - 1].end
            negated = _negated_before(tokens, i, pattern.id, lex) or _negated_after(
                tokens, j, pattern.id, lex
            )
            fuzzy = any(t.fuzzy for t in tokens[i:j])
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
