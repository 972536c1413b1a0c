"""End to end: a reader gets the verdict and the charts at a glance, and the evidence one click away.

Expected values from the sources, by hand: the 13th plan (000, p111) set ten
targets; the 14th plan (001) reports three of them as met (高新技术企业629家 p47,
研发经费投入强度3.35 p88, 每万人发明专利拥有量32.9件 p45).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.slow


def test_verdict_counts_lead_to_their_rows(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "comparisons/haizhu-sti-13--haizhu-sti-14/")
    verdict = page.locator("#verdict + p")
    assert "已完成 3 项" in verdict.inner_text() and "无实际值 7 项" in verdict.inner_text()
    # The verdict is the first thing under the title.
    headings = page.locator("article h2").all_inner_texts()
    assert headings[0] == "目标完成情况"
    verdict.get_by_role("link", name="已完成 3 项").click()
    page.wait_for_url("**#verdict-met")
    rows = page.locator("#verdict-met ~ .comparison-table").first.locator("tbody tr")
    assert rows.count() == 3
    # The folded group opens when its count is followed.
    page.locator("#verdict + p").get_by_role("link", name="无实际值 7 项").click()
    page.locator("#verdict-no-actual summary").click()
    assert page.locator("#verdict-no-actual tbody tr").count() == 7
    # A bar of the chart leads to the indicator's row of the full table.
    page.locator("svg.chart a").first.click()
    page.wait_for_url("**#ind-*")
    page.close()


def test_indicator_chart_shows_with_its_table_and_a_point_opens_the_quote(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + "indicators/high-tech-enterprises/")
    charts = page.locator("svg.chart")
    assert charts.count() == 2
    box = charts.first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 150
    name = charts.first.evaluate("svg => document.getElementById(svg.getAttribute('aria-labelledby').split(' ')[0]).textContent")
    assert "高新技术企业" in name
    # The same numbers as text: the values table lists each value with its quote.
    table = page.locator("#values ~ .comparison-table table").first
    assert "达到600家" in table.inner_text() and "达到629家" in table.inner_text()
    assert page.get_by_role("link", name="下载 CSV").count() == 1
    # By keyboard: a point is a link (two points of 2020 overlap on a phone, so the pointer may hit the other).
    point = page.locator("svg.chart a[href*='sources/haizhu-sti-13/#p111']").first
    point.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/sources/haizhu-sti-13/#p111")
    assert page.locator("[id='p111']").evaluate("element => element.matches(':target')")
    page.close()
