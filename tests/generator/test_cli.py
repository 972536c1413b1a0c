"""The command line gives editors a list of errors and an exit status, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.pipeline import ProjectPaths

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"
REPO = Path(__file__).resolve().parents[2]


def run_cli(project: ProjectPaths, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), *args],
                          cwd=REPO, capture_output=True, text=True, check=False)


def test_validate_ok(minimal_project: ProjectPaths) -> None:
    result = run_cli(minimal_project, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 1 plan(s)")


def test_validate_reports_errors_without_traceback(minimal_project: ProjectPaths) -> None:
    shutil.copy(BROKEN / "several_errors.yaml", minimal_project.data / "plans" / "mini-plan.yaml")
    result = run_cli(minimal_project, "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("data/plans/mini-plan.yaml:9:1: error[invalid-value] at kind:")
    assert result.stderr.splitlines()[-1] == "4 errors in 1 file; nothing was written."


def test_generate_writes_nothing_when_data_is_broken(minimal_project: ProjectPaths) -> None:
    shutil.copy(BROKEN / "unknown_place.yaml", minimal_project.data / "plans" / "mini-plan.yaml")
    result = run_cli(minimal_project, "generate")
    assert result.returncode == 1
    assert not (minimal_project.content / "plans").exists()


def test_paragraphs_lists_anchors(minimal_project: ProjectPaths) -> None:
    result = run_cli(minimal_project, "paragraphs", "mini", "孵化器")
    assert result.returncode == 0
    assert result.stdout.startswith("p8\tparagraph\tline 14\t“十二五”期间")


def test_json_schemas_are_up_to_date() -> None:
    from generator.schema import schema_documents

    for name, text in schema_documents().items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == text, f"run: python -m generator schema ({name})"


def test_every_broken_case_is_reported_without_traceback(minimal_project: ProjectPaths) -> None:
    """One process per case would be slow; one validate run per case, in turn, on the same copy."""
    for case in sorted(path.stem for path in BROKEN.glob("*.yaml")):
        shutil.copy(BROKEN / f"{case}.yaml", minimal_project.data / "plans" / "mini-plan.yaml")
        result = run_cli(minimal_project, "validate")
        first = (BROKEN / f"{case}.expected").read_text().split()[0]
        assert result.returncode == 1, case
        assert "Traceback" not in result.stderr, case
        assert result.stderr.startswith(f"data/plans/mini-plan.yaml:{first}: error["), case


def test_paragraphs_reports_a_broken_source_registry(minimal_project: ProjectPaths) -> None:
    registry = minimal_project.data / "sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("file: mini.txt", "file: mnii.txt"), encoding="utf-8")
    result = run_cli(minimal_project, "paragraphs", "mini")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("data/sources.yaml:5:5: error[source-file-missing]")
