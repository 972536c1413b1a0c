"""A fix applied to the Pagefind 1.6 scripts the index build writes into site/pagefind/.

Pagefind finds the index chunk a query word needs by the word's place between
the chunks' first and last words, and loads that one chunk only
(pagefind_web/src/lib.rs, try_request_indexes). A search also matches the
words a query word begins (新 matches 新兴, 新技术); when those run on past the
end of the chunk, the ones in the next chunks are never loaded. Chinese
queries are cut into exactly such short words (高新技术企业 → 高 新 技术 企业),
so a page could drop out of the results because the chunk holding its 新技术
was not loaded; which pages did depended on where 20,000-location chunk
boundaries happened to fall, and moved whenever any page's text changed.

The fix asks Pagefind for the chunks of the word followed by every character a
word can continue with, so every chunk that may hold one of its extensions is
loaded. It is a text substitution in the two scripts that make that request
(the page's and the worker's); if a Pagefind release changes the line, the
build stops and says so rather than publish a search that misses pages.
"""

from __future__ import annotations

from pathlib import Path

SCRIPTS = ("pagefind.js", "pagefind-worker.js")
TARGET = "let index_resp=this.backend.request_indexes(ptr,term);"
REPLACEMENT = "let index_resp=this.backend.request_indexes(ptr,planCompareChunkProbes(term));"
MARKER = "function planCompareChunkProbes("
PROBES = """function planCompareChunkProbes(query){
  // Plan Compare (generator/pagefind_patch.py): also the chunks that hold a word's extensions.
  var probes=[];
  query.split(" ").forEach(function(word){
    if(!word)return;
    probes.push(word);
    for(var code=0x30;code<=0x7a;code++)probes.push(word+String.fromCharCode(code));
    for(code=0x3400;code<=0x9fff;code++)probes.push(word+String.fromCharCode(code));
    probes.push(word+"\\uffff");
  });
  return probes.join(" ");
}
"""


class PagefindPatchError(Exception):
    pass


def patch_pagefind_scripts(pagefind_dir: Path) -> None:
    """Apply the fix to the Pagefind scripts in ``pagefind_dir`` (idempotent)."""
    for name in SCRIPTS:
        path = pagefind_dir / name
        text = path.read_text(encoding="utf-8")
        if MARKER in text:
            continue
        if text.count(TARGET) != 1:
            raise PagefindPatchError(
                f"{path}: the line generator/pagefind_patch.py fixes was not found once; this Pagefind "
                f"version is not the one it was written for (1.6.0): check whether the fix is still needed")
        path.write_text(PROBES + text.replace(TARGET, REPLACEMENT), encoding="utf-8")
