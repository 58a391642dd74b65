"""The Dutch word list for reading GP notes (``data/triage/lexicon.yaml``): load and compile."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import yaml

import data
from socialmap.vocabulary import Vocabulary, load_vocabulary

from .errors import RulesError

GAP = ".."
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


def normalise(text: str) -> str:
    """Lower-case and strip accents, keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(FOLD_TABLE)


def tokens_of(text: str) -> list[str]:
    """The word tokens of already normalised text (dotted abbreviations lose their dots)."""
    return [m.group().replace(".", "") for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class Pattern:
    """One phrase of the word list: tokens (``word``, ``stem*`` or the gap ``..``)."""

    kind: str
    id: str
    parts: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Cue:
    """A negation cue: its tokens, window, and where it applies."""

    tokens: tuple[str, ...]
    window: int
    crosses_comma: bool = False
    list_comma: bool = False
    final: bool = False
    only: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    """A compiled word list with lookup indexes."""

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
    by_word: dict[str, list[Pattern]] = field(default_factory=dict)
    by_stem: dict[str, list[Pattern]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()
    fuzzy_words: dict[str, list[str]] = field(default_factory=dict)
    fuzzy_stems: dict[str, list[str]] = field(default_factory=dict)
    before_by_last: dict[str, list[Cue]] = field(default_factory=dict)
    after_by_first: dict[str, list[Cue]] = field(default_factory=dict)
    stem_heads: frozenset[str] = frozenset()

    def index(self) -> None:
        """Build the lookup tables (first token of each phrase; fuzzy candidates by letter)."""
        by_word: dict[str, list[Pattern]] = defaultdict(list)
        by_stem: dict[str, list[Pattern]] = defaultdict(list)
        words: set[str] = set()
        stems: set[str] = set()
        for pattern in self.patterns:
            head = pattern.parts[0]
            (by_stem[head[:-1]] if head.endswith("*") else by_word[head]).append(pattern)
            for part in pattern.parts:
                if part == GAP:
                    continue
                (stems.add(part[:-1]) if part.endswith("*") else words.add(part))
        self.by_word, self.by_stem = dict(by_word), dict(by_stem)
        self.words = frozenset(words | stems | self.filler | self.scope_end)
        fw: dict[str, list[str]] = defaultdict(list)
        fs: dict[str, list[str]] = defaultdict(list)
        for word in sorted(words):
            if len(word) >= self.min_length:
                fw[word[0]].append(word)
        for stem in sorted(stems):
            if len(stem) >= self.min_length:
                fs[stem[0]].append(stem)
        self.fuzzy_words, self.fuzzy_stems = dict(fw), dict(fs)
        self.stem_heads = frozenset(stem[:3] for stem in self.by_stem)
        before: dict[str, list[Cue]] = defaultdict(list)
        after: dict[str, list[Cue]] = defaultdict(list)
        for cue in self.before:
            before[cue.tokens[-1]].append(cue)
        for cue in self.after:
            after[cue.tokens[0]].append(cue)
        self.before_by_last, self.after_by_first = dict(before), dict(after)


def _fail(where: str, message: str) -> RulesError:
    return RulesError(
        f"Ongeldige woordenlijst: {where}: {message}", [{"field": where, "message": message}]
    )


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
        tokens = tuple(tokens_of(normalise(str(item["cue"]))))
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


def parse_lexicon(raw: object, vocab: Vocabulary | None = None) -> Lexicon:
    """Validate a parsed word list and compile it; raise RulesError naming the bad place."""
    vocab = vocab or load_vocabulary()
    keys = {"fuzzy", "abbreviations", "negation", "complaints", "signals"}
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
    }:
        raise _fail("fuzzy", "verwacht min_length, word_cutoff, stem_cutoff en max_gap")
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
    )
    lexicon.index()
    return lexicon


def load_lexicon(text: str | None = None) -> Lexicon:
    """Load a word list from YAML text, or the packaged default."""
    if text is None:
        return default_lexicon()
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _fail("YAML", str(getattr(exc, "problem", exc))) from None
    return parse_lexicon(raw)


@cache
def default_lexicon() -> Lexicon:
    """The packaged word list (``data/triage/lexicon.yaml``), loaded once per process."""
    return load_lexicon(data.read_text("triage", "lexicon.yaml"))
