"""What only Material for MkDocs needs, listed under ``hooks:`` in ``mkdocs.yml``.

Everything a page shows is made before the engine runs (:mod:`dlref.build.render.assemble`)
or by a Markdown extension and the theme overrides, which both engines load. What is left
here is MkDocs' own: mkdocs-jupyter's notebook pages (slimmed, math rendered) and what
makes a dirty build (``mkdocs serve --dirty``, and ``dlref build`` after an edit) exact
(:mod:`dlref.build.engines.stale_pages`). Zensical ignores hooks, and loses nothing.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import event_priority

from dlref.build.engines import stale_pages
from dlref.build.render import code_links, notebook_html
from dlref.build.render.mathml import render_math

log = logging.getLogger("mkdocs.plugins.dlref")


_serving = False  # under `mkdocs serve`, whose own rebuilds keep the search index in memory
_search_before: dict | None = None  # the search index of the build this one updates
_files = None  # the build's files, from on_nav to on_post_build


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _search_before
    logging.getLogger("mkdocs.commands.build").addFilter(stale_pages.quiet_dirty_warning)
    try:
        _search_before = json.loads(_search_index(config).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        _search_before = None
    return config


def _search_index(config) -> Path:
    return Path(config.site_dir) / "search" / "search_index.json"


def _records(config) -> Path:
    """Where what each page was last built from is noted: per output folder, so that `mkdocs serve`'s
    own folder and `dlref build`'s never share notes (see stale_pages)."""
    site = hashlib.sha256(str(Path(config.site_dir).resolve()).encode()).hexdigest()[:16]
    return Path(config.config_file_path).parent / "build" / "mkdocs-dirty" / f"{config.theme['language']}-{site}"


def on_page_read_source(page, config):
    """Read a Markdown page as MkDocs would, noting what it was built from (notebooks are mkdocs-jupyter's)."""
    source = Path(page.file.abs_src_path)
    text = source.read_text(encoding="utf-8-sig")
    stale_pages.record(source, text, _records(config))
    return text if page.file.src_uri.endswith(".md") else None


def on_nav(nav, config, files):
    """For a dirty build: drop pages whose theme or configs changed; mark as modified exactly the pages whose
    text changed since their HTML was built (or whose title went unrecorded); give every other page what its
    last build read."""
    global _files
    _files = files
    root = Path(config.config_file_path).parent
    records = _records(config)
    pages = [(Path(f.abs_src_path), Path(f.abs_dest_path)) for f in files.documentation_pages()]
    dropped = stale_pages.drop(pages, root, records)
    saved = stale_pages.load_pages(records)
    for file in files.documentation_pages():
        modified = file.page is None or file.src_uri not in saved or not stale_pages.fresh(
            Path(file.abs_src_path), Path(file.abs_dest_path), records)
        file.is_modified = (lambda modified=modified: modified)  # what MkDocs' dirty build asks
        if not modified:
            stale_pages.restore(file.page, saved[file.src_uri])
    if dropped:
        log.info(f"rebuilding {len(dropped)} of {len(pages)} pages")
    return nav


def _unread(files) -> bool:
    return any(f.page is not None and f.page.content is None for f in files.documentation_pages())


def on_env(env, config, files):
    """After every page a dirty build rebuilds was read: one whose title or front matter changed leaves the
    others' navigation stale; `dlref build` then builds this language in full. The theme's templates are compiled
    once and kept between builds (Jinja checks each against its source): compiling them took a one-page
    rebuild 0.4 s."""
    cache = Path(config.config_file_path).parent / "build" / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    if _serving or not _unread(files):
        return env
    saved = stale_pages.load_pages(_records(config))
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.content is not None and file.src_uri in saved and (
                saved[file.src_uri] != stale_pages.state(page)):
            raise stale_pages.NavChanged(f"{file.src_uri}: its title or front matter changed")
    return env


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    """Note every page's title and front matter; after a dirty build, complete the search index."""
    pages = [f.page for f in _files.documentation_pages() if f.page is not None]
    stale_pages.save_pages(_records(config), {p.file.src_uri: stale_pages.state(p) for p in pages})
    rebuilt = {p.url for p in pages if p.content is not None}
    if _serving or len(rebuilt) == len(pages):
        return
    path = _search_index(config)
    merged = stale_pages.merge_search_index(_search_before, json.loads(path.read_text(encoding="utf-8")),
                                            [p.url for p in pages], rebuilt)
    path.write_text(json.dumps(merged, separators=(",", ":"), default=str), encoding="utf-8")  # as the plugin writes it


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
