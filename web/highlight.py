"""The GP's note with what triage detected marked, so the GP can confirm or strike it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    """A piece of the note: plain text, or a detected span (with its kind, id and offsets)."""

    text: str
    kind: str | None = None
    id: str | None = None
    start: int = 0
    end: int = 0
    negated: bool = False
    struck: bool = False

    @property
    def key(self) -> str:
        """The span as the form sends it back when struck (``start:end:kind:id``)."""
        return f"{self.start}:{self.end}:{self.kind}:{self.id}"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    id: str


def _of(span: dict[str, Any]) -> _Span:
    """A span of the triage answer (a mapping) as offsets, kind and id."""
    return _Span(span["start"], span["end"], span["kind"], span["id"])


def _struck_spans(struck: list[str]) -> list[_Span]:
    """The spans the GP struck earlier (they are no longer detected, but stay visible)."""
    found = []
    for value in struck:
        parts = value.split(":", 3)
        if len(parts) == 4 and parts[0].isdigit() and parts[1].isdigit():
            found.append(_Span(int(parts[0]), int(parts[1]), parts[2][:20], parts[3][:60]))
    return found


def note_segments(note: str, decision: Any, struck: list[str]) -> list[Segment]:
    """Split the note into plain and detected segments (overlapping spans: first one wins)."""
    spans = sorted(
        [(_of(s), False) for s in getattr(decision, "detected_spans", [])]
        + [(_of(s), True) for s in getattr(decision, "negated_spans", [])],
        key=lambda item: (item[0].start, -item[0].end),
    )
    spans += [(s, False) for s in _struck_spans(struck)]
    spans.sort(key=lambda item: (item[0].start, -item[0].end))
    struck_set = {":".join(s.split(":")[:2]) for s in struck}
    segments: list[Segment] = []
    pos = 0
    for span, negated in spans:
        if span.start < pos or span.end > len(note) or span.start >= span.end:
            continue
        if span.start > pos:
            segments.append(Segment(note[pos:span.start]))
        key = f"{span.start}:{span.end}"
        segments.append(Segment(note[span.start:span.end], span.kind, span.id, span.start,
                                span.end, negated, key in struck_set))
        pos = span.end
    if pos < len(note):
        segments.append(Segment(note[pos:]))
    return segments
