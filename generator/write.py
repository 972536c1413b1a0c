"""Writing generated files: only when their content changes, and removing stale ones.

Rewriting an unchanged file would make `mkdocs serve` rebuild in a loop, so a
file is written only when its bytes differ. The list of files the generator
wrote last time is kept in a manifest; a file in it that is no longer
generated is removed, and a hand-written file is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".generated-files"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"generated {len(self.written) + len(self.unchanged)} file(s): "
                f"{len(self.written)} written, {len(self.unchanged)} unchanged, {len(self.removed)} removed")


def write_generated_files(root: Path, files: dict[str, str | bytes]) -> WriteReport:
    report = WriteReport()
    manifest = root / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    for relative in sorted(files):
        content = files[relative]
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = root / relative
        if target.exists() and target.read_bytes() == data:
            report.unchanged.append(relative)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        report.written.append(relative)
    for relative in sorted(previous - set(files)):
        stale = root / relative
        if stale.exists():
            stale.unlink()
            report.removed.append(relative)
    new_manifest = "\n".join(sorted(files)) + "\n"
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != new_manifest:
        manifest.write_text(new_manifest, encoding="utf-8")
    return report
