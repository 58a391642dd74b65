"""Data files of Welzijnswijzer: vocabulary, rules, word lists, weights, geodata, demo catalogue.

The files ship inside the installed package; read them through :func:`resource`, never by a
path relative to the source tree.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """Return the packaged data file at ``parts`` (e.g. ``resource("geo", "pc4_nl.csv")``)."""
    node = files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    """Return the UTF-8 text of a packaged data file."""
    return resource(*parts).read_text(encoding="utf-8")
