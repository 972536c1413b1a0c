"""End to end: the built site in headless Chromium (Debian's), driven by Playwright.

A reader types Chinese queries into the search box the way an input method
commits them (fill, then one key press), and the expected page must be among
the first results; then the reader follows a plan item's link to its quote.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

TOP_RESULTS = 3

# (what a reader types, the page that must be among the first results)
QUERIES = [
    ("孵化器", "indicators/incubators/"),
    ("高新技术企业", "indicators/high-tech-enterprises/"),
    ("琶洲", "places/pazhou/"),
    ("扬帆起航", "sources/haizhu-sti-13/"),  # from the middle of 000's first paragraph of 第一章 (p68)
]


@pytest.fixture(scope="module")
def browser_page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


def search(page: Page, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # like an input method committing text: fires the key event search listens to
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /\\d/.test(m.textContent); }", timeout=20000)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = [links.nth(index).get_attribute("href") or "" for index in range(links.count())]
    return [href.replace(site_url, "").split("#")[0].split("?")[0] for href in hrefs]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_reader_query_finds_the_expected_page(browser_page: Page, site_url: str, query: str, expected: str) -> None:
    results = search(browser_page, site_url, query)
    assert expected in results[:TOP_RESULTS], f"{query}: first results were {results[:TOP_RESULTS]}"


def test_plan_item_link_leads_to_its_quote(browser_page: Page, site_url: str) -> None:
    browser_page.goto(site_url + "plans/haizhu-sti-13/")
    link = browser_page.locator("a[href*='sources/haizhu-sti-13/#']", has_text="区内高新技术企业达到600家").first
    link.click()
    browser_page.wait_for_url("**/sources/haizhu-sti-13/#p*")
    anchor = browser_page.url.split("#")[1]
    paragraph = browser_page.locator(f"[id='{anchor}']")
    assert "区内高新技术企业达到600家" in paragraph.inner_text().replace(" ", "")
    assert paragraph.evaluate("element => element.matches(':target')")
