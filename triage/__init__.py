"""Triage: does Welzijn op Recept fit this patient, or is another route better?

Public API: :func:`decide`, :func:`load_rules`, :class:`TriageRequest`, :class:`TriageDecision`,
:class:`TriageError`. Pure functions: nothing of a request is stored or logged.
"""

from .detection import detect
from .engine import decide
from .errors import RulesError, TriageError
from .lexicon import load_lexicon
from .models import TriageDecision, TriageRequest, parse_request
from .rules import RuleSet, load_rules

__all__ = [
    "RuleSet",
    "RulesError",
    "TriageDecision",
    "TriageError",
    "TriageRequest",
    "decide",
    "detect",
    "load_lexicon",
    "load_rules",
    "parse_request",
]
