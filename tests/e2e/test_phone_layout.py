"""End to end: the pages a reader opens most, at phone width (390×844) in Chromium.

The page itself never scrolls sideways: a table wider than the screen scrolls
in its own box; the comparison picker's controls and the search button are at
least 44 px tall; charts fit the screen.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
PAGES = ["", "plans/haizhu-sti-13/", "plans/gz-made-in-china-2025/", "plans/gz-zizhu-innovation-policy/",
         "comparisons/haizhu-sti-13--haizhu-sti-14/", "comparisons/", "indicators/high-tech-enterprises/",
         "sources/haizhu-sti-13/", "organisations/haizhu-stic-bureau/"]

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('article table')].filter(table => {
    const box = table.getBoundingClientRect();
    if (box.right <= width + 1) return false;
    // A wider table is fine inside a box that scrolls sideways on its own.
    for (let parent = table.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (['auto', 'scroll'].includes(style.overflowX) && parent.getBoundingClientRect().right <= width + 1) return false;
    }
    return true;
  }).map(table => table.rows[0] ? table.rows[0].innerText.slice(0, 40) : '');
  const charts = [...document.querySelectorAll('svg.chart')].filter(svg => svg.getBoundingClientRect().right > width + 1).length;
  return {scrollWidth: document.documentElement.scrollWidth, width, wide, charts};
}"""


@pytest.mark.parametrize("path", PAGES)
def test_page_does_not_scroll_sideways_on_a_phone(browser: Browser, site_url: str, path: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + path)
    facts = page.evaluate(OVERFLOW)
    page.close()
    assert facts["scrollWidth"] <= facts["width"], f"/{path} is {facts['scrollWidth']} px wide on a {facts['width']} px screen"
    assert facts["wide"] == [], f"tables cut off without their own scroll on /{path}: {facts['wide']}"
    assert facts["charts"] == 0


def test_picker_and_search_are_large_enough_to_tap(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "comparisons/")
    heights = page.evaluate("""() => [...document.querySelectorAll(
        'form.comparison-picker select, form.comparison-picker button, button.site-search__open')]
        .map(el => [el.tagName + (el.name ? ':' + el.name : ''), el.getBoundingClientRect().height])""")
    page.close()
    assert len(heights) == 4
    small = [(name, height) for name, height in heights if height < 44]
    assert not small, small
