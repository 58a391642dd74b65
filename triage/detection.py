"""Read complaint categories and signals from a free Dutch GP note, with spans and negation.

Pure functions of the note and the word list. Nothing of the note is kept between calls: the
word list is compiled once (a phrase trie, fuzzy candidates by first letter), the note's
tokens live only in the ``Tokens`` of one call.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import fuzz, process, utils

from .lexicon import NUMBER, Cue, Lexicon, Pattern, PhraseNode, default_lexicon, normalise
from .stemming import MIN_LENGTH, may_match
from .stemming import stem as stem_word

_SCAN = re.compile(r"((?:[a-z]\.){2,}[a-z]?|[a-z0-9]+)|([.;!?\n]+)|[,()\u2013\u2014]|\s-\s")
_CONTRAST = frozenset({"maar", "wel", "echter", "doch", "behalve", "want", "omdat"})
_JOINERS = frozenset({"en", "of", "maar", "wel", "echter"})
_MAX_LOOK = 14
Ends = dict[Pattern, int]


class Hit(NamedTuple):
    """One phrase of the word list found in the note (immutable; a named tuple is cheap to make)."""

    kind: str
    id: str
    start: int
    end: int
    text: str
    fuzzy: bool
    negated: bool
    #: Read through a word-order variant ("slecht geslapen" for "slaapt slecht").
    variant: bool = False


class Tokens:
    """The words of one note as parallel lists: normalised text, stem, clause, segment and the
    regex match (for offsets), plus the positions of typo fixes."""

    __slots__ = ("clauses", "fixed", "matches", "segments", "stems", "words")

    def __init__(self) -> None:
        self.words: list[str] = []
        self.stems: list[str] = []
        self.clauses: list[int] = []
        self.segments: list[int] = []
        self.matches: list[re.Match[str]] = []
        self.fixed: set[int] = set()


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


def stem_of(word: str, lex: Lexicon) -> str:
    """The stem of a note's word; the word itself when no stem of the list could match it."""
    found = lex.stem_table.get(word)
    if found is not None:
        return found
    if len(word) < MIN_LENGTH or word.isdigit():
        return word
    return stem_word(word) if may_match(word, lex.stem_keys) else word


def _unknown(word: str, lex: Lexicon) -> tuple[str, str, bool]:
    """A word the list does not know: (word, stem, False), or (fix, its stem, True) for a typo."""
    stemmed = stem_of(word, lex)
    if len(word) >= lex.min_length and stemmed not in lex.known_stems:
        fixed = _correct(word, lex)
        if fixed is not None:
            return fixed, lex.stem_table[fixed], True
    return word, stemmed, False


def tokenize(norm: str, lex: Lexicon) -> Tokens:
    """Split normalised text into tokens with clause/segment numbers, stems and typo fixes."""
    toks = Tokens()
    words, stems, clauses = toks.words, toks.stems, toks.clauses
    segments, matches = toks.segments, toks.matches
    table, expansions = lex.stem_table, lex.expansions
    clause = segment = 0
    prev_word = ""
    for match in _SCAN.finditer(norm):
        kind = match.lastindex
        if kind != 1:
            if kind is None:
                segment += 1
            else:
                if not (match.group(2) == "." and prev_word in expansions and words):
                    clause += 1
                    segment += 1
                prev_word = ""
            continue
        word = match.group(1)
        if "." in word:
            word = word.replace(".", "")
        prev_word = word
        expansion = expansions.get(word)
        if expansion:
            for part, stemmed in expansion:
                words.append(part)
                stems.append(stemmed)
                clauses.append(clause)
                segments.append(segment)
                matches.append(match)
            continue
        stemmed = table.get(word)
        if stemmed is None:
            word, stemmed, fixed = _unknown(word, lex)
            if fixed:
                toks.fixed.add(len(words))
        words.append(word)
        stems.append(stemmed)
        clauses.append(clause)
        segments.append(segment)
        matches.append(match)
    return toks


def _walk(node: PhraseNode, toks: Tokens, k: int, max_gap: int, out: Ends) -> None:
    """Follow the trie from ``node`` with token ``k`` next; record the first end per phrase.

    Depth first, shortest gap first: each phrase gets the end it would get if matched alone.
    """
    for pattern in node.ends:
        if pattern not in out:
            out[pattern] = k
    if not node.more:
        return
    clauses = toks.clauses
    if k >= len(clauses) or clauses[k] != clauses[k - 1]:
        return
    if node.gap is None and not node.stems:
        keys = node.keys
        if toks.words[k] not in keys and toks.stems[k] not in keys:
            return  # the usual case: the next word goes nowhere
    _step(node, toks, k, max_gap, out)


