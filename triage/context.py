"""Context of a phrase read from a note: who has it, when, and was it a question answered no.

The ConText idea of clinical NLP (NegEx/ConText; ContextD for Dutch clinical text): besides
negation, a finding has an experiencer (the patient or someone else) and a temporality (now or
only in the past), and GP notes often write a finding as a question with its answer
("suïcidaliteit? nee", "SI: neg", "drugs 0"). A hit about someone else, only about the past, or
answered no does not count: :func:`apply_context` marks it ``negated``.

Cues, classes, scopes and answers are data (``data/triage/context.yaml``), validated on load by
:mod:`triage.context_rules`. A note without hits costs nothing; called without the reader's
tokens, a note without any word a cue or answer could start with costs one regex search (the
reader's notes skip that test: nearly all hold "en" or "of").
Nothing of a note is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .context_rules import (
    ANY,
    NUMBER,
    YEAR,
    Answers,
    Context,
    Cue,
    Lists,
    Question,
    Scope,
    default_context,
)
from .lexicon import normalise

if TYPE_CHECKING:
    from .detection import Hit

#: Words as the note reader finds them (a dotted abbreviation is one word).
_WORDS = re.compile(r"(?:[a-z]\.){2,}[a-z]?|[a-z0-9]+")
_MARK = re.compile(r"[.;!?\n,:+/-]")
_SENTENCE_END = frozenset({".", ";", "!", "?", "\n"})
_ANSWER_END = frozenset({".", ";", "!", "\n", ","})
_BEFORE_ANSWER = frozenset({"?", ":", ",", "-"})
#: What joins the hits of a list that shares one condition ("bij somberheid, angst of ...").
_LIST_JOINERS = frozenset({"en", "of", ","})
_ARTICLES = frozenset({"een", "de", "het"})
#: How many more words a hypothetical cue reaches into a list with "en" or "of".
_LIST_WORDS = 4
#: A pause between a condition and its advice ("bij twijfel: bellen", "bij X, direct bellen").
_PAUSE = frozenset({",", ":", "-"})


class Token:
    """One word or punctuation mark of the note, with its sentence and comma segment.

    A plain class with slots: compiled (see the README), its fields are read directly.
    """

    __slots__ = ("end", "segment", "sentence", "start", "text", "word")

    def __init__(
        self, text: str, start: int, end: int, sentence: int, segment: int, word: bool
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.segment = segment
        self.word = word

    def _fields(self) -> tuple[str, int, int, int, int, bool]:
        return self.text, self.start, self.end, self.sentence, self.segment, self.word

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        text, start, end, sentence, segment, word = self._fields()
        return f"Token({text!r}, {start}, {end}, sentence={sentence}, segment={segment}, {word})"


def tokenize(norm: str, no_stop: frozenset[str] = frozenset()) -> list[Token]:
    """Words and punctuation of normalised text, numbered by sentence and comma segment.

    A full stop right after a word of ``no_stop`` ("pt.", "fam.") does not end the sentence.
    """
    return from_reader(norm, *_scan(norm), no_stop)[0]


def _scan(norm: str) -> tuple[list[int], list[int], list[int]]:
    """Where the words of :data:`_WORDS` start and end, and where the marks outside them stand
    (the dots of "i.v.m." are part of its word)."""
    starts: list[int] = []
    ends: list[int] = []
    inside: set[int] = set()
    for match in _WORDS.finditer(norm):
        start, end = match.span()
        starts.append(start)
        ends.append(end)
        if "." in match.group():
            inside.update(range(start, end))
    marks = [mark.start() for mark in _MARK.finditer(norm) if mark.start() not in inside]
    return starts, ends, marks


def from_reader(
    norm: str,
    starts: list[int],
    ends: list[int],
    marks: list[int],
    no_stop: frozenset[str],
    wanted: frozenset[str] | None = None,
) -> tuple[list[Token], dict[str, list[int]]]:
    """The note's tokens from where its words and marks stand (the reader's, or
    :func:`_scan`'s), and where each word stands (numbers also under ``#``).

    ``starts`` and ``ends`` hold one entry per word of :data:`_WORDS`; an abbreviation the
    reader expands repeats its entry. ``marks`` are the offsets of the punctuation marks
    outside words. A full stop right after a word of ``no_stop`` does not end the sentence.
    With ``wanted``, only the positions of those words (and of numbers) are recorded.
    """
    out: list[Token] = []
    positions: dict[str, list[int]] = {}
    sentence = segment = m = n = 0
    previous = ""
    last = -1
    count, mark_count = len(starts), len(marks)
    for k in range(count + 1):
        start = starts[k] if k < count else len(norm) + 1
        if start == last:
            continue  # the next word of an expanded abbreviation
        last = start
        while m < mark_count and marks[m] < start:
            at = marks[m]
            text = norm[at]
            m += 1
            if text == "." and previous in no_stop:
                continue
            out.append(Token(text, at, at + 1, sentence, segment, False))
            n += 1
            if text in _SENTENCE_END:
                sentence += 1
                segment += 1
            elif text == ",":
                segment += 1
            previous = text
        if k == count:
            break
        end = ends[k]
        text = norm[start:end]
        if "." in text:
            text = text.replace(".", "")
        if wanted is None or text in wanted:
            found = positions.get(text)
            if found is None:
                positions[text] = [n]
            else:
                found.append(n)
        if text.isdigit():
            positions.setdefault(NUMBER, []).append(n)
        out.append(Token(text, start, end, sentence, segment, True))
        n += 1
        previous = text
    return out, positions


def _common(positions: dict[str, list[int]], words: Collection[str]) -> list[str]:
    """The words of ``words`` that stand in the note (looked up from the smaller side)."""
    if len(words) < len(positions):
        return [word for word in words if word in positions]
    return [word for word in positions if word in words]


def _phrase_at(parts: Sequence[frozenset[str] | str], toks: list[Token], k: int) -> bool:
    if k + len(parts) > len(toks):
        return False
    sentence = toks[k].sentence
    for part in parts:
        tok = toks[k]
        if tok.sentence != sentence or not tok.word:
            return False
        text = tok.text
        if part.__class__ is frozenset:
            if text not in part:
                return False
        elif part == NUMBER:
            if not text.isdigit():
                return False
        elif part == YEAR:
            if len(text) != 4 or not text.isdigit():
                return False
        elif part != ANY and text != part:
            return False
        k += 1
    return True


def _reach(toks: list[Token], start: int, stop: int, cue: Cue, scope: Scope) -> bool:
    """Can a cue reach over tokens ``start:stop`` (the words between it and the hit)?"""
    words = 0
    for tok in toks[start:stop]:
        if tok.text == "," and not cue.crosses_comma:
            return False
        if tok.text in _SENTENCE_END or tok.text in scope.stop:
            return False
        words += tok.word
    return words <= cue.window


@cache
def _in_list(cue: Cue) -> Cue:
    """The cue as it reaches into a list: over its commas and a few more words."""
    return replace(cue, crosses_comma=True, window=cue.window + _LIST_WORDS)


def _words_between(toks: list[Token], start: int, stop: int, commas: int) -> int:
    """The words between tokens ``start`` and ``stop`` in one sentence, or a large number when
    more than ``commas`` commas (or another mark) stand between them."""
    words = 0
    for tok in toks[start:stop]:
        if tok.word:
            words += 1
        elif tok.text in _PAUSE and commas > 0:
            commas -= 1
        else:
            return 99
    return words


def _alone(toks: list[Token], k: int, end: int) -> bool:
    """Is the cue at ``k:end`` the whole of its comma segment?"""
    segment = toks[k].segment
    before = k > 0 and toks[k - 1].segment == segment and toks[k - 1].word
    after = end < len(toks) and toks[end].segment == segment and toks[end].word
    return not before and not after


def _cue_places(
    toks: list[Token],
    scope: Scope,
    positions: dict[str, list[int]],
    index: dict[str, tuple[tuple[Cue, int], ...]] | None = None,
) -> list[tuple[int, int, Cue]]:
    """Every place in the note where a cue of ``scope`` (or of ``index``, some of its cues by
    their anchor) stands, with its token span (in no particular order)."""
    places = []
    index = scope.by_anchor if index is None else index
    starts = [
        (k - at, cue)
        for word in _common(positions, index)
        for k in positions[word]
        for cue, at in index[word]
        if k >= at
    ]
    for k, cue in starts:
        if not _phrase_at(cue.tokens, toks, k):
            continue
        end = k + len(cue.tokens)
        if k > 0 and not cue.any_before and toks[k - 1].text in scope.not_after:
            continue
        if (
            k > 0
            and not cue.any_before
            and toks[k - 1].text in scope.not_after_ends
            and any(
                k >= len(words)
                and all(toks[k - len(words) + n].text == w for n, w in enumerate(words))
                for words in scope.not_after_phrases
            )
        ):
            continue
        if cue.alone and not _alone(toks, k, end):
            continue
        if cue.sentence_start and k > 0 and toks[k - 1].sentence == toks[k].sentence:
            continue
        if cue.sentence_end and end < len(toks) and toks[end].text not in _SENTENCE_END:
            continue
        places.append((k, end, cue))
    return places


def _in_scope(
    places: Iterable[tuple[int, int, Cue]],
    toks: list[Token],
    span: tuple[int, int, str],
    scope: Scope,
) -> bool:
    i, j, hit_id = span
    kind = scope.kind_applies(hit_id)
    for k, end, cue in places:
        if toks[k].sentence != toks[i].sentence:
            continue
        if (hit_id not in cue.only) if cue.only else not kind:
            continue  # a cue with ids of its own, or one of a kind that does not concern the hit
        if cue.direction == "after" and end <= i and _reach(toks, end, i, cue, scope):
            return True
        if cue.direction == "before" and j <= k and _reach(toks, j, k, cue, scope):
            return True
    return False


def _sections(
    toks: list[Token], sections: tuple[tuple[str, ...], ...], positions: dict[str, list[int]]
) -> set[int]:
    """The sentences that open with a family-history heading ("FA: ...")."""
    found = set()
    firsts = {words[0] for words in sections}
    for k in (k for word in _common(positions, firsts) for k in positions[word]):
        tok = toks[k]
        if k > 0 and toks[k - 1].sentence == tok.sentence:
            continue
        for words in sections:
            end = k + len(words)
            if end < len(toks) and _phrase_at(words, toks, k) and toks[end].text in (":", "-"):
                found.add(tok.sentence)
    return found


def _answer_at(toks: list[Token], k: int, answers: Answers, *, anywhere: bool = False) -> bool:
    """Does an answer stand at token ``k``, followed by the end of the sentence or a comma
    (or by anything, with ``anywhere``)?"""
    if k >= len(toks) or toks[k].text not in answers.first:
        return False
    for answer in answers.phrases:
        end = k + len(answer)
        if end <= len(toks) and all(toks[k + n].text == w for n, w in enumerate(answer)):
            if anywhere or end == len(toks) or toks[end].text in _ANSWER_END:
                return True
            # "somatisatie laag -> niet verhoogd"; not a range ("drugs 0-1 keer per week")
            if toks[end].text == "-" and not toks[end - 1].text.isdigit():
                return True
    return False


def _answered_no(toks: list[Token], k: int, q: Question, answers: Answers) -> bool:
    """Is the question ending before token ``k`` answered no (one of ``answers``) from ``k`` on?"""
    # "HG uitgevraagd, geen aanwijzingen", "ADHD: uitgevraagd, geen aanwijzingen"
    while k < len(toks) and (
        toks[k].text in q.asked
        or (toks[k].text in _PAUSE and k + 1 < len(toks) and toks[k + 1].text in q.asked)
    ):
        k += 1
    if k < len(toks) and toks[k].text in _BEFORE_ANSWER and _answer_at(toks, k + 1, answers):
        return True
    if _answer_at(toks, k, answers):
        return True
    words = 0
    # "psychotische kenmerken? nee", "suïcidale gedachten: 0": a few words before '?' or ':'
    for n in range(k, len(toks)):
        tok = toks[n]
        if tok.text == "?" or tok.text == ":":
            return _answer_at(toks, n + 1, answers)
        if tok.text in _SENTENCE_END or tok.text == ",":
            return False
        words += tok.word
        if words > q.window:
            return False
    return False


def _chain_end(toks: list[Token], j: int, starts: dict[int, int], joiners: frozenset[str]) -> int:
    """The end of a list of hits joined by "en"/"of" (or a slash: "doodsgedachten /
    suïcidegedachten: 0"; an article may follow: "doodswens of een plan") that starts with the
    hit ending at ``j``."""
    while j < len(toks) and (toks[j].text in joiners or toks[j].text == "/"):
        k = j + 2 if j + 2 < len(toks) and toks[j + 1].text in _ARTICLES else j + 1
        if k not in starts:
            break
        j = starts[k]
    return j


def _listed_after_negation(toks: list[Token], i: int, lists: Lists) -> bool:
    """The hit right after "of" in a list after a negation ("geen alcohol, blowen of drugs")."""
    if i == 0 or toks[i - 1].text not in lists.joiners:
        return False
    sentence, words = toks[i].sentence, 0
    for k in range(i - 2, -1, -1):
        tok = toks[k]
        if tok.sentence != sentence or tok.text in lists.stop:
            return False
        if tok.text in lists.negators:
            return True
        words += tok.word
        if words > lists.window:
            return False
    return False


def _spans(toks: list[Token], hits: list[Hit]) -> list[tuple[int, int]]:
    """The token span of each hit (offsets of the note and its tokens are the same): from the
    first token at or after its start to the first at or after its end, at least one token.

    One walk through the tokens for hits in text order (the reader's); it starts over for a
    hit that comes before the one before it.
    """
    spans: list[tuple[int, int]] = []
    count = len(toks)
    k = last = 0
    for hit in hits:
        start, end = hit.start, hit.end
        if start < last:
            k = 0
        last = start
        while k < count and toks[k].start < start:
            k += 1
        j = k
        while j < count and toks[j].start < end:
            j += 1
        spans.append((k, max(j, k + 1)))
    return spans


def apply_context(
    text: str,
    hits: list[Hit],
    context: Context | None = None,
    reader: tuple[str, list[int], list[int], list[int]] | None = None,
) -> list[Hit]:
    """``hits`` with those about someone else, only past, or answered no marked ``negated``.

    ``reader`` is what the note reader already computed: the normalised note, where its words
    start and end and where its marks stand (see :func:`from_reader`); without it the note
    is normalised and split here.
    """
    if not hits or all(hit.negated for hit in hits):
        return hits
    ctx = context or default_context()
    if reader is None:
        norm = normalise(text)
        if not ctx.may_apply(norm):
            return hits
        starts, ends, marks = _scan(norm)
    else:
        # The reader's notes nearly always hold a cue word ("en", "of" join lists), so the
        # quick test would cost more than it saves; without a cue nothing below marks a hit.
        norm, starts, ends, marks = reader
    wanted = ctx.looked_up or None  # a context built by hand records every word
    note = _Note(*from_reader(norm, starts, ends, marks, ctx.no_stop, wanted), hits, ctx)
    marked = [
        hit._replace(negated=True) if not hit.negated and note.not_counted(hit, i, j) else hit
        for hit, (i, j) in zip(hits, note.spans, strict=True)
    ]
    return _topics_answered(note.toks, marked, note.spans, ctx.question.asked)


def _topics_answered(
    toks: list[Token], hits: list[Hit], spans: list[tuple[int, int]], asked: frozenset[str]
) -> list[Hit]:
    """``hits`` with a finding named before a colon marked ``negated`` when, in the same
    sentence, the left side says it was looked into (a word of ``asked``) and the finding is
    only denied after the colon: "HG nagevraagd i.v.m. blauwe plek: valpartij, geen
    aanwijzingen voor mishandeling", "Meldcode doorlopen: geen vermoeden van huiselijk
    geweld". A finding also read, not denied, after the colon stays counted, and so does one
    that nobody asked about ("drinkt veel: geen drugs")."""
    denied = {hit.id for hit in hits if hit.negated}
    if not denied or all(hit.negated or hit.id not in denied for hit in hits):
        return hits  # the usual case: no id both read and denied
    out = list(hits)
    for n, hit in enumerate(hits):
        if hit.negated or hit.id not in denied:
            continue
        i, j = spans[n]
        sentence = toks[i].sentence
        colon = j
        while colon < len(toks) and toks[colon].sentence == sentence and toks[colon].text != ":":
            colon += 1
        if colon == len(toks) or toks[colon].sentence != sentence:
            continue
        first = i
        while first > 0 and toks[first - 1].sentence == sentence:
            first -= 1
        if not any(toks[k].text in asked for k in range(first, colon)):
            continue
        after = [
            other.negated
            for other, (a, _) in zip(hits, spans)
            if other.id == hit.id and a > colon and toks[a].sentence == sentence
        ]
        if after and all(after):
            out[n] = hit._replace(negated=True)
    return out


def apply_precedence(
    hits: list[Hit], sentence_of: Callable[[Hit], int], context: Context | None = None
) -> list[Hit]:
    """``hits`` with those that an overriding id read in the same sentence replaces marked
    ``negated`` ("recidief depressie": the disorder is known, so no suspected disorder).

    ``sentence_of`` gives a hit's sentence number. Only a counted hit overrides.
    """
    rules = (context or default_context()).precedence
    live = {hit.id for hit in hits if not hit.negated}
    if not any(rules[key] & live for key in live & rules.keys()):
        return hits
    by_sentence: dict[int, set[str]] = {}
    for hit in hits:
        if not hit.negated:
            by_sentence.setdefault(sentence_of(hit), set()).add(hit.id)
    return [
        hit._replace(negated=True)
        if not hit.negated
        and hit.id in rules
        and not rules[hit.id].isdisjoint(by_sentence[sentence_of(hit)])
        else hit
        for hit in hits
    ]


class _Note:
    """The tokens of one note, the hits' token spans and where the cues stand (each worked out
    only when a hit needs it)."""

    def __init__(
        self, toks: list[Token], positions: dict[str, list[int]], hits: list[Hit], ctx: Context
    ) -> None:
        self.toks, self.ctx = toks, ctx
        self.spans = _spans(toks, hits)
        self.chain = dict(self.spans)
        self._back: dict[int, int] | None = None
        self._advice: list[tuple[int, int]] | None = None
        self._hyp: tuple[list[tuple[int, int, Cue]], set[int]] | None = None
        self._family: set[int] | None = None
        self._places: dict[str, list[tuple[int, int, Cue]]] = {}
        self.positions = positions
        self._instruments: set[int] | None = None

    def places(self, name: str, scope: Scope) -> list[tuple[int, int, Cue]]:
        found = self._places.get(name)
        if found is None:
            found = self._places[name] = _cue_places(self.toks, scope, self.positions)
        return found

    def family(self) -> set[int]:
        if self._family is None:
            self._family = _sections(self.toks, self.ctx.sections, self.positions)
        return self._family

    def instrument(self, sentence: int) -> bool:
        """Does the sentence name a questionnaire ("4DKL", "PHQ-9")?"""
        if self._instruments is None:
            positions, toks = self.positions, self.toks
            self._instruments = {
                toks[k].sentence
                for word in _common(positions, self.ctx.question.instruments)
                for k in positions[word]
            }
        return sentence in self._instruments

    def words(self, sentence: int) -> set[str]:
        return {tok.text for tok in self.toks if tok.sentence == sentence}

    def not_counted(self, hit: Hit, i: int, j: int) -> bool:
        """Is the hit at tokens ``i:j`` about someone else, only past, or answered no?"""
        toks, ctx = self.toks, self.ctx
        if i >= len(toks):
            return False
        exp, past, q = ctx.experiencer, ctx.history, ctx.question
        sentence = toks[i].sentence
        answer_at = _chain_end(toks, j, self.chain, q.joiners)
        return (
            (exp.applies(hit.id) and _in_scope(self.places("exp", exp), toks, (i, j, hit.id), exp))
            or sentence in self.family()
            or (
                past.applies(hit.id)
                and _in_scope(self.places("past", past), toks, (i, j, hit.id), past)
                and self._past(hit.id, sentence)
            )
            or _answered_no(toks, answer_at, q, q.answers)
            or (self.instrument(sentence) and _answered_no(toks, answer_at, q, q.scored_answers))
            or _listed_after_negation(toks, i, ctx.lists)
            or (
                sentence in self.hypotheses()[1]
                and ctx.hypothetical.applies(hit.id)
                and self._hypothetical(hit.id, i, j, answer_at)
            )
        )

    def _hypothetical(self, hit_id: str, i: int, j: int, end: int) -> bool:
        """Is the hit at tokens ``i:j`` (``end`` past the list it heads) a condition of advice
        ("bij suïcidale gedachten 113 bellen"), of an explanation ("wat te doen bij paniek"),
        or part of the advice given for such a condition ("... kan zij Veilig Thuis bellen")?"""
        places = self.hypotheses()[0]
        scope = self.ctx.hypothetical
        places = [
            (k, stop, cue)
            for k, stop, cue in places
            if self.toks[k].sentence == self.toks[i].sentence
            and ((hit_id in cue.only) if cue.only else scope.kind_applies(hit_id))
        ]
        last, listed = self._list_end(j)
        return self._condition(places, i, max(end, last), listed) or self._in_advice(places, i, j)

    def _list_end(self, j: int) -> tuple[int, bool]:
        """The end of the list of hits that goes on after the hit ending at ``j`` ("somberheid,
        angst of doodsgedachten"), and whether it has an "en" or "of" in it."""
        toks, starts, listed = self.toks, self.chain, False
        while j < len(toks) and toks[j].text in _LIST_JOINERS:
            k = j + 2 if j + 2 < len(toks) and toks[j + 1].text in _ARTICLES else j + 1
            if k not in starts:
                break
            listed = listed or toks[j].text != ","
            j = starts[k]
        return j, listed

    def hypotheses(self) -> tuple[list[tuple[int, int, Cue]], set[int]]:
        """The hypothetical cues that may hold (one that needs advice only in a sentence with
        advice), and their sentences."""
        if self._hyp is None:
            toks, scope = self.toks, self.ctx.hypothetical
            advice = self.advice()
            index = scope.by_anchor if advice else scope.free_by_anchor
            places = _cue_places(toks, scope, self.positions, index)
            if advice:
                advised = {toks[a].sentence for a, _ in advice}
                places = [
                    p for p in places if not p[2].consequence or toks[p[0]].sentence in advised
                ]
            self._hyp = places, {toks[k].sentence for k, _, _ in places}
        return self._hyp

    def _in_advice(self, places: list[tuple[int, int, Cue]], i: int, j: int) -> bool:
        """Is the hit at ``i:j`` part of advice ("Veilig Thuis bellen", "112 bellen of de
        crisisdienst") after one of the hypothetical cues ``places`` of its sentence? Advice
        needs a second advice phrase close by: "bij aankomst crisisdienst gebeld" is none."""
        if not any(end <= i and cue.direction == "after" for _, end, cue in places):
            return False
        toks, window = self.toks, self.ctx.hypothetical.consequence_after
        advice = self.advice()
        sentence = toks[i].sentence
        return any(
            (c, d) != (a, b)
            and toks[c].sentence == sentence
            and (
                (c >= b and _words_between(toks, b, c, commas=0) <= window)
                or (d <= a and _words_between(toks, d, a, commas=0) <= window)
            )
            for a, b in advice
            if a < j and i < b
            for c, d in advice
        )

    def _condition(
        self, places: list[tuple[int, int, Cue]], i: int, j: int, listed: bool = False
    ) -> bool:
        """Is the hit at ``i`` (ending its list at ``j``) the condition of one of the
        hypothetical cues ``places`` of its sentence, with its advice where the cue needs it?

        A list of hits joined by "en" or "of" shares the cue of its first item, and so does
        one with commas that ends in "en" or "of" ("bij somberheid, angst of doodsgedachten";
        ``listed``: the list goes on after this hit). "bij stress, somber" is no list.
        """
        toks, scope = self.toks, self.ctx.hypothetical
        first = i
        back = self.back()
        while first > 0:
            k = first - 1
            if toks[k].text in _ARTICLES and k > 0:
                k -= 1  # "bij zelfbeschadiging of een doodswens"
            text = toks[k].text
            if text not in _LIST_JOINERS or k not in back or (text == "," and not listed):
                break
            listed = True
            first = back[k]
        return any(
            (
                end <= first
                and (
                    _reach(toks, end, first, cue, scope)
                    # a list may have items that are no finding: "bij onrust, paniek of ..."
                    or (listed and _reach(toks, end, first, _in_list(cue), scope))
                )
                if cue.direction == "after"
                else j <= k and _reach(toks, j, k, cue, scope)  # "... te voorkomen"
            )
            and (not cue.consequence or self._advised(k, j, scope))
            for k, end, cue in places
        )

    def back(self) -> dict[int, int]:
        """The start of a hit by its end (for lists of hits)."""
        if self._back is None:
            self._back = {j: i for i, j in self.spans}
        return self._back

    def advice(self) -> list[tuple[int, int]]:
        """Where advice ("terugkomen", "113 bellen", "Veilig Thuis") stands in the note."""
        if self._advice is None:
            toks, positions = self.toks, self.positions
            index = self.ctx.hypothetical.consequence_index
            self._advice = [
                (k, k + len(words))
                for word in _common(positions, index)
                for k in positions[word]
                for words in index[word]
                if len(words) == 1 or _phrase_at(words, toks, k)
            ]
        return self._advice

    def _advised(self, cue: int, j: int, scope: Scope) -> bool:
        """Does advice stand right after the condition ending at ``j`` (a comma and
        ``consequence_after`` words may come between), or just before its cue at ``cue``?"""
        toks = self.toks
        sentence = toks[cue].sentence
        for start, end in self.advice():
            if toks[start].sentence != sentence:
                continue
            if start >= j and _words_between(toks, j, start, commas=1) <= scope.consequence_after:
                return True
            if end <= cue and _words_between(toks, end, cue, commas=0) <= scope.consequence_before:
                return True
        return False

    def _past(self, hit_id: str, sentence: int) -> bool:
        """May a history cue make this hit past? Not with "weer"/"terugval" in the sentence
        (unless that word starts a phrase saying it is over, "weer stabiel"), and for a signal
        only when the sentence, or the clause after its semicolon, also says it is over."""
        past = self.ctx.history
        words = self.words(sentence)
        if not words.isdisjoint(past.current) and not all(
            _answer_at(self.toks, k, past.resolution, anywhere=True)
            for k, tok in enumerate(self.toks)
            if tok.sentence == sentence and tok.text in past.current
        ):
            return False  # "weer" brings the past to now, unless it says "weer stabiel"
        if hit_id not in past.needs_resolution:
            return True
        # That it is over may also follow a semicolon: "poging in 2015; sindsdien stabiel en
        # nu geen doodsgedachten".
        told = {sentence}
        if any(tok.sentence == sentence and tok.text == ";" for tok in self.toks):
            told.add(sentence + 1)
            words = words | self.words(sentence + 1)
        return not words.isdisjoint(past.resolution.first) and any(
            _answer_at(self.toks, k, past.resolution, anywhere=True)
            for k, tok in enumerate(self.toks)
            if tok.sentence in told
        )


# -- loading and validation ---------------------------------------------------------------
