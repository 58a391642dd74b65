"""The capacity planner: expected referrals, coach and GP time, FTE, start phase, vs actual.

All parameters live in ``data/referrals/planning.yaml`` with the seed they come from; they are
validated when loaded. The functions here are pure: the caller passes practices and counts.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from sqlalchemy import Connection, func, select

import data
from socialmap.tables import referrals

from .errors import ReferralError
from .models import validation_details


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sourced(_Strict):
    source: str = Field(min_length=1)


class _RangeParam(_Sourced):
    value: tuple[float, float]

    @model_validator(mode="after")
    def _ordered(self) -> _RangeParam:
        if not 0 <= self.value[0] <= self.value[1]:
            raise ValueError("een bereik is [laag, hoog] met 0 <= laag <= hoog")
        return self


class _NumberParam(_Sourced):
    value: float = Field(gt=0)


class _RuleOfThumb(_Sourced):
    fte: float = Field(gt=0)
    patients: tuple[int, int]
    recipes: tuple[int, int]


class _GpIdentification(_Sourced):
    minutes_per_gp_week: float = Field(gt=0)
    weeks_per_year: int = Field(gt=0, le=52)


class _Fte(_Sourced):
    hours_per_week: float = Field(gt=0, le=60)
    weeks_per_year: int = Field(gt=0, le=52)


class _StartPhase(_Sourced):
    months: tuple[int, int]
    practices: tuple[int, int]


class Planning(_Strict):
    """The planning parameters (``data/referrals/planning.yaml``)."""

    referrals_per_patient_year: _RangeParam
    coach_hours_per_referral: _RangeParam
    coach_overhead_hours_per_fte_week: _RangeParam
    rule_of_thumb: _RuleOfThumb
    gp_minutes_per_recipe: _NumberParam
    gp_identification: _GpIdentification
    fte: _Fte
    start_phase: _StartPhase
    first_contact_max_days: _NumberParam
    suppression_threshold: _NumberParam


def parse_planning(text: str) -> Planning:
    """Validate the YAML text of the planning parameters; raises ReferralError."""
    raw = yaml.safe_load(text)
    known = list(Planning.model_fields)
    for key in raw if isinstance(raw, dict) else []:
        if key not in known:
            hint = difflib.get_close_matches(str(key), known, n=1)
            maybe = f" Bedoelt u '{hint[0]}'?" if hint else ""
            raise ReferralError(f"planning.yaml: onbekende sleutel '{key}'.{maybe}",
                                [{"field": str(key), "message": "onbekend", "allowed": known}])
    try:
        return Planning.model_validate(raw)
    except ValidationError as exc:
        details = validation_details(exc)
        raise ReferralError(f"planning.yaml klopt niet: {details[0]['field']}: "
                            f"{details[0]['message']}", details) from None


@cache
def load_planning() -> Planning:
    """The packaged planning parameters (cached)."""
    return parse_planning(data.read_text("referrals", "planning.yaml"))


@dataclass(frozen=True)
class Range:
    """A low-high estimate."""

    low: float
    high: float

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)

    def scale(self, factor: float) -> Range:
        """Both ends times ``factor``."""
        return Range(self.low * factor, self.high * factor)

    def label(self, digits: int = 0) -> str:
        """Dutch text such as '30 - 80' or '0,2 - 0,7'."""
        return f"{_nl(self.low, digits)} - {_nl(self.high, digits)}"


def _nl(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


@dataclass(frozen=True)
class PracticeInput:
    """A GP practice to plan for: registered patients and number of GPs."""

    name: str
    patients: int
    gps: int = 1


@dataclass(frozen=True)
class PracticePlan:
    """The estimates for one practice, per year."""

    name: str
    patients: int
    gps: int
    referrals: Range
    coach_client_hours: Range
    gp_hours: Range
    rule_fte: Range


@dataclass(frozen=True)
class StartPhase:
    """The start phase: a few practices during 3-6 months (001)."""

    practices: tuple[str, ...]
    months: tuple[int, int]
    referrals: Range
    coach_client_hours: Range


@dataclass(frozen=True)
class CapacityPlan:
    """The whole plan for a municipality's practices, per year."""

    practices: tuple[PracticePlan, ...]
    referrals: Range
    coach_client_hours: Range
    coach_overhead_hours: Range
    fte_needed: Range
    rule_fte: Range
    gp_hours: Range
    start: StartPhase


def _check_practices(practices: list[PracticeInput]) -> None:
    problems: list[dict[str, object]] = []
    names = [p.name for p in practices]
    for i, p in enumerate(practices):
        if not p.name.strip() or names.count(p.name) > 1:
            problems.append({"field": f"practices.{i}.name", "message": "leeg of dubbel"})
        if p.patients <= 0:
            problems.append({"field": f"practices.{i}.patients", "message": "moet meer dan 0 zijn"})
        if p.gps < 1:
            problems.append({"field": f"practices.{i}.gps", "message": "minstens 1 huisarts"})
    if not practices:
        problems.append({"field": "practices", "message": "geef minstens één praktijk"})
    if problems:
        raise ReferralError(f"De planning kan niet worden gemaakt: {problems[0]['field']} "
                            f"{problems[0]['message']}.", problems)


