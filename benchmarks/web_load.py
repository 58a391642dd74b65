"""Load benchmark of the web app: gunicorn with several workers on PostgreSQL, loopback load.

Not a test: it reports requests per second, p50/p95/p99 latency and errors per endpoint
(``POST /api/v1/match`` with varied bodies, and the coach results page ``GET /coach?...``) for a
fixed, bounded time at a fixed number of concurrent connections against 127.0.0.1 only, with the
CPU time the server processes and the load generator spent per request (on Linux; it does not
depend on what else runs on the machine, unlike the latencies) and the load average. The last
lines are Markdown table rows ready for ``docs/benchmarks.md``.

Needs (not project dependencies, nothing is installed at run time):

    pip install "welzijnswijzer[gunicorn]"   # the WSGI server with several worker processes
    apt-get install wrk                      # the load generator (else a small asyncio one)

Example (the database is created once, e.g. ``createdb -O ww ww_load``; its catalogue is
replaced by the demo catalogue when empty). The defaults run gunicorn as the README recommends
for production (``-k sync -w 2`` on two cores); ``--worker-class gthread --threads 4`` runs
the threaded worker with keep-alive instead:

    python benchmarks/web_load.py --database-url postgresql://ww:ww@127.0.0.1:5432/ww_load \\
        --connections 50 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from socialmap.vocabulary import load_vocabulary  # noqa: E402

#: Postcodes of places in the demo catalogue (Groningen and around).
POSTCODES = ["9721 DM", "9726 RC", "9791 PW", "9713 DZ", "9711 AB", "9741 HJ", "9724 AB",
             "9728 BX", "9743 SJ", "9725 WX", "9712 CD", "9721 EG"]
HOST = "127.0.0.1"


@dataclass
class Request:
    """One request of the load mix."""

    method: str
    path: str
    body: str = ""


@dataclass
class Result:
    """What one load run measured."""

    name: str
    seconds: float
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    error_kinds: dict[str, int] = field(default_factory=dict)
    server_cpu_ms: float | None = None
    generator_cpu_ms: float | None = None
    load_average: tuple[float, float] = (0.0, 0.0)

    @property
    def rps(self) -> float:
        """Completed requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0


def workload(count: int, seed: int) -> tuple[list[Request], list[Request]]:
    """Varied match bodies and coach queries (deterministic for a seed)."""
    vocab = load_vocabulary()
    rng = random.Random(seed)
    match, coach = [], []
    for _ in range(count):
        scores = {d: rng.choice([2, 3, 4, 5, 6, 7, 8]) for d in vocab.dimensions.ids
                  if rng.random() < 0.8}
        body: dict[str, Any] = {"postcode": rng.choice(POSTCODES), "spinnenweb": scores,
                                "limit": 10}
        if rng.random() < 0.5:
            body["complaints"] = rng.sample(vocab.complaints.ids, rng.randint(1, 3))
        if rng.random() < 0.5:
            body["max_km"] = rng.choice([5, 10, 25])
        if rng.random() < 0.3:
            body["free_only"] = True
        match.append(Request("POST", "/api/v1/match", json.dumps(body)))
        query = {"zoeken": "1", "postcode": body["postcode"], "max_km": body.get("max_km", ""),
                 **{f"score_{d}": s for d, s in scores.items()}}
        coach.append(Request("GET", "/coach?" + urlencode(query)))
    return match, coach


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def prepare_database(url: str) -> int:
    """Migrate once and load the demo catalogue when the catalogue is empty."""
    from socialmap import store
    from socialmap.database import make_engine, migrate
    from web.demo import fill_demo_catalogue

    engine = make_engine(url)
    migrate(engine)
    fill_demo_catalogue(engine)
    with engine.connect() as conn:
        count = store.count_activities(conn, store.ActivityFilter())
    engine.dispose()
    return int(count)


def gunicorn_options(args: argparse.Namespace) -> list[str]:
    """The gunicorn options under test (as documented in the README, plus the bind address)."""
    options = ["-k", args.worker_class, "-w", str(args.workers)]
    if args.worker_class == "gthread":  # sync workers answer one request per connection
        options += ["--threads", str(args.threads), "--keep-alive", str(args.keep_alive)]
    return options


