"""The web side of the domain: one place that calls triage and the matcher.

The matcher is made once per app: it keeps an index of the catalogue and rebuilds it when the
catalogue version changes (checked at most every ``MATCH_INDEX_CHECK_SECONDS``).
"""

from __future__ import annotations

import threading
from typing import Any

from flask import current_app

from matcher.answer import MatchAnswer
from matcher.service import Matcher
from triage import TriageDecision
from triage import decide as triage_decide

from .state import get_state

_LOCK = threading.Lock()
MATCHER_KEY = "welzijnswijzer.matcher"


def decide(body: Any) -> TriageDecision:
    """The triage decision for a request body (raises TriageError on bad input)."""
    return triage_decide(body)


def matcher() -> Matcher:
    """The app's matcher, made on first use."""
    found = current_app.extensions.get(MATCHER_KEY)
    if found is None:
        with _LOCK:
            found = current_app.extensions.get(MATCHER_KEY)
            if found is None:
                state = get_state()
                found = Matcher(
                    state.engine,
                    check_interval=state.settings.match_index_check_seconds,
                    model_dir=state.settings.resolved_instance_path() / "models",
                )
                current_app.extensions[MATCHER_KEY] = found
    return found  # type: ignore[no-any-return]


def match_answer(body: Any) -> MatchAnswer:
    """The match answer (contract section 4) as the matcher's model (raises MatchError)."""
    return matcher().match(body)


def match(body: Any) -> dict[str, Any]:
    """The match answer (contract section 4) as JSON-ready data (raises MatchError)."""
    return match_answer(body).model_dump(mode="json")
