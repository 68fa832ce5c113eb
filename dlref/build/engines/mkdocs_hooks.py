"""What only Material for MkDocs needs, listed under ``hooks:`` in ``mkdocs.yml``.

Everything a page shows is made before the engine runs (:mod:`dlref.build.render.assemble`)
or by a Markdown extension and the theme overrides, which both engines load. What is left
here is MkDocs' own: mkdocs-jupyter's notebook pages (slimmed, math rendered) and the
page freshness that ``mkdocs serve --dirty`` needs. Zensical ignores hooks, and loses nothing.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from dlref.build.engines import stale_pages
from dlref.build.render import code_links, notebook_html
from dlref.build.render.mathml import render_math

log = logging.getLogger("mkdocs.plugins.dlref")


def on_config(config):
    logging.getLogger("mkdocs.commands.build").addFilter(stale_pages.quiet_dirty_warning)
    return config


def _records(config) -> Path:
    """Where the text each page was last built from is noted, per language (see stale_pages)."""
    return Path(config.config_file_path).parent / "build" / "mkdocs-dirty" / str(config.theme["language"])


def on_page_read_source(page, config):
    """Read a Markdown page as MkDocs would, noting what it was built from (notebooks are mkdocs-jupyter's)."""
    if not page.file.src_uri.endswith(".md"):
        return None
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    stale_pages.record(Path(page.file.abs_src_path), text, _records(config))
    return text


def on_nav(nav, config, files):
    """Under `mkdocs serve --dirty`, drop pages whose theme or configs changed, or whose text changed while
    they were being built."""
    root = Path(config.config_file_path).parent
    pages = [(Path(f.abs_src_path), Path(f.abs_dest_path)) for f in files.documentation_pages()]
    dropped = stale_pages.drop(pages, root, _records(config))
    if dropped:
        log.info(f"rebuilding {len(dropped)} of {len(pages)} pages")
    return nav


def on_page_content(html, page, config, files):
    """mkdocs-jupyter's notebook pages: Material code blocks with their names linked, figures as files, MathML."""
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html, figures = notebook_html.slim(html)
    metadata = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))["metadata"]
    html = code_links.link_blocks(html, {code_links.ALL_BLOCKS: metadata.get("dlref", {}).get("code_links", {})})
    html = notebook_html.align_heading_ids(html, page.toc)
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in figures.items():
        (folder / name).write_bytes(data)
    return render_math(html, page.file.src_uri)
