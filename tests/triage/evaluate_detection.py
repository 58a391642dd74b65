"""Precision and recall of note detection on the labelled sentences (notes_labelled.yaml).

Run: ``python tests/triage/evaluate_detection.py`` (``--help`` lists the options; add ``--errors``
to list every miss and every negated signal found, and ``--heldout`` or ``--heldoutN`` to score
the held-out set ``notes_heldout.yaml`` or ``notes_heldoutN.yaml`` instead; there is one option
per held-out file in this folder).
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from triage.detection import detect, detected_ids

LABELLED = Path(__file__).with_name("notes_labelled.yaml")
HELDOUT = Path(__file__).with_name("notes_heldout.yaml")


def heldout_sets() -> dict[str, Path]:
    """The held-out sets in this folder by option name: ``heldout``, ``heldout2``, ..."""
    found = sorted(HELDOUT.parent.glob("notes_heldout*.yaml"), key=lambda p: (len(p.stem), p.stem))
    return {path.stem.removeprefix("notes_"): path for path in found}


@dataclass
class Scores:
    """Counts per label and the sentences that went wrong."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    negated_signal_hits: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sentences: int = 0

    def micro(self) -> tuple[float, float, float]:
        """Micro-averaged precision, recall and F1 over all labels."""
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def load_labelled(path: Path = LABELLED) -> list[dict[str, object]]:
    """The labelled sentences."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def evaluate(items: list[dict[str, object]] | None = None) -> Scores:
    """Compare detection with the labels, per complaint category and signal."""
    scores = Scores()
    for item in items if items is not None else load_labelled():
        text = str(item["t"])
        hits = detect(text)
        found = {f"c:{c}" for c in detected_ids(hits, "complaint")}
        found |= {f"s:{s}" for s in detected_ids(hits, "signal")}
        gold = {f"c:{c}" for c in item.get("c") or []} | {f"s:{s}" for s in item.get("s") or []}
        for label in found & gold:
            scores.tp[label] += 1
        for label in found - gold:
            scores.fp[label] += 1
        for label in gold - found:
            scores.fn[label] += 1
        for signal in item.get("n") or []:
            if f"s:{signal}" in found:
                scores.negated_signal_hits.append(f"{signal}: {text}")
        if found != gold:
            extra, missed = sorted(found - gold), sorted(gold - found)
            scores.errors.append(f"{text}\n    te veel: {extra}  gemist: {missed}")
        scores.sentences += 1
    return scores


def report(scores: Scores, show_errors: bool = False) -> str:
    """A plain-text table of the figures."""
    labels = sorted(set(scores.tp) | set(scores.fp) | set(scores.fn))
    lines = [f"{'label':42} {'prec':>6} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for label in labels:
        tp, fp, fn = scores.tp[label], scores.fp[label], scores.fn[label]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        lines.append(f"{label:42} {p:6.2f} {r:6.2f} {tp:4} {fp:4} {fn:4}")
    precision, recall, f1 = scores.micro()
    lines.append(f"\nzinnen: {scores.sentences}")
    lines.append(f"micro: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    lines.append(f"ontkende signalen toch gevonden: {len(scores.negated_signal_hits)}")
    if show_errors:
        lines += [f"  {hit}" for hit in scores.negated_signal_hits]
        lines.append("\nfouten:")
        lines += [f"  {e}" for e in scores.errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the figures of one set (the labelled set unless a held-out set is named)."""
    sets = heldout_sets()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    for name, path in sets.items():
        group.add_argument(
            f"--{name}",
            dest="path",
            action="store_const",
            const=path,
            help=f"score {path.name} instead of {LABELLED.name}",
        )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list every sentence that went wrong (never for a set that must stay unseen)",
    )
    args = parser.parse_args(argv)
    print(report(evaluate(load_labelled(args.path or LABELLED)), show_errors=args.errors))


if __name__ == "__main__":
    main()
