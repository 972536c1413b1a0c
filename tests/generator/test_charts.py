"""Build-time SVG charts: structure, accessibility, escaping, determinism, scales.

Expected numbers are worked out by hand from the inputs: e.g. for values up to
1800 with at most 5 intervals the round steps 100, 200, 250 need 18, 9 and 8
intervals, so the step is 500 and the ticks are 0, 500, ..., 2000.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator.charts import (
    PALETTE,
    ChartPoint,
    ChartSeries,
    ProgressRow,
    format_number,
    indicator_chart,
    nice_ticks,
    progress_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = ('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "' onload='x")


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def links(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{SVG}a")


def plan_13() -> ChartSeries:
    return ChartSeries(
        "海珠区“十三五”科技和信息化规划",
        (
            ChartPoint(2015, 860, "baseline", "860亿元", "../../sources/haizhu-sti-13/#p10"),
            ChartPoint(2020, 1200, "target", "超1200亿元", "../../sources/haizhu-sti-13/#p68", "两份文件不一致"),
            ChartPoint(2019, 1100, "actual", "1100亿元", "../../sources/haizhu-report-2019/#p3"),
        ),
    )


def plan_14() -> ChartSeries:
    return ChartSeries(
        "海珠区“十四五”科技创新规划",
        (
            ChartPoint(2020, 1150, "baseline", "1150亿元", "../../sources/haizhu-sti-14/#p5"),
            ChartPoint(2025, 1800, "target", "1800亿元", "../../sources/haizhu-sti-14/#p40"),
        ),
    )


def sample_rows() -> list[ProgressRow]:
    return [
        ProgressRow("规模以上高新技术企业数量", "#r1", 1.07, "实际 642家 / 目标 600家", "met"),
        ProgressRow("专利授权量", "#r2", 2.5, "实际 2500件 / 目标 1000件", "met"),
        ProgressRow("研发经费投入强度", "#r3", 0.8, "实际 2.4% / 目标 3%", "not-met"),
        ProgressRow("孵化器面积", "#r4", None, "目标 10万平方米", "no-actual"),
        ProgressRow("创新指数", "#r5", None, "定性目标", "not-comparable"),
    ]


# --- nice ticks and number formatting ---------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (860, 1800, (0, 500, 1000, 1500, 2000)),  # steps 100/200/250 need 18/9/8 intervals
        (0, 100, (0, 20, 40, 60, 80, 100)),  # step 10 needs 10 intervals, 20 needs 5
        (3.2, 47.38, (0, 10, 20, 30, 40, 50)),
        (-30, 120, (-50, 0, 50, 100, 150)),  # 20: -2..6 = 8 intervals, 25: -2..5 = 7, 50: -1..3 = 4
        (0, 0, (0, 0.2, 0.4, 0.6, 0.8, 1)),  # all zeros: an axis 0..1 rather than a division by zero
        (0.3, 0.9, (0, 0.2, 0.4, 0.6, 0.8, 1)),
    ],
)
def test_nice_ticks(low: float, high: float, expected: tuple[float, ...]) -> None:
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_nice_ticks_have_four_to_six_gridlines_in_a_range_of_cases() -> None:
    for high in (1, 7, 13, 47.38, 99, 101, 640, 1234, 1800, 55555):
        ticks = nice_ticks(0, high)
        assert 4 <= len(ticks) <= 7
        assert ticks[0] == 0 and ticks[-1] >= high


@pytest.mark.parametrize(
    ("value", "text"),
    [(1200.0, "1200"), (47.38, "47.38"), (0.25, "0.25"), (-50.0, "-50"), (0.0, "0"), (2.5, "2.5")],
)
def test_format_number_drops_needless_decimals(value: float, text: str) -> None:
    assert format_number(value) == text


def test_y_tick_labels_print_without_trailing_zero() -> None:
    root = parse(indicator_chart("产值", "亿元", [plan_13(), plan_14()]))
    labels = [t.text for t in root.iter(f"{SVG}text") if "chart__tick--y" in t.get("class", "")]
    assert labels == ["0", "500", "1000", "1500", "2000"]


# --- indicator chart ------------------------------------------------------------------


def test_indicator_root_is_an_accessible_image() -> None:
    svg = indicator_chart("高新技术产品产值", "亿元", [plan_13(), plan_14()])
    root = parse(svg)
    assert local(root.tag) == "svg"
    assert root.get("role") == "group"
    assert root.get("class") == "chart chart--indicator"
    assert root.get("viewBox", "").startswith("0 0 480 ")
    title_id, desc_id = root.get("aria-labelledby", "").split()
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == title_id and title.text == "高新技术产品产值"
    assert desc is not None and desc.get("id") == desc_id
    assert re.fullmatch(r"chart-[0-9a-f]{8}-title", title_id)
    # 2 plans, 5 values, 2015 to 2025, from 860 to 1800.
    assert "2份规划" in desc.text and "5个数值" in desc.text
    assert "2015—2025年" in desc.text and "860" in desc.text and "1800" in desc.text


def test_each_point_is_one_link_with_a_tooltip() -> None:
    series = [plan_13(), plan_14()]
    root = parse(indicator_chart("产值", "亿元", series))
    hrefs = [a.get("href") for a in links(root)]
    expected = [p.href for s in series for p in s.points]
    assert sorted(hrefs) == sorted(expected)
    by_href = {a.get("href"): a for a in links(root)}
    tip = by_href["../../sources/haizhu-sti-13/#p68"].find(f"{SVG}title").text
    for part in ("海珠区“十三五”科技和信息化规划", "2020年", "目标值", "超1200亿元", "两份文件不一致"):
        assert part in tip
    assert "实际值" in by_href["../../sources/haizhu-report-2019/#p3"].find(f"{SVG}title").text
    assert "基期值" in by_href["../../sources/haizhu-sti-14/#p5"].find(f"{SVG}title").text


def marker_of(link: ET.Element) -> ET.Element:
    markers = [e for e in link if "chart__marker" in e.get("class", "")]
    assert len(markers) == 1
    return markers[0]


def test_targets_are_hollow_and_observed_values_filled() -> None:
    root = parse(indicator_chart("产值", "亿元", [plan_13(), plan_14()]))
    for link in links(root):
        fill = marker_of(link).get("fill")
        if "chart__point--target" in link.get("class", ""):
            assert fill in ("none", "#fff", "#ffffff", "white")
        else:
            assert fill in PALETTE


def test_markers_are_big_enough_to_tap() -> None:
    root = parse(indicator_chart("产值", "亿元", [plan_13()]))
    for link in links(root):
        hit = link.find(f"{SVG}circle[@class='chart__hit']")
        assert hit is not None and float(hit.get("r")) >= 12
        marker = marker_of(link)
        if local(marker.tag) == "circle":
            assert float(marker.get("r")) >= 5


def test_targets_joined_by_dashed_and_observed_by_solid_lines() -> None:
    root = parse(indicator_chart("产值", "亿元", [plan_13(), plan_14()]))
    paths = [p for p in root.iter(f"{SVG}path") if "chart__line" in p.get("class", "")]
    dashed = [p for p in paths if p.get("stroke-dasharray")]
    solid = [p for p in paths if not p.get("stroke-dasharray")]
    # plan 13: 2019 actual -> 2020 target; plan 14: 2020 baseline -> 2025 target.
    assert len(dashed) == 2
    # Only plan 13 has two observed values (2015 baseline, 2019 actual).
    assert len(solid) == 1
    assert solid[0].get("d").count("L") == 1
    assert {p.get("stroke") for p in dashed} == {PALETTE[0], PALETTE[1]}


def test_target_joins_latest_observed_value_before_its_year() -> None:
    series = ChartSeries(
        "s",
        (
            ChartPoint(2016, 10, "baseline", "10", "#a"),
            ChartPoint(2018, 20, "actual", "20", "#b"),
            ChartPoint(2021, 30, "actual", "30", "#c"),  # after the target: not its anchor
            ChartPoint(2020, 40, "target", "40", "#d"),
        ),
    )
    root = parse(indicator_chart("t", "", [series]))
    hits = {a.get("href"): a.find(f"{SVG}circle[@class='chart__hit']") for a in links(root)}
    dashed = [p for p in root.iter(f"{SVG}path") if p.get("stroke-dasharray")]
    assert len(dashed) == 1
    numbers = re.findall(r"-?\d+(?:\.\d+)?", dashed[0].get("d"))
    start, end = (numbers[0], numbers[1]), (numbers[2], numbers[3])
    assert start == (hits["#b"].get("cx"), hits["#b"].get("cy"))
    assert end == (hits["#d"].get("cx"), hits["#d"].get("cy"))


def test_target_without_earlier_value_has_no_dashed_line() -> None:
    series = ChartSeries("s", (ChartPoint(2025, 5, "target", "5", "#t"),))
    root = parse(indicator_chart("t", "%", [series]))
    assert len(links(root)) == 1
    assert not [p for p in root.iter(f"{SVG}path") if "chart__line" in p.get("class", "")]


def test_series_differ_by_colour_and_marker_shape() -> None:
    root = parse(indicator_chart("产值", "亿元", [plan_13(), plan_14()]))
    items = [g for g in root.iter(f"{SVG}g") if g.get("class") == "chart__legend-item"]
    assert [g.find(f"{SVG}title").text for g in items] == ["海珠区“十三五”科技和信息化规划", "海珠区“十四五”科技创新规划"]
    shapes = [local(marker_of(g).tag) for g in items]
    colours = [marker_of(g).get("fill") for g in items]
    assert shapes == ["circle", "path"]
    assert colours == [PALETTE[0], PALETTE[1]]


def test_legend_has_line_style_key_and_unit() -> None:
    svg = indicator_chart("产值", "亿元", [plan_13()])
    root = parse(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "实线/实心：基期值、实际值；虚线/空心：目标值" in texts
    assert "单位：亿元" in texts


def test_x_ticks_are_years_present() -> None:
    root = parse(indicator_chart("产值", "亿元", [plan_13(), plan_14()]))
    years = [t.text for t in root.iter(f"{SVG}text") if "chart__tick--x" in t.get("class", "")]
    assert years == ["2015", "2019", "2020", "2025"]


def test_negative_values_put_the_axis_below_zero() -> None:
    series = ChartSeries(
        "s", (ChartPoint(2020, -30, "baseline", "-30", "#a"), ChartPoint(2021, 120, "actual", "120", "#b"))
    )
    root = parse(indicator_chart("增速", "%", [series]))
    labels = [t.text for t in root.iter(f"{SVG}text") if "chart__tick--y" in t.get("class", "")]
    assert labels == ["-50", "0", "50", "100", "150"]


def test_indicator_chart_empty_input() -> None:
    assert indicator_chart("t", "u", []) == ""
    assert indicator_chart("t", "u", [ChartSeries("s", ())]) == ""


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError):
        indicator_chart("t", "u", [ChartSeries("s", (ChartPoint(2020, 1, "guess", "1", "#"),))])


# --- progress chart ---------------------------------------------------------------------


def status_texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text") if "chart__status" in t.get("class", "")]


def test_progress_root_is_an_accessible_image() -> None:
    root = parse(progress_chart("“十三五”目标完成情况", sample_rows()))
    assert root.get("role") == "group"
    assert root.get("class") == "chart chart--progress"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    desc = root.find(f"{SVG}desc")
    assert desc.get("id") == desc_id
    # 5 rows: 2 met, 1 not met, 1 without actual, 1 not comparable.
    for part in ("5项指标", "已完成2项", "未完成1项", "无实际值1项", "不可比1项"):
        assert part in desc.text


def test_progress_percentages_and_clipping() -> None:
    root = parse(progress_chart("完成情况", sample_rows()))
    texts = status_texts(root)
    assert "107% · 已完成" in texts
    assert "250% · 已完成" in texts
    assert "80% · 未完成" in texts
    bars = {a.get("href"): bar for a in links(root) for bar in a.iter(f"{SVG}rect") if "chart__bar" in bar.get("class")}
    widths = {href: float(rect.get("width")) for href, rect in bars.items()}
    # Bars scale linearly and the 250% one is drawn at the 150% clip: 0.8/1.5 of it for 80%.
    assert widths["#r2"] == pytest.approx(widths["#r3"] * 1.5 / 0.8, abs=0.2)
    assert widths["#r1"] == pytest.approx(widths["#r3"] * 1.07 / 0.8, abs=0.2)
    assert "chart__bar--clipped" in bars["#r2"].get("class")
    ref = next(line for line in root.iter(f"{SVG}line") if line.get("class") == "chart__ref")
    bar_x = float(bars["#r3"].get("x"))
    # The 100% line sits at 1/1.5 of the clipped bar's length.
    assert float(ref.get("x1")) == pytest.approx(bar_x + widths["#r2"] / 1.5, abs=0.2)


def test_progress_rows_without_ratio_show_words_not_bars() -> None:
    root = parse(progress_chart("完成情况", sample_rows()))
    by_href = {a.get("href"): a for a in links(root)}
    for href, word in (("#r4", "无实际值"), ("#r5", "不可比")):
        row = by_href[href]
        assert not [r for r in row.iter(f"{SVG}rect") if "chart__bar" in r.get("class", "")]
        assert word in [t.text for t in row.iter(f"{SVG}text")]


def test_progress_status_by_colour_and_text() -> None:
    root = parse(progress_chart("完成情况", sample_rows()))
    by_href = {a.get("href"): a for a in links(root)}
    met = by_href["#r1"].find(f"{SVG}rect[@class='chart__bar chart__bar--met']")
    not_met = by_href["#r3"].find(f"{SVG}rect[@class='chart__bar chart__bar--not-met']")
    assert met is not None and not_met is not None
    assert met.get("fill") != not_met.get("fill")
    assert by_href["#r3"].get("class") == "chart__row chart__row--not-met"


def test_almost_100_percent_is_not_rounded_to_100() -> None:
    rows = [ProgressRow("x", "#x", 0.996, "", "not-met")]
    assert status_texts(parse(progress_chart("t", rows))) == ["99.6% · 未完成"]


def test_long_label_wraps_to_two_lines_with_full_label_in_title() -> None:
    label = "研发经费投入占地区生产总值比重达到较高水平的很长很长的指标名称"
    root = parse(progress_chart("t", [ProgressRow(label, "#x", 0.5, "", "not-met")]))
    lines = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart__label"]
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert label in links(root)[0].find(f"{SVG}title").text


def test_progress_reference_label() -> None:
    root = parse(progress_chart("t", sample_rows()[:1], reference_label="规划目标"))
    assert "规划目标 100%" in [t.text for t in root.iter(f"{SVG}text")]


def test_progress_chart_empty_input() -> None:
    assert progress_chart("t", []) == ""


# --- safety and embedding ------------------------------------------------------------------


def hostile_charts() -> list[str]:
    series = [
        ChartSeries(
            bad,
            (
                ChartPoint(2015, 1, "baseline", bad, '"><script>x</script>', note=bad),
                ChartPoint(2020, 2, "target", bad, "javascript:alert(1)", note=bad),
            ),
        )
        for bad in HOSTILE
    ]
    rows = [ProgressRow(bad, '" onclick="x', 0.5, bad, "not-met") for bad in HOSTILE]
    return [
        indicator_chart(HOSTILE[0], HOSTILE[1], series),
        progress_chart(HOSTILE[1], rows, reference_label=HOSTILE[0]),
    ]


@pytest.mark.parametrize("index", [0, 1])
def test_hostile_text_stays_text(index: int) -> None:
    svg = hostile_charts()[index]
    root = parse(svg)
    allowed = {"svg", "title", "desc", "text", "line", "path", "circle", "rect", "g", "a"}
    for element in root.iter():
        assert local(element.tag) in allowed
        for name in element.attrib:
            assert not local(name).lower().startswith("on")
    assert "<img" not in svg and "<script" not in svg
    assert "javascript:" not in svg
    # The hostile strings are still there, as text a reader can see.
    all_text = "".join(root.itertext())
    assert HOSTILE[0] in all_text


def test_no_script_or_external_references() -> None:
    for svg in hostile_charts() + [indicator_chart("产值", "亿元", [plan_13(), plan_14()])]:
        lowered = svg.lower()
        for forbidden in ("<script", "foreignobject", "url(", "xlink:href", "<image", "<use"):
            assert forbidden not in lowered


def test_output_embeds_in_markdown() -> None:
    data_with_blank_lines = ChartSeries("a\n\nb", (ChartPoint(2020, 1, "actual", "1\n\n2", "#x", "n\n\nm"),))
    charts = [
        indicator_chart("产值", "亿元", [plan_13(), plan_14()]),
        indicator_chart("t\n\nt", "u", [data_with_blank_lines]),
        progress_chart("完成情况", sample_rows()),
        progress_chart("t", [ProgressRow("a\n\nb", "#x", None, "c\n\nd", "no-actual")]),
    ]
    for svg in charts:
        assert svg.startswith("<svg ")
        assert svg.endswith("</svg>")
        assert not re.search(r"\n\s*\n", svg)
        parse(svg)


def test_deterministic_and_ids_differ_between_charts() -> None:
    first = indicator_chart("产值", "亿元", [plan_13(), plan_14()])
    assert first == indicator_chart("产值", "亿元", [plan_13(), plan_14()])
    assert progress_chart("完成情况", sample_rows()) == progress_chart("完成情况", sample_rows())
    other = indicator_chart("产值", "亿元", [plan_13()])
    assert parse(first).get("aria-labelledby") != parse(other).get("aria-labelledby")


def test_palette_contrast_on_white_is_at_least_3_to_1() -> None:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in PALETTE:
        assert (1.05) / (luminance(colour) + 0.05) >= 3


def test_text_is_legible_on_a_phone() -> None:
    root = parse(indicator_chart("产值", "亿元", [plan_13()]))
    width = float(root.get("viewBox").split()[2])
    # Scaled to 360 px, font-size 14 in a 480-wide viewBox is 10.5 px.
    assert float(root.get("font-size")) * 360 / width >= 10
    assert root.get("font-family") == "sans-serif"
