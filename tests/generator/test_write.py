"""Generated files are written only when they change; stale ones go, hand-written ones stay."""

from __future__ import annotations

from pathlib import Path

from generator.write import write_generated_files


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    write_generated_files(tmp_path, {"a.md": "一", "b/c.md": "二"})
    before = (tmp_path / "a.md").stat().st_mtime_ns
    report = write_generated_files(tmp_path, {"a.md": "一", "b/c.md": "三"})
    assert report.unchanged == ["a.md"] and report.written == ["b/c.md"]
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert (tmp_path / "b/c.md").read_text(encoding="utf-8") == "三"


def test_stale_generated_files_are_removed_but_hand_written_kept(tmp_path: Path) -> None:
    (tmp_path / "hand.md").write_text("手写", encoding="utf-8")
    write_generated_files(tmp_path, {"old.md": "旧", "new.md": "新"})
    report = write_generated_files(tmp_path, {"new.md": "新"})
    assert report.removed == ["old.md"]
    assert not (tmp_path / "old.md").exists()
    assert (tmp_path / "hand.md").read_text(encoding="utf-8") == "手写"
