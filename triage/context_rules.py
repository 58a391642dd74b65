"""The context rules file (``data/triage/context.yaml``): its compiled form, parsed and validated.

Cues, classes, scopes, question-and-answer notation and negated lists, as :mod:`triage.context`
applies them to a note's hits. Errors name the place in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import data
from socialmap.vocabulary import Vocabulary, load_vocabulary

from .datafile import read_yaml
from .errors import RulesError
from .lexicon import normalise, tokens_of

NUMBER = "#"
#: A year: a number of four digits ("2015: opname"; "3 weken" is no year).
YEAR = "####"
ANY = "*"

_WORD = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"[0-9]")
#: A dotted abbreviation, one word for the note reader ("n.v.t." is "nvt").
_DOTTED = re.compile(r"(?:[a-z]\.){2,}[a-z]?")
_DIRECTIONS = ("after", "before")


@dataclass(frozen=True)
class Cue:
    """A context cue: its tokens (words, ``#``, ``*``, class sets) and its scope."""

    tokens: tuple[frozenset[str] | str, ...]
    direction: str
    window: int
    crosses_comma: bool = False
    alone: bool = False
    sentence_start: bool = False
    sentence_end: bool = False
    #: Ids this cue alone concerns, instead of those of its kind ("zus is slachtoffer van HG").
    only: frozenset[str] = frozenset()
    #: A hypothetical cue that holds only with advice in its sentence ("bij ... terugkomen").
    consequence: bool = False
    #: The cue holds whatever stands before it, also a word of the scope's ``not_after``: a
    #: relative clause ("wakker van haar zoon die blowt": what follows "die" is the son's).
    any_before: bool = False


class Answers(NamedTuple):
    """Answer phrases and the words they start with (a cheap test before comparing phrases)."""

    phrases: tuple[tuple[str, ...], ...]
    first: frozenset[str]

    @classmethod
    def of(cls, phrases: tuple[tuple[str, ...], ...]) -> Answers:
        return cls(phrases, frozenset(phrase[0] for phrase in phrases))


@dataclass(frozen=True)
class Scope:
    """A kind of context (experiencer or history): cues and where they apply."""

    cues: tuple[Cue, ...]
    stop: frozenset[str]
    only: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    current: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    #: Phrases of more words a cue does not work right after ("van haar": "... van haar broer").
    not_after_phrases: tuple[tuple[str, ...], ...] = ()
    #: The last words of ``not_after_phrases`` (a cheap test first), built on load.
    not_after_ends: frozenset[str] = frozenset()
    #: Ids that count as past only when the sentence also says it is over ("nu geen ...").
    needs_resolution: frozenset[str] = frozenset()
    resolution: Answers = Answers((), frozenset())
    #: The cues by the words they can start with (``#`` for a number), built on load.
    #: The cues by each word of their most telling part (``#`` for a number), with where that
    #: part stands in the cue, built on load: a rare word finds far fewer places to check than
    #: a cue's first word ("in het verleden" is found by "verleden", not by every "in").
    by_anchor: dict[str, tuple[tuple[Cue, int], ...]] = field(default_factory=dict)
    #: The same for the cues that need no advice (all that can stand in a note without any).
    free_by_anchor: dict[str, tuple[tuple[Cue, int], ...]] = field(default_factory=dict)
    #: The ids that cues with ids of their own concern, built on load.
    cue_ids: frozenset[str] = frozenset()
    #: Advice that makes a condition hypothetical ("terugkomen", "113 bellen"), and how many
    #: words may stand between it and the hit after it, or between it and the cue before it.
    consequences: Answers = Answers((), frozenset())
    #: The advice phrases by their first word, built on load.
    consequence_index: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    consequence_after: int = 0
    consequence_before: int = 0

    def applies(self, hit_id: str) -> bool:
        """Does this kind of context, or one of its cues with ids of its own, concern hits of
        ``hit_id``?"""
        return self.kind_applies(hit_id) or hit_id in self.cue_ids

    def kind_applies(self, hit_id: str) -> bool:
        """Do the cues without ids of their own concern hits of ``hit_id``?"""
        return (not self.only or hit_id in self.only) and hit_id not in self.exclude


@dataclass(frozen=True)
class Question:
    """Question-and-answer notation: the answers that say no, and what may stand between."""

    joiners: frozenset[str]
    asked: frozenset[str]
    window: int
    answers: Answers
    #: The answers plus the low scores that are answers after a questionnaire ("angst laag").
    scored_answers: Answers
    instruments: frozenset[str]


@dataclass(frozen=True)
class Lists:
    """A list after a negation word: "geen alcohol, blowen of drugs"."""

    negators: frozenset[str]
    joiners: frozenset[str]
    window: int
    stop: frozenset[str]


@dataclass(frozen=True)
class Context:
    """The compiled context data."""

    no_stop: frozenset[str]
    sections: tuple[tuple[str, ...], ...]
    experiencer: Scope
    history: Scope
    question: Question
    lists: Lists
    #: Conditions and advice: "bij suïcidale gedachten 113 bellen" is no finding.
    hypothetical: Scope
    #: A note without one of these words, or a match of ``numbers`` or ``marks``, has no
    #: context.
    anchors: frozenset[str]
    numbers: re.Pattern[str] | None
    #: Per id, the ids that override it within one sentence (see ``precedence``).
    precedence: dict[str, frozenset[str]] = field(default_factory=dict)
    #: A regex for answers that are a mark after a word ("SI-, HG-", "suïcidaliteit -").
    marks: re.Pattern[str] | None = None
    #: Every word the context step looks up in a note (cue anchors, advice, questionnaires,
    #: headings): only where these stand is worth recording.
    looked_up: frozenset[str] = frozenset()

    def may_apply(self, norm: str) -> bool:
        """Could any cue, heading or answer stand in this normalised note?"""
        if not self.anchors.isdisjoint(_WORD.findall(norm)):
            return True
        if "." in norm and not self.anchors.isdisjoint(
            word.replace(".", "") for word in _DOTTED.findall(norm)
        ):
            return True  # "n.v.t.", "i.v.m."
        numbers, marks = self.numbers, self.marks
        if numbers is not None and _DIGIT.search(norm) is not None and numbers.search(norm):
            return True
        return marks is not None and "-" in norm and marks.search(norm) is not None


def _by_anchor(cues: Iterable[Cue]) -> dict[str, tuple[tuple[Cue, int], ...]]:
    """The cues by each word of their anchor (see :func:`_anchor`), with its place in the cue;
    ``#`` for those anchored by a number."""
    index: dict[str, list[tuple[Cue, int]]] = {}
    for cue in cues:
        at = _anchor_at(cue.tokens)
        part = cue.tokens[at]
        for word in part if isinstance(part, frozenset) else (part,):
            # A year is a number: the note's numbers stand under ``#``.
            index.setdefault(NUMBER if word == YEAR else word, []).append((cue, at))
    return {word: tuple(found) for word, found in index.items()}


#: How this file's errors begin.
_KIND = "Ongeldige contextlijst"


def _fail(where: str, message: str) -> RulesError:
    return RulesError.at(_KIND, where, message)


def _words(raw: object, where: str) -> frozenset[str]:
    if not isinstance(raw, list) or not raw:
        raise _fail(where, "moet een niet-lege lijst met woorden zijn")
    out = set()
    for n, item in enumerate(raw):
        found = tokens_of(normalise(str(item)))
        if len(found) != 1 or str(item).strip() == "":
            raise _fail(f"{where}[{n}]", f"ongeldig woord '{item}' (één woord)")
        out.add(found[0])
    return frozenset(out)


def _phrase(
    raw: object, where: str, classes: dict[str, frozenset[str]] | None = None
) -> tuple[frozenset[str] | str, ...]:
    """The tokens of a cue or answer: words, ``#``, ``####``, ``*``, ``-``, ``<class>``."""
    if not isinstance(raw, str | int) or not str(raw).strip():
        raise _fail(where, "moet een niet-lege tekst zijn")
    parts: list[frozenset[str] | str] = []
    for word in normalise(str(raw)).split():
        if word.startswith("<") and word.endswith(">") and classes is not None:
            if word[1:-1] not in classes:
                raise _fail(where, f"onbekende klasse '{word}'; kies uit {sorted(classes)}")
            parts.append(classes[word[1:-1]])
        elif word in (NUMBER, YEAR, ANY, "-"):
            parts.append(word)
        else:
            found = tokens_of(word)
            if len(found) != 1:
                allowed = "letters/cijfers, #, ####, * of <klasse>"
                raise _fail(where, f"ongeldig woord '{word}' ({allowed})")
            parts.append(found[0])
    if parts[0] == ANY or parts[-1] == ANY:
        raise _fail(where, "een cue begint of eindigt niet met '*'")
    return tuple(parts)


def _ids(raw: object, where: str, vocab: Vocabulary) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list):
        raise _fail(where, "moet een lijst met ids zijn")
    known = set(vocab.complaints.ids) | set(vocab.signals.ids)
    for item in raw:
        if item not in known:
            raise _fail(where, f"onbekende id '{item}'")
    return frozenset(raw)


