"""Keyboard only: the GP and coach flows with Tab, Enter, Space and typing; focus always visible;
no keyboard trap (Tab runs through every page and leaves it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from .test_flows import NOTE, POSTCODE, SCORES

pytestmark = pytest.mark.browser

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return {tag: 'body'}; }
  const cs = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, type: el.getAttribute('type') || '',
    text: (el.innerText || el.value || '').trim().slice(0, 60),
    href: el.getAttribute('href') || '',
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
    shown: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
           && box.left < innerWidth + scrollX,
  };
}"""
Focus = dict[str, Any]


def focused(page: Any) -> Focus:
    """What has the focus now, and whether its focus indicator shows."""
    return dict(page.evaluate(FOCUS_JS))


def tab_to(page: Any, wanted: Callable[[Focus], bool], limit: int = 200) -> Focus:
    """Press Tab until ``wanted`` holds; every stop must show a visible focus indicator."""
    path = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] != "body":
            assert now["shown"], f"focus on an element that is not shown: {now}"
            assert now["outline"], f"no visible focus indicator on {now}"
        if wanted(now):
            return now
        path.append(now.get("id") or now.get("text") or now["tag"])
    raise AssertionError(f"not reachable with Tab; focus went through {path}")


def by_id(element_id: str) -> Callable[[Focus], bool]:
    return lambda f: f.get("id") == element_id


def by_text(text: str, tag: str | None = None) -> Callable[[Focus], bool]:
    return lambda f: f.get("text", "").startswith(text) and (tag is None or f["tag"] == tag)


def assert_no_trap(page: Any, limit: int = 400) -> None:
    """From the skip link, Tab runs through the page and then leaves it."""
    page.locator(".skip-link").focus()
    seen = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] == "body":
            assert seen > 5, "Tab left the page almost at once"
            return
        seen += 1
        assert now["outline"], f"no visible focus indicator on {now}"
    raise AssertionError(f"keyboard trap: Tab did not leave the page after {limit} stops")


def test_gp_flow_by_keyboard(page: Any) -> None:
    page.goto("/huisarts")
    first = tab_to(page, lambda f: True)
    assert first["text"] == "Naar de inhoud", "the first Tab stop must be the skip link"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    tab_to(page, by_id("klacht-eenzaamheid"))
    page.keyboard.press("Space")
    expect(page.locator("#klacht-eenzaamheid")).to_be_checked()
    tab_to(page, by_id("veld-leeftijd"))
    page.keyboard.type("78")
    tab_to(page, by_id("veld-postcode"))
    page.keyboard.type(POSTCODE)
    tab_to(page, by_id("veld-notitie"))
    page.keyboard.type(NOTE)
    tab_to(page, by_text("Geef advies", "button"))
    page.keyboard.press("Enter")

    expect(page.locator("#advies h2")).to_contain_text("Advies:")
    tab_to(page, by_text("Kopieer de verwijstekst", "button"))
    page.keyboard.press("Enter")
    expect(page.locator("#advies .copy-status")).to_have_text("Gekopieerd.")
    tab_to(page, by_text("Meer activiteiten zoeken", "a"))
    assert_no_trap(page)


def test_coach_flow_by_keyboard(page: Any) -> None:
    page.goto("/coach")
    for dim, score in SCORES.items():
        tab_to(page, by_id(f"veld-score_{dim}"))
        page.keyboard.type(score)
    tab_to(page, by_id("veld-postcode"))
    page.keyboard.type(POSTCODE)
    page.keyboard.press("Enter")

    expect(page.locator("ol.results > li.result").first).to_be_visible()
    name = page.locator("ol.results > li.result h3").first.inner_text()
    assert_no_trap(page)
    page.locator("#veld-zoek").focus()
    tab_to(page, by_text("Op de lijst", "button"))
    page.keyboard.press("Space")
    expect(page.locator(".flash")).to_contain_text(name)

    tab_to(page, by_text("Welzijnsrecept bekijken", "a"))
    page.keyboard.press("Enter")
    expect(page.locator("ol.handout-list > li")).to_have_count(1)
    expect(page.locator("ol.handout-list h3")).to_have_text(name)
    tab_to(page, by_text("Printen", "button"))
    tab_to(page, by_text("Kopieer de tekst", "button"))
    page.keyboard.press("Enter")
    expect(page.locator(".copy-status").last).to_have_text("Gekopieerd.")
    assert_no_trap(page)
