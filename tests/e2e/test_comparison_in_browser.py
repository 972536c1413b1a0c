"""End to end: the comparisons picker keeps the choice in the URL, and a comparison
table stays readable on a phone-width screen (it scrolls sideways, the first column stays)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


def test_picker_opens_the_pair_page_and_keeps_the_choice_in_the_url(page: Page, site_url: str) -> None:
    page.goto(site_url + "comparisons/")
    # Chosen in the reverse of the page's order: the picker still finds the pair.
    page.select_option("form.comparison-picker select[name=a]", "haizhu-sti-14")
    page.select_option("form.comparison-picker select[name=b]", "haizhu-sti-13")
    page.click("form.comparison-picker button[type=submit]")
    page.wait_for_url("**/comparisons/haizhu-sti-13--haizhu-sti-14/")
    assert "海珠区“十三五”科技和信息化规划 与 海珠区“十四五”科技创新规划" in page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_url("**/comparisons/?a=haizhu-sti-14&b=haizhu-sti-13")
    assert page.input_value("form.comparison-picker select[name=a]") == "haizhu-sti-14"
    assert page.input_value("form.comparison-picker select[name=b]") == "haizhu-sti-13"


def test_a_shared_picker_url_restores_the_choice(page: Page, site_url: str) -> None:
    page.goto(site_url + "comparisons/?a=gz-iab-action-plan&b=haizhu-digital-economy-14")
    assert page.input_value("form.comparison-picker select[name=a]") == "gz-iab-action-plan"
    assert page.input_value("form.comparison-picker select[name=b]") == "haizhu-digital-economy-14"


def test_the_same_plan_twice_stays_on_the_index_with_a_message(page: Page, site_url: str) -> None:
    page.goto(site_url + "comparisons/?a=haizhu-sti-13&b=haizhu-sti-13")
    page.click("form.comparison-picker button[type=submit]")
    assert page.locator(".comparison-picker__message").inner_text() == "请选择两份不同的文件。"
    assert page.url.endswith("comparisons/?a=haizhu-sti-13&b=haizhu-sti-13")


def test_comparison_table_scrolls_with_its_first_column_in_view_on_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "comparisons/haizhu-sti-13--haizhu-sti-14/")
    table = page.locator(".comparison-table table").first
    # Material makes the table itself the scroll container (display: inline-block; overflow: auto).
    scroller = table
    sizes = scroller.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1], "the indicator table should be wider than a phone and scroll"
    # The page itself does not scroll sideways: only the table does.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    first_cell = table.locator("tbody tr td").first
    before = first_cell.bounding_box()
    scroller.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    page.wait_for_timeout(100)
    after = first_cell.bounding_box()
    second_cell = table.locator("tbody tr td").nth(1).bounding_box()
    assert after["x"] == pytest.approx(before["x"], abs=2), "the first column stays where it was"
    assert 0 <= after["x"] < PHONE["width"] and after["width"] > 50
    assert second_cell["x"] < before["x"] + before["width"], "the other columns scrolled under it"
