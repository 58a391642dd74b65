"""Triage benchmark: decisions per second on one core, requests with a ~300-character note.

Run: ``python benchmarks/triage_bench.py [--seconds 5]``. Notes are built from the labelled
sentences in ``tests/triage/notes_labelled.yaml`` (varied words, typos, negations), so the
fuzzy matcher sees realistic unknown words; nothing is cached between decisions.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import yaml

from triage import decide

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "tests" / "triage" / "notes_labelled.yaml"
COMPLAINTS = [["eenzaamheid"], ["financien", "slaapproblemen"], [], ["psychisch_licht"]]


def build_requests(count: int = 500, length: int = 300) -> list[dict[str, object]]:
    """Deterministic requests, each with a note of about ``length`` characters."""
    sentences = [str(item["t"]) for item in yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))]
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


def run(seconds: float) -> tuple[list[float], list[float]]:
    """Decisions per second (wall clock and process CPU time) per round of 500 requests."""
    requests = build_requests()
    for request in requests[:50]:
        decide(request)  # warm up: load rules, word list and vocabulary once
    wall, cpu, started = [], [], time.perf_counter()
    while time.perf_counter() - started < seconds or len(wall) < 3:
        t0, c0 = time.perf_counter(), time.process_time()
        for request in requests:
            decide(request)
        wall.append(len(requests) / (time.perf_counter() - t0))
        cpu.append(len(requests) / max(time.process_time() - c0, 1e-9))
    return wall, cpu


def main() -> None:
    """Print the median rate and the setting it was measured in."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    wall, cpu = run(args.seconds)
    avg_len = statistics.mean(len(str(r["text"])) for r in build_requests())
    print(f"python {platform.python_version()} on {platform.machine()}, one core")
    print(f"note length {avg_len:.0f} characters, {len(wall)} rounds of 500 requests")
    for name, rates in (("wall clock", wall), ("CPU time", cpu)):
        print(
            f"decisions/s ({name}): median {statistics.median(rates):,.0f}"
            f"  min {min(rates):,.0f}  max {max(rates):,.0f}"
        )


if __name__ == "__main__":
    main()