_CUE_KEYS = {
    "cue",
    "direction",
    "window",
    "crosses_comma",
    "alone",
    "sentence_start",
    "sentence_end",
    "only",
    "consequence",
    "any_before",
}


def _cue(raw: object, where: str, classes: dict[str, frozenset[str]], vocab: Vocabulary) -> Cue:
    if not isinstance(raw, dict) or not {"cue", "direction", "window"} <= set(raw):
        raise _fail(where, "verwacht {cue, direction, window}")
    if set(raw) - _CUE_KEYS:
        raise _fail(where, f"onbekende sleutel(s) {sorted(set(raw) - _CUE_KEYS)}")
    if raw["direction"] not in _DIRECTIONS:
        raise _fail(f"{where}.direction", f"kies uit {list(_DIRECTIONS)}")
    window = _int(raw["window"], f"{where}.window", 0, 12)
    flags = {}
    for key in _CUE_KEYS - {"cue", "direction", "window", "only"}:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            raise _fail(f"{where}.{key}", "moet true of false zijn")
        flags[key] = value
    only = _ids(raw.get("only"), f"{where}.only", vocab)
    cue = _phrase(raw["cue"], f"{where}.cue", classes)
    return Cue(cue, raw["direction"], window, **flags, only=only)


def _scope(
    raw: object,
    where: str,
    classes: dict[str, frozenset[str]],
    vocab: Vocabulary,
    optional: set[str],
) -> tuple[Scope, dict[str, object]]:
    required = {"cues", "stop"}
    if not isinstance(raw, dict) or not required <= set(raw) or set(raw) - required - optional:
        raise _fail(where, f"verwacht {sorted(required)} en eventueel {sorted(optional)}")
    cues = raw["cues"]
    if not isinstance(cues, list) or not cues:
        raise _fail(f"{where}.cues", "moet een niet-lege lijst zijn")
    parsed = tuple(_cue(c, f"{where}.cues[{n}]", classes, vocab) for n, c in enumerate(cues))
    consequences = (
        _answers(raw["consequences"], f"{where}.consequences") if "consequences" in raw else ()
    )
    not_after = _answers(raw["not_after"], f"{where}.not_after") if "not_after" in raw else ()
    for n, cue in enumerate(parsed):
        if cue.consequence and not consequences:
            raise _fail(f"{where}.cues[{n}].consequence", "alleen met een lijst 'consequences'")
    scope = Scope(
        cues=parsed,
        by_anchor=_by_anchor(parsed),
        free_by_anchor=_by_anchor(cue for cue in parsed if not cue.consequence),
        cue_ids=frozenset(hit_id for cue in parsed for hit_id in cue.only),
        stop=_words(raw["stop"], f"{where}.stop"),
        only=_ids(raw.get("only"), f"{where}.only", vocab),
        exclude=_ids(raw.get("except"), f"{where}.except", vocab),
        current=_words(raw["current"], f"{where}.current") if "current" in raw else frozenset(),
        not_after=frozenset(words[0] for words in not_after if len(words) == 1),
        not_after_phrases=tuple(words for words in not_after if len(words) > 1),
        not_after_ends=frozenset(words[-1] for words in not_after if len(words) > 1),
        needs_resolution=_ids(raw.get("needs_resolution"), f"{where}.needs_resolution", vocab),
        resolution=Answers.of(
            _answers(raw["resolution"], f"{where}.resolution") if "resolution" in raw else ()
        ),
        consequences=Answers.of(consequences),
        consequence_index={
            word: tuple(c for c in consequences if c[0] == word)
            for word in {c[0] for c in consequences}
        },
        consequence_after=_int(raw.get("consequence_after", 0), f"{where}.consequence_after", 0, 8),
        consequence_before=_int(
            raw.get("consequence_before", 0), f"{where}.consequence_before", 0, 8
        ),
    )
    return scope, raw


