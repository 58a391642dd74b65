"""The triage decision: a pure function of the request and the loaded rules."""

from __future__ import annotations

from socialmap.vocabulary import Vocabulary, load_vocabulary

from .conditions import Facts
from .detection import Hit, detect
from .lexicon import Lexicon
from .models import Reason, TriageDecision, TriageRequest, parse_request
from .referral import episode_text, icpc_codes, next_steps, referral_text
from .rules import WOR, Rule, RuleSet, default_rules
from .spinnenweb import describe_scores, dimension_scores, low_dimensions
from .tables import tables

NO_CONSENT = "geen_toestemming"
SECOND_ROUTES = ("acuut", "poh_ggz", "maatschappelijk_werk")


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _facts(
    req: TriageRequest, hits: list[Hit], vocab: Vocabulary
) -> tuple[Facts, list[str], list[str], list[str], list[str]]:
    """Effective facts plus what was detected in the note and not ticked."""
    order = tables(vocab).complaint_order
    ticked = _unique(req.complaints)
    signals = _unique(req.signals)
    # ids read (not negated) per kind, in text order
    read: dict[str, dict[str, None]] = {"complaint": {}, "signal": {}}
    for hit in hits:
        if not hit.negated:
            read[hit.kind].setdefault(hit.id, None)
    found = [c for c in read["complaint"] if c not in ticked]
    found.sort(key=order.__getitem__)
    found_signals = [s for s in read["signal"] if s not in signals]
    effective_signals = signals + found_signals
    if req.consent is False and NO_CONSENT not in effective_signals:
        effective_signals.append(NO_CONSENT)
    facts = Facts(
        complaints=frozenset(ticked + found),
        signals=frozenset(effective_signals),
        age=req.age,
        scores=dimension_scores(req, vocab),
    )
    return facts, ticked + found, found, found_signals, effective_signals


def _choose(
    fired: list[Rule], rules: RuleSet, facts: Facts, vocab: Vocabulary
) -> tuple[str, set[str], list[str]]:
    """The winning route, the excluded routes and the second routes to consider."""
    excluded = {route for rule in fired for route in rule.excludes}
    if facts.age is not None and facts.age < vocab.wor_minimum_age:
        excluded.add(WOR)
    candidates = [r for r in fired if r.route not in excluded]
    if not candidates:
        return rules.fallback.route, excluded, []
    route = candidates[0].route  # fired rules come in decision order (RuleSet.ranked)
    indicated = {r.route for r in candidates}
    also: set[str] = {r.route for r in candidates if r.route in SECOND_ROUTES}
    for rule in candidates:
        if rule.route != route:
            continue
        for second in rule.also_consider:
            needs_own = rules.routes[second].second_route_needs_own_rule
            if not needs_own or second in indicated:
                also.add(second)
    also -= excluded | {route}
    return route, excluded, sorted(also, key=rules.rank)


def _reason(rule: Rule, facts: Facts, vocab: Vocabulary) -> Reason | dict[str, str]:
    """The rule's reason; its text filled with the facts that made it fire, if it asks for them."""
    if rule.fixed_reason is not None:
        return rule.fixed_reason
    leaves = [leaf for leaf, holds in rule.leaves if holds(facts)]
    values: dict[str, str] = {}
    if "complaints" in rule.fields:
        complaints = [str(c.value) for c in leaves if c.op == "complaint"]
        complaints += [c for leaf in leaves for c in leaf.ids if c in facts.complaints]
        labels = tables(vocab).complaint_labels
        values["complaints"] = ", ".join(labels[c].lower() for c in _unique(complaints))
    if "dimensions" in rule.fields:
        dims = [leaf.dimension for leaf in leaves if leaf.op == "score_at_most" and leaf.dimension]
        values["dimensions"] = describe_scores(_unique(dims), facts.scores, vocab)
    if "age" in rule.fields:
        values["age"] = "" if facts.age is None else str(facts.age)
    text = rule.reason.format_map(values)
    return {"code": rule.id, "text": text, "route": rule.route, "source": rule.source}


def _span(hit: Hit) -> dict[str, object]:
    """A hit as a span of the answer (its ``variant`` is left out)."""
    return {
        "kind": hit.kind,
        "id": hit.id,
        "start": hit.start,
        "end": hit.end,
        "text": hit.text,
        "fuzzy": hit.fuzzy,
        "negated": hit.negated,
    }


def _spans(hits: list[Hit]) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The detected and the negated spans; a negated one only when its id was not also read."""
    live = [_span(h) for h in hits if not h.negated]
    if len(live) == len(hits):
        return live, []
    read = {(h.kind, h.id) for h in hits if not h.negated}
    shown = [_span(h) for h in hits if h.negated and (h.kind, h.id) not in read]
    return live, shown


def decide(
    request: dict[str, object] | TriageRequest,
    rules: RuleSet | None = None,
    lexicon: Lexicon | None = None,
) -> TriageDecision:
    """Advise a route for one triage request (contract section 3); TriageError on bad input."""
    vocab = load_vocabulary()
    rules = rules or default_rules()
    req = parse_request(request, vocab)
    hits = detect(req.text, lexicon) if req.text else []
    facts, complaints, found, found_signals, signals = _facts(req, hits, vocab)
    fired = [r for r in rules.ranked if r.test(facts)]
    fired_ids = {r.id for r in fired}
    route, excluded, also = _choose(fired, rules, facts, vocab)
    shown = fired if any(r.route == route for r in fired) else [*fired, rules.fallback]
    low = low_dimensions(facts.scores, rules.needs_threshold, vocab)
    flags = _flags(req, signals, also)
    values = {
        **rules.region,
        "icpc_referral": vocab.icpc_referral,
        "icpc_episode": episode_text(complaints, vocab),
    }
    with_wor = route == WOR or WOR in also
    signal_labels = tables(vocab).signal_labels
    detected_spans, negated_spans = _spans(hits)
    # Plain data first, validated once: nested answer parts are built by pydantic-core.
    answer = {
        "route": route,
        "fits_wor": route == WOR,
        "also_consider": also,
        "complaints": complaints,
        "detected": {"complaints": found, "signals": found_signals},
        "reasons": [_reason(r, facts, vocab) for r in shown],
        "next_steps": next_steps(
            rules, route, flags, values, [signal_labels[s] for s in found_signals]
        ),
        "route_label": rules.routes[route].label,
        "signals": signals,
        "needs": low,
        "spinnenweb_scores": facts.scores,
        "detected_spans": detected_spans,
        "negated_spans": negated_spans,
        "rules_not_fired": [rules.not_fired[r.id] for r in rules.rules if r.id not in fired_ids],
        "referral_text": referral_text(complaints, hits, low, facts.scores, vocab)
        if with_wor
        else None,
        "icpc": icpc_codes(complaints, route, vocab),
    }
    return TriageDecision.model_validate(answer)


def _flags(req: TriageRequest, signals: list[str], also: list[str]) -> set[str]:
    flags = {f"with_{route}" for route in also}
    if req.age is None:
        flags.add("age_unknown")
    if req.consent is True and NO_CONSENT not in signals:
        flags.add("consent_given")
    elif NO_CONSENT not in signals:
        flags.add("consent_unknown")
    return flags
