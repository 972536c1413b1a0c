"""End to end: a pair without a pre-built page is composed in the browser from the two plans'
side pages (generator/sides.py, comparison-composer.js), and reads exactly as a pre-built page.

Every pre-built pair of two areas (a district plan and a city plan: the alignment form a composed
pair takes) is composed in the browser with compose=1 and must give the same headings, sentences,
table cells and link targets as its pre-built page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from generator.compare import compare
from generator.pipeline import ProjectPaths, build_dataset

pytestmark = pytest.mark.slow

# What a page's comparison says, in order: (tag, text, link targets); in-page links as "#anchor".
OUTLINE = """
(root) => {
  const skip = "[hidden], [data-wording-set], form, .composed-notice, .composed-status, noscript, .headerlink, .page-identity";
  const here = location.href.split("#")[0];
  const out = [];
  for (const node of root.querySelectorAll("h1, h2, h3, p, th, td")) {
    if (node.closest(skip) || (node.tagName === "P" && node.closest("td, th"))) continue;
    const copy = node.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    const links = [...copy.querySelectorAll("a[href]")].map((a) => {
      const href = a.href;
      return href.startsWith(here + "#") ? href.slice(here.length) : href;
    });
    out.push([node.tagName, copy.textContent.replace(/\\s+/g, " ").trim(), links]);
  }
  return out;
}
"""


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    page.close()
    assert not errors, errors


def cross_area_pairs(project: ProjectPaths) -> list[tuple[str, str]]:
    dataset = build_dataset(project)
    return [(a, b) for a, b in compare(dataset).pairs
            if dataset.plans[a].jurisdiction != dataset.plans[b].jurisdiction]


def composed_outline(page: Page, site_url: str, a: str, b: str, force: bool = True) -> list:
    page.goto(f"{site_url}comparisons/compose/?a={a}&b={b}" + ("&compose=1" if force else ""))
    page.wait_for_selector("#composed-comparison h1")
    return page.eval_on_selector("#composed-comparison", OUTLINE)


def test_every_pre_built_pair_of_two_areas_composes_to_the_same_page(page: Page, site_url: str,
                                                                       built_site: ProjectPaths) -> None:
    pairs = cross_area_pairs(built_site)
    assert len(pairs) >= 5  # 海珠 plans against the city plans of their periods
    for a, b in pairs:
        page.goto(f"{site_url}comparisons/{a}--{b}/")
        prebuilt = page.eval_on_selector(".md-content article .page-body", OUTLINE)
        composed = composed_outline(page, site_url, b, a)  # the composer puts them in the pages' order
        assert composed == prebuilt, f"{a}--{b}"
        assert any(tag == "TD" and links for tag, _, links in composed)


def test_a_pair_without_a_page_is_composed_and_its_url_can_be_shared(page: Page, site_url: str,
                                                                    built_site: ProjectPaths) -> None:
    dataset = build_dataset(built_site)
    pairs = set(compare(dataset).pairs)
    assert ("gz-innovation-driven", "haizhu-sti-14") not in pairs  # 2016—2020 city plan, 2021—2025 district plan
    page.goto(site_url + "comparisons/")
    page.select_option("form.comparison-picker select[name=a]", "haizhu-sti-14")
    page.select_option("form.comparison-picker select[name=b]", "gz-innovation-driven")
    page.click("form.comparison-picker button[type=submit]")
    page.wait_for_url("**/comparisons/compose/?a=haizhu-sti-14&b=gz-innovation-driven")
    page.wait_for_selector("#composed-comparison h1")
    first = page.eval_on_selector("#composed-comparison", OUTLINE)
    assert first[0] == ["H1", "广州加快创新驱动发展实施方案 与 海珠区“十四五”科技创新规划", []]
    assert ["H2", "市与区", []] in first
    # the shared address gives the same page
    page.goto(page.url)
    page.wait_for_selector("#composed-comparison h1")
    assert page.eval_on_selector("#composed-comparison", OUTLINE) == first


def test_the_composer_opens_the_pre_built_page_of_a_pair_that_has_one(page: Page, site_url: str) -> None:
    page.goto(site_url + "comparisons/compose/?a=haizhu-sti-14&b=haizhu-sti-13")
    page.wait_for_url("**/comparisons/haizhu-sti-13--haizhu-sti-14/")


@pytest.mark.parametrize("query", ["a=haizhu-sti-14", "a=haizhu-sti-14&b=haizhu-sti-14", "a=%3Cimg&b=x",
                                   "a=haizhu-sti-14&b=no-such-plan"])
def test_a_bad_choice_gets_a_message_not_a_broken_page(browser: Browser, site_url: str, query: str) -> None:
    page = browser.new_page()  # a missing plan's side page is a 404 in the console: expected here
    page.goto(f"{site_url}comparisons/compose/?{query}")
    page.wait_for_function("document.querySelector('.composed-status') && "
                           "!document.querySelector('.composed-status').textContent.startsWith('正在')")
    assert page.locator(".composed-status").inner_text() in ("请选择两份不同的文件。", "找不到所选文件的对照数据，请从规划对照页重新选择。")


def test_a_composed_pair_of_one_area_links_the_page_that_judges_the_earlier_targets(page: Page, site_url: str) -> None:
    # Composed as a pair of one area would be (a 12th and a 14th period plan have no page): the
    # 13th plan's targets are judged on its page with the 14th, so the composed page links it.
    outline = composed_outline(page, site_url, "haizhu-sti-13", "haizhu-sti-14")
    judged = [(text, links) for tag, text, links in outline if tag == "P" and "目标完成情况，在预生成的对照页上判定" in text]
    assert judged == [("海珠区“十三五”科技和信息化规划的目标完成情况，在预生成的对照页上判定："
                       "海珠区“十三五”科技和信息化规划 与 海珠区“十四五”科技创新规划。",
                       [f"{site_url}comparisons/haizhu-sti-13--haizhu-sti-14/"])]