def start_gunicorn(url: str, port: int, options: list[str],
                   instance: str) -> subprocess.Popen[bytes]:
    """Start gunicorn (own process group) and wait until it answers; bounded by 60 s."""
    env = {**os.environ, "WELZIJNSWIJZER_DATABASE_URL": url, "WELZIJNSWIJZER_DEMO": "false",
           "WELZIJNSWIJZER_MIGRATE_ON_START": "false", "WELZIJNSWIJZER_INSTANCE_PATH": instance,
           "WELZIJNSWIJZER_SECRET_KEY": secrets.token_urlsafe(48),
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "gunicorn", *options, "-b", f"{HOST}:{port}",
           "--log-level", "warning", "web.app:create_app()"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn stopped with exit code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/", timeout=2) as answer:
                if answer.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    stop(proc)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn we started (its own process group), bounded."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def process_tree_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of a process and its direct children so far (Linux only)."""
    proc = Path("/proc")
    if not (proc / str(pid) / "stat").exists():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += int(fields[11]) + int(fields[12])
    return total / tick


def generator_cpu() -> float:
    """CPU seconds of this script and its finished children (wrk, or the asyncio generator)."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def measured(run: Callable[[], Result], server_pid: int) -> Result:
    """Run one load run and add the CPU per request of server and generator and the load."""
    before = (process_tree_cpu(server_pid), generator_cpu(), os.getloadavg()[0])
    result = run()
    server = process_tree_cpu(server_pid)
    if server is not None and before[0] is not None and result.requests:
        result.server_cpu_ms = (server - before[0]) * 1000 / result.requests
    if result.requests:
        result.generator_cpu_ms = (generator_cpu() - before[1]) * 1000 / result.requests
    result.load_average = (before[2], os.getloadavg()[0])
    return result


def warm_up(port: int, requests: list[Request], rounds: int = 3) -> None:
    """Let every worker build its match index before measuring (a few sequential calls)."""
    for req in requests[: 8 * rounds]:
        data = req.body.encode() if req.method == "POST" else None
        call = urllib.request.Request(f"http://{HOST}:{port}{req.path}", data=data,
                                      method=req.method,
                                      headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(call, timeout=30) as answer:
            answer.read()


# -- wrk ---------------------------------------------------------------------------------------

WRK_SCRIPT = """
local items = {%s}
local counter = 0
request = function()
  counter = counter + 1
  local item = items[(counter %% #items) + 1]
  return wrk.format(item[1], item[2], {["Content-Type"] = "application/json"}, item[3])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%f %%f %%f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def lua_string(text: str) -> str:
    level = "=" * 3
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def run_wrk(name: str, port: int, requests: list[Request], connections: int, seconds: int,
            wrk_threads: int) -> Result:
    """Drive one endpoint with wrk for ``seconds``; parse its summary line."""
    items = ", ".join(
        "{" + ", ".join([lua_string(r.method), lua_string(r.path),
                         lua_string(r.body) if r.body else "nil"]) + "}" for r in requests)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % items)
    try:
        out = subprocess.run(
            ["wrk", "-t", str(wrk_threads), "-c", str(connections), "-d", f"{seconds}s",
             "--timeout", "10s", "-s", script.name, f"http://{HOST}:{port}"],
            capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    finally:
        os.unlink(script.name)
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    req, dur, conn, read, write, status, timeout, p50, p95, p99 = line.split()[1:]
    kinds = {"connect": int(conn), "read": int(read), "write": int(write),
             "status": int(status), "timeout": int(timeout)}
    return Result(name, int(dur) / 1e6, int(req), sum(kinds.values()), float(p50) / 1000,
                  float(p95) / 1000, float(p99) / 1000, {k: v for k, v in kinds.items() if v})


# -- asyncio fallback -------------------------------------------------------------------------

async def _one_connection(port: int, requests: list[Request], offset: int, deadline: float,
                          latencies: list[float], errors: dict[str, int]) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    i = offset
    try:
        while time.monotonic() < deadline:
            req = requests[i % len(requests)]
            i += 1
            body = req.body.encode()
            head = (f"{req.method} {req.path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
            start = time.perf_counter()
            writer.write(head.encode() + body)
            await writer.drain()
            status_line = await asyncio.wait_for(reader.readline(), 10)
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            status = int(status_line.split()[1])
            if status >= 400:
                errors["status"] = errors.get("status", 0) + 1
    except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
        errors["connection"] = errors.get("connection", 0) + 1
    finally:
        writer.close()


def run_python(name: str, port: int, requests: list[Request], connections: int,
               seconds: int) -> Result:
    """A small keep-alive load generator (used when wrk is not installed)."""
    latencies: list[float] = []
    errors: dict[str, int] = {}

    async def main() -> float:
        start = time.monotonic()
        deadline = start + seconds
        await asyncio.gather(*(_one_connection(port, requests, n * 7, deadline, latencies,
                                               errors) for n in range(connections)))
        return time.monotonic() - start

    elapsed = asyncio.run(main())
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Result(name, elapsed, len(latencies), sum(errors.values()), q[49] * 1000,
                  q[94] * 1000, q[98] * 1000, errors)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f} ms"


def report(results: list[Result], args: argparse.Namespace, generator: str, activities: int,
           options: list[str]) -> None:
    """Print the run's settings and Markdown table rows (the columns of docs/benchmarks.md)."""
    database = args.database_url.split("@")[-1]
    print(f"\ngunicorn {' '.join(options)}; {args.connections} connections, {args.seconds} s "
          f"per endpoint, generator {generator}, {activities} activities, database {database}")
    print("\n| date | connections | endpoint | requests/s | p50 | p95 | p99 | errors | "
          "server CPU/request | generator CPU/request | load average |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        kinds = f" ({', '.join(f'{k} {v}' for k, v in r.error_kinds.items())})" \
            if r.error_kinds else ""
        print(f"| {time.strftime('%Y-%m')} | {args.connections} | `{r.name}` | {r.rps:,.0f} | "
              f"{r.p50_ms:,.0f} ms | {r.p95_ms:,.0f} ms | {r.p99_ms:,.0f} ms | "
              f"{r.errors}{kinds} | {_ms(r.server_cpu_ms)} | {_ms(r.generator_cpu_ms)} | "
              f"{r.load_average[0]:.1f} / {r.load_average[1]:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("WELZIJNSWIJZER_DATABASE_URL"),
                        help="PostgreSQL URL (default: WELZIJNSWIJZER_DATABASE_URL)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument("--threads", type=int, default=4,
                        help="threads per gunicorn worker (gthread only)")
    parser.add_argument("--keep-alive", type=int, default=5,
                        help="seconds gunicorn keeps an idle connection open (gthread only)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20, help="per endpoint (at most 600)")
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.database_url or not args.database_url.startswith("postgres"):
        parser.error("give a PostgreSQL URL (--database-url or WELZIJNSWIJZER_DATABASE_URL)")
    if not 1 <= args.seconds <= 600 or args.workers < 2:
        parser.error("--seconds must be 1-600 and --workers at least 2")
    if shutil.which("gunicorn") is None and not _has_module("gunicorn"):
        parser.error("gunicorn is not installed: pip install gunicorn")
    generator = args.generator
    if generator == "auto":
        generator = "wrk" if shutil.which("wrk") else "python"
    elif generator == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed: apt-get install wrk")

    activities = prepare_database(args.database_url)
    match, coach = workload(64, args.seed)
    port = free_port()
    options = gunicorn_options(args)
    with tempfile.TemporaryDirectory() as instance:
        proc = start_gunicorn(args.database_url, port, options, instance)
        try:
            warm_up(port, match)
            warm_up(port, coach)
            results = []
            for name, reqs in (("POST /api/v1/match", match), ("GET /coach?...", coach)):
                run = partial(run_wrk, wrk_threads=args.wrk_threads) if generator == "wrk" \
                    else run_python
                results.append(measured(partial(run, name, port, reqs, args.connections,
                                                args.seconds), proc.pid))
        finally:
            stop(proc)
    report(results, args, generator, activities, options)


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    main()