def _answers(raw: object, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(where, "moet een niet-lege lijst zijn")
    return tuple(
        tuple(str(p) for p in _phrase(item, f"{where}[{n}]")) for n, item in enumerate(raw)
    )


def _section_keys(raw: object, where: str, keys: set[str]) -> dict[str, object]:
    if not isinstance(raw, dict) or set(raw) != keys:
        raise _fail(where, f"verwacht precies {sorted(keys)}")
    return raw


def _int(raw: object, where: str, low: int, high: int) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool) or not low <= raw <= high:
        raise _fail(where, f"moet een geheel getal van {low} tot {high} zijn")
    return raw


def _question(raw: object) -> Question:
    keys = {"joiners", "asked", "question_window", "answers", "score_answers", "instruments"}
    raw = _section_keys(raw, "question", keys)
    answers = _answers(raw["answers"], "question.answers")
    scores = _answers(raw["score_answers"], "question.score_answers")
    return Question(
        joiners=_words(raw["joiners"], "question.joiners"),
        asked=_words(raw["asked"], "question.asked"),
        window=_int(raw["question_window"], "question.question_window", 0, 6),
        answers=Answers.of(answers),
        scored_answers=Answers.of(answers + scores),
        instruments=_words(raw["instruments"], "question.instruments"),
    )


