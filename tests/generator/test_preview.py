"""The preview's parts without a server: its page table, its caches and its link rewriting."""

from __future__ import annotations

from generator.compare import compare
from generator.incremental import InputCache
from generator.pipeline import ProjectPaths, build_dataset
from generator.preview import page_makers, page_url, split_front_matter, to_html
from generator.render import PageRenderer, make_environment, render_pages

from tests.conftest import REPO


def renderer_for(project: ProjectPaths, dataset=None) -> PageRenderer:
    dataset = dataset or build_dataset(project)
    return PageRenderer(dataset, compare(dataset), make_environment(project.templates))


def test_page_makers_give_exactly_the_pages_of_all_pages(minimal_project: ProjectPaths) -> None:
    renderer = renderer_for(minimal_project)
    makers = page_makers(renderer)
    expected = renderer.all_pages()
    assert set(makers) == set(expected)
    assert {page: make() for page, make in makers.items()} == expected


def test_page_makers_cover_every_page_of_the_real_data() -> None:
    """The real data has what the minimal fixture lacks: comparison pages of plan pairs."""
    renderer = renderer_for(ProjectPaths(REPO))
    makers = page_makers(renderer)
    expected = renderer.all_pages()
    assert set(makers) == set(expected)
    for page in ("index.md", "comparisons/index.md", "comparisons/data-notes.md",
                 next(page for page in expected if "--" in page)):
        assert makers[page]() == expected[page]


def test_cached_generation_equals_a_fresh_one_edit_after_edit(minimal_project: ProjectPaths) -> None:
    cache = InputCache()
    plan = minimal_project.data / "plans" / "mini-plan.yaml"
    original = plan.read_text(encoding="utf-8")
    edits = [original + "notes:\n  - kind: other\n    text: 第一次修改\n",
             original.replace("short_title: 示例规划", "short_title: 示例规划甲"),
             original]
    for text in edits:
        plan.write_text(text, encoding="utf-8")
        cached = cache.build_dataset(minimal_project.data, minimal_project.root)
        fresh = build_dataset(minimal_project)
        assert (render_pages(cached, compare(cached), minimal_project.templates)
                == render_pages(fresh, compare(fresh), minimal_project.templates))
    # Each regeneration re-loaded only the plan; the registries and the source text came from the cache.
    files = 1 + 5 + 1  # sources.yaml, five registries, one plan
    assert cache.stats["validate-miss"] == files + len(edits) - 1
    assert cache.stats["validate-hit"] == (files - 1) * (len(edits) - 1)
    assert cache.stats["parse-miss"] == 1


def test_links_between_pages_become_directory_urls() -> None:
    assert page_url("plans/a.md", "../sources/s.md#p3") == "/sources/s/#p3"
    assert page_url("plans/a.md", "b.md") == "/plans/b/"
    assert page_url("index.md", "comparisons/index.md") == "/comparisons/"
    assert page_url("comparisons/index.md", "../data/plans.csv") == "/data/plans.csv"
    assert page_url("plans/a.md", "#p1") == "#p1"
    assert page_url("plans/a.md", "https://example.org/x.md") == "https://example.org/x.md"


def test_markdown_is_converted_with_the_sites_extensions() -> None:
    config = {"markdown_extensions": ["attr_list", "tables", "admonition", {"toc": {"permalink": False}}]}
    title, body = to_html("plans/a.md", '---\ntitle: "标题"\n---\n# 一\n\n!!! warning "注意"\n\n    文字\n\n'
                          "段落 [链接](b.md)\n{: #p1 }\n", config)
    assert title == "标题"
    assert 'class="admonition warning"' in body
    assert 'href="/plans/b/"' in body
    assert 'id="p1"' in body
    assert split_front_matter("# no front matter\n") == ({}, "# no front matter\n")
