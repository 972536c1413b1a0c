"""End to end: axe-core finds no serious or critical accessibility violation on the built site.

axe-core (pinned in tools/axe/package-lock.json, installed by make test) is injected
into each page in headless Chromium and run with the WCAG 2.0/2.1 A and AA rules and
axe's best practices: the home page, every plan page, every comparison page, the
picker and the data notes, a source page, one page and the index of each registry,
the open-data page and the open search dialog, at desktop width (and a few at phone
width). The comparison picker and the search are also used with the keyboard alone:
Tab reaches each control and the focused control shows a focus indicator.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.pipeline import ProjectPaths

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
FAILING_IMPACTS = {"serious", "critical"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

PLAN_PAGES = [f"plans/{path.stem}/" for path in sorted((REPO / "data" / "plans").glob("*.yaml"))]
# A pair without a pre-built page, composed in the browser (comparison-composer.js).
COMPOSED = "comparisons/compose/?a=gz-innovation-driven&b=haizhu-sti-14"
PAGES = [
    "",
    *PLAN_PAGES,
    "comparisons/",
    "comparisons/data-notes/",
    COMPOSED,
    "sources/haizhu-sti-13/",
    "indicators/incubators/",
    "sectors/artificial-intelligence/",
    "places/pazhou/",
    "organisations/haizhu-stic-bureau/",
    "themes/talent/",
    "indicators/",
    "sectors/",
    "places/",
    "organisations/",
    "themes/",
    "open-data/",
]
PHONE_PAGES = ["", "plans/haizhu-sti-13/", "comparisons/haizhu-sti-13--haizhu-sti-14/", COMPOSED]

# The focused element's focus indicator: an outline that is drawn, or a box shadow.
FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {
    element: element.outerHTML.slice(0, 120),
    visible: outline || style.boxShadow !== 'none',
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
  };
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core is missing at {AXE_JS.relative_to(REPO)}: run make test (it installs tools/axe)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport=DESKTOP)
    yield page
    page.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport=PHONE)
    yield page
    page.close()


def serious_violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    page.add_script_tag(content=axe_source)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    lines = []
    for violation in results["violations"]:
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        targets = [" >>> ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                   for node in violation["nodes"]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}; "
                     f"{len(targets)} element(s), e.g. {targets[:3]}")
    return lines


def report(failures: dict[str, list[str]]) -> str:
    return "axe-core found serious or critical violations:\n" + "\n".join(
        f"  {page or '/'}:\n" + "\n".join(f"    - {line}" for line in lines) for page, lines in failures.items())


@pytest.mark.parametrize("path", PAGES, ids=[path or "home" for path in PAGES])
def test_page_has_no_serious_violations(desktop: Page, site_url: str, axe_source: str, path: str) -> None:
    desktop.goto(site_url + path)
    if path == COMPOSED:
        desktop.wait_for_selector("#composed-comparison h1")
    violations = serious_violations(desktop, axe_source)
    assert not violations, report({path: violations})


def test_every_comparison_page_has_no_serious_violations(
        desktop: Page, site_url: str, built_site: ProjectPaths, axe_source: str) -> None:
    pairs = sorted(directory.name for directory in (built_site.site / "comparisons").iterdir()
                   if directory.is_dir() and directory.name not in {"index", "data-notes", "compose", "sides"})
    assert pairs, "the built site has no comparison pages"
    failures = {}
    for pair in pairs:
        desktop.goto(site_url + f"comparisons/{pair}/")
        violations = serious_violations(desktop, axe_source)
        if violations:
            failures[f"comparisons/{pair}/"] = violations
    assert not failures, report(failures)


@pytest.mark.parametrize("path", PHONE_PAGES, ids=[path or "home" for path in PHONE_PAGES])
def test_page_on_a_phone_has_no_serious_violations(phone: Page, site_url: str, axe_source: str, path: str) -> None:
    phone.goto(site_url + path)
    if path == COMPOSED:
        phone.wait_for_selector("#composed-comparison h1")
    violations = serious_violations(phone, axe_source)
    assert not violations, report({f"{path} (phone)": violations})


def open_search(page: Page, query: str) -> None:
    box = page.locator("#site-search-input")
    box.wait_for()
    page.keyboard.type(query)
    page.wait_for_function(
        "q => { const list = document.querySelector('#site-search-results');"
        " return list.dataset.state === 'done' && list.dataset.query === q; }", arg=query, timeout=20000)


def test_open_search_dialog_has_no_serious_violations(desktop: Page, site_url: str, axe_source: str) -> None:
    desktop.goto(site_url)
    desktop.keyboard.press("/")
    open_search(desktop, "孵化器")
    assert desktop.locator("#site-search-results a.site-search__link").count() > 0
    violations = serious_violations(desktop, axe_source)
    assert not violations, report({"/ (search dialog open, 孵化器)": violations})


def tab_to(page: Page, selector: str, limit: int = 80) -> dict:
    """Press Tab until ``selector`` has the focus; the focused element's focus style."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return page.evaluate(FOCUS_STYLE)
    raise AssertionError(f"{limit} presses of Tab never reached {selector} on {page.url}")


def assert_focus_visible(style: dict, what: str) -> None:
    assert style["visible"], f"{what} has no visible focus indicator (outline {style['outline']}, " \
                             f"box-shadow {style['boxShadow']}): {style['element']}"


def test_comparison_picker_works_with_the_keyboard_alone(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url + "comparisons/")
    first = "form.comparison-picker select[name=a]"
    second = "form.comparison-picker select[name=b]"
    assert_focus_visible(tab_to(desktop, first), "the picker's first select")
    desktop.keyboard.press("ArrowDown")  # a closed select changes its value with the arrow keys
    assert_focus_visible(tab_to(desktop, second, limit=3), "the picker's second select")
    for _ in range(10):
        if desktop.input_value(second) != desktop.input_value(first):
            break
        desktop.keyboard.press("ArrowDown")
    a, b = desktop.input_value(first), desktop.input_value(second)
    assert a != b, "the arrow keys did not change the second select"
    assert_focus_visible(tab_to(desktop, "form.comparison-picker button[type=submit]", limit=3),
                         "the picker's submit button")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/comparisons/*--*/")
    pair = desktop.url.rstrip("/").rsplit("/", 1)[-1]
    assert set(pair.split("--")) == {a, b}, f"{a} and {b} opened {desktop.url}"


def test_search_works_with_the_keyboard_alone(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url)
    assert_focus_visible(tab_to(desktop, ".site-search__open"), "the header's search button")
    desktop.keyboard.press("Enter")
    desktop.locator("#site-search-input").wait_for()
    assert desktop.evaluate("document.activeElement.id") == "site-search-input", "opening the search focuses its box"
    assert_focus_visible(desktop.evaluate(FOCUS_STYLE), "the search box")
    open_search(desktop, "孵化器")
    for control in ("#site-search-kind", "#site-search-level", "#site-search-plan"):
        assert_focus_visible(tab_to(desktop, control, limit=5), f"the search filter {control}")
    assert_focus_visible(tab_to(desktop, "#site-search-results a.site-search__link", limit=5),
                         "the first search result")
    target = desktop.evaluate("document.activeElement.href")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(lambda url: url.split("#")[0] == target.split("#")[0])