def plan_practice(practice: PracticeInput, p: Planning) -> PracticePlan:
    """The yearly estimates for one practice."""
    low, high = p.referrals_per_patient_year.value
    refs = Range(practice.patients * low, practice.patients * high)
    h_low, h_high = p.coach_hours_per_referral.value
    ident = practice.gps * p.gp_identification.minutes_per_gp_week \
        * p.gp_identification.weeks_per_year / 60
    gp = refs.scale(p.gp_minutes_per_recipe.value / 60) + Range(ident, ident)
    rule = p.rule_of_thumb
    return PracticePlan(
        name=practice.name, patients=practice.patients, gps=practice.gps, referrals=refs,
        coach_client_hours=Range(refs.low * h_low, refs.high * h_high), gp_hours=gp,
        rule_fte=Range(rule.fte * practice.patients / rule.patients[1],
                       rule.fte * practice.patients / rule.patients[0]),
    )


def fte_for(client_hours: Range, p: Planning) -> Range:
    """FTE needed: client hours over the client hours one FTE has after overhead."""
    o_low, o_high = p.coach_overhead_hours_per_fte_week.value
    per_week, weeks = p.fte.hours_per_week, p.fte.weeks_per_year
    return Range(client_hours.low / ((per_week - o_low) * weeks),
                 client_hours.high / ((per_week - o_high) * weeks))


def _start(plans: list[PracticePlan], chosen: list[str], p: Planning) -> StartPhase:
    names = [x.name for x in plans]
    unknown = [c for c in chosen if c not in names]
    if unknown:
        hint = difflib.get_close_matches(unknown[0], names, n=1)
        maybe = f" Bedoelt u '{hint[0]}'?" if hint else ""
        raise ReferralError(f"Onbekende praktijk voor de startfase: '{unknown[0]}'.{maybe}",
                            [{"field": "start", "unknown": unknown, "allowed": names}])
    picked = [x for x in plans if x.name in chosen] or plans[: p.start_phase.practices[0]]
    m_low, m_high = p.start_phase.months
    yearly_refs = _sum(x.referrals for x in picked)
    yearly_hours = _sum(x.coach_client_hours for x in picked)
    return StartPhase(
        practices=tuple(x.name for x in picked), months=(m_low, m_high),
        referrals=Range(yearly_refs.low * m_low / 12, yearly_refs.high * m_high / 12),
        coach_client_hours=Range(yearly_hours.low * m_low / 12, yearly_hours.high * m_high / 12),
    )


def _sum(ranges: Iterable[Range]) -> Range:
    total = Range(0, 0)
    for r in ranges:
        total = total + r
    return total


def plan_capacity(practices: list[PracticeInput], *, start_with: list[str] | None = None,
                  planning: Planning | None = None) -> CapacityPlan:
    """Plan a municipality's practices; the start phase uses ``start_with`` (or the first)."""
    p = planning or load_planning()
    _check_practices(practices)
    plans = [plan_practice(x, p) for x in practices]
    client = _sum(x.coach_client_hours for x in plans)
    fte = fte_for(client, p)
    o_low, o_high = p.coach_overhead_hours_per_fte_week.value
    overhead = Range(fte.low * o_low * p.fte.weeks_per_year,
                     fte.high * o_high * p.fte.weeks_per_year)
    return CapacityPlan(
        practices=tuple(plans), referrals=_sum(x.referrals for x in plans),
        coach_client_hours=client, coach_overhead_hours=overhead, fte_needed=fte,
        rule_fte=_sum(x.rule_fte for x in plans), gp_hours=_sum(x.gp_hours for x in plans),
        start=_start(plans, start_with or [], p),
    )


@dataclass(frozen=True)
class Comparison:
    """Expected against recorded referrals of one practice, per year."""

    practice: str
    expected: Range
    recorded: int
    per_year: float
    verdict: str


def actual_referrals(conn: Connection, *, municipality: str | None, start: date,
                     end: date) -> dict[str, int]:
    """Recorded referrals per practice with a referral date in [start, end]."""
    stmt = (select(referrals.c.practice, func.count())
            .where(referrals.c.referral_date >= start, referrals.c.referral_date <= end)
            .group_by(referrals.c.practice))
    if municipality is not None:
        stmt = stmt.where(referrals.c.municipality == municipality)
    return {row[0]: int(row[1]) for row in conn.execute(stmt)}


def compare_with_actual(plan: CapacityPlan, recorded: dict[str, int], *, days: int
                        ) -> list[Comparison]:
    """Side by side: expected referrals per year and the recorded ones, annualised."""
    result = []
    for practice in plan.practices:
        count = recorded.get(practice.name, 0)
        per_year = count * 365 / max(days, 1)
        if per_year < practice.referrals.low:
            verdict = "minder dan verwacht"
        elif per_year > practice.referrals.high:
            verdict = "meer dan verwacht"
        else:
            verdict = "zoals verwacht"
        result.append(Comparison(practice.name, practice.referrals, count, per_year, verdict))
    return result
