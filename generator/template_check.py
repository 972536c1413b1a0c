"""A static check of the templates: no expression prints data without an escaping filter.

Templates render Markdown with autoescaping off (Markdown is not HTML), so
escaping is by filter, and a forgotten filter is an injection: a zone role of
`<img onerror=…>` would run on the page. Precedence makes the mistake easy to
miss: `{{ x or "" | cell }}` is `x or ("" | cell)`, so a set `x` is printed raw.
This check walks every `{{ … }}` of every template and accepts only
expressions whose printed value cannot carry data text: the result of an
escaping filter, a macro (whose own outputs are checked), a link or label from
code, a literal, a number, or a field the models constrain to ids, anchors,
years and dates. It runs before any page is rendered, so a template with an
unescaped expression fails the build with its file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, nodes

from generator.errors import DataError, DataErrors

# Filters whose output is escaped for where it is printed (see markdown_text.py),
# or is a number whatever the input.
ESCAPING_FILTERS = frozenset({"md", "cell", "attr", "front_matter", "number", "length", "count", "int", "sum",
                              "search_weight"})
# Objects whose methods and members come from code, not from the data: relative
# links built from validated ids, and the labels module's fixed Chinese wording.
TRUSTED_ROOTS = frozenset({"links", "labels", "loop"})
# Fields the models constrain so they can hold no markup: ids and anchors match
# a pattern, the others are integers or dates.
CONSTRAINED_FIELDS = frozenset({
    "id", "anchor", "year", "start", "end", "issued", "published", "horizon", "reference_year",
    "used_from", "used_to", "line", "level",
})
# Template variables that hold numbers or anchors computed by the templates or the renderer.
# (`status` is a key of verdicts.STATUS_ORDER, used in anchors.)
CONSTRAINED_NAMES = frozenset({"depth", "index", "width", "anchor", "number_weight", "status", "long_table_rows"})
# Markup the renderer builds in code with every data string escaped inside it (generator/charts.py's SVG).
RENDERED_MARKUP_NAMES = frozenset({"chart"})
# Mappings the renderer fills with counts (id -> number).
COUNT_TABLES = frozenset({"counts", "untagged", "roles"})


@dataclass(frozen=True)
class UnescapedOutput:
    template: str
    line: int
    expression: str

    def error(self) -> DataError:
        return DataError(f"site_templates/{self.template}", self.line, 1, "unescaped-output",
                         f"{{{{ {self.expression} }}}} prints a value without an escaping filter",
                         hint="end the expression with | md, | cell, | attr or | front_matter; "
                              "`x or \"\" | cell` is `x or (\"\" | cell)`, write `(x or \"\") | cell`")


def check_templates(environment: Environment, templates: Path) -> list[UnescapedOutput]:
    problems: list[UnescapedOutput] = []
    for path in sorted(templates.glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        tree = environment.parse(source, name=path.name)
        macros = {macro.name for macro in tree.find_all(nodes.Macro)}
        macros |= {name if isinstance(name, str) else name[1] for imp in tree.find_all(nodes.FromImport)
                   for name in imp.names}
        lines = source.splitlines()
        for output in tree.find_all(nodes.Output):
            for child in output.nodes:
                if isinstance(child, nodes.TemplateData) or is_safe(child, macros):
                    continue
                for expression in _unsafe_expressions_on_line(environment, lines, child.lineno, macros):
                    problems.append(UnescapedOutput(path.name, child.lineno, expression))
    return sorted(set(problems), key=lambda problem: (problem.template, problem.line, problem.expression))


def assert_templates_escape_data(environment: Environment, templates: Path) -> None:
    """Raise DataErrors (reported like data mistakes, before anything is written) for unsafe outputs."""
    problems = check_templates(environment, templates)
    if problems:
        raise DataErrors(problem.error() for problem in problems)


def is_safe(node: nodes.Node, macros: set[str]) -> bool:
    if isinstance(node, nodes.Const):
        return True
    if isinstance(node, nodes.Filter):
        return node.name in ESCAPING_FILTERS
    if isinstance(node, nodes.Call):
        return _is_macro(node.node, macros) or _is_trusted(node.node)
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        if _is_trusted(node):
            return True
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Slice):
                return is_safe(node.node, macros)  # anchor[1:]
            if isinstance(node.node, nodes.Name) and node.node.name in COUNT_TABLES:
                return True
        field = node.attr if isinstance(node, nodes.Getattr) else _const_key(node)
        # By convention a field named *_id holds a validated id (Disagreement.indicator_id …).
        return field is not None and (field in CONSTRAINED_FIELDS or field.endswith("_id"))
    if isinstance(node, nodes.Name):
        return node.name in CONSTRAINED_NAMES or node.name in RENDERED_MARKUP_NAMES
    if isinstance(node, nodes.CondExpr):
        return is_safe(node.expr1, macros) and (node.expr2 is None or is_safe(node.expr2, macros))
    if isinstance(node, (nodes.Or, nodes.And, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv,
                         nodes.Mod, nodes.Concat)):
        operands = node.nodes if isinstance(node, nodes.Concat) else [node.left, node.right]
        return all(is_safe(operand, macros) for operand in operands)
    return False


def _is_macro(node: nodes.Node, macros: set[str]) -> bool:
    return isinstance(node, nodes.Name) and node.name in macros


def _is_trusted(node: nodes.Node) -> bool:
    """Whether ``node`` is reached from links, labels or loop (both branches of a condition)."""
    while isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Call)):
        node = node.node
    if isinstance(node, nodes.CondExpr):
        return _is_trusted(node.expr1) and node.expr2 is not None and _is_trusted(node.expr2)
    return isinstance(node, nodes.Name) and node.name in TRUSTED_ROOTS


def _const_key(node: nodes.Getitem) -> str | None:
    return node.arg.value if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) else None


def _unsafe_expressions_on_line(environment: Environment, lines: list[str], line: int, macros: set[str]) -> list[str]:
    """The text of each unsafe `{{ … }}` on a line, so the message names the expression itself."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    found = []
    for expression in re.findall(r"\{\{-?\s*(.*?)\s*-?\}\}", text):
        try:
            [output] = environment.parse("{{ " + expression + " }}").body
        except Exception:  # an expression that spans lines: name the line instead
            continue
        if not all(is_safe(child, macros) for child in output.nodes):
            found.append(expression)
    return found or [text.strip()[:120]]
