"""Matcher benchmark: index build, match latency, peak memory, and a naive full scan for contrast.

Run from the repository root:  python benchmarks/match_bench.py [--n 100000] [--requests 1000]

The naive baseline is what one would write without an index: pandas row filtering, distances
and scores computed over the whole catalogue for every request, text by rapidfuzz over every
name and description. It is slow, so it runs on the first ``--naive`` requests; the speed ratio
compares the mean latency of both on exactly those requests.

Memory is measured the way a serving process sees it: a fresh child process (``spawn``) imports
the libraries (scikit-learn among them: the index's BallTree), reads the catalogue chunk by chunk
from pickles this process wrote to a temporary directory (as a server reads the database in
batches), builds the index from them, answers the same requests and reports its own peak
resident memory. The benchmark process's own figures (it also holds the pandas frame and runs
the naive scan) are reported separately.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, utils

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_catalogue import REFERENCE_DAY, synthetic_frame  # noqa: E402

from matcher.answer import build_answer  # noqa: E402
from matcher.build import CHUNK_ROWS, frame_chunks  # noqa: E402
from matcher.config import load_weights  # noqa: E402
from matcher.filters import haversine_np  # noqa: E402
from matcher.index import MatchIndex  # noqa: E402
from matcher.ranking import rank  # noqa: E402
from matcher.request import origin_of, parse_request  # noqa: E402
from socialmap.geo import pc4_places  # noqa: E402
from socialmap.vocabulary import load_vocabulary  # noqa: E402

QUERIES = ["wandelen", "wandelgroeb", "mindfullnes", "lopen", "buddy", "inloop", "koffie",
           "yoga", "schulden", "rouwgroep", "samen koken", "taalcafe", "dansen ouderen"]


def requests(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` varied requests: locations, needs, spinnenwebs, queries and limits mixed."""
    rng = np.random.default_rng(seed)
    pc4s = sorted(pc4_places())
    dims, comps = load_vocabulary().dimensions.ids, load_vocabulary().complaints.ids
    out = []
    for _ in range(n):
        req: dict[str, Any] = {"limit": int(rng.choice([5, 10, 10, 20]))}
        if rng.random() < 0.9:
            req["postcode"] = str(rng.choice(pc4s))
            if rng.random() < 0.5:
                req["max_km"] = float(rng.choice([2, 5, 10, 25]))
        if rng.random() < 0.5:
            req["dimensions"] = rng.choice(dims, size=rng.integers(1, 3), replace=False).tolist()
        elif rng.random() < 0.7:
            req["spinnenweb"] = {d: int(rng.integers(1, 10)) for d in dims}
        if rng.random() < 0.4:
            req["complaints"] = rng.choice(comps, size=rng.integers(1, 3), replace=False).tolist()
        if rng.random() < 0.35:
            req["query"] = str(rng.choice(QUERIES))
        if rng.random() < 0.5:
            req["age"] = int(rng.integers(18, 95))
        req["free_only"] = bool(rng.random() < 0.2)
        req["wheelchair"] = bool(rng.random() < 0.1)
        req["online_ok"] = bool(rng.random() < 0.85)
        out.append(req)
    return out


def indexed_match(index: MatchIndex, raw: dict[str, Any]) -> list[str]:
    """The real pipeline, from the raw request to the answer (no database)."""
    req = parse_request(raw)
    answer = build_answer(index, rank(index, req, today=REFERENCE_DAY), req, REFERENCE_DAY,
                          load_weights())
    return [r.id for r in answer.results]


def naive_match(frame: pd.DataFrame, raw: dict[str, Any]) -> list[str]:
    """A full scan with pandas: filter rows, score every row, sort."""
    req = parse_request(raw)
    df = frame
    if req.age is not None:
        df = df[~(df["age_min"] > req.age) & ~(df["age_max"] < req.age)]
    if req.free_only:
        df = df[df["cost_eur"] == 0]
    if req.wheelchair:
        df = df[df["wheelchair"] == "ja"]
    if not req.online_ok:
        df = df[~df["online"]]
    origin = origin_of(req)
    score = pd.Series(0.0, index=df.index)
    if origin is not None:
        km = pd.Series(haversine_np(origin.lat, origin.lon, df["lat"].to_numpy(),
                                    df["lon"].to_numpy()), index=df.index)
        if req.max_km is not None:
            keep = df["online"] | (km <= req.max_km)
            df, km, score = df[keep], km[keep], score[keep]
        score += 0.2 * np.where(df["online"], 0.6, 0.5 ** (km.fillna(1e9) / 4.0))
    wanted = set(req.dimensions) or set(req.spinnenweb)
    if wanted:
        score += 0.4 * df["dimensions"].apply(lambda ds: float(bool(wanted & set(ds))))
    if req.complaints:
        cs = set(req.complaints)
        score += 0.15 * df["complaints"].apply(lambda c: len(cs & set(c)) / len(cs))
    if req.query:
        text = df["name"] + " " + df["description"]
        score += 0.4 * text.apply(lambda t: fuzz.partial_ratio(
            req.query, t, processor=utils.default_process) / 100)
    return df.assign(_score=score).nlargest(req.limit, "_score")["id"].tolist()


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb() -> float:
    """Current resident memory of this process (Linux), in MB."""
    return _status_mb("VmRSS")


def _own_peak_mb() -> float:
    """Peak resident memory of this process image (Linux ``VmHWM``), in MB.

    Not ``ru_maxrss``: Linux carries that over ``fork`` + ``exec``, so in a spawned child it
    starts at the parent's resident memory at the moment of the fork.
    """
    return _status_mb("VmHWM")


