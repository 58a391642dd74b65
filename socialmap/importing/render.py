"""Rendering an :class:`ImportReport` as plain Dutch text or as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import ActivityIn
from ..vocabulary import load_vocabulary
from .classify import suggest

if TYPE_CHECKING:
    from .report import ImportReport, Problem

#: Each section of the text report lists at most this many lines.
MAX_LINES = 300


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    return [*lines[:MAX_LINES], f"  ... en nog {len(lines) - MAX_LINES} (zie --json)"]


def _outcome(report: ImportReport) -> str:
    if not report.ok:
        if report.parsed.file_errors:
            return "NIET GEÏMPORTEERD: het bestand kan niet worden gelezen. Er is niets gewijzigd."
        return ("NIET GEÏMPORTEERD: er zijn rijen met fouten, dus er is niets gewijzigd. Herstel "
                "de fouten en importeer opnieuw, of importeer met --skip-invalid alleen de "
                "geldige rijen.")
    if report.dry_run:
        return "PROEFIMPORT (--dry-run): alles is gecontroleerd, er is niets opgeslagen."
    if report.applied:
        return "GEÏMPORTEERD." + (" De catalogus is vervangen." if report.replace else "")
    return "Niet uitgevoerd."


def _errors(report: ImportReport) -> list[str]:
    lines = [f"  - {p.text()}" for p in report.parsed.file_errors]
    for row in report.parsed.invalid_rows:
        lines.append(f"  rij {row.row}:")
        lines.extend(f"    - {_without_row(p)}" for p in row.errors)
    return lines


def _errors_title(report: ImportReport) -> str:
    if report.ok and report.skip_invalid:
        return f"Overgeslagen rijen ({len(report.parsed.invalid_rows)}), met hun fouten"
    return f"Fouten ({len(report.errors)})"


def _without_row(p: Problem) -> str:
    value = f' (waarde: "{p.value}")' if p.value not in (None, "") else ""
    return f"{p.field}: {p.message}{value}" if p.field else f"{p.message}{value}"


def _classify_line(a: ActivityIn) -> str:
    vocab = load_vocabulary()
    found = suggest(a.name, a.description)
    parts = [f"{vocab.dimensions.label(d)} ({found.because(d)})"
             for d in a.suggested_dimensions] or ["geen voorstel"]
    complaints = [vocab.complaints.label(c) for c in a.suggested_complaints]
    extra = f"; doelgroepen: {', '.join(complaints)}" if complaints else ""
    return f"  - {a.id}: {a.name} -> voorstel: {', '.join(parts)}{extra}"


def _summary(report: ImportReport) -> list[str]:
    s = report.summary
    if s is None:
        return []
    title = "Resultaat bij echt importeren" if report.dry_run else "Resultaat"
    lines = [f"{title}: {len(s.created)} nieuw, {len(s.updated)} gewijzigd, "
             f"{len(s.unchanged)} ongewijzigd, {len(s.removed)} verwijderd."]
    if report.kept:
        lines.append(f"Behouden omdat hun rij fouten bevat: {', '.join(report.kept)}.")
    if report.applied and report.version_after is not None:
        lines.append(f"Catalogusversie: {report.version_before} -> {report.version_after}.")
    return lines


def report_text(report: ImportReport) -> str:
    """The whole report as plain Dutch text."""
    parsed = report.parsed
    detail = f" ({parsed.detail})" if parsed.detail else ""
    lines = [f"Import van {parsed.source}: {parsed.format}{detail}"]
    if parsed.rows:
        lines.append(f"Gelezen: {len(parsed.rows)} rijen; {len(parsed.valid)} geldig, "
                     f"{len(parsed.invalid_rows)} met fouten.")
    lines.append(_outcome(report))
    sections: list[tuple[str, list[str]]] = [
        (_errors_title(report), _errors(report)),
        (f"Waarschuwingen ({len(report.warnings)})",
         [f"  - {p.text()}" for p in report.warnings]),
        (f"Mogelijke dubbelen, ter controle ({len(report.duplicates)})",
         [f"  - {p.message}" for p in report.duplicates]),
    ]
    by_id = {a.id: a for a in parsed.valid}
    if report.to_classify:
        sections.append((
            f"Te classificeren ({len(report.to_classify)}): zonder spinnenweb-dimensies, buiten "
            "de matching tot een beheerder de voorgestelde dimensies bevestigt of verbetert",
            [_classify_line(by_id[i]) for i in report.to_classify if i in by_id]))
    if parsed.unmapped_headers:
        sections.append(("Niet gekoppelde kolommen (genegeerd; koppel ze met --mapping)",
                         [f"  - {h}" for h in parsed.unmapped_headers]))
    for title, body in sections:
        if body:
            lines.extend(["", f"{title}:", *_capped(body)])
    summary = _summary(report)
    if summary:
        lines.extend(["", *summary])
    return "\n".join(lines) + "\n"


def _problems(items: list[Problem]) -> list[dict[str, Any]]:
    return [p.to_json() for p in items]


def report_json(report: ImportReport) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    parsed = report.parsed
    s = report.summary
    by_id = {a.id: a for a in parsed.valid}
    return {
        "source": parsed.source, "format": parsed.format, "detail": parsed.detail,
        "ok": report.ok, "applied": report.applied, "dry_run": report.dry_run,
        "replace": report.replace, "skip_invalid": report.skip_invalid,
        "message": report.headline(),
        "rows": len(parsed.rows), "valid": len(parsed.valid),
        "errors": _problems(report.errors), "warnings": _problems(report.warnings),
        "rejected_rows": [{"row": r.row, "errors": _problems(r.errors)}
                          for r in parsed.invalid_rows],
        "duplicates": _problems(report.duplicates),
        "to_classify": [{"id": i, "name": by_id[i].name,
                         "suggested_dimensions": by_id[i].suggested_dimensions,
                         "suggested_complaints": by_id[i].suggested_complaints}
                        for i in report.to_classify if i in by_id],
        "unmapped_headers": parsed.unmapped_headers,
        "summary": None if s is None else {
            "created": s.created, "updated": s.updated, "unchanged": s.unchanged,
            "removed": s.removed},
        "kept": report.kept,
        "catalogue_version": {"before": report.version_before, "after": report.version_after},
    }
