"""Feedback to the referring GP (seed 003 fields), as a value and as Dutch text to paste.

The text is meant for the reply in ZorgDomein or VIPLive, where the referral itself already
identifies the resident: it carries the seed 003 fields and nothing more (no reference, no
spinnenweb scores, no coach notes beyond the short explanations).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .models import Referral

THREE_MONTHS_DAYS = 91


class Stage(StrEnum):
    """When the feedback is given (004, 000: after intake, after 3 months or at the end)."""

    NA_INTAKE = "na intake"
    NA_3_MAANDEN = "na 3 maanden"
    EINDE = "einde begeleiding"
    NOG_GEEN_CONTACT = "nog geen contact"


@dataclass(frozen=True)
class Feedback:
    """The seed 003 feedback fields of one referral on one day."""

    referral_id: int
    reference: str | None
    on: date
    stage: Stage
    talks: int
    question: str | None
    referred_on: bool | None
    activities: tuple[str, ...]
    referred_on_why: str | None
    goal_reached: bool | None
    goal_explanation: str | None
    organisation: str

    @property
    def text(self) -> str:
        """The Dutch text to paste into ZorgDomein or VIPLive."""
        return feedback_text(self)


def _stage(referral: Referral, on: date) -> Stage:
    if referral.end_date is not None:
        return Stage.EINDE
    if referral.first_contact_date is None:
        return Stage.NOG_GEEN_CONTACT
    if (on - referral.first_contact_date).days >= THREE_MONTHS_DAYS:
        return Stage.NA_3_MAANDEN
    return Stage.NA_INTAKE


def feedback_for(referral: Referral, *, on: date) -> Feedback:
    """Collect the feedback fields of ``referral`` as they stand on ``on``."""
    chosen = tuple(a.activity_name or a.activity_id for a in referral.activities if a.chosen)
    referred = referral.referred_on if referral.referred_on is not None else (
        True if chosen else None)
    return Feedback(
        referral_id=referral.id, reference=referral.reference, on=on,
        stage=_stage(referral, on), talks=referral.talks, question=referral.question,
        referred_on=referred, activities=chosen, referred_on_why=referral.referred_on_why,
        goal_reached=referral.goal_reached, goal_explanation=referral.goal_explanation,
        organisation=referral.organisation,
    )


def dutch_date(day: date) -> str:
    """A date as Dutch users write it: 23-11-2026."""
    return day.strftime("%d-%m-%Y")


def _referred_line(fb: Feedback) -> str:
    if fb.referred_on is True:
        which = ", ".join(fb.activities) if fb.activities else "zie toelichting"
        return f"Doorverwezen naar activiteit: ja, naar {which}"
    if fb.referred_on is False:
        return f"Doorverwezen naar activiteit: nee. Reden: {fb.referred_on_why or 'niet vermeld'}"
    return "Doorverwezen naar activiteit: nog niet bekend"


def _goal_line(fb: Feedback) -> str:
    explanation = f". Toelichting: {fb.goal_explanation}" if fb.goal_explanation else ""
    if fb.goal_reached is True:
        return f"Doel behaald: ja{explanation}"
    if fb.goal_reached is False:
        return f"Doel behaald: nee{explanation}"
    return "Doel behaald: nog niet bekend (begeleiding loopt nog)"


def feedback_text(fb: Feedback) -> str:
    """Render the feedback as plain Dutch text, one field per line."""
    if fb.stage is Stage.NOG_GEEN_CONTACT:
        return "\n".join([
            "Terugkoppeling Welzijn op Recept",
            f"Datum terugkoppeling: {dutch_date(fb.on)}",
            "Er is nog geen contact geweest met de inwoner; de welzijnscoach neemt contact op.",
            f"Welzijnsorganisatie: {fb.organisation}",
        ])
    return "\n".join([
        f"Terugkoppeling Welzijn op Recept ({fb.stage.value})",
        f"Datum terugkoppeling: {dutch_date(fb.on)}",
        f"Aantal gesprekken: {fb.talks}",
        f"Hulpvraag/doel (intake): {fb.question or 'nog niet vastgesteld'}",
        _referred_line(fb),
        _goal_line(fb),
        f"Welzijnsorganisatie: {fb.organisation}",
    ])
