"""The triage rules file (``data/triage/rules.yaml``): loading and strict validation."""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cache
from pathlib import Path

import data
from socialmap.vocabulary import Vocabulary, load_vocabulary

from .conditions import (
    Condition,
    Facts,
    compile_condition,
    describe,
    leaf_tests,
    parse_condition,
)
from .datafile import read_yaml
from .errors import RulesError
from .models import Reason, RuleNotFired

#: Safety order of the routes, fixed in code: the first route a fired rule points to wins.
SAFETY_ORDER = ("acuut", "poh_ggz", "maatschappelijk_werk", "huisarts", "welzijn_op_recept")
WOR = "welzijn_op_recept"
_RANK = {route: i for i, route in enumerate(SAFETY_ORDER)}
TOP_KEYS = ("version", "region", "settings", "routes", "rules", "fallback")
REGION_KEYS = ("name", "referral_system", "welfare_organisation", "coach_contact", "feedback")
RULE_KEYS = {"id", "route", "when", "reason", "source", "also_consider", "excludes", "priority"}
REASON_FIELDS = {"complaints", "dimensions", "age"}
STEP_FLAGS = {
    "consent_unknown",
    "consent_given",
    "age_unknown",
    "with_poh_ggz",
    "with_maatschappelijk_werk",
}
STEP_FIELDS = {*REGION_KEYS, "icpc_referral", "icpc_episode"}


def _never(facts: Facts) -> bool:
    return False


@dataclass(frozen=True)
class Step:
    """One next step of a route; shown only when its flag holds (or always without one)."""

    text: str
    only_if: str | None = None


@dataclass(frozen=True)
class RouteSpec:
    """A route as the region names it, with its next steps."""

    id: str
    label: str
    next_steps: tuple[Step, ...]
    second_route_needs_own_rule: bool = False


@dataclass(frozen=True)
class Rule:
    """One triage rule: when its condition holds, it points to a route and gives a reason."""

    id: str
    route: str
    when: Condition | None
    reason: str
    source: str
    also_consider: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    priority: int = 0
    #: The reason as an answer part when its text needs no facts (built once, shared).
    fixed_reason: Reason | None = field(init=False, repr=False, compare=False)

    #: ``when`` compiled to one function of the facts (never true for the fallback).
    test: Callable[[Facts], bool] = field(init=False, repr=False, compare=False)
    #: The leaves a reason text may name, with their tests (see ``conditions.true_leaves``).
    leaves: tuple[tuple[Condition, Callable[[Facts], bool]], ...] = field(
        init=False, repr=False, compare=False
    )
    #: The ``{...}`` fields of the reason text.
    fields: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        test = compile_condition(self.when) if self.when is not None else _never
        object.__setattr__(self, "test", test)
        object.__setattr__(self, "leaves", leaf_tests(self.when) if self.when is not None else ())
        names = {name for _, name, _, _ in string.Formatter().parse(self.reason) if name}
        object.__setattr__(self, "fields", frozenset(names))
        fixed = None
        if "{" not in self.reason:
            fixed = Reason(code=self.id, text=self.reason, route=self.route, source=self.source)
        object.__setattr__(self, "fixed_reason", fixed)


