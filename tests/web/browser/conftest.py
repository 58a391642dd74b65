"""Fixtures for the browser suite: the real app under waitress, headless Chromium, axe-core.

The app runs on its own database (a temporary SQLite file, or a schema of its own on the
PostgreSQL named by ``WELZIJNSWIJZER_DATABASE_URL``), filled with the demo catalogue through the
same code path ``welzijnswijzer serve`` uses, with one account per role and a known password.

Without Chromium or the axe-core file the tests skip locally and fail when ``CI`` is set.
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import waitress
from flask import Flask
from sqlalchemy import text
from waitress import wasyncore

from socialmap.database import make_engine
from web import accounts
from web.accounts import Role
from web.app import create_app
from web.demo import fill_demo_catalogue
from web.referral_support import prepare_demo_referrals
from web.state import get_state

REPO = Path(__file__).resolve().parents[3]
SCREENSHOTS = REPO / "docs" / "screenshots"
URL_ENV = "WELZIJNSWIJZER_DATABASE_URL"
AXE_ENV = "WELZIJNSWIJZER_AXE_PATH"
SECRET = "browser-suite-secret-" + "x" * 40
PASSWORD = "browser suite password"
VIEWPORT = {"width": 1280, "height": 900}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update",
                 "--disable-sync"]
IN_CI = bool(os.environ.get("CI"))
#: Chromium logs every 4xx page as a console error; error pages are expected in some tests.
EXPECTED_4XX = "Failed to load resource: the server responded with a status of 4"


def missing(what: str) -> None:
    """Skip locally, fail in CI (CI must run the browser tests)."""
    if IN_CI:
        pytest.fail(f"{what} (CI must run the browser tests)", pytrace=False)
    pytest.skip(what)


@dataclass
class LiveServer:
    """The running app: its base URL, the Flask app and one account name per role."""

    url: str
    app: Flask
    users: dict[Role, str] = field(default_factory=dict)
    password: str = PASSWORD


def _database(tmp: Path) -> tuple[str, Callable[[], None]]:
    """A database URL of the suite's own and a function that removes it again."""
    url = os.environ.get(URL_ENV, "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'browser.db'}", lambda: None
    schema = f"browser_{uuid.uuid4().hex[:8]}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return f"{url}{sep}options=-csearch_path%3D{schema}", drop


def _fill(app: Flask) -> dict[Role, str]:
    """The demo as ``serve`` prepares it (catalogue, referrals, workplaces), with one account
    per role that has a known password."""
    users: dict[Role, str] = {}
    with app.app_context():
        engine = get_state().engine
        fill_demo_catalogue(engine)
        with engine.begin() as conn:
            for role in Role:
                users[role] = accounts.add_user(conn, f"demo-{role.value}", role, PASSWORD).name
        prepare_demo_referrals(engine, lambda _message: None)
    return users


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app under waitress on a free loopback port, for the whole browser session."""
    tmp = tmp_path_factory.mktemp("browser")
    url, drop = _database(tmp)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "DEMO": False,
                      "INSTANCE_PATH": str(tmp / "instance")})
    users = _fill(app)
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4,
                                    ident="welzijnswijzer-test")
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    try:
        yield LiveServer(url=f"http://127.0.0.1:{server.effective_port}", app=app, users=users)
    finally:
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)
        thread.join(timeout=10)
        with app.app_context():
            get_state().engine.dispose()
        drop()


def chromium_path() -> str | None:
    """The Debian Chromium binary (never a Playwright download)."""
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by Playwright."""
    path = chromium_path()
    if path is None:
        missing("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed (pip install '.[test]')")
    with warnings.catch_warnings():
        # Playwright's driver pipes can be reported unclosed when its event loop ends.
        warnings.simplefilter("ignore", ResourceWarning)
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            yield launched
            launched.close()


@dataclass
class PageProblems:
    """What went wrong in the browser while a test ran: server errors and console errors."""

    server_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def problems() -> PageProblems:
    """Collected problems of the current test's page."""
    return PageProblems()


def _watch(page: Any, problems: PageProblems) -> None:
    page.on("response", lambda r: r.status >= 500 and problems.server_errors.append(
        f"{r.status} {r.request.method} {r.url}"))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith(EXPECTED_4XX)
            and problems.console_errors.append(m.text))
    page.on("pageerror", lambda e: problems.console_errors.append(str(e)))


def new_page(browser: Any, live_server: LiveServer, problems: PageProblems,
             **options: Any) -> tuple[Any, Any]:
    """A fresh context (own cookies) with one page on the live server."""
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORT, locale="nl-NL",
                                  **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    _watch(page, problems)
    return context, page


@pytest.fixture
def page(browser: Any, live_server: LiveServer, problems: PageProblems) -> Iterator[Any]:
    """A page in a fresh context; the test fails on any 5xx answer or console error."""
    context, pg = new_page(browser, live_server, problems,
                           permissions=["clipboard-read", "clipboard-write"])
    yield pg
    context.close()
    assert not problems.server_errors, problems.server_errors
    assert not problems.console_errors, problems.console_errors


def login(page: Any, live_server: LiveServer, role: Role, *, goto: bool = True) -> None:
    """Log in through the login form (the one on the current page when ``goto`` is False)."""
    if goto:
        page.goto("/inloggen")
    page.fill("#naam", live_server.users[role])
    page.fill("#wachtwoord", live_server.password)
    page.click("form.stack button[type=submit]")
    page.wait_for_selector(".flash")


def screenshot(page: Any, name: str, top: str | None = None) -> None:
    """Save a 1280x900 screenshot for the README, only with WELZIJNSWIJZER_SCREENSHOTS=1;
    scrolled to the top of the page, or to put the element ``top`` at the top."""
    if os.environ.get("WELZIJNSWIJZER_SCREENSHOTS") != "1":
        return
    page.evaluate("document.activeElement && document.activeElement.blur()")
    if top is None:
        page.evaluate("window.scrollTo(0, 0)")
    else:
        page.locator(top).first.evaluate("e => e.scrollIntoView({block: 'start'})")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled", caret="hide")


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script (from the npm registry; CI installs it and sets the env var)."""
    path = Path(os.environ.get(AXE_ENV, ""))
    if path.is_dir():  # the package folder (node_modules/axe-core) names its script too
        path = path / "axe.min.js"
    if not path.is_file():
        missing(f"axe-core not found: set {AXE_ENV} to axe.min.js (npm install axe-core@4)")
    return path.read_text(encoding="utf-8")
