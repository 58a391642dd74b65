"""Read complaint categories and signals from a free Dutch GP note, with spans and negation.

Pure functions of the note and the word list. Nothing of the note is kept between calls: the
word list is compiled once (a phrase trie, fuzzy candidates by first letter), the note's
tokens live only in the ``Tokens`` of one call.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .context import apply_context, apply_precedence
from .lexicon import (
    NO_STEM,
    Lexicon,
    Pattern,
    PhraseNode,
    default_lexicon,
    normalise,
    reachable,
)
from .negation import Negation
from .stemming import MIN_LENGTH, may_match
from .stemming import stem as stem_word

#: The note's tokens, each as one piece of ``re.split``: words (dotted abbreviations whole),
#: runs of sentence ends, comma-like breaks (",", brackets, dashes, " - "), and marks that only
#: the context step needs (":", "+", "/", a dash without spaces around it). Splitting (one C
#: call, offsets from the lengths) is cheaper than a match object per token; possessive
#: repeats (``++``) spare the regex engine its backtracking records.
_SPLIT = re.compile(
    r"((?:[a-z]\.){2,}+[a-z]?|[a-z0-9]++|[.;!?\n]++"  # words, abbreviations, sentence ends
    r"|[,()\u2013\u2014]|\s-\s|[:+/-])"  # breaks, marks
)
_WORD_START = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_STOPS = frozenset(".;!?\n")
_CONTEXT_ONLY = frozenset(":+/-")
_JOINERS = frozenset({"en", "of", "maar", "wel", "echter"})
Ends = dict[Pattern, int]
new_hit = tuple.__new__  # a Hit from a full tuple, without the Python-level ``Hit.__new__``


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
    """The words of one note as parallel lists: normalised text, stem, clause, segment and
    character offsets, plus the positions of typo fixes, the words a gap may not skip (the
    word list's) and where the marks the context step reads stand (see ``context.from_reader``)."""

    __slots__ = (
        "clauses",
        "ends",
        "fixed",
        "gap_stops",
        "marks",
        "segments",
        "starts",
        "stems",
        "words",
    )

    def __init__(self, gap_stops: frozenset[str] = frozenset()) -> None:
        self.words: list[str] = []
        self.stems: list[str] = []
        self.clauses: list[int] = []
        self.segments: list[int] = []
        #: Offsets of each token's word in the note (an abbreviation's words share its own).
        self.starts: list[int] = []
        self.ends: list[int] = []
        #: Offsets of the punctuation marks ``.;!?\n,:+/-`` outside words, in text order.
        self.marks: list[int] = []
        self.fixed: set[int] = set()
        self.gap_stops = gap_stops


def _correct(word: str, lex: Lexicon) -> str | None:
    """A lexicon word or stem close to a misspelled ``word`` (not in the list), or None."""
    if word.isdigit():
        return None
    if any(word.startswith(stem) for stem, _ in lex.stems_by_head.get(word[:3], ())):
        return None
    # A token is ``[a-z0-9]+``, on which ``utils.default_process`` changes nothing; the
    # candidates were processed with it when the list was compiled.
    query = word
    best = process.extractOne(
        query,
        _candidates(word, lex),
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


def _candidates(word: str, lex: Lexicon) -> list[str]:
    """The listed words with the same first letter that ``word`` may be a typo of, judged by
    length alone (the others cannot reach the cutoff; their order is kept for ties)."""
    found = lex.fuzzy_by_length.get((word[0], len(word)))
    if found is None:  # a word longer than the table goes
        found = reachable(len(word), lex.fuzzy_words.get(word[0], []), lex.word_cutoff)
    return found


def stem_of(word: str, lex: Lexicon) -> str:
    """The stem of a note's word; the word itself when no stem of the list could match it."""
    found = lex.stem_table.get(word)
    if found is not None:
        return found
    if len(word) < MIN_LENGTH:
        return NO_STEM
    if word.isdigit():
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
    toks = Tokens(lex.gap_stops)
    words, stems, clauses, segments = toks.words, toks.stems, toks.clauses, toks.segments
    starts, ends, marks = toks.starts, toks.ends, toks.marks
    table, expansions, plain = lex.stem_table, lex.expansions, lex.plain_stems
    short = min(MIN_LENGTH, lex.min_length)  # shorter words are neither stemmed nor corrected
    clause = segment = 0
    prev_word = ""
    parts = _SPLIT.split(norm)
    pos = len(parts[0])
    for k in range(1, len(parts), 2):
        word = parts[k]
        start = pos
        end = pos + len(word)
        pos = end + len(parts[k + 1])
        first = word[0]
        if first not in _WORD_START:
            if first in _STOPS:
                marks.extend(range(start, end))
                if not (word == "." and prev_word in expansions and words):
                    clause += 1
                    segment += 1
                prev_word = ""
            elif first in _CONTEXT_ONLY:
                marks.append(start)  # a mark for the context step only
            else:
                segment += 1
                if first == ",":
                    marks.append(start)
                elif first not in "()\u2013\u2014":  # " - ": the dash, and a line end after it
                    marks.append(start + 1)
                    if word[2] == "\n":
                        marks.append(start + 2)
            continue
        known = plain.get(word)
        if known is None:
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
                    starts.append(start)
                    ends.append(end)
                continue
            known = table.get(word)
            if known is None:
                if len(word) < short or word.isdigit():
                    # too short to stem or correct (no stem), or a number (itself)
                    known = NO_STEM if len(word) < MIN_LENGTH else word
                else:
                    word, known, fixed = _unknown(word, lex)
                    if fixed:
                        toks.fixed.add(len(words))
        else:
            prev_word = word
        words.append(word)
        stems.append(known)
        clauses.append(clause)
        segments.append(segment)
        starts.append(start)
        ends.append(end)
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
    if node.stems or toks.words[k] in node.keys or toks.stems[k] in node.keys:
        _enter(node, toks, k, max_gap, out)
    gap = node.gap
    if gap is None:
        return
    words, stems, clauses = toks.words, toks.stems, toks.clauses
    clause, keys, simple = clauses[k], gap.keys, gap.gap is None and not gap.stems
    stops = toks.gap_stops
    for q in range(k, min(k + max_gap + 1, len(clauses))):
        if clauses[q] != clause:
            break
        word = words[q]
        if simple and word not in keys and stems[q] not in keys:
            pass  # most skipped words go nowhere: no call for them
        elif gap.gap is None:
            _enter(gap, toks, q, max_gap, out)
        else:
            _step(gap, toks, q, max_gap, out)
        if word in stops:
            break  # a gap never skips a negation word ("zit niet alleen", "slaapt niet slecht")


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


def _loose_ok(toks: Tokens, i: int, j: int, lex: Lexicon) -> bool:
    """A word-order variant holds within one comma-free stretch, skipping no negation word,
    "en", "of" or contrast word ("eet slecht en slaapt goed" is no "slaapt slecht")."""
    if toks.segments[i] != toks.segments[j - 1]:
        return False
    negators = lex.negators
    return not any(w in negators or w in _JOINERS for w in toks.words[i + 1 : j - 1])


def detect(text: str, lexicon: Lexicon | None = None) -> list[Hit]:
    """All phrases of the word list in ``text``, in text order, each marked negated or not."""
    lex = lexicon or default_lexicon()
    norm = normalise(text)
    toks = tokenize(norm, lex)
    negated = Negation(toks, lex)
    hits: list[Hit] = []
    seen: set[tuple[int, int, str]] = set()
    words, stems, starts, ends, fixed = toks.words, toks.stems, toks.starts, toks.ends, toks.fixed
    clauses, count = toks.clauses, len(toks.words)
    known, max_gap, root, heads = lex.first_nodes, lex.max_gap, lex.root, lex.stem_heads
    first_cue = negated.first
    for i, word in enumerate(words):
        firsts = known.get(word)
        if firsts is None:
            if word[:3] not in heads and stems[i] not in root.stemmed and word not in root.words:
                continue  # no phrase starts with this unknown word
            firsts = root.first_nodes(word, stems[i], lex.stems_by_head)
        if not firsts:
            continue
        found: Ends = {}
        k = i + 1
        for child in firsts:  # ``_walk`` inlined: most phrases end here or go nowhere
            for pattern in child.ends:
                if pattern not in found:
                    found[pattern] = k
            if not child.more or k == count or clauses[k] != clauses[i]:
                continue
            if child.gap is None and not child.stems:
                keys = child.keys
                if words[k] not in keys and stems[k] not in keys:
                    continue
            _step(child, toks, k, max_gap, found)
        for pattern, j in found.items():
            key, loose = (i, j, pattern.id), pattern.loose
            if key in seen or (loose and not _loose_ok(toks, i, j, lex)):
                continue
            seen.add(key)
            start, end = starts[i], ends[j - 1]
            fuzzy = bool(fixed) and any(k in fixed for k in range(i, j))
            # A clause without a cue word negates nothing: no call for it.
            no = clauses[i] in first_cue and negated.holds(i, j, pattern.id)
            span = text[start:end]
            hit = (pattern.kind, pattern.id, start, end, span, fuzzy, no, loose)
            hits.append(new_hit(Hit, hit))
    hits = apply_context(text, _dedupe(hits), reader=(norm, starts, ends, toks.marks))
    if len(hits) < 2:
        return hits

    def sentence_of(hit: Hit) -> int:
        return clauses[bisect_left(starts, hit.start)]

    return apply_precedence(hits, sentence_of)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per id and overlapping stretch: non-negated first, then the phrase as listed
    before a word-order variant, then the longest."""
    ordered = sorted(hits, key=_text_order)
    # The usual case: no two hits of one id overlap (a note may name an id twice, apart).
    reach: dict[str, int] = {}
    for hit in ordered:
        key = hit.kind + hit.id
        end = reach.get(key, -1)
        if hit.start < end:
            break
        reach[key] = max(end, hit.end)
    else:
        return ordered
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
    kept.sort(key=_text_order)
    return kept


#: A hit's place in the text: start, end, kind, id (a C function, cheap as a sort key).
_text_order = attrgetter("start", "end", "kind", "id")


def detected_ids(hits: list[Hit], kind: str) -> list[str]:
    """Ids of one kind that have at least one non-negated hit, in text order."""
    seen: dict[str, None] = {}
    for hit in hits:
        if hit.kind == kind and not hit.negated:
            seen.setdefault(hit.id, None)
    return list(seen)
