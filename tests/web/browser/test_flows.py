"""The three roles' flows in a real browser; they also take the README screenshots."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from web.accounts import Role

from .conftest import REPO, LiveServer, login, screenshot

pytestmark = pytest.mark.browser

NOTE = ("Mevrouw woont sinds het overlijden van haar man alleen en voelt zich eenzaam. "
        "Ze komt weinig buiten en slaapt slecht.")
POSTCODE = "9721 DM"
EXAMPLES = REPO / "examples"
SCORES = {"lichaamsfuncties": "6", "mentaal_welbevinden": "4", "zingeving": "5",
          "kwaliteit_van_leven": "5", "meedoen": "2", "dagelijks_functioneren": "7"}


def pdf_pages(pdf: bytes) -> int:
    """The number of pages in a PDF (its ``/Type /Page`` objects, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_huisarts_flow(page: Any) -> None:
    page.goto("/huisarts")
    expect(page.get_by_role("heading", level=1)).to_have_text("Past Welzijn op Recept?")
    expect(page.locator(".error-summary")).to_have_count(0)
    page.check("#klacht-eenzaamheid")
    page.fill("#veld-leeftijd", "78")
    page.fill("#veld-postcode", POSTCODE)
    page.fill("#veld-notitie", NOTE)
    screenshot(page, "huisarts")
    page.click("#gp-form > button[type=submit]")

    answer = page.locator("#advies")
    expect(answer.locator("h2")).to_contain_text("Advies:")
    expect(answer.locator(".verdict")).to_contain_text("Welzijn op Recept past.")
    assert answer.locator("ul.reasons li").count() >= 1
    assert answer.locator("ol.steps li").count() >= 1
    expect(answer.locator("mark").first).to_be_visible()
    referral = page.locator("#verwijstekst")
    expect(referral).not_to_be_empty()
    expect(page.locator("#veld-notitie")).to_have_value(NOTE)

    copy = page.locator("button.copy-button")
    expect(copy).to_be_visible()
    copy.click()
    expect(page.locator("#advies .copy-status")).to_have_text("Gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == referral.input_value()

    teaser = answer.locator("ul.results li")
    assert teaser.count() >= 1
    nearby = re.compile(r"^Activiteiten in de buurt van 9721 ?DM")
    expect(answer.get_by_role("heading", name=nearby)).to_be_visible()
    screenshot(page, "huisarts-advies", top="#advies")


def test_huisarts_form_errors_are_announced(page: Any) -> None:
    page.goto("/huisarts")
    page.fill("#veld-leeftijd", "300")
    page.click("#gp-form > button[type=submit]")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(page.locator("#veld-leeftijd")).to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link").first.click()
    expect(page.locator("#veld-leeftijd")).to_be_focused()


def fill_coach_form(page: Any) -> None:
    """The intake's spinnenweb, the postcode and a distance."""
    for dim, score in SCORES.items():
        page.fill(f"#veld-score_{dim}", score)
    page.fill("#veld-postcode", POSTCODE)
    page.select_option("#veld-max_km", "10")


def test_coach_flow_to_printed_handout(page: Any) -> None:
    page.goto("/coach")
    fill_coach_form(page)
    page.click("#coach-form > button[type=submit]")
    results = page.locator("ol.results > li.result")
    expect(results.first).to_be_visible()
    assert 3 <= results.count() <= 20
    expect(page.locator(".chart svg")).to_be_visible()
    expect(results.first.locator(".tag").first).to_be_visible()
    screenshot(page, "coach")
    screenshot(page, "coach-resultaten", top=".results-section")

    # Add the second result from the list, then open the first one's details and add it there.
    results.nth(1).get_by_role("button", name=re.compile("^Op de lijst")).click()
    expect(page.locator(".flash")).to_contain_text("staat op de lijst")
    first = page.locator("ol.results > li.result").first
    name = first.locator("h3").inner_text()
    first.locator("h3 a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator(".facts")).to_contain_text("Laatst gecontroleerd")
    page.get_by_role("button", name="Op de lijst voor het welzijnsrecept").click()
    expect(page.locator(".flash")).to_contain_text(name)

    page.get_by_role("link", name="Welzijnsrecept bekijken").click()
    items = page.locator("ol.handout-list > li")
    expect(items).to_have_count(2)
    expect(page.locator("#recepttekst")).to_contain_text(name)
    expect(page.locator("button.print-button")).to_be_visible()
    screenshot(page, "coach-recept")

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("#recepttekst")).to_be_hidden()
    expect(page.locator("ol.handout-list h3").first).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf_pages(pdf) == 1, "the welzijnsrecept must fit on one A4 page"

    page.emulate_media(media="screen")
    text = page.request.get("/coach/recept.txt")
    assert text.ok and name in text.text()


def fill_shortlist(page: Any, count: int) -> None:
    """Put ``count`` activities on the shortlist from a broad search."""
    page.goto(f"/coach?zoeken=1&postcode={POSTCODE}&score_meedoen=2&score_zingeving=3")
    for _ in range(count):
        page.locator("ol.results button", has_text="Op de lijst").first.click()
        page.wait_for_load_state()
    page.goto("/coach/recept")
    expect(page.locator("ol.handout-list > li")).to_have_count(count)
    page.emulate_media(media="print")


def test_coach_handout_of_five_fits_one_a4(page: Any) -> None:
    fill_shortlist(page, 5)
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1


def test_coach_full_shortlist_fits_one_a4(page: Any) -> None:
    from web.shortlist import MAX_ITEMS

    fill_shortlist(page, MAX_ITEMS)
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1


def test_gemeente_catalogue_and_review(page: Any, live_server: LiveServer) -> None:
    page.goto("/gemeente")
    expect(page).to_have_url(re.compile(r"/inloggen\?next=/gemeente$"))
    login(page, live_server, Role.GEMEENTE, goto=False)
    expect(page).to_have_url(re.compile(r"/gemeente$"))
    expect(page.locator("table.data tbody tr").first).to_be_visible()
    page.fill("#veld-zoek", "wandel")
    page.click("form.filters button[type=submit]")
    expect(page.locator("table.data tbody tr th", has_text="Wandel").first).to_be_visible()
    assert page.locator("table.data tbody tr").count() < 50
    page.get_by_role("link", name=re.compile("^Controlelijst")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Controlelijst")
    expect(page.locator("#dubbel")).to_be_visible()


def upload(page: Any, csv_name: str, *, mapping: bool = True, koppelen: bool = False) -> None:
    """Upload one of the example exports (with the example mapping file) for a dry run."""
    page.goto("/gemeente/importeren")
    page.set_input_files("#veld-bestand", str(EXAMPLES / csv_name))
    if mapping:
        page.set_input_files("#veld-mapping", str(EXAMPLES / "gemeente_export_mapping.json"))
    if koppelen:
        page.check("#veld-koppelen")
    page.get_by_role("button", name="Controleren (proefimport)").click()
    page.wait_for_selector("h1")


def test_gemeente_import_flow(page: Any, live_server: LiveServer) -> None:
    """Upload the export with its mapping, see the dry run's errors, upload the corrected file,
    confirm, and find the new activities in the review queue as te classificeren."""
    page.goto("/gemeente/importeren")
    login(page, live_server, Role.GEMEENTE, goto=False)
    upload(page, "gemeente_export.csv")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Proefimport")
    expect(page.locator(".outcome")).to_contain_text("Nog niet te importeren")
    errors = page.locator("#rijfouten + table tbody")
    for wrong in ("97111A", "ongeveer vijf euro", "31-02-2026"):
        expect(errors).to_contain_text(wrong)
    expect(page.locator("#niet-gekoppeld").locator("..")).to_contain_text("Interne opmerking")
    expect(page.get_by_role("button", name="Importeren", exact=True)).to_have_count(0)
    screenshot(page, "gemeente-import")

    upload(page, "gemeente_export_gecorrigeerd.csv")
    expect(page.locator(".outcome")).to_contain_text("De proefimport is gelukt")
    expect(page.locator("#te-classificeren")).to_contain_text("(25)")
    page.get_by_role("button", name="Importeren", exact=True).click()
    expect(page.locator(".outcome")).to_contain_text("Geïmporteerd.")

    page.get_by_role("link", name="Naar de controlelijst").click()
    queue = page.locator("section[aria-labelledby=classificeren]")
    expect(queue).to_contain_text("Wandelgroep Stadspark")
    expect(queue).to_contain_text("Taalcafé De Tuin")
    screenshot(page, "gemeente-controle", top="#classificeren")

    page.goto("/gemeente/dekking")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, "gemeente-dekking")
