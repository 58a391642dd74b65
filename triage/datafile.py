"""Reading the YAML of a triage data file (rules, word list, context), with usable errors."""

from __future__ import annotations

import yaml

from .errors import RulesError


def read_yaml(text: str, file_kind: str) -> object:
    """Parse the YAML text of a data file; a syntax error names its line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark is not None else "YAML"
        message = f"geen geldige YAML ({getattr(exc, 'problem', exc)})"
        raise RulesError.at(file_kind, where, message) from None
