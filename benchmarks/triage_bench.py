"""Triage benchmark: decisions per second on one core, requests with a ~300-character note.

Run: ``python benchmarks/triage_bench.py [--seconds 10]``. Notes are built from the first 417
labelled sentences in ``tests/triage/notes_labelled.yaml`` (varied words, typos, negations; the
workload of every recorded figure, kept fixed when sentences are added), so the
fuzzy matcher sees realistic unknown words; nothing is cached between decisions (the notes
repeat, but not even a word's stem is kept from one decision to the next).

On a shared machine the absolute figures move with the load, so every round of decisions is
paired with a round of a fixed baseline workload (lower-casing and splitting the same notes
into words with a regex, in pure Python). The ratio ``decision time / baseline time`` is far
steadier than either figure and can be compared between runs and machines.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from triage import decide

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "tests" / "triage" / "notes_labelled.yaml"
#: The labelled sentences the notes are built from: the set as it was when the first figures
#: were recorded. Sentences added later are not part of the workload.
WORKLOAD_SENTENCES = 417
COMPLAINTS = [["eenzaamheid"], ["financien", "slaapproblemen"], [], ["psychisch_licht"]]
_WORD = re.compile(r"[a-z0-9]+")


def build_requests(count: int = 500, length: int = 300) -> list[dict[str, object]]:
    """Deterministic requests, each with a note of about ``length`` characters."""
    labelled = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))[:WORKLOAD_SENTENCES]
    sentences = [str(item["t"]) for item in labelled]
    requests, cursor = [], 0
    for n in range(count):
        note = ""
        while len(note) < length:
            note += sentences[cursor % len(sentences)] + " "
            cursor += 7
        requests.append(
            {
                "age": 18 + n % 70,
                "complaints": COMPLAINTS[n % len(COMPLAINTS)],
                "spinnenweb": {
                    "meedoen": n % 11,
                    "zingeving": (n * 3) % 11,
                    "mentaal_welbevinden": 6,
                },
                "text": note[:length],
            }
        )
    return requests


def baseline(request: dict[str, object]) -> None:
    """The fixed reference workload: the note's words, lower-cased, with their offsets."""
    [(m.group(), m.start()) for m in _WORD.finditer(str(request["text"]).lower())]


def _round(work: Callable[[dict[str, object]], object], requests: list) -> tuple[float, float]:
    """Seconds per request of one round: (wall clock, process CPU time)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for request in requests:
        work(request)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return wall / len(requests), max(cpu, 1e-9) / len(requests)


def run(seconds: float) -> dict[str, list[float]]:
    """Per round: decision and baseline times (wall, CPU) and their CPU ratio."""
    requests = build_requests()
    for request in requests[:50]:
        decide(request)  # warm up: load rules, word list and vocabulary once
    out: dict[str, list[float]] = {"wall": [], "cpu": [], "base": [], "ratio": []}
    started = time.perf_counter()
    while time.perf_counter() - started < seconds or len(out["cpu"]) < 5:
        base = min(_round(baseline, requests)[1] for _ in range(3))
        wall, cpu = _round(decide, requests)
        out["wall"].append(wall)
        out["cpu"].append(cpu)
        out["base"].append(base)
        out["ratio"].append(cpu / base)
    return out


def main() -> None:
    """Print the median rates, the baseline ratio and the setting they were measured in."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    rounds = run(args.seconds)
    avg_len = statistics.mean(len(str(r["text"])) for r in build_requests())
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"python {platform.python_version()} on {platform.machine()}, one core{load}")
    print(f"note length {avg_len:.0f} characters, {len(rounds['cpu'])} rounds of 500 requests")
    for name, key in (("wall clock", "wall"), ("CPU time", "cpu")):
        rates = [1 / t for t in rounds[key]]
        print(
            f"decisions/s ({name}): median {statistics.median(rates):,.0f}"
            f"  min {min(rates):,.0f}  max {max(rates):,.0f}"
        )
    base = statistics.median(rounds["base"]) * 1e6
    ratio = rounds["ratio"]
    print(f"baseline (CPU, per note): median {base:.1f} µs")
    print(
        f"decision / baseline (CPU): median {statistics.median(ratio):.1f}"
        f"  min {min(ratio):.1f}  max {max(ratio):.1f}"
    )


if __name__ == "__main__":
    main()
