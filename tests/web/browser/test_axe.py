"""axe-core on every page: zero WCAG 2.1 A and AA violations.

axe is injected with ``page.evaluate`` (not a script tag): evaluate is not subject to the app's
Content-Security-Policy, so the CSP stays exactly as in production.

Pages come from two places: the explicit cases below (pages that need a state: an answer, results,
errors, a filled shortlist) and every parameterless GET page in ``app.url_map``, visited logged in
as beheerder. A test checks that no GET page with parameters is left out silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from web.accounts import Role
from web.referral_forms import SECTIONS

from .conftest import LiveServer, PageProblems, login, new_page
from .test_flows import NOTE, POSTCODE, SCORES, upload

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: GET rules that are not HTML pages (JSON APIs, files, plain text).
NOT_PAGES = ("/api/", "/hsds/", "/static/")
NOT_PAGE_SUFFIXES = (".txt", ".csv", ".json", ".xlsx", ".zip", ".svg", ".png", ".pdf")
#: GET pages with parameters: how each is reached (an explicit case below) or why it is left out.
PARAMETER_PAGES = {
    "activity.detail": "case activiteit",
    "gemeente.edit": "case gemeente-bewerken-fouten",
    "gemeente.mapping": "case gemeente-koppelen",
    "gemeente.dry_run": "case gemeente-proefimport-fouten",
    "referrals.record": "case verwijzing",
    "referrals.edit": "test_referral_sections_have_no_axe_violations",
}


def run_axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """Inject axe and return its WCAG 2.1 A/AA violations on the current page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    assert result["passes"], "axe ran no rule: is the axe-core file right?"
    return list(result["violations"])