def _step(node: PhraseNode, toks: Tokens, k: int, max_gap: int, out: Ends) -> None:
    """Consume token ``k`` (known to be in the phrase's clause) from ``node``."""
    _enter(node, toks, k, max_gap, out)
    gap = node.gap
    if gap is None:
        return
    words, stems, clauses = toks.words, toks.stems, toks.clauses
    clause, keys, simple = clauses[k], gap.keys, gap.gap is None and not gap.stems
    for q in range(k, min(k + max_gap + 1, len(clauses))):
        if clauses[q] != clause:
            break
        if simple and words[q] not in keys and stems[q] not in keys:
            continue  # most skipped words go nowhere: no call for them
        if gap.gap is None:
            _enter(gap, toks, q, max_gap, out)
        else:
            _step(gap, toks, q, max_gap, out)


def _enter(node: PhraseNode, toks: Tokens, k: int, max_gap: int, out: Ends) -> None:
    """Go on from ``node`` with token ``k`` by word, by stem or by ``stam*``."""
    word = toks.words[k]
    if node.words:
        child = node.words.get(word)
        if child is not None:
            _walk(child, toks, k + 1, max_gap, out)
    if node.stemmed:
        child = node.stemmed.get(toks.stems[k])
        if child is not None:
            _walk(child, toks, k + 1, max_gap, out)
    if node.stems:
        for prefix, child in node.stems.items():
            if word.startswith(prefix):
                _walk(child, toks, k + 1, max_gap, out)


def _phrases_at(toks: Tokens, i: int, firsts: tuple[PhraseNode, ...], max_gap: int) -> Ends:
    """Every phrase that starts at token ``i`` (entered through ``firsts``), with its end."""
    out: Ends = {}
    for child in firsts:
        _walk(child, toks, i + 1, max_gap, out)
    return out


def _loose_ok(toks: Tokens, i: int, j: int, lex: Lexicon) -> bool:
    """A word-order variant holds within one comma-free stretch, skipping no negation word,
    "en", "of" or contrast word ("eet slecht en slaapt goed" is no "slaapt slecht")."""
    if toks.segments[i] != toks.segments[j - 1]:
        return False
    negators = lex.negators
    return not any(w in negators or w in _JOINERS for w in toks.words[i + 1 : j - 1])


def _cue_at(cue: Cue, words: list[str], start: int) -> bool:
    """Does the (multi-word) cue stand at ``start``? One-word cues were found by their word."""
    if len(cue.tokens) == 1:
        return True
    end = start + len(cue.tokens)
    return end <= len(words) and all(
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
    for q in range(i - 1, max(-1, i - _MAX_LOOK), -1):
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


class _Negation:
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

    def __call__(self, i: int, j: int, hit_id: str) -> bool:
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


def detect(text: str, lexicon: Lexicon | None = None) -> list[Hit]:
    """All phrases of the word list in ``text``, in text order, each marked negated or not."""
    lex = lexicon or default_lexicon()
    toks = tokenize(normalise(text), lex)
    negated = _Negation(toks, lex)
    hits: list[Hit] = []
    seen: set[tuple[int, int, str]] = set()
    stems, known, max_gap = toks.stems, lex.first_nodes, lex.max_gap
    for i, word in enumerate(toks.words):
        firsts = known.get(word)
        if firsts is None:
            firsts = lex.root.first_nodes(word, stems[i], lex.stems_by_head)
        if not firsts:
            continue
        for pattern, j in _phrases_at(toks, i, firsts, max_gap).items():
            key = (i, j, pattern.id)
            if key in seen or (pattern.loose and not _loose_ok(toks, i, j, lex)):
                continue
            seen.add(key)
            start, end = toks.matches[i].start(), toks.matches[j - 1].end()
            fuzzy = bool(toks.fixed) and any(k in toks.fixed for k in range(i, j))
            no = negated(i, j, pattern.id)
            hits.append(
                Hit(pattern.kind, pattern.id, start, end, text[start:end], fuzzy, no, pattern.loose)
            )
    return _dedupe(hits)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per id and overlapping stretch: non-negated first, then the phrase as listed
    before a word-order variant, then the longest."""
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.kind, hit.id), []).append(hit)
    kept: list[Hit] = []
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        group.sort(key=lambda h: (h.negated, h.variant, h.start - h.end, h.start))
        chosen: list[Hit] = []
        for hit in group:
            if not any(k.start < hit.end and hit.start < k.end for k in chosen):
                chosen.append(hit)
        kept += chosen
    kept.sort(key=lambda h: (h.start, h.end, h.kind, h.id))
    return kept


def detected_ids(hits: list[Hit], kind: str) -> list[str]:
    """Ids of one kind that have at least one non-negated hit, in text order."""
    seen: dict[str, None] = {}
    for hit in hits:
        if hit.kind == kind and not hit.negated:
            seen.setdefault(hit.id, None)
    return list(seen)