def _lists(raw: object) -> Lists:
    raw = _section_keys(raw, "lists", {"negators", "joiners", "window", "stop"})
    return Lists(
        negators=_words(raw["negators"], "lists.negators"),
        joiners=_words(raw["joiners"], "lists.joiners"),
        window=_int(raw["window"], "lists.window", 1, 15),
        stop=_words(raw["stop"], "lists.stop"),
    )


def _precedence(raw: object, vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """``{id: [ids that override it in the same sentence]}``; no id may override itself."""
    if not isinstance(raw, dict):
        raise _fail("precedence", "moet een mapping van id naar een lijst met ids zijn")
    out = {}
    for name, over in raw.items():
        (key,) = _ids([name], "precedence", vocab)
        out[key] = _ids(over, f"precedence.{key}", vocab)
        if not out[key] or key in out[key]:
            raise _fail(f"precedence.{key}", "noem andere ids dan het id zelf")
    return out


def _classes(raw: object) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict) or not raw:
        raise _fail("classes", "moet een mapping van naam naar woordenlijst zijn")
    return {str(name): _words(words, f"classes.{name}") for name, words in raw.items()}


def _anchor(cue_tokens: Sequence[frozenset[str] | str]) -> frozenset[str] | str:
    """The part of a cue a note must contain for the cue to stand in it: its most telling word
    or class (the longest on average, the later one on a tie), or ``#`` for a number."""
    return cue_tokens[_anchor_at(cue_tokens)]


def _anchor_at(cue_tokens: Sequence[frozenset[str] | str]) -> int:
    """Where the anchor (see :func:`_anchor`) stands in the cue."""

    def weight(n: int) -> float:
        part = cue_tokens[n]
        if isinstance(part, frozenset):
            return sum(map(len, part)) / len(part) + n / 10
        return {NUMBER: 3.5, YEAR: 3.5, ANY: -1.0}.get(part, len(part) + n / 10)

    return max(range(len(cue_tokens)), key=weight)


def _number_pattern(cue: Cue | tuple[str, ...]) -> str:
    """A regex for a cue that is only findable by its number ("in #", "# jaar geleden")."""
    parts = cue.tokens if isinstance(cue, Cue) else cue
    numbers = {NUMBER: r"\d+", YEAR: r"\d{4}"}
    words = [numbers.get(p) or re.escape(str(p)) for p in parts if isinstance(p, str)]
    if len(words) != len(parts):  # a class in it: its number is the only sure part
        return r"\d"
    body = r"\W+".join(words)
    if isinstance(cue, Cue) and cue.sentence_start:
        return r"(?:^|[.;!?\n])\W*" + body
    if isinstance(cue, Cue) and cue.sentence_end:
        return body + r"\W*(?:[.;!?\n]|$)"
    return r"(?<![a-z0-9])" + body


