"""The Dutch word list for reading GP notes (``data/triage/lexicon.yaml``): load and compile."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import utils

import data
from socialmap.vocabulary import Vocabulary, load_vocabulary

from .datafile import read_yaml
from .errors import RulesError
from .stemming import MIN_LENGTH, stem_keys
from .stemming import stem as stem_word

GAP = ".."
#: The stem of a word shorter than ``stemming.MIN_LENGTH``: none, so it never matches a stem.
NO_STEM = ""
NUMBER = "#"
_TOKEN = re.compile(r"(?:[a-z]\.){2,}[a-z]?|[a-z0-9]+")


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("’"): "'", ord("‘"): "'"}
    for code in range(0xC0, 0x250):
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c)
        ).lower()
        if len(plain) == 1:
            table[code] = plain
    return table


FOLD_TABLE = _build_fold_table()
_FOLDABLE = re.compile("[" + "".join(chr(code) for code in sorted(FOLD_TABLE)) + "]")


def _fold(match: re.Match[str]) -> str:
    return FOLD_TABLE[ord(match.group())]


def normalise(text: str) -> str:
    """Lower-case and strip accents, keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if lowered.isascii():
        return lowered
    return _FOLDABLE.sub(_fold, lowered)


def tokens_of(text: str) -> list[str]:
    """The word tokens of already normalised text (dotted abbreviations lose their dots)."""
    return [m.group().replace(".", "") for m in _TOKEN.finditer(text)]


@dataclass(frozen=True, eq=False)
class Pattern:
    """One phrase of the word list: tokens (``word``, ``stem*`` or the gap ``..``).

    Compared by identity: every phrase (and every word-order variant) is its own pattern.
    """

    kind: str
    id: str
    parts: tuple[str, ...]
    source: str
    #: A word-order/gap variant of a two-word phrase: must stay inside one comma-free stretch
    #: and may not skip a negation word.
    loose: bool = False


@dataclass(frozen=True)
class Cue:
    """A negation cue: its tokens, window, and where it applies."""

    tokens: tuple[str, ...]
    window: int
    crosses_comma: bool = False
    list_comma: bool = False
    final: bool = False
    only: frozenset[str] = frozenset()


class PhraseNode:
    """A node of the phrase trie: the phrases that end here and the ways to go on.

    ``words`` are matched letter for letter (short words and the ``exact`` list), ``stemmed``
    on the Snowball stem of the note's word, ``stems`` (``stam*``) as the start of the word.
    """

    __slots__ = ("ends", "gap", "keys", "more", "stemmed", "stems", "words")

    def __init__(self) -> None:
        self.more = False  # can a phrase go on from here? (set by ``finish``)
        self.keys: frozenset[str] = frozenset()  # words and stems that go on (set by ``finish``)
        self.ends: list[Pattern] = []
        self.words: dict[str, PhraseNode] = {}
        self.stemmed: dict[str, PhraseNode] = {}
        self.stems: dict[str, PhraseNode] = {}
        self.gap: PhraseNode | None = None

    def add(self, pattern: Pattern, parts: tuple[str, ...], exact: frozenset[str]) -> None:
        """Insert ``parts`` (the rest of ``pattern``) below this node."""
        node = self
        for part in parts:
            if part == GAP:
                node.gap = node.gap or PhraseNode()
                node = node.gap
            elif part.endswith("*"):
                node = node.stems.setdefault(part[:-1], PhraseNode())
            elif len(part) < MIN_LENGTH or part in exact:
                node = node.words.setdefault(part, PhraseNode())
            else:
                node = node.stemmed.setdefault(stem_word(part), PhraseNode())
        node.ends.append(pattern)

    def first_nodes(
        self, word: str, stem: str, by_head: dict[str, tuple[tuple[str, PhraseNode], ...]]
    ) -> tuple[PhraseNode, ...]:
        """The nodes a phrase starting with this word (of this stem) goes on from (root only)."""
        found = [n for n in (self.words.get(word), self.stemmed.get(stem)) if n is not None]
        found += [node for prefix, node in by_head.get(word[:3], ()) if word.startswith(prefix)]
        return tuple(found)

    def finish(self) -> None:
        """Mark, below this node, which nodes a phrase can go on from."""
        children = [*self.words.values(), *self.stemmed.values(), *self.stems.values()]
        if self.gap is not None:
            children.append(self.gap)
        self.more = bool(children)
        self.keys = frozenset(self.words) | frozenset(self.stemmed)
        for child in children:
            child.finish()


