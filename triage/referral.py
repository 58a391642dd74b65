"""What the GP does next: next steps per route, ICPC codes and the referral text (hulpvraag)."""

from __future__ import annotations

import re

from socialmap.vocabulary import Vocabulary

from .detection import Hit
from .models import IcpcCode
from .rules import WOR, RuleSet
from .spinnenweb import describe_scores
from .tables import tables

#: Patterns that must never reach a referral text. The text is built from vocabulary labels and
#: matched phrases only; phrases from the note are scrubbed as well (defence in depth).
_PERSONAL = [
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"),  # dates
    re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b"),  # postcodes
    re.compile(r"\S+@\S+"),  # e-mail
    re.compile(r"\+?\d[\d\s-]{7,}\d"),  # phone numbers, BSN
    re.compile(r"\d+"),  # any other number (house numbers, ages)
]
#: Every pattern of ``_PERSONAL`` needs a digit or "@": text without one is left as it is.
_RISKY = re.compile(r"[\d@]")
_SIGNAL_CHECK = "Uit de notitie gelezen en meegewogen: {signals}. Bevestig of schrap dit."


def icpc_codes(complaints: list[str], route: str, vocab: Vocabulary) -> list[IcpcCode]:
    """Z68 for a WoR referral, then the episode code suggestions of the complaints."""
    table = tables(vocab)
    codes: list[str] = [vocab.icpc_referral] if route == WOR else []
    for complaint in complaints:
        codes += [code for code in table.suggestions[complaint] if code not in codes]
    return [table.icpc[c] for c in codes]


def episode_text(complaints: list[str], vocab: Vocabulary) -> str:
    """Dutch example episode codes for the next step (first suggestion per complaint)."""
    table = tables(vocab)
    examples: list[str] = []
    for complaint in complaints:
        suggestions = table.suggestions[complaint]
        if suggestions:
            code = suggestions[0]
            text = f"{code} ({vocab.icpc_titles.get(code, code)})"
            if text not in examples:
                examples.append(text)
    if not examples:
        return "kies de code die bij de klacht past"
    return "bijvoorbeeld " + ", ".join(examples[:4])


def next_steps(
    rules: RuleSet, route: str, flags: set[str], values: dict[str, str], detected_signals: list[str]
) -> list[str]:
    """The route's next steps whose flag holds, rendered with the region's names."""
    steps = [
        step.text.format_map(values)
        for step in rules.routes[route].next_steps
        if step.only_if is None or step.only_if in flags
    ]
    if detected_signals:
        steps.insert(0, _SIGNAL_CHECK.format(signals=", ".join(detected_signals)))
    return steps


def _clean_phrase(text: str) -> str:
    words = [w for w in text.split() if not w[:1].isupper() or w.isupper()]
    return " ".join(words).lower() if words else ""


def scrub(text: str) -> str:
    """Remove anything that looks like a date, postcode, e-mail, phone number or number."""
    if _RISKY.search(text) is None:
        return " ".join(text.split())
    for pattern in _PERSONAL:
        text = pattern.sub("", text)
    return " ".join(text.split())


def referral_text(
    complaints: list[str],
    hits: list[Hit],
    low: list[str],
    scores: dict[str, float],
    vocab: Vocabulary,
) -> str:
    """The hulpvraag in plain Dutch, without name, address or date of birth."""
    parts = ["Hulpvraag voor de welzijnscoach (Welzijn op Recept)."]
    if complaints:
        labels = "; ".join(vocab.complaints.label(c).lower() for c in complaints)
        parts.append(f"Klachten: {labels}.")
    phrases: list[str] = []
    for hit in hits:
        if hit.negated or hit.kind != "complaint":
            continue
        phrase = scrub(_clean_phrase(hit.text))
        if phrase and phrase not in phrases:
            phrases.append(phrase)
    if phrases:
        parts.append("Uit het gesprek: " + ", ".join(f"'{p}'" for p in phrases[:8]) + ".")
    if low:
        parts.append(f"Laag op het spinnenweb: {describe_scores(low, scores, vocab)}.")
    parts.append(
        "Vraag: verken met de patiënt wat helpt en zoek samen passende activiteiten of "
        "ondersteuning in de buurt (kortdurend, 5-7 gesprekken)."
    )
    return " ".join(parts)
