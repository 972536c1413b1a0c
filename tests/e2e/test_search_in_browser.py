"""End to end: the site search (Pagefind, javascripts/site-search.js) in headless Chromium, as a reader uses it.

The reader opens the search with "/", types a query the way an input method
commits it (fill, then one key press), and the expected page must rank where
tests/e2e/search_queries.yaml says (each expectation read from the data by
hand). Filters, the result list's labels, keyboard use and the lazy loading of
the index are checked on the same built site.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yaml")).read_text(encoding="utf-8"))["queries"]
RANKS = {"first": 1, "top3": 3}


@pytest.fixture(scope="module")
def search_page(browser: Browser, site_url: str) -> Iterator[Page]:
    page = browser.new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    page.locator("#site-search-input").wait_for()
    yield page
    page.close()


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the open dialog; the result pages' paths, best first."""
    box = page.locator("#site-search-input")
    box.fill(query)
    box.press("End")  # like an input method committing text
    page.wait_for_function(
        "q => { const list = document.querySelector('#site-search-results');"
        " return list.dataset.state === 'done' && list.dataset.query === q; }", arg=query, timeout=20000)
    links = page.locator("#site-search-results a.site-search__link")
    origin = page.url.split("/", 3)[:3]
    prefix = "/".join(origin) + "/"
    return [href.replace(prefix, "").split("#")[0] for href in links.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize("case", QUERIES, ids=[case["query"] for case in QUERIES])
def test_reader_query_ranks_the_expected_page(search_page: Page, case: dict) -> None:
    results = search(search_page, case["query"])
    top = results[:RANKS[case["rank"]]]
    assert case["expect"] in top, f"{case['query']} ({case['why']}): first results were {results[:5]}"


def test_result_shows_title_kind_plan_and_highlighted_excerpt(search_page: Page) -> None:
    search(search_page, "孵化器")
    first = search_page.locator("#site-search-results li.site-search__result").first
    assert first.locator(".site-search__title").inner_text().strip()
    assert first.locator(".site-search__kind").inner_text() == "指标"
    assert first.locator(".site-search__plan").inner_text().strip()  # the plans that state the indicator
    assert "孵化器" in first.locator(".site-search__excerpt mark").first.inner_text()


def test_filters_combine_kind_level_and_plan(search_page: Page) -> None:
    search_page.select_option("#site-search-kind", "规划")
    search_page.select_option("#site-search-level", "市级")
    results = search(search_page, "创新")
    assert results and all(path.startswith("plans/gz-") for path in results), results
    kinds = search_page.locator("#site-search-results .site-search__kind").all_inner_texts()
    assert set(kinds) == {"规划"}

    search_page.select_option("#site-search-kind", "对照")
    search_page.select_option("#site-search-level", "")
    search_page.select_option("#site-search-plan", "海珠区“十三五”科技和信息化规划")
    results = search(search_page, "孵化器")
    assert results and all(path.startswith("comparisons/") and "haizhu-sti-13" in path for path in results), results
    for select in ("#site-search-kind", "#site-search-level", "#site-search-plan"):
        search_page.select_option(select, "")


def test_search_works_by_keyboard_alone(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "plans/haizhu-sti-13/")
    button = page.locator("button.site-search__open")
    assert button.get_attribute("aria-label") == "搜索"
    page.keyboard.press("/")
    dialog = page.locator("dialog#site-search")
    assert dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    assert page.locator("#site-search-input").get_attribute("aria-label") == "搜索本站"
    search(page, "区科工商信局")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('site-search__link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisations/haizhu-stic-bureau/**")
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    assert not page.locator("dialog#site-search").evaluate("d => d.open")
    page.close()


def test_index_is_loaded_only_when_the_reader_searches(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "indicators/incubators/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    page.locator("button.site-search__open").click()
    search(page, "孵化器")
    assert [url for url in requested if "/pagefind/" in url]
    page.close()


def test_plan_item_link_leads_to_its_quote(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "plans/haizhu-sti-13/")
    # The value as written links to its paragraph (000 p111: “区内高新技术企业达到600家”).
    link = page.locator("#indicators ~ .comparison-table a[href*='sources/haizhu-sti-13/#']", has_text="达到600家").first
    link.click()
    page.wait_for_url("**/sources/haizhu-sti-13/#p*")
    anchor = page.url.split("#")[1]
    paragraph = page.locator(f"[id='{anchor}']")
    assert "区内高新技术企业达到600家" in paragraph.inner_text().replace(" ", "")
    assert paragraph.evaluate("element => element.matches(':target')")
    page.close()
