"""The fix to Pagefind's chunk loading (generator/pagefind_patch.py), on the scripts Pagefind 1.6 writes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.pagefind_patch import MARKER, REPLACEMENT, TARGET, PagefindPatchError, patch_pagefind_scripts


def scripts(directory: Path, body: str) -> Path:
    for name in ("pagefind.js", "pagefind-worker.js"):
        (directory / name).write_text(f"const pagefind_version=\"1.6.0\";{body}", encoding="utf-8")
    return directory


def test_the_request_for_chunks_is_replaced_once_and_only_once(tmp_path: Path) -> None:
    patch_pagefind_scripts(scripts(tmp_path, f"async search(){{{TARGET}let x=1;}}"))
    patch_pagefind_scripts(tmp_path)  # a second run changes nothing
    for name in ("pagefind.js", "pagefind-worker.js"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text.count(MARKER) == 1 and text.count(REPLACEMENT) == 1 and TARGET not in text


def test_a_pagefind_without_the_line_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(PagefindPatchError, match="was not found once"):
        patch_pagefind_scripts(scripts(tmp_path, "async search(){let index_resp=other(ptr,term);}"))


@pytest.mark.skipif(shutil.which("node") is None, reason="node runs the probe function")
def test_the_probes_reach_every_chunk_a_short_word_extends_into(tmp_path: Path) -> None:
    # Chunks as Pagefind bounds them (shortened first and last words): 新's extensions span two.
    from generator.pagefind_patch import PROBES
    chunks = [["一", "新兴"], ["新技", "齐"], ["龙", "龟"]]
    script = PROBES + f"""
const chunks = {json.dumps(chunks, ensure_ascii=False)};
const loaded = new Set();
for (const term of planCompareChunkProbes("新").split(" ")) {{
  const found = chunks.findIndex(([from, to]) => term >= from && term <= to);
  if (found >= 0) loaded.add(found);
}}
console.log([...loaded].sort().join(","));
"""
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0,1"
