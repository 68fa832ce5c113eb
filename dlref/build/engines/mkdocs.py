"""Material for MkDocs, the default engine (with mkdocs-jupyter for the notebook pages)."""
from __future__ import annotations

import sys

NOTEBOOKS_AS_MARKDOWN = False  # mkdocs-jupyter renders the assembled .ipynb as a page
HTML_LINKS_FROM_DOCS = False  # links in raw HTML are left as written: relative to the page's URL
INCREMENTAL = True  # a dirty build rebuilds only the changed pages, exactly (see stale_pages)
SIDE_BY_SIDE = True  # each language's build is independent of the other's: they run in parallel (see load)


def load(project, lang: str, out, strict: bool = True):
    """The build of ``lang`` into the folder ``out``, its config loaded (the slow part: MkDocs, the theme and
    the plugins imported and set up): a function to call with ``dirty``, True for only the changed pages."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from dlref.build.engines import EngineFailed
    from dlref.build.engines.stale_pages import NavChanged

    def config():
        try:
            return load_config(str(project.config(lang)), strict=strict, site_dir=str(out))
        except MkDocsException as exc:
            raise EngineFailed(f"MkDocs could not load {project.config(lang).name}: {exc}") from exc

    loaded = config()
    if any(name.rpartition("/")[2] == "search" for name in loaded.plugins):
        _segmenter_ready()

    def build(dirty: bool) -> None:
        try:
            try:
                mkdocs_build(loaded, dirty=dirty)
            except NavChanged:  # the other pages' navigation shows what changed: all of them are rebuilt
                mkdocs_build(config())
        except MkDocsException as exc:  # Abort after logged errors
            raise EngineFailed(f"MkDocs could not build {project.config(lang).name}: {exc}") from exc

    return build


def _segmenter_ready() -> None:
    """Material's search splits Chinese text into words with jieba, which reads its dictionary (0.6 s) at the first
    page with Han characters: read it while loading, which overlaps the build this one waits for."""
    try:
        import jieba
    except ImportError:  # the search indexes Chinese text without word splitting
        return
    jieba.initialize()


def build(project, lang: str, out, strict: bool = True, dirty: bool = False) -> None:
    """Build ``lang`` into the folder ``out``; ``dirty``: only the pages whose assembled files changed."""
    load(project, lang, out, strict)(dirty)


def serve_command(project, lang: str, address: str) -> list[str]:
    """A live preview that rebuilds only the pages whose assembled files changed (``--dirty``)."""
    return [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project.config(lang)), "-a", address]