@dataclass(frozen=True)
class RuleSet:
    """A validated rules file."""

    version: int
    region: dict[str, str]
    needs_threshold: float
    routes: dict[str, RouteSpec]
    rules: tuple[Rule, ...]
    fallback: Rule
    descriptions: dict[str, str]
    not_fired: dict[str, RuleNotFired]
    #: The rules in decision order: safety order of the route, then priority (high first), id.
    ranked: tuple[Rule, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ranked = sorted(self.rules, key=lambda r: (self.rank(r.route), -r.priority, r.id))
        object.__setattr__(self, "ranked", tuple(ranked))

    def rank(self, route: str) -> int:
        """Position of a route in the safety order (0 = most urgent)."""
        return _RANK[route]


#: How this file's errors begin.
_KIND = "Ongeldig regelbestand"


def _fail(where: str, message: str) -> RulesError:
    return RulesError.at(_KIND, where, message)


def _keys(raw: object, allowed: set[str] | tuple[str, ...], required: set[str], where: str) -> dict:
    if not isinstance(raw, dict):
        raise _fail(where, "moet een mapping zijn")
    for key in raw:
        if key not in allowed:
            close = get_close_matches(str(key), list(allowed), n=1, cutoff=0.5)
            hint = f" (bedoelt u '{close[0]}'?)" if close else ""
            raise _fail(f"{where}.{key}", f"onbekende sleutel{hint}")
    for key in sorted(required - set(raw)):
        raise _fail(f"{where}.{key}", "ontbreekt")
    return raw


def _text(raw: object, where: str, fields: set[str]) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _fail(where, "moet een niet-lege tekst zijn")
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(raw) if name is not None}
    except ValueError as exc:
        raise _fail(where, f"ongeldige {{...}} in tekst: {exc}") from None
    unknown = names - fields
    if unknown:
        raise _fail(
            where, f"onbekende invulplek(ken) {sorted(unknown)}; toegestaan: {sorted(fields)}"
        )
    return " ".join(raw.split())


