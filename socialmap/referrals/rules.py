"""Checks across fields and against today's date: pure functions, every problem at once."""

from __future__ import annotations

from datetime import date

from .models import ProposedActivity, ReferralIn, refuse

Detail = dict[str, object]


def _not_future(value: date | None, field: str, today: date) -> list[Detail]:
    if value is not None and value > today:
        return [{"field": field, "message": f"ligt in de toekomst ({value.isoformat()})"}]
    return []


def _not_before(value: date | None, field: str, bound: date | None, bound_label: str
                ) -> list[Detail]:
    if value is not None and bound is not None and value < bound:
        return [{"field": field, "message": f"ligt vóór {bound_label} ({bound.isoformat()})"}]
    return []


def _activity_problems(item: ProposedActivity, index: int, referral: ReferralIn,
                       today: date) -> list[Detail]:
    base = f"activities.{index}"
    f = item.followup
    problems = _not_future(item.started_date, f"{base}.started_date", today)
    problems += _not_before(item.started_date, f"{base}.started_date", referral.referral_date,
                            "de verwijsdatum")
    problems += _not_future(f.dropped_out_date, f"{base}.followup.dropped_out_date", today)
    problems += _not_before(f.dropped_out_date, f"{base}.followup.dropped_out_date",
                            item.started_date or referral.referral_date, "de start")
    if not item.chosen and (item.started_date or f.dropped_out_date or _any_followup(item)):
        problems.append({"field": f"{base}.chosen",
                         "message": "een activiteit met start of vervolg moet gekozen zijn"})
    return problems


def _any_followup(item: ProposedActivity) -> bool:
    f = item.followup
    return any(v is not None for v in (f.attending_3m, f.attending_6m, f.attending_9m))


def date_problems(referral: ReferralIn, *, today: date) -> list[Detail]:
    """Every date that lies in the future or before the date it must follow."""
    r = referral
    problems = _not_future(r.referral_date, "referral_date", today)
    problems += _not_future(r.first_contact_date, "first_contact_date", today)
    problems += _not_before(r.first_contact_date, "first_contact_date", r.referral_date,
                            "de verwijsdatum")
    problems += _not_future(r.end_date, "end_date", today)
    problems += _not_before(r.end_date, "end_date", r.first_contact_date or r.referral_date,
                            "het eerste contact")
    for index, item in enumerate(r.activities):
        problems += _activity_problems(item, index, r, today)
    return problems


def consistency_problems(referral: ReferralIn) -> list[Detail]:
    """Answers that contradict each other (an end spinnenweb without an end, and so on)."""
    r = referral
    problems: list[Detail] = []
    if r.end_spinnenweb and r.end_date is None:
        problems.append({"field": "end_spinnenweb", "message": "vul eerst de einddatum in"})
    if r.goal_reached is not None and r.end_date is None and r.first_contact_date is None:
        problems.append({"field": "goal_reached", "message": "er is nog geen contact geweest"})
    if r.talks > 0 and r.first_contact_date is None:
        problems.append({"field": "first_contact_date",
                         "message": "vul de datum van het eerste contact in"})
    return problems


def check_referral(referral: ReferralIn, *, today: date) -> None:
    """Raise one ReferralError listing every problem, or return quietly."""
    problems = date_problems(referral, today=today) + consistency_problems(referral)
    if problems:
        raise refuse(problems)


def days_to_first_contact(referral: ReferralIn) -> int | None:
    """Days from referral to first contact, or None while there was none."""
    if referral.first_contact_date is None:
        return None
    return (referral.first_contact_date - referral.referral_date).days


def contact_overdue(referral: ReferralIn, *, today: date, max_days: int) -> bool:
    """Whether first contact came (or is still missing) later than the agreed days."""
    days = days_to_first_contact(referral)
    if days is None:
        return (today - referral.referral_date).days > max_days
    return days > max_days