def describe(url: str, violations: list[dict[str, Any]]) -> str:
    """Violations as readable lines: rule, impact, help, and the offending nodes."""
    lines = [f"{url}: {len(violations)} axe violation(s)"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"      {' '.join(node['target'])}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append("        " + node["failureSummary"].replace("\n", "\n        "))
    return "\n".join(lines)


def assert_accessible(page: Any, axe_source: str) -> None:
    """Zero violations on the page as it is now."""
    violations = run_axe(page, axe_source)
    assert not violations, describe(page.url, violations)


# -- pages in a state ------------------------------------------------------------------------

def gp_answer(page: Any, _server: LiveServer) -> None:
    page.goto("/huisarts")
    page.check("#klacht-eenzaamheid")
    page.check("#signaal-medische_oorzaak_niet_uitgesloten")
    page.fill("#veld-postcode", POSTCODE)
    page.fill("#veld-notitie", NOTE + " Geen suïcidale gedachten.")
    page.click("#gp-form > button[type=submit]")
    page.wait_for_selector("#advies")
    page.click("#advies details summary")


def gp_errors(page: Any, _server: LiveServer) -> None:
    page.goto("/huisarts")
    page.click("summary")
    page.fill("#veld-leeftijd", "12.5")
    page.fill("#veld-score_meedoen", "11")
    page.fill("#veld-postcode", "0000 XX")
    page.click("#gp-form > button[type=submit]")
    page.wait_for_selector(".error-summary")


def coach_results(page: Any, _server: LiveServer) -> None:
    query = "&".join(f"score_{d}={s}" for d, s in SCORES.items())
    page.goto(f"/coach?zoeken=1&postcode={POSTCODE}&max_km=10&{query}")
    page.wait_for_selector("ol.results li")


def coach_errors(page: Any, _server: LiveServer) -> None:
    page.goto("/coach?zoeken=1&postcode=abc&score_meedoen=12&leeftijd=-3")
    page.wait_for_selector(".error-summary")


def coach_no_results(page: Any, _server: LiveServer) -> None:
    page.goto("/coach?zoeken=1&zoek=qqqzzzxxx")
    page.wait_for_selector("#resultaten-titel")


def activity_detail(page: Any, _server: LiveServer) -> None:
    coach_results(page, _server)
    page.click("ol.results li h3 a")
    page.wait_for_selector("#meld-een-fout")


def activity_report_errors(page: Any, server: LiveServer) -> None:
    activity_detail(page, server)
    page.click("#meld-een-fout button[type=submit]")
    page.wait_for_selector("#meld-een-fout")


def handout(page: Any, _server: LiveServer) -> None:
    coach_results(page, _server)
    page.locator("ol.results button").first.click()
    page.wait_for_selector(".flash")
    page.locator("ol.results button").first.click()
    page.wait_for_selector(".flash")
    page.goto("/coach/recept")
    page.wait_for_selector("ol.handout-list li")


def handout_print(page: Any, server: LiveServer) -> None:
    handout(page, server)
    page.emulate_media(media="print")


def login_error(page: Any, _server: LiveServer) -> None:
    page.goto("/inloggen")
    page.fill("#naam", "niemand")
    page.fill("#wachtwoord", "fout wachtwoord")
    page.click("form.stack button[type=submit]")
    page.wait_for_selector(".error-summary")


def logged_in(path: str, role: Role = Role.GEMEENTE) -> Callable[[Any, LiveServer], None]:
    def visit(page: Any, server: LiveServer) -> None:
        login(page, server, role)
        page.goto(path)
    return visit


def gemeente_edit_errors(page: Any, server: LiveServer) -> None:
    login(page, server, Role.GEMEENTE)
    page.goto("/gemeente/activiteit/demo-0001/bewerken")
    page.fill("#veld-naam", "")
    page.locator("form.stack button[type=submit]").first.click()
    page.wait_for_selector(".error-summary")


def gemeente_new_errors(page: Any, server: LiveServer) -> None:
    login(page, server, Role.GEMEENTE)
    page.goto("/gemeente/nieuw")
    page.locator("form.stack button[type=submit]").first.click()
    page.wait_for_selector(".error-summary")


def gemeente_dry_run_errors(page: Any, server: LiveServer) -> None:
    login(page, server, Role.GEMEENTE)
    upload(page, "gemeente_export.csv")
    page.wait_for_selector("#rijfouten")


def gemeente_mapping(page: Any, server: LiveServer) -> None:
    login(page, server, Role.GEMEENTE)
    upload(page, "gemeente_export.csv", mapping=False, koppelen=True)
    page.wait_for_selector("table.mapping")


def gemeente_upload_errors(page: Any, server: LiveServer) -> None:
    login(page, server, Role.GEMEENTE)
    page.goto("/gemeente/importeren")
    page.get_by_role("button", name="Controleren (proefimport)").click()
    page.wait_for_selector(".error-summary")


def open_referral(page: Any, server: LiveServer) -> None:
    login(page, server, Role.COACH)
    page.goto("/coach/verwijzingen?status=alle")
    page.locator("table.data tbody th a").first.click()
    page.wait_for_selector("h1")


def referral_new_errors(page: Any, server: LiveServer) -> None:
    login(page, server, Role.COACH)
    page.goto("/coach/verwijzingen/nieuw")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_selector(".error-summary")


def not_found(page: Any, _server: LiveServer) -> None:
    page.goto("/activiteit/bestaat-niet")


def forbidden(page: Any, server: LiveServer) -> None:
    login(page, server, Role.HUISARTS)
    page.goto("/gemeente")


CASES: dict[str, Callable[[Any, LiveServer], None]] = {
    "huisarts-advies": gp_answer,
    "huisarts-fouten": gp_errors,
    "coach-resultaten": coach_results,
    "coach-fouten": coach_errors,
    "coach-geen-resultaten": coach_no_results,
    "activiteit": activity_detail,
    "activiteit-melding-fout": activity_report_errors,
    "recept": handout,
    "recept-print": handout_print,
    "inloggen-fout": login_error,
    "gemeente-filter": logged_in("/gemeente?zoek=wandel&ingedeeld=ja"),
    "gemeente-bewerken-fouten": gemeente_edit_errors,
    "gemeente-nieuw-fouten": gemeente_new_errors,
    "gemeente-upload-fouten": gemeente_upload_errors,
    "gemeente-proefimport-fouten": gemeente_dry_run_errors,
    "gemeente-koppelen": gemeente_mapping,
    "verwijzing": open_referral,
    "verwijzing-nieuw-fouten": referral_new_errors,
    "huisarts-terugkoppeling": logged_in("/huisarts/terugkoppeling", Role.HUISARTS),
    "gemeente-ingelogd-home": logged_in("/"),
    "fout-404": not_found,
    "fout-403": forbidden,
}


@pytest.mark.parametrize("case", list(CASES))
def test_page_in_state_has_no_axe_violations(browser: Any, live_server: LiveServer,
                                            problems: PageProblems, axe_source: str,
                                            case: str) -> None:
    context, page = new_page(browser, live_server, problems)
    try:
        CASES[case](page, live_server)
        assert_accessible(page, axe_source)
    finally:
        context.close()
    assert not problems.console_errors, problems.console_errors


# -- every page in the url map ---------------------------------------------------------------

def get_rules(app: Any) -> list[Any]:
    """GET rules of HTML pages (APIs, static files and downloads left out)."""
    return [r for r in app.url_map.iter_rules()
            if "GET" in (r.methods or ()) and not r.rule.startswith(NOT_PAGES)
            and not r.rule.endswith(NOT_PAGE_SUFFIXES)]


def test_every_page_with_parameters_is_covered(live_server: LiveServer) -> None:
    left_out = sorted(f"{r.endpoint} ({r.rule})" for r in get_rules(live_server.app)
                      if r.arguments and r.endpoint not in PARAMETER_PAGES)
    assert not left_out, ("GET pages with parameters that no axe case visits; add a case to "
                          f"CASES and PARAMETER_PAGES in {__name__}: {left_out}")


def test_referral_sections_have_no_axe_violations(
        browser: Any, live_server: LiveServer, problems: PageProblems, axe_source: str) -> None:
    context, page = new_page(browser, live_server, problems)
    open_referral(page, live_server)
    record = page.url
    failures = []
    for section in SECTIONS:
        page.goto(f"{record}/{section}")
        violations = run_axe(page, axe_source)
        if violations:
            failures.append(describe(page.url, violations))
    context.close()
    assert not failures, "\n\n".join(failures)


def _reachable(response: Any, path: str) -> bool:
    """A 200 HTML page (not a 403, nor a redirect to the login)."""
    assert response is not None, path
    if response.status == 403 or ("/inloggen" in response.url and path != "/inloggen"):
        return False
    assert response.ok, (path, response.status)
    assert response.headers["content-type"].startswith("text/html"), path
    return True


def test_every_page_without_parameters_has_no_axe_violations(
        browser: Any, live_server: LiveServer, problems: PageProblems, axe_source: str) -> None:
    """Each parameterless GET page, checked once: anonymously if it is open, else as the first
    role that may see it (beheerder does not see referral records, by design)."""
    todo = sorted(r.rule for r in get_rules(live_server.app) if not r.arguments)
    assert {"/", "/huisarts", "/coach", "/coach/recept", "/inloggen", "/toegankelijkheid",
            "/gemeente", "/gemeente/controle"} <= set(todo)
    failures: list[str] = []
    for role in (None, Role.HUISARTS, Role.COACH, Role.GEMEENTE, Role.BEHEERDER):
        context, page = new_page(browser, live_server, problems)
        if role is not None:
            login(page, live_server, role)
        for path in list(todo):
            if not _reachable(page.goto(path), path):
                continue
            todo.remove(path)
            violations = run_axe(page, axe_source)
            if violations:
                failures.append(describe(f"{path} ({role or 'anoniem'})", violations))
        context.close()
    assert not todo, f"pages no role could open: {todo}"
    assert not failures, "\n\n".join(failures)
    assert not problems.console_errors, problems.console_errors
    assert not problems.server_errors, problems.server_errors