@dataclass
class Lexicon:
    """A compiled word list with lookup indexes (built once, when the list is loaded)."""

    patterns: list[Pattern]
    abbreviations: dict[str, tuple[str, ...]]
    before: list[Cue]
    after: list[Cue]
    filler: frozenset[str]
    scope_end: frozenset[str]
    pseudo: tuple[tuple[str, ...], ...] = ()
    min_length: int = 5
    word_cutoff: float = 85
    stem_cutoff: float = 90
    max_gap: int = 3
    #: Words of 5+ letters matched only letter for letter, never on their stem.
    exact: frozenset[str] = frozenset()
    #: Words that keep a two-word phrase in its order ("geen", "voor", "niet", ...).
    function_words: frozenset[str] = frozenset()
    #: Ordinary words that are never read as a typo of a listed word.
    known: frozenset[str] = frozenset()
    #: Words shorter than ``MIN_LENGTH`` that match the stem of a longer listed word ("jaar").
    short_forms: frozenset[str] = frozenset()
    root: PhraseNode = field(default_factory=PhraseNode)
    stems_by_head: dict[str, tuple[tuple[str, PhraseNode], ...]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()
    fuzzy_words: dict[str, list[str]] = field(default_factory=dict)
    fuzzy_stems: dict[str, list[str]] = field(default_factory=dict)
    #: ``fuzzy_words`` by first letter and the length of the misspelled word: only the words
    #: whose length lets them reach ``word_cutoff`` at all (see ``ratio_possible``).
    fuzzy_by_length: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    before_by_last: dict[str, list[Cue]] = field(default_factory=dict)
    after_by_first: dict[str, list[Cue]] = field(default_factory=dict)
    pseudo_words: frozenset[str] = frozenset()
    #: Per word: the pseudo-negations it is part of, and where in them.
    pseudo_by_word: dict[str, list[tuple[list[str], int]]] = field(default_factory=dict)
    stem_heads: frozenset[str] = frozenset()
    #: Stem of every word the list knows (its own words, cues, ``fuzzy.known``): data only.
    stem_table: dict[str, str] = field(default_factory=dict)
    #: Stems of phrase words and of known words, and their short keys (see ``stemming.may_match``).
    phrase_stems: frozenset[str] = frozenset()
    known_stems: frozenset[str] = frozenset()
    stem_keys: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    #: Words a ``..`` gap may not skip: the first word of every negation cue (before or after)
    #: that applies to all phrases ("geen", "niet", "nooit", "niets", "ontkend", ...).
    gap_stops: frozenset[str] = frozenset()
    #: Words that can start a negation scan (last word of a cue before, first of a cue after).
    cue_keys: frozenset[str] = frozenset()
    #: Abbreviations with the ``(word, stem)`` of every word they stand for.
    expansions: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: ``stem_table`` without the abbreviations: the tokeniser's one lookup for a known word.
    plain_stems: dict[str, str] = field(default_factory=dict)
    #: Where phrases starting with a known word go on from (empty: no phrase starts so).
    first_nodes: dict[str, tuple[PhraseNode, ...]] = field(default_factory=dict)

    def index(self) -> None:
        """Build the phrase trie, the fuzzy candidate lists by first letter and the cue indexes."""
        root = PhraseNode()
        words: set[str] = set()
        stems: set[str] = set()
        listed = {(p.id, p.parts) for p in self.patterns}
        for pattern in self.patterns:
            root.add(pattern, pattern.parts, self.exact)
            for variant in self._variants(pattern):
                if (variant.id, variant.parts) not in listed:
                    root.add(variant, variant.parts, self.exact)
            for part in pattern.parts:
                if part == GAP:
                    continue
                (stems.add(part[:-1]) if part.endswith("*") else words.add(part))
        root.finish()
        self.root = root
        heads: dict[str, list[tuple[str, PhraseNode]]] = defaultdict(list)
        for stem in sorted(root.stems, key=len):
            heads[stem[:3]].append((stem, root.stems[stem]))
        self.stems_by_head = {head: tuple(stems) for head, stems in heads.items()}
        self.stem_heads = frozenset(heads)
        cue_words = {w for cue in (*self.before, *self.after) for w in cue.tokens}
        cue_words |= {w for phrase in self.pseudo for w in phrase}
        cue_words |= {w for expansion in self.abbreviations.values() for w in expansion}
        self.words = frozenset(
            words | stems | cue_words | self.filler | self.scope_end | self.known | self.short_forms
        )
        # A word too short to stem has no stem: it is matched letter for letter only, never on
        # the stem of a longer word ("wel" is no form of "geweld", whose stem is "wel"), unless
        # the list names it as a short form ("jaar" of "jaren").
        self.stem_table = {
            w: stem_word(w) if len(w) >= MIN_LENGTH or w in self.short_forms else NO_STEM
            for w in self.words
        }
        self.phrase_stems = frozenset(
            self.stem_table[w] for w in words if len(w) >= MIN_LENGTH and w not in self.exact
        )
        self.known_stems = frozenset(self.stem_table.values()) - {NO_STEM}
        self.stem_keys = frozenset(k for s in self.known_stems for k in stem_keys(s))
        self.negators = frozenset(c.tokens[0] for c in self.before if len(c.tokens) == 1)
        self.gap_stops = frozenset(c.tokens[0] for c in (*self.before, *self.after) if not c.only)
        self.expansions = {
            short: tuple((w, self.stem_table[w]) for w in expansion)
            for short, expansion in self.abbreviations.items()
        }
        self.plain_stems = {w: s for w, s in self.stem_table.items() if w not in self.expansions}
        self.first_nodes = {
            w: root.first_nodes(w, s, self.stems_by_head) for w, s in self.stem_table.items()
        }
        self.fuzzy_words = _by_letter(words, self.min_length)
        self.fuzzy_stems = _by_letter(stems, self.min_length)
        longest = max((len(w) for w in words), default=0)
        self.fuzzy_by_length = {
            (letter, length): reachable(length, found, self.word_cutoff)
            for letter, found in self.fuzzy_words.items()
            for length in range(self.min_length, 2 * longest + 1)
        }
        before: dict[str, list[Cue]] = defaultdict(list)
        after: dict[str, list[Cue]] = defaultdict(list)
        for cue in self.before:
            before[cue.tokens[-1]].append(cue)
        for cue in self.after:
            after[cue.tokens[0]].append(cue)
        self.before_by_last, self.after_by_first = dict(before), dict(after)
        self.cue_keys = frozenset(before) | frozenset(after)
        self.pseudo_words = frozenset(w for phrase in self.pseudo for w in phrase)
        by_word: dict[str, list[tuple[list[str], int]]] = defaultdict(list)
        for phrase in self.pseudo:
            for at, word in enumerate(phrase):
                by_word[word].append((list(phrase), at))
        self.pseudo_by_word = dict(by_word)

    def _variants(self, pattern: Pattern) -> list[Pattern]:
        """Other orders of a two-word phrase of content words ("slaapt slecht" ~ "slecht slapen").

        Both words may stand up to ``max_gap`` words apart, in either order. Phrases with a
        function word ("zorgen over", "geen vrienden") keep their order.
        """
        parts = pattern.parts
        if len(parts) != 2 or GAP in parts or set(parts) & self.function_words:
            return []
        first, second = parts
        shapes = ((first, GAP, second), (second, first), (second, GAP, first))
        return [
            Pattern(pattern.kind, pattern.id, shape, pattern.source, loose=True) for shape in shapes
        ]


def ratio_possible(length: int, other: int, cutoff: float) -> bool:
    """Can two words of these lengths reach ``cutoff`` with rapidfuzz's ``fuzz.ratio``?

    The ratio is ``100 * (1 - distance / (length + other))`` and the (Indel) distance is at
    least the difference in length; a hair of slack keeps every word rounding could let in.
    """
    return 100 * (1 - abs(length - other) / (length + other)) >= cutoff - 1e-6


def reachable(length: int, words: list[str], cutoff: float) -> list[str]:
    """The ``words`` (in their order) a word of ``length`` letters may reach ``cutoff`` with."""
    return [w for w in words if ratio_possible(length, len(w), cutoff)]


def _by_letter(words: set[str], min_length: int) -> dict[str, list[str]]:
    """Fuzzy candidates grouped by first letter, sorted, already rapidfuzz-processed."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        if len(word) >= min_length:
            grouped[word[0]].append(utils.default_process(word))
    return dict(grouped)


#: How this file's errors begin.
_KIND = "Ongeldige woordenlijst"


def _fail(where: str, message: str) -> RulesError:
    return RulesError.at(_KIND, where, message)


def _phrase(raw: object, where: str) -> tuple[str, ...]:
    if not isinstance(raw, str | int) or not str(raw).strip():
        raise _fail(where, "moet een niet-lege tekst zijn")
    parts = []
    for word in normalise(str(raw)).split():
        if word == GAP:
            parts.append(GAP)
            continue
        star = word.endswith("*")
        found = tokens_of(word.rstrip("*"))
        if len(found) != 1 or (star and len(found[0]) < 3):
            raise _fail(
                where, f"ongeldig woord '{word}' (letters/cijfers, stam minstens 3 letters)"
            )
        parts.append(found[0] + ("*" if star else ""))
    if parts[0] == GAP or parts[-1] == GAP:
        raise _fail(where, "een zinsdeel begint of eindigt niet met '..'")
    return tuple(parts)


def _patterns(section: object, kind: str, ids: list[str]) -> list[Pattern]:
    if not isinstance(section, dict):
        raise _fail(kind, "moet een mapping van id naar lijst zijn")
    out = []
    for key, phrases in section.items():
        if key not in ids:
            raise _fail(f"{kind}.{key}", f"onbekende id; kies uit {ids}")
        if not isinstance(phrases, list) or not phrases:
            raise _fail(f"{kind}.{key}", "moet een niet-lege lijst zijn")
        for i, phrase in enumerate(phrases):
            out.append(Pattern(kind[:-1], key, _phrase(phrase, f"{kind}.{key}[{i}]"), str(phrase)))
    return out


def _cues(raw: object, where: str, vocab: Vocabulary) -> list[Cue]:
    if not isinstance(raw, list):
        raise _fail(where, "moet een lijst zijn")
    cues = []
    allowed = {"cue", "window", "crosses_comma", "list_comma", "final", "only"}
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or not {"cue", "window"} <= set(item) or set(item) - allowed:
            raise _fail(f"{where}[{i}]", f"verwacht {{cue, window}} en eventueel {sorted(allowed)}")
        only = item.get("only") or []
        for sig in only:
            if sig not in vocab.signals and sig not in vocab.complaints:
                raise _fail(f"{where}[{i}].only", f"onbekende id '{sig}'")
        window = item["window"]
        if not isinstance(window, int) or not 0 <= window <= 10:
            raise _fail(f"{where}[{i}].window", "moet een geheel getal van 0 tot 10 zijn")
        tokens = _cue_tokens(item["cue"])
        if not tokens:
            raise _fail(f"{where}[{i}].cue", "moet minstens één woord bevatten")
        cues.append(
            Cue(
                tokens,
                window,
                crosses_comma=bool(item.get("crosses_comma")),
                list_comma=bool(item.get("list_comma")),
                final=bool(item.get("final")),
                only=frozenset(only),
            )
        )
    return cues


def _cue_tokens(raw: object) -> tuple[str, ...]:
    """The tokens of a cue; ``#`` stands for any number ("behandeld in #" = "behandeld in 2019")."""
    tokens: list[str] = []
    for word in normalise(str(raw)).split():
        tokens += [NUMBER] if word == NUMBER else tokens_of(word)
    return tuple(tokens)


def _known(raw: object, where: str = "fuzzy.known") -> frozenset[str]:
    if isinstance(raw, list):
        raw = " ".join(str(w) for w in raw)
    if not isinstance(raw, str):
        raise _fail(where, "moet een tekst of lijst met woorden zijn")
    words = normalise(raw).split()
    bad = [w for w in words if tokens_of(w) != [w]]
    if bad:
        raise _fail(where, f"ongeldig woord '{bad[0]}' (alleen letters en cijfers)")
    return frozenset(words)


def _stemming(raw: object) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The ``exact`` words, the ``function_words`` and the ``short_forms`` of ``stemming``."""
    if not isinstance(raw, dict) or set(raw) != {"exact", "function_words", "short_forms"}:
        raise _fail("stemming", "verwacht exact, function_words en short_forms")
    short = _known(raw["short_forms"], "stemming.short_forms")
    long = sorted(w for w in short if len(w) >= MIN_LENGTH)
    if long:
        raise _fail("stemming.short_forms", f"'{long[0]}' is niet korter dan {MIN_LENGTH} letters")
    return (
        _known(raw["exact"], "stemming.exact"),
        _known(raw["function_words"], "stemming.function_words"),
        short,
    )


def parse_lexicon(raw: object, vocab: Vocabulary | None = None) -> Lexicon:
    """Validate a parsed word list and compile it; raise RulesError naming the bad place."""
    vocab = vocab or load_vocabulary()
    keys = {"fuzzy", "stemming", "abbreviations", "negation", "complaints", "signals"}
    if not isinstance(raw, dict) or set(raw) != keys:
        raise _fail("bestand", f"verwacht precies de sleutels {sorted(keys)}")
    neg = raw["negation"]
    if not isinstance(neg, dict) or set(neg) != {
        "before",
        "after",
        "pseudo",
        "filler",
        "scope_end",
    }:
        raise _fail("negation", "verwacht before, after, pseudo, filler en scope_end")
    fuzzy = raw["fuzzy"]
    if not isinstance(fuzzy, dict) or set(fuzzy) != {
        "min_length",
        "word_cutoff",
        "stem_cutoff",
        "max_gap",
        "known",
    }:
        raise _fail("fuzzy", "verwacht min_length, word_cutoff, stem_cutoff, max_gap en known")
    exact, function_words, short_forms = _stemming(raw["stemming"])
    abbreviations = {
        normalise(str(k)): tuple(tokens_of(normalise(str(v))))
        for k, v in raw["abbreviations"].items()
    }
    lexicon = Lexicon(
        patterns=_patterns(raw["complaints"], "complaints", vocab.complaints.ids)
        + _patterns(raw["signals"], "signals", vocab.signals.ids),
        abbreviations=abbreviations,
        before=_cues(neg["before"], "negation.before", vocab),
        after=_cues(neg["after"], "negation.after", vocab),
        filler=frozenset(normalise(w) for w in neg["filler"]),
        scope_end=frozenset(normalise(w) for w in neg["scope_end"]),
        pseudo=tuple(tuple(tokens_of(normalise(str(p)))) for p in neg["pseudo"]),
        min_length=int(fuzzy["min_length"]),
        word_cutoff=float(fuzzy["word_cutoff"]),
        stem_cutoff=float(fuzzy["stem_cutoff"]),
        max_gap=int(fuzzy["max_gap"]),
        known=_known(fuzzy["known"]),
        exact=exact,
        function_words=function_words,
        short_forms=short_forms,
    )
    lexicon.index()
    return lexicon


def load_lexicon(text: str | None = None) -> Lexicon:
    """Load a word list from YAML text, or the packaged default."""
    if text is None:
        return default_lexicon()
    return parse_lexicon(read_yaml(text, _KIND))


@cache
def default_lexicon() -> Lexicon:
    """The packaged word list (``data/triage/lexicon.yaml``), loaded once per process."""
    return load_lexicon(data.read_text("triage", "lexicon.yaml"))