def _anchors(
    parts: Iterable[Cue | tuple[str, ...]],
) -> tuple[frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """The words of which a note must hold one for any cue, heading or answer to stand in it,
    a regex for the cues that only a number can announce, and one for the answers that are a
    mark ("-": "SI-,")."""
    words: set[str] = set()
    numbers: set[str] = set()
    marks = False
    for item in parts:
        anchor = _anchor(item.tokens if isinstance(item, Cue) else item)
        if anchor in (NUMBER, YEAR):
            numbers.add(_number_pattern(item))
        elif anchor == "-":
            marks = True
        else:
            words |= anchor if isinstance(anchor, frozenset) else {anchor}
    pattern = re.compile("|".join(sorted(numbers))) if numbers else None
    # A dash before what may end an answer, with nothing but characters that are no token of
    # the note between ("SI-,", "(SI -)", "HG-" at the end).
    mark = re.compile(r"-(?=[^a-z0-9.;!?\n,:+/-]*(?:[-,.;!\n]|$))") if marks else None
    return frozenset(words), pattern, mark


#: The kinds of context with cues, and the keys each may have besides ``cues`` and ``stop``.
_SCOPE_KEYS = {
    "experiencer": {"sections", "only", "except", "not_after"},
    "history": {"only", "except", "current", "not_after", "needs_resolution", "resolution"},
    "hypothetical": {
        "only",
        "except",
        "not_after",
        "consequences",
        "consequence_after",
        "consequence_before",
    },
}


def parse_context(raw: object, vocab: Vocabulary | None = None) -> Context:
    """Validate parsed context data and compile it; raise RulesError naming the bad place."""
    vocab = vocab or load_vocabulary()
    keys = {
        "no_stop_after",
        "classes",
        "experiencer",
        "history",
        "hypothetical",
        "question",
        "lists",
        "precedence",
    }
    if not isinstance(raw, dict) or set(raw) != keys:
        raise _fail("bestand", f"verwacht precies de sleutels {sorted(keys)}")
    classes = _classes(raw["classes"])
    scopes = {
        name: _scope(raw[name], name, classes, vocab, optional)
        for name, optional in _SCOPE_KEYS.items()
    }
    (experiencer, exp_raw), (history, _), (hypothetical, _) = scopes.values()
    sections_raw = exp_raw.get("sections") or []
    if not isinstance(sections_raw, list):
        raise _fail("experiencer.sections", "moet een lijst zijn")
    sections = tuple(
        tuple(str(p) for p in _phrase(s, f"experiencer.sections[{n}]"))
        for n, s in enumerate(sections_raw)
    )
    question, lists = _question(raw["question"]), _lists(raw["lists"])
    phrases: list[Cue | tuple[str, ...]] = [*experiencer.cues, *history.cues, *sections]
    # A cue that needs advice in its sentence can only stand where the advice does.
    phrases += [cue for cue in hypothetical.cues if not cue.consequence]
    if any(cue.consequence for cue in hypothetical.cues):
        phrases += hypothetical.consequences.phrases
    phrases += [*question.scored_answers.phrases, *((w,) for w in lists.joiners)]
    # A finding looked into before a colon (context._topics_answered) needs an 'asked' word.
    phrases += [(w,) for w in question.asked]
    no_stop = _words(raw["no_stop_after"], "no_stop_after")
    anchors, numbers, marks = _anchors(phrases)
    return Context(
        no_stop,
        sections,
        experiencer,
        history,
        question,
        lists,
        hypothetical,
        anchors,
        numbers,
        precedence=_precedence(raw["precedence"], vocab),
        marks=marks,
        looked_up=frozenset(
            [
                *experiencer.by_anchor,
                *history.by_anchor,
                *hypothetical.by_anchor,
                *hypothetical.consequence_index,
                *question.instruments,
                *(words[0] for words in sections),
            ]
        ),
    )


def load_context(text: str | None = None) -> Context:
    """Load context data from YAML text, or the packaged default."""
    if text is None:
        return default_context()
    return parse_context(read_yaml(text, _KIND))


@cache
def default_context() -> Context:
    """The packaged context data (``data/triage/context.yaml``), loaded once per process."""
    return load_context(data.read_text("triage", "context.yaml"))