def _route_ids(raw: object, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _fail(where, "moet een lijst van routes zijn")
    for i, route in enumerate(raw):
        if route not in SAFETY_ORDER:
            raise _fail(
                f"{where}[{i}]", f"onbekende route '{route}'; kies uit {list(SAFETY_ORDER)}"
            )
    return tuple(raw)


def _parse_routes(raw: object, vocab: Vocabulary) -> dict[str, RouteSpec]:
    if not isinstance(raw, list) or [
        r.get("id") if isinstance(r, dict) else r for r in raw
    ] != list(SAFETY_ORDER):
        raise _fail(
            "routes", f"noem alle routes in de vaste veiligheidsvolgorde {list(SAFETY_ORDER)}"
        )
    specs: dict[str, RouteSpec] = {}
    for i, item in enumerate(raw):
        where = f"routes[{i}]"
        _keys(
            item,
            {"id", "label", "next_steps", "second_route_needs_own_rule"},
            {"id", "next_steps"},
            where,
        )
        steps = []
        for j, step in enumerate(item["next_steps"] or []):
            swhere = f"{where}.next_steps[{j}]"
            if isinstance(step, str):
                step = {"text": step}
            _keys(step, {"text", "only_if"}, {"text"}, swhere)
            flag = step.get("only_if")
            if flag is not None and flag not in STEP_FLAGS:
                raise _fail(
                    f"{swhere}.only_if", f"onbekende vlag '{flag}'; kies uit {sorted(STEP_FLAGS)}"
                )
            steps.append(Step(_text(step["text"], f"{swhere}.text", STEP_FIELDS), flag))
        label = item.get("label") or vocab.routes.label(item["id"])
        needs_rule = item.get("second_route_needs_own_rule", False)
        if not isinstance(needs_rule, bool):
            raise _fail(f"{where}.second_route_needs_own_rule", "moet true of false zijn")
        specs[item["id"]] = RouteSpec(
            item["id"], _text(label, f"{where}.label", set()), tuple(steps), needs_rule
        )
    return specs


def _parse_rule(raw: object, vocab: Vocabulary, where: str, fallback: bool = False) -> Rule:
    required = {"id", "route", "reason", "source"} | (set() if fallback else {"when"})
    allowed = {"id", "route", "reason", "source"} if fallback else RULE_KEYS
    item = _keys(raw, allowed, required, where)
    if not isinstance(item["id"], str) or not item["id"].isidentifier():
        raise _fail(f"{where}.id", "moet een id zijn (kleine letters, cijfers en _)")
    route = _route_ids([item["route"]], f"{where}.route")[0]
    priority = item.get("priority", 0)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise _fail(f"{where}.priority", "moet een geheel getal zijn")
    also = _route_ids(item.get("also_consider"), f"{where}.also_consider")
    if route in also:
        raise _fail(f"{where}.also_consider", "noemt de eigen route van de regel")
    return Rule(
        id=item["id"],
        route=route,
        when=None if fallback else parse_condition(item["when"], vocab, f"{where}.when"),
        reason=_text(item["reason"], f"{where}.reason", REASON_FIELDS),
        source=_text(item["source"], f"{where}.source", set()),
        also_consider=also,
        excludes=_route_ids(item.get("excludes"), f"{where}.excludes"),
        priority=priority,
    )


def _check_signals_covered(rules: tuple[Rule, ...], vocab: Vocabulary) -> None:
    """Every signal must have its own rule to the route it points to: safety cannot be removed."""
    for term in vocab.signals.terms:
        target = term.extra.get("points_to")
        if not any(
            r.when is not None
            and r.when.op == "signal"
            and r.when.value == term.id
            and r.route == target
            for r in rules
        ):
            raise _fail("rules", f"geen regel 'when: {{signal: {term.id}}}' met route '{target}'")


def parse_rules(raw: object, vocab: Vocabulary | None = None) -> RuleSet:
    """Validate parsed YAML and build a RuleSet; raise RulesError naming the bad place."""
    vocab = vocab or load_vocabulary()
    top = _keys(raw, TOP_KEYS, set(TOP_KEYS), "bestand")
    if top["version"] != 1:
        raise _fail("version", "alleen versie 1 wordt ondersteund")
    region = _keys(top["region"], REGION_KEYS, set(REGION_KEYS), "region")
    region = {k: _text(v, f"region.{k}", set()) for k, v in region.items()}
    settings = _keys(top["settings"], {"needs_threshold"}, {"needs_threshold"}, "settings")
    threshold = settings["needs_threshold"]
    if (
        not isinstance(threshold, int | float)
        or not vocab.scale_min <= threshold <= vocab.scale_max
    ):
        raise _fail("settings.needs_threshold", "moet een getal van 0 tot 10 zijn")
    if not isinstance(top["rules"], list) or not top["rules"]:
        raise _fail("rules", "moet een niet-lege lijst zijn")
    rules = tuple(_parse_rule(r, vocab, f"rules[{i}]") for i, r in enumerate(top["rules"]))
    seen: set[str] = set()
    for i, rule in enumerate(rules):
        if rule.id in seen:
            raise _fail(f"rules[{i}].id", f"dubbele id '{rule.id}'")
        seen.add(rule.id)
    _check_signals_covered(rules, vocab)
    return RuleSet(
        version=1,
        region=region,
        needs_threshold=float(threshold),
        routes=_parse_routes(top["routes"], vocab),
        rules=rules,
        fallback=_parse_rule(top["fallback"], vocab, "fallback", fallback=True),
        descriptions=(descriptions := {r.id: describe(r.when, vocab) for r in rules if r.when}),
        not_fired={
            r.id: RuleNotFired(code=r.id, route=r.route, needs=descriptions[r.id]) for r in rules
        },
    )


def load_rules(path_or_text: str | Path | None = None) -> RuleSet:
    """Load a rules file: the packaged default, a path, or YAML text (with a newline)."""
    if path_or_text is None:
        return default_rules()
    if isinstance(path_or_text, Path) or "\n" not in path_or_text:
        try:
            text = Path(path_or_text).read_text(encoding="utf-8")
        except OSError as exc:
            raise _fail(str(path_or_text), f"kan bestand niet lezen ({exc.strerror})") from None
    else:
        text = path_or_text
    return _from_text(text)


def _from_text(text: str) -> RuleSet:
    return parse_rules(read_yaml(text, _KIND))


@cache
def default_rules() -> RuleSet:
    """The packaged rules (``data/triage/rules.yaml``), loaded once per process."""
    return _from_text(data.read_text("triage", "rules.yaml"))