def timed(fn: Any, *args: Any) -> tuple[float, float]:
    """Wall-clock and CPU seconds one call takes (CPU time is robust to other load)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def _pct(ms: np.ndarray, q: float) -> float:
    return round(float(np.percentile(ms, q)), 2)


def serving_run(chunk_paths: list[str], n_requests: int, seed: int,
                n_naive: int) -> dict[str, Any]:
    """In a fresh process: build the index from the chunks, match, report (see the module doc)."""
    rss_libraries = _rss_mb()
    read_s = 0.0

    def chunks() -> Any:
        nonlocal read_s
        for path in chunk_paths:
            start = time.perf_counter()
            frame = pd.read_pickle(path)
            read_s += time.perf_counter() - start
            yield frame

    start = time.perf_counter()
    index = MatchIndex.from_frames(chunks())
    build_s = time.perf_counter() - start - read_s
    gc.collect()
    rss_index = _rss_mb()
    reqs = requests(n_requests, seed)
    lat = np.array([timed(indexed_match, index, raw) for raw in reqs]) * 1000
    return {
        "serving_sklearn_imported": "sklearn.neighbors" in sys.modules,
        "serving_rss_libraries_mb": round(rss_libraries),
        "serving_index_build_s": round(build_s, 2), "serving_read_chunks_s": round(read_s, 2),
        "serving_rss_after_build_mb": round(rss_index),
        "serving_rss_after_matches_mb": round(_rss_mb()),
        "serving_peak_rss_mb": round(_own_peak_mb()),
        "serving_ru_maxrss_mb_inherited": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "serving_match_p50_ms": _pct(lat[:, 0], 50), "serving_match_p95_ms": _pct(lat[:, 0], 95),
        # no warm-up here: the first requests look their query words up for the first time
        "serving_cold_mean_ms_naive_requests": round(float(lat[:n_naive, 0].mean()), 2),
        "serving_cold_cpu_mean_ms_naive_requests": round(float(lat[:n_naive, 1].mean()), 2),
    }


def serving_figures(frame: pd.DataFrame, n_requests: int, seed: int,
                    n_naive: int) -> dict[str, Any]:
    """Run :func:`serving_run` in a spawned child on ``frame`` written as chunk files."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, chunk in enumerate(frame_chunks(frame, CHUNK_ROWS)):
            paths.append(str(Path(tmp) / f"catalogue-{k:04d}.pkl"))
            chunk.to_pickle(paths[-1])
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            return pool.apply(serving_run, (paths, n_requests, seed, n_naive))


def main() -> None:
    """Run everything and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--naive", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rss_libraries = _rss_mb()
    start = time.perf_counter()
    frame = synthetic_frame(args.n, seed=args.seed)
    generate_s = time.perf_counter() - start
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    build_s, build_cpu_s = timed(MatchIndex.from_frame, frame)
    rss_after_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    gc.collect()
    tracemalloc.start()
    index = MatchIndex.from_frame(frame)
    retained_mb, build_peak_mb = (v / 2**20 for v in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    reqs = requests(args.requests, args.seed)
    # Warm the caches the way a running server has them (the common query words looked up),
    # with other requests than those measured: the index remembers small radius lookups, and
    # repeating a measured request would flatter it.
    for raw in requests(100, args.seed + 1):
        indexed_match(index, raw)
    lat = np.array([timed(indexed_match, index, raw) for raw in reqs]) * 1000
    naive = np.array([timed(naive_match, frame, raw) for raw in reqs[: args.naive]]) * 1000
    k = len(naive)
    figures = {
        "activities": args.n, "requests": len(reqs), "generate_s": round(generate_s, 2),
        "index_build_s": round(build_s, 2), "index_build_cpu_s": round(build_cpu_s, 2),
        "rss_libraries_mb": round(rss_libraries),
        "index_retained_mb": round(retained_mb, 1),
        "index_build_peak_mb": round(build_peak_mb, 1),
        "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_before_build_mb": round(rss_before),
        "peak_rss_after_build_mb": round(rss_after_build),
        "match_p50_ms": _pct(lat[:, 0], 50), "match_p95_ms": _pct(lat[:, 0], 95),
        "match_max_ms": _pct(lat[:, 0], 100),
        "match_cpu_p50_ms": _pct(lat[:, 1], 50), "match_cpu_p95_ms": _pct(lat[:, 1], 95),
        "naive_requests": k, "naive_mean_ms": round(float(naive[:, 0].mean()), 1),
        "naive_cpu_mean_ms": round(float(naive[:, 1].mean()), 1),
        "indexed_mean_ms_same_requests": round(float(lat[:k, 0].mean()), 2),
        "indexed_cpu_mean_ms_same_requests": round(float(lat[:k, 1].mean()), 2),
        "speed_ratio_wall": round(float(naive[:, 0].mean() / lat[:k, 0].mean()), 1),
        "speed_ratio_cpu": round(float(naive[:, 1].mean() / lat[:k, 1].mean()), 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    del index
    gc.collect()
    figures.update(serving_figures(frame, args.requests, args.seed, k))
    figures["speed_ratio_cold_serving_wall"] = round(
        figures["naive_mean_ms"] / figures["serving_cold_mean_ms_naive_requests"], 1)
    figures["speed_ratio_cold_serving_cpu"] = round(
        figures["naive_cpu_mean_ms"] / figures["serving_cold_cpu_mean_ms_naive_requests"], 1)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
