"""Charts as inline SVG, drawn at build time.

Why SVG strings written here rather than a chart library on the page: only the
pages that show a chart carry it (no script on every page), it works offline and
without JavaScript, and the same data always gives byte-identical pages. The
numbers stay readable without the picture: every chart has a <title> and a
<desc> that screen readers announce, every mark has a tooltip <title>, and the
page shows a table of the same numbers next to it.

Safety: every string that comes from the data (names, labels, units, the
values as written) passes through `_esc` and only ever becomes text content or
the value of a quoted attribute; no element or attribute name is derived from
the data. Hrefs come from code but are escaped too, and anything that looks like
a non-web URL scheme is replaced by "#".

Layout: a viewBox 480 units wide and text at 14 units, so that at a 360 px phone
width text is still 10.5 px; `max-width` keeps it from growing huge on desktops.
The output has no blank line and does not start with whitespace, so it can sit in
a Markdown page as one raw HTML block.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

__all__ = [
    "ChartPoint",
    "ChartSeries",
    "ProgressRow",
    "indicator_chart",
    "progress_chart",
    "nice_ticks",
    "format_number",
    "PALETTE",
]


@dataclass(frozen=True)
class ChartPoint:
    year: int
    value: float
    kind: str  # "baseline" | "target" | "actual"
    text: str  # the value as the source writes it, shown in the tooltip
    href: str  # link to the quote
    note: str = ""  # optional caveat shown in the tooltip


@dataclass(frozen=True)
class ChartSeries:
    name: str
    points: tuple[ChartPoint, ...]


@dataclass(frozen=True)
class ProgressRow:
    label: str
    href: str
    ratio: float | None  # actual / target; None = no actual or not comparable
    value_text: str
    status: str  # "met" | "not-met" | "no-actual" | "not-comparable"


# Tailwind 700 shades: each has at least 4.5:1 contrast on white, and they stay
# apart for the common colour-vision deficiencies well enough given that the
# marker shape differs too.
PALETTE: tuple[str, ...] = ("#1d4ed8", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#be185d")
SHAPES: tuple[str, ...] = ("circle", "square", "diamond", "triangle-up", "triangle-down", "hexagon")

KIND_NAMES = {"baseline": "基期值", "target": "目标值", "actual": "实际值"}
# The verdict's own words (labels.EVALUATION_STATUSES), so the chart and the table say the same.
STATUS_WORDS = {"met": "已完成", "not-met": "未完成", "no-actual": "无实际值", "not-comparable": "不可比"}
STATUS_COLOURS = {"met": "#15803d", "not-met": "#c2410c", "no-actual": "#6b7280", "not-comparable": "#6b7280"}
LEGEND_KEY = "实线/实心：基期值、实际值；虚线/空心：目标值"

WIDTH = 480
FONT_SIZE = 14
MAX_WIDTH_CSS = "max-width: 600px"
TEXT_COLOUR = "currentColor"
GRID_COLOUR = "#d1d5db"
AXIS_COLOUR = "#6b7280"
KEY_COLOUR = "#4b5563"
MARKER_RADIUS = 5.5
HIT_RADIUS = 12
PROGRESS_CLIP = 1.5

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


# --- text and numbers -------------------------------------------------------


def _clean(text: str) -> str:
    # Control characters are not allowed in XML, and a newline pair would end
    # the Markdown HTML block, so all whitespace runs become one space.
    return _WHITESPACE.sub(" ", _CONTROL_CHARS.sub("", str(text))).strip()


def _esc(text: str) -> str:
    return html.escape(_clean(text), quote=True)


def _esc_href(href: str) -> str:
    match = _SCHEME.match(href)
    if match and match.group(1).lower() not in _SAFE_SCHEMES:
        href = "#"
    return _esc(href)


def _num(value: float) -> str:
    """A coordinate with one decimal at most, so output is byte-stable."""
    rounded = round(value, 1)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    return format_number(rounded)


def format_number(value: float) -> str:
    """1200.0 -> '1200', 47.38 -> '47.38', 0.25 -> '0.25' (at most 6 decimals)."""
    if math.isclose(value, round(value), rel_tol=0, abs_tol=1e-9):
        return str(int(round(value)))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _text_width(text: str, font_size: float = FONT_SIZE) -> float:
    """Rough rendered width: CJK and full-width glyphs are 1 em, others about 0.6 em."""
    ems = sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6 for char in text)
    return ems * font_size


def _truncate(text: str, max_width: float) -> str:
    if _text_width(text) <= max_width:
        return text
    kept = ""
    for char in text:
        if _text_width(kept + char + "…") > max_width:
            break
        kept += char
    return kept + "…"


def _wrap(text: str, max_width: float, max_lines: int) -> list[str]:
    """Greedy wrap by character (Chinese has no spaces); the last line ends in … if cut."""
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines - 1:
        line = ""
        for char in rest:
            if _text_width(line + char) > max_width:
                break
            line += char
        if not line:  # a single glyph wider than the column
            line = rest[0]
        lines.append(line)
        rest = rest[len(line):]
    if rest:
        lines.append(_truncate(rest, max_width))
    return lines


def nice_ticks(low: float, high: float, max_intervals: int = 5) -> tuple[float, ...]:
    """Gridline values from 0 (or below `low` if negative) to a round number at or above `high`.

    The step is 1, 2, 2.5 or 5 times a power of ten: the smallest such step that
    needs no more than `max_intervals` intervals.
    """
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1.0
    span = high - low
    magnitude = 10.0 ** math.floor(math.log10(span / max_intervals))
    for mantissa in (1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0):
        step = mantissa * magnitude
        first = math.floor(low / step + 1e-9)
        last = math.ceil(high / step - 1e-9)
        if last - first <= max_intervals:
            break
    decimals = max(0, -math.floor(math.log10(step)) + 2)
    return tuple(round(index * step, decimals) for index in range(first, last + 1))


def _chart_id(kind: str, *inputs: object) -> str:
    digest = hashlib.sha1(repr((kind, inputs)).encode("utf-8")).hexdigest()
    return f"chart-{digest[:8]}"


def _svg_open(chart_id: str, kind: str, height: float) -> str:
    # role="group", not "img": an image hides its children from assistive technology, and the
    # points and bars are links (axe nested-interactive). The title and description name the group.
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_num(height)}" role="group"'
        f' aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart chart--{kind}"'
        f' width="100%" preserveAspectRatio="xMinYMin meet" style="{MAX_WIDTH_CSS}"'
        f' font-family="sans-serif" font-size="{FONT_SIZE}">'
    )


def _title_and_desc(chart_id: str, title: str, desc: str) -> list[str]:
    return [
        f'<title id="{chart_id}-title">{_esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{_esc(desc)}</desc>',
    ]


def _text(x: float, y: float, content: str, css_class: str, anchor: str = "start", fill: str = TEXT_COLOUR) -> str:
    return (
        f'<text class="{css_class}" x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}"'
        f' fill="{fill}">{_esc(content)}</text>'
    )


# --- indicator chart ----------------------------------------------------------

IND_TOP = 36.0
IND_PLOT_HEIGHT = 220.0
IND_RIGHT = 16.0
IND_MIN_LEFT = 36.0
IND_LEGEND_ROW = 22.0
IND_YEAR_GAP = 38.0  # a four-digit year at 14 units is about 34 wide


@dataclass(frozen=True)
class _Frame:
    """Maps years and values to viewBox coordinates."""

    left: float
    right: float
    top: float
    bottom: float
    year_min: float
    year_max: float
    value_min: float
    value_max: float

    def x(self, year: float) -> float:
        return self.left + (year - self.year_min) / (self.year_max - self.year_min) * (self.right - self.left)

    def y(self, value: float) -> float:
        share = (value - self.value_min) / (self.value_max - self.value_min)
        return self.bottom - share * (self.bottom - self.top)


def _drawable_points(series: ChartSeries) -> list[ChartPoint]:
    for point in series.points:
        if point.kind not in KIND_NAMES:
            raise ValueError(f"unknown point kind {point.kind!r} in series {series.name!r}")
    # A NaN or infinite value has no place on an axis; the page's table still shows it.
    return [point for point in series.points if math.isfinite(point.value)]


def _marker(shape: str, x: float, y: float, fill: str, stroke: str, stroke_width: float, css_class: str) -> str:
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="{_num(stroke_width)}" class="{css_class}"'
    if shape == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(MARKER_RADIUS)}" {paint}/>'
    return f'<path d="{_shape_path(shape, x, y)}" {paint}/>'


def _shape_path(shape: str, x: float, y: float) -> str:
    # Sizes chosen so every shape covers about the area of the r=5.5 circle.
    if shape == "square":
        corners = [(-5, -5), (5, -5), (5, 5), (-5, 5)]
    elif shape == "diamond":
        corners = [(0, -6.5), (6.5, 0), (0, 6.5), (-6.5, 0)]
    elif shape == "triangle-up":
        corners = [(0, -7), (6.5, 4.5), (-6.5, 4.5)]
    elif shape == "triangle-down":
        corners = [(0, 7), (6.5, -4.5), (-6.5, -4.5)]
    else:  # hexagon
        corners = [(6 * math.cos(math.pi / 3 * k), 6 * math.sin(math.pi / 3 * k)) for k in range(6)]
    moves = " L ".join(f"{_num(x + dx)} {_num(y + dy)}" for dx, dy in corners)
    return f"M {moves} Z"


def _series_style(index: int) -> tuple[str, str]:
    return PALETTE[index % len(PALETTE)], SHAPES[index % len(SHAPES)]


def _year_ticks(years: Sequence[int], frame: _Frame) -> list[int]:
    """Only years that occur in the data, dropping those that would overlap the previous label."""
    ticks: list[int] = []
    for year in sorted(set(years)):
        if not ticks or frame.x(year) - frame.x(ticks[-1]) >= IND_YEAR_GAP:
            ticks.append(year)
    return ticks


def _point_title(series_name: str, point: ChartPoint) -> str:
    parts = [_clean(series_name), f"{point.year}年", f"{KIND_NAMES[point.kind]}：{_clean(point.text)}"]
    if _clean(point.note):
        parts.append(f"注：{_clean(point.note)}")
    return " · ".join(parts)


def _solid_path(points: Sequence[ChartPoint], frame: _Frame, dodge: float) -> str:
    return " ".join(
        f"{'M' if index == 0 else 'L'} {_num(frame.x(p.year) + dodge)} {_num(frame.y(p.value))}"
        for index, p in enumerate(points)
    )


def _observed_in_order(points: Sequence[ChartPoint]) -> list[ChartPoint]:
    order = {"baseline": 0, "actual": 1}
    observed = [p for p in points if p.kind != "target"]
    return sorted(observed, key=lambda p: (p.year, order[p.kind], p.value))


def _target_anchor(target: ChartPoint, observed: Sequence[ChartPoint]) -> ChartPoint | None:
    earlier = [p for p in observed if p.year < target.year]
    return earlier[-1] if earlier else None


def _series_lines(points: Sequence[ChartPoint], frame: _Frame, colour: str, dodge: float) -> list[str]:
    observed = _observed_in_order(points)
    lines: list[str] = []
    if len(observed) >= 2:
        lines.append(
            f'<path class="chart__line chart__line--observed" d="{_solid_path(observed, frame, dodge)}"'
            f' fill="none" stroke="{colour}" stroke-width="2"/>'
        )
    targets = sorted((p for p in points if p.kind == "target"), key=lambda p: (p.year, p.value))
    for target in targets:
        anchor = _target_anchor(target, observed)
        if anchor is not None:
            lines.append(
                f'<path class="chart__line chart__line--target" d="{_solid_path([anchor, target], frame, dodge)}"'
                f' fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="6 4"/>'
            )
    return lines


def _series_points(
    series: ChartSeries, points: Sequence[ChartPoint], frame: _Frame, index: int, dodge: float
) -> list[str]:
    colour, shape = _series_style(index)
    kind_order = {"baseline": 0, "actual": 1, "target": 2}
    marks: list[str] = []
    for point in sorted(points, key=lambda p: (p.year, kind_order[p.kind], p.value, p.text)):
        x, y = frame.x(point.year) + dodge, frame.y(point.value)
        hollow = point.kind == "target"
        marker = _marker(
            shape, x, y,
            fill="#fff" if hollow else colour,
            stroke=colour if hollow else "#fff",
            stroke_width=2 if hollow else 1,
            css_class=f"chart__marker chart__marker--{'hollow' if hollow else 'filled'}",
        )
        href = f' href="{_esc_href(point.href)}"' if point.href else ""
        marks.append(
            f'<a class="chart__point chart__point--{point.kind}"{href}>'
            f"<title>{_esc(_point_title(series.name, point))}</title>"
            f'<circle class="chart__hit" cx="{_num(x)}" cy="{_num(y)}" r="{HIT_RADIUS}" fill="#000" fill-opacity="0"/>'
            f"{marker}</a>"
        )
    return marks


def _y_axis(ticks: Sequence[float], frame: _Frame) -> list[str]:
    parts: list[str] = []
    for tick in ticks:
        y = frame.y(tick)
        colour = AXIS_COLOUR if tick == 0 else GRID_COLOUR
        parts.append(
            f'<line class="chart__grid" x1="{_num(frame.left)}" y1="{_num(y)}" x2="{_num(frame.right)}"'
            f' y2="{_num(y)}" stroke="{colour}" stroke-width="1"/>'
        )
        parts.append(_text(frame.left - 6, y + 5, format_number(tick), "chart__tick chart__tick--y", "end"))
    return parts


def _x_axis(ticks: Sequence[int], frame: _Frame) -> list[str]:
    parts = [
        f'<line class="chart__axis" x1="{_num(frame.left)}" y1="{_num(frame.bottom)}" x2="{_num(frame.right)}"'
        f' y2="{_num(frame.bottom)}" stroke="{AXIS_COLOUR}" stroke-width="1"/>'
    ]
    for year in ticks:
        x = frame.x(year)
        parts.append(
            f'<line class="chart__tick-mark" x1="{_num(x)}" y1="{_num(frame.bottom)}" x2="{_num(x)}"'
            f' y2="{_num(frame.bottom + 4)}" stroke="{AXIS_COLOUR}" stroke-width="1"/>'
        )
        parts.append(_text(x, frame.bottom + 20, str(year), "chart__tick chart__tick--x", "middle"))
    return parts


def _legend(series: Sequence[ChartSeries], top: float) -> list[str]:
    parts: list[str] = []
    for index, one in enumerate(series):
        colour, shape = _series_style(index)
        y = top + index * IND_LEGEND_ROW
        name = _clean(one.name)
        shown = _truncate(name, WIDTH - 48 - 8)
        parts.append(
            f'<g class="chart__legend-item"><title>{_esc(name)}</title>'
            f'<line x1="16" y1="{_num(y)}" x2="40" y2="{_num(y)}" stroke="{colour}" stroke-width="2"/>'
            f'{_marker(shape, 28, y, colour, "#fff", 1, "chart__marker chart__marker--filled")}'
            f"{_text(48, y + 5, shown, 'chart__legend-name')}</g>"
        )
    y = top + len(series) * IND_LEGEND_ROW
    parts.append(
        f'<g class="chart__key">'
        f'<line x1="12" y1="{_num(y)}" x2="36" y2="{_num(y)}" stroke="{KEY_COLOUR}" stroke-width="2"/>'
        f'<circle cx="24" cy="{_num(y)}" r="4.5" fill="{KEY_COLOUR}"/>'
        f'<line x1="44" y1="{_num(y)}" x2="68" y2="{_num(y)}" stroke="{KEY_COLOUR}" stroke-width="2"'
        f' stroke-dasharray="6 4"/>'
        f'<circle cx="56" cy="{_num(y)}" r="4.5" fill="#fff" stroke="{KEY_COLOUR}" stroke-width="2"/>'
        f"{_text(76, y + 5, LEGEND_KEY, 'chart__key-text')}</g>"
    )
    return parts


def _indicator_desc(title: str, unit: str, series: Sequence[ChartSeries], points: Sequence[ChartPoint]) -> str:
    years = [p.year for p in points]
    values = [p.value for p in points]
    year_range = f"{min(years)}年" if min(years) == max(years) else f"{min(years)}—{max(years)}年"
    unit_text = _clean(unit)
    return (
        f"折线图：{len(series)}份规划中“{_clean(title)}”的{len(points)}个数值，{year_range}，"
        f"最小{format_number(min(values))}{unit_text}，最大{format_number(max(values))}{unit_text}。"
        "实线和实心标记为基期值、实际值，虚线和空心标记为目标值。"
    )


def _dodge(index: int, count: int) -> float:
    # Plans often quote the same base-year value; a small sideways shift keeps
    # both markers visible and tappable instead of one hiding the other.
    return (index - (count - 1) / 2) * 3.0


def indicator_chart(title: str, unit: str, series: Sequence[ChartSeries]) -> str:
    """Values of one indicator across years and plans: x = year, y = value in `unit`.

    Baselines and actuals are filled markers joined by a solid line; each target
    is a hollow marker joined by a dashed line to the series' latest baseline or
    actual before the target's year. Returns '' if there is no point at all.
    """
    drawn = [(one, _drawable_points(one)) for one in series]
    drawn = [(one, points) for one, points in drawn if points]
    all_points = [p for _, points in drawn for p in points]
    if not all_points:
        return ""
    shown_series = [one for one, _ in drawn]
    ticks = nice_ticks(min(p.value for p in all_points), max(p.value for p in all_points))
    left = max(IND_MIN_LEFT, max(_text_width(format_number(t)) for t in ticks) + 12)
    years = [p.year for p in all_points]
    frame = _Frame(
        left=left, right=WIDTH - IND_RIGHT, top=IND_TOP, bottom=IND_TOP + IND_PLOT_HEIGHT,
        year_min=min(years) - 0.5, year_max=max(years) + 0.5, value_min=ticks[0], value_max=ticks[-1],
    )
    legend_top = frame.bottom + 48
    height = legend_top + len(shown_series) * IND_LEGEND_ROW + 12
    chart_id = _chart_id("indicator", title, unit, tuple(series))

    parts = [_svg_open(chart_id, "indicator", height)]
    parts += _title_and_desc(chart_id, title, _indicator_desc(title, unit, shown_series, all_points))
    if _clean(unit):
        parts.append(_text(8, 20, f"单位：{_clean(unit)}", "chart__unit"))
    parts += _y_axis(ticks, frame)
    parts += _x_axis(_year_ticks(years, frame), frame)
    count = len(drawn)
    for index, (_, points) in enumerate(drawn):
        parts += _series_lines(points, frame, _series_style(index)[0], _dodge(index, count))
    for index, (one, points) in enumerate(drawn):
        parts += _series_points(one, points, frame, index, _dodge(index, count))
    parts += _legend(shown_series, legend_top)
    parts.append("</svg>")
    return "\n".join(parts)


# --- progress chart -------------------------------------------------------------

PRO_TOP = 30.0
PRO_ROW_HEIGHT = 52.0
PRO_LABEL_X = 8.0
PRO_LABEL_WIDTH = 168.0  # twelve Chinese characters a line
PRO_BAR_X = 184.0
PRO_BAR_LENGTH_AT_CLIP = 210.0  # leaves room after a clipped bar for "250% · 未完成"
PRO_BAR_HEIGHT = 16.0


def _percent_text(ratio: float) -> str:
    percent = ratio * 100
    text = f"{percent:.0f}%"
    # 99.6% must not read as "100%" next to a not-met bar.
    if text == "100%" and not math.isclose(percent, 100.0, abs_tol=1e-9):
        text = f"{percent:.1f}%"
    return text


def _bar_length(ratio: float) -> float:
    shown = min(max(ratio, 0.0), PROGRESS_CLIP)
    return shown / PROGRESS_CLIP * PRO_BAR_LENGTH_AT_CLIP


def _row_title(row: ProgressRow) -> str:
    parts = [_clean(row.label)]
    if _clean(row.value_text):
        parts.append(_clean(row.value_text))
    if row.ratio is not None and math.isfinite(row.ratio):
        parts.append(f"完成度 {_percent_text(row.ratio)}")
    parts.append(STATUS_WORDS[row.status])
    return " · ".join(parts)


def _label_lines(label: str, top: float) -> list[str]:
    lines = _wrap(_clean(label), PRO_LABEL_WIDTH, 2)
    first_y = top + 20 if len(lines) == 2 else top + 27
    return [_text(PRO_LABEL_X, first_y + i * 18, line, "chart__label") for i, line in enumerate(lines)]


def _bar(row: ProgressRow, top: float) -> list[str]:
    colour = STATUS_COLOURS[row.status]
    bar_top = top + 8
    if row.ratio is None or not math.isfinite(row.ratio):
        word = STATUS_WORDS[row.status]
        return [_text(PRO_BAR_X, bar_top + 13, word, "chart__status chart__status--none", fill=AXIS_COLOUR)]
    length = _bar_length(row.ratio)
    clipped = row.ratio > PROGRESS_CLIP
    parts = [
        f'<rect class="chart__bar chart__bar--{row.status}{" chart__bar--clipped" if clipped else ""}"'
        f' x="{_num(PRO_BAR_X)}" y="{_num(bar_top)}" width="{_num(length)}" height="{_num(PRO_BAR_HEIGHT)}"'
        f' fill="{colour}"/>'
    ]
    if clipped:
        # Two white slashes near the end say "the bar goes on beyond this".
        end = PRO_BAR_X + length
        for offset in (14, 8):
            x = end - offset
            parts.append(
                f'<line class="chart__break" x1="{_num(x - 3)}" y1="{_num(bar_top + PRO_BAR_HEIGHT)}"'
                f' x2="{_num(x + 3)}" y2="{_num(bar_top)}" stroke="#fff" stroke-width="2"/>'
            )
    label = _percent_text(row.ratio)
    if row.status in ("met", "not-met"):
        label += f" · {STATUS_WORDS[row.status]}"
    parts.append(_text(PRO_BAR_X + length + 6, bar_top + 13, label, "chart__status"))
    return parts


def _value_text(row: ProgressRow, top: float) -> list[str]:
    text = _clean(row.value_text)
    if not text:
        return []
    shown = _truncate(text, WIDTH - PRO_BAR_X - 4)
    return [_text(PRO_BAR_X, top + 42, shown, "chart__value", fill=TEXT_COLOUR)]


def _progress_row(row: ProgressRow, top: float) -> str:
    href = f' href="{_esc_href(row.href)}"' if row.href else ""
    inner = [f"<title>{_esc(_row_title(row))}</title>"]
    # A transparent band over the whole row, so the entire row is one tap target.
    inner.append(
        f'<rect class="chart__hit" x="0" y="{_num(top)}" width="{WIDTH}" height="{_num(PRO_ROW_HEIGHT)}"'
        f' fill="#000" fill-opacity="0"/>'
    )
    inner += _label_lines(row.label, top)
    inner += _bar(row, top)
    inner += _value_text(row, top)
    return f'<a class="chart__row chart__row--{row.status}"{href}>' + "".join(inner) + "</a>"


def _reference_line(reference_label: str, bottom: float) -> list[str]:
    x = PRO_BAR_X + _bar_length(1.0)
    return [
        f'<line class="chart__ref" x1="{_num(x)}" y1="{_num(PRO_TOP - 4)}" x2="{_num(x)}" y2="{_num(bottom)}"'
        f' stroke="{AXIS_COLOUR}" stroke-width="1.5" stroke-dasharray="3 3" pointer-events="none"/>',
        _text(x, PRO_TOP - 10, f"{_clean(reference_label)} 100%", "chart__ref-label", "middle"),
        f'<line class="chart__axis" x1="{_num(PRO_BAR_X)}" y1="{_num(PRO_TOP - 4)}" x2="{_num(PRO_BAR_X)}"'
        f' y2="{_num(bottom)}" stroke="{AXIS_COLOUR}" stroke-width="1"/>',
    ]


def _progress_desc(title: str, rows: Sequence[ProgressRow], reference_label: str) -> str:
    counts = {status: sum(1 for row in rows if row.status == status) for status in STATUS_WORDS}
    summary = "、".join(f"{STATUS_WORDS[status]}{counts[status]}项" for status in STATUS_WORDS if counts[status])
    return (
        f"条形图：“{_clean(title)}”中{len(rows)}项指标的完成度（实际值占{_clean(reference_label)}的百分比），"
        f"{summary}。"
    )


def progress_chart(title: str, rows: Sequence[ProgressRow], reference_label: str = "目标") -> str:
    """Horizontal bars of actual/target, clipped at 150% with the true percentage printed.

    Rows without a ratio show a short text instead of a bar. Returns '' for no rows.
    """
    if not rows:
        return ""
    for row in rows:
        if row.status not in STATUS_WORDS:
            raise ValueError(f"unknown progress status {row.status!r} for {row.label!r}")
    bottom = PRO_TOP + len(rows) * PRO_ROW_HEIGHT
    chart_id = _chart_id("progress", title, tuple(rows), reference_label)
    parts = [_svg_open(chart_id, "progress", bottom + 8)]
    parts += _title_and_desc(chart_id, title, _progress_desc(title, rows, reference_label))
    for index in range(1, len(rows)):
        y = PRO_TOP + index * PRO_ROW_HEIGHT
        parts.append(
            f'<line class="chart__grid" x1="0" y1="{_num(y)}" x2="{WIDTH}" y2="{_num(y)}"'
            f' stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
    parts += [_progress_row(row, PRO_TOP + index * PRO_ROW_HEIGHT) for index, row in enumerate(rows)]
    # Drawn after the bars so the 100% line stays visible across them.
    parts += _reference_line(reference_label, bottom)
    parts.append("</svg>")
    return "\n".join(parts)
