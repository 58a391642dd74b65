"""Rule conditions as data: parsing with clear errors, evaluation, and Dutch descriptions.

A condition is a mapping with exactly one key. Leaves test one fact; ``all``/``any``/``not``
combine them. There is no expression language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches

from socialmap.vocabulary import Vocabulary

from .errors import RulesError

LEAVES = (
    "signal",
    "complaint",
    "any_complaint",
    "age_below",
    "age_at_least",
    "score_at_most",
    "complaints_count_at_least",
)
COMBINERS = ("all", "any", "not")


@dataclass(frozen=True)
class Facts:
    """What a rule can test: the effective complaints, signals, age and dimension scores."""

    complaints: frozenset[str]
    signals: frozenset[str]
    age: int | None
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Condition:
    """One parsed condition node."""

    op: str
    value: str | float | None = None
    children: tuple[Condition, ...] = ()
    dimension: str | None = None
    ids: tuple[str, ...] = ()
    count: int = 0


def _fail(where: str, message: str) -> RulesError:
    return RulesError(
        f"Ongeldig regelbestand: {where}: {message}", [{"field": where, "message": message}]
    )


def _suggest(name: str, options: list[str]) -> str:
    close = get_close_matches(name, options, n=1)
    return f" (bedoelt u '{close[0]}'?)" if close else ""


def _check_id(value: object, options: list[str], kind: str, where: str) -> str:
    if not isinstance(value, str) or value not in options:
        raise _fail(where, f"onbekende {kind} '{value}'{_suggest(str(value), options)}")
    return value


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(where, "moet een getal zijn")
    return float(value)


def parse_condition(raw: object, vocab: Vocabulary, where: str) -> Condition:
    """Parse one condition mapping; raise RulesError naming the place and the problem."""
    if not isinstance(raw, dict) or len(raw) != 1:
        raise _fail(where, "een voorwaarde is een mapping met precies één sleutel")
    ((op, value),) = raw.items()
    if op in ("all", "any"):
        if not isinstance(value, list) or not value:
            raise _fail(f"{where}.{op}", "moet een niet-lege lijst van voorwaarden zijn")
        kids = tuple(parse_condition(v, vocab, f"{where}.{op}[{i}]") for i, v in enumerate(value))
        return Condition(op, children=kids)
    if op == "not":
        return Condition(op, children=(parse_condition(value, vocab, f"{where}.not"),))
    if op == "signal":
        return Condition(op, _check_id(value, vocab.signals.ids, "signaal", f"{where}.signal"))
    if op == "complaint":
        return Condition(op, _check_id(value, vocab.complaints.ids, "klacht", f"{where}.complaint"))
    if op == "any_complaint":
        if value is not True:
            raise _fail(f"{where}.any_complaint", "moet true zijn")
        return Condition(op, True)
    if op in ("age_below", "age_at_least"):
        return Condition(op, _number(value, f"{where}.{op}"))
    if op == "score_at_most":
        return _parse_score(value, vocab, f"{where}.score_at_most")
    if op == "complaints_count_at_least":
        return _parse_count(value, vocab, f"{where}.{op}")
    raise _fail(where, f"onbekende voorwaarde '{op}'{_suggest(op, [*LEAVES, *COMBINERS])}")


def _parse_score(value: object, vocab: Vocabulary, where: str) -> Condition:
    if not isinstance(value, dict) or set(value) != {"dimension", "value"}:
        raise _fail(where, "verwacht {dimension: ..., value: ...}")
    dim = _check_id(value["dimension"], vocab.dimensions.ids, "dimensie", f"{where}.dimension")
    number = _number(value["value"], f"{where}.value")
    if not vocab.scale_min <= number <= vocab.scale_max:
        raise _fail(f"{where}.value", f"moet tussen {vocab.scale_min} en {vocab.scale_max} liggen")
    return Condition("score_at_most", number, dimension=dim)


def _parse_count(value: object, vocab: Vocabulary, where: str) -> Condition:
    if not isinstance(value, dict) or set(value) != {"complaints", "count"}:
        raise _fail(where, "verwacht {complaints: [...], count: n}")
    ids = value["complaints"]
    if not isinstance(ids, list) or not ids:
        raise _fail(f"{where}.complaints", "moet een niet-lege lijst zijn")
    checked = tuple(
        _check_id(c, vocab.complaints.ids, "klacht", f"{where}.complaints[{i}]")
        for i, c in enumerate(ids)
    )
    count = value["count"]
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= len(checked):
        raise _fail(f"{where}.count", f"moet een geheel getal van 1 tot {len(checked)} zijn")
    return Condition("complaints_count_at_least", ids=checked, count=count)


def evaluate(cond: Condition, facts: Facts) -> bool:
    """True when the facts satisfy the condition."""
    op = cond.op
    if op == "signal":
        return cond.value in facts.signals
    if op == "complaint":
        return cond.value in facts.complaints
    if op == "any":
        return any(evaluate(c, facts) for c in cond.children)
    if op == "all":
        return all(evaluate(c, facts) for c in cond.children)
    if op == "not":
        return not evaluate(cond.children[0], facts)
    if op == "any_complaint":
        return bool(facts.complaints)
    if op == "age_below":
        return facts.age is not None and facts.age < cond.value  # type: ignore[operator]
    if op == "age_at_least":
        return facts.age is not None and facts.age >= cond.value  # type: ignore[operator]
    if op == "score_at_most":
        score = facts.scores.get(cond.dimension or "")
        return score is not None and score <= cond.value  # type: ignore[operator]
    return sum(1 for c in cond.ids if c in facts.complaints) >= cond.count


def compile_condition(cond: Condition) -> Callable[[Facts], bool]:
    """The condition as one function of the facts, built once when the rules are loaded."""
    op, value = cond.op, cond.value
    if op == "signal":
        return lambda facts: value in facts.signals
    if op == "complaint":
        return lambda facts: value in facts.complaints
    if op in ("any", "all", "not"):
        return _compile_combiner(op, tuple(compile_condition(c) for c in cond.children))
    if op == "any_complaint":
        return lambda facts: bool(facts.complaints)
    if op == "age_below":
        return lambda facts: facts.age is not None and facts.age < value  # type: ignore[operator]
    if op == "age_at_least":
        return lambda facts: facts.age is not None and facts.age >= value  # type: ignore[operator]
    if op == "score_at_most":
        dimension = cond.dimension or ""

        def score_at_most(facts: Facts) -> bool:
            score = facts.scores.get(dimension)
            return score is not None and score <= value  # type: ignore[operator]

        return score_at_most
    ids, count = frozenset(cond.ids), cond.count
    if len(ids) != len(cond.ids):  # a repeated id counts twice, as in ``evaluate``
        return lambda facts: evaluate(cond, facts)
    return lambda facts: len(ids & facts.complaints) >= count


def _compile_combiner(
    op: str, kids: tuple[Callable[[Facts], bool], ...]
) -> Callable[[Facts], bool]:
    if op == "not":
        kid = kids[0]
        return lambda facts: not kid(facts)
    if op == "any":

        def any_of(facts: Facts) -> bool:
            for kid in kids:
                if kid(facts):
                    return True
            return False

        return any_of

    def all_of(facts: Facts) -> bool:
        for kid in kids:
            if not kid(facts):
                return False
        return True

    return all_of


def leaf_tests(cond: Condition) -> tuple[tuple[Condition, Callable[[Facts], bool]], ...]:
    """The leaves ``true_leaves`` may name, in its order, each with its compiled test."""
    if cond.children:
        if cond.op == "not":
            return ()
        return tuple(pair for c in cond.children for pair in leaf_tests(c))
    return ((cond, compile_condition(cond)),)


def true_leaves(cond: Condition, facts: Facts) -> list[Condition]:
    """The leaves that hold for these facts (to name them in a reason text)."""
    if cond.children:
        if cond.op == "not":
            return []
        return [leaf for c in cond.children for leaf in true_leaves(c, facts)]
    return [cond] if evaluate(cond, facts) else []


def _num(value: object) -> str:
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else str(number).replace(".", ",")


def describe(cond: Condition, vocab: Vocabulary) -> str:
    """A Dutch description of the condition, e.g. for "why not POH-GGZ?"."""
    op = cond.op
    if op == "signal":
        return f"signaal '{vocab.signals.label(str(cond.value))}'"
    if op == "complaint":
        return f"klacht '{vocab.complaints.label(str(cond.value))}'"
    if op == "any_complaint":
        return "minstens één klacht"
    if op == "age_below":
        return f"leeftijd onder {_num(cond.value)} jaar"
    if op == "age_at_least":
        return f"leeftijd {_num(cond.value)} jaar of ouder"
    if op == "score_at_most":
        label = vocab.dimensions.label(cond.dimension or "")
        return f"spinnenweb '{label}' {_num(cond.value)} of lager"
    if op == "complaints_count_at_least":
        names = ", ".join(vocab.complaints.label(c) for c in cond.ids)
        return f"minstens {cond.count} van: {names}"
    parts = [describe(c, vocab) for c in cond.children]
    if op == "not":
        return f"niet ({parts[0]})"
    joiner = " en " if op == "all" else " of "
    text = joiner.join(parts)
    return f"({text})" if len(parts) > 1 else text
