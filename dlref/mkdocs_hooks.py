"""MkDocs glue, kept thin: every decision lives in dlref modules that need no MkDocs.

Listed under ``hooks:`` in ``mkdocs.yml``. The page language comes from
``theme.language``; each language is its own build (zh at ``/``, en at ``/en/``).
"""
from __future__ import annotations

import json
import logging
import os
import posixpath
from urllib.parse import urlsplit
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from dlref import notebook_html, stale_pages
from dlref.mathml import render_math
from dlref.site import LANGS, PREPARED, Project, prepare

log = logging.getLogger("mkdocs.plugins.dlref")
SITE_PREFIX = {"zh": "", "en": "en/"}  # where each language lives inside the published site
LANG_NAMES = {"zh": "简体中文", "en": "English"}
HREFLANG = {"zh": "zh-Hans", "en": "en"}

_state: dict = {}


def _lang(config) -> str:
    lang = str(config.theme["language"])
    if lang not in LANGS:
        raise ValueError(f"{config.config_file_path}: theme.language must be one of {LANGS}, got {lang!r}")
    return lang


def on_config(config):
    project = Project.find(Path(config.config_file_path).parent)
    lang = _lang(config)
    _state.update(project=project, lang=lang)
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(project.build / "pages" / lang)]
    snippets["check_paths"] = True
    logging.getLogger("mkdocs.commands.build").addFilter(stale_pages.quiet_dirty_warning)
    return config


def on_pre_build(config):
    project, lang = _state["project"], _state["lang"]
    # `make bench` times a build with execution off; `dlref build` has already run everything.
    if not os.environ.get("DLREF_RENDER_ONLY") and project.root not in PREPARED:
        _, _, report = prepare(project, langs=(lang,))
        project.build.mkdir(parents=True, exist_ok=True)
        (project.build / "last_run.json").write_text(json.dumps(report.__dict__), encoding="utf-8")
        if report.ran:
            log.info(report.line())
    build = project.build
    # (site path, folder it lives in): figures, and notebooks that become pages <slug>/.
    _state["generated"] = sorted(
        [(p.relative_to(build).as_posix(), build) for p in (build / "figures").rglob("*.svg")]
        + [(p.name, p.parent) for p in (build / "notebooks" / lang).glob("*.ipynb")]
    )


@event_priority(50)  # before mkdocs-jupyter's on_files, so it turns our notebooks into pages
def on_files(files, config):
    for uri, folder in _state["generated"]:
        # A plain File from another folder (not File.generated): mkdocs-jupyter's wrapper needs src_dir.
        files.append(File(uri, str(folder), config.site_dir, config.use_directory_urls))
    return files


def on_nav(nav, config, files):
    """Under `mkdocs serve --dirty`, drop pages whose fragments, theme or code changed, so they are rebuilt."""
    project, lang = _state["project"], _state["lang"]
    pages = [(Path(f.abs_src_path), Path(f.abs_dest_path)) for f in files.documentation_pages()]
    dropped = stale_pages.drop(pages, project.build / "pages" / lang, project.root)
    if dropped:
        log.info(f"rebuilding {len(dropped)} of {len(pages)} pages")
    return nav


def on_startup(command, dirty):
    """Under `mkdocs serve`, import torch while the first build runs, so the first edit does not pay for it."""
    if command == "serve":
        import threading

        from dlref.runner import _preload

        threading.Thread(target=_preload, daemon=True).start()


def on_serve(server, config, builder):
    """Watch the examples, the notebooks and the dlref code."""
    project = _state["project"]
    server.watch(str(project.snippets))
    server.watch(str(project.notebooks))
    server.watch(str(Path(__file__).parent))
    return server


def _page_in(lang_from: str, lang_to: str, page_url: str) -> str:
    """Relative link from a page to the same page in another language.

    >>> _page_in("zh", "en", "activations/"), _page_in("en", "zh", "activations/")
    ('../en/activations/', '../../activations/')
    >>> _page_in("zh", "en", ""), _page_in("en", "zh", ""), _page_in("zh", "zh", "x/")
    ('en/', '../', './')
    """
    here = (SITE_PREFIX[lang_from] + page_url) or "."
    there = (SITE_PREFIX[lang_to] + page_url) or "."
    return posixpath.relpath(there, here) + "/"


def on_page_context(context, page, config, nav):
    """Per-page language alternates: a relative link for the switcher, a site path for hreflang.

    The hreflang path has no trailing slash on purpose: Material's script fetches
    ``sitemap.xml`` next to each alternate, which then resolves to the language root.
    """
    lang = _state["lang"]
    root = urlsplit(config.site_url).path.removesuffix(SITE_PREFIX[lang])
    config.extra["alternate"] = [
        {
            "name": LANG_NAMES[other],
            "lang": HREFLANG[other],
            "link": (root + SITE_PREFIX[other] + page.url).rstrip("/") or "/",
            "href": _page_in(lang, other, page.url),
        }
        for other in LANGS
    ]
    return context


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        html, figures = notebook_html.slim(html)
        html = notebook_html.align_heading_ids(html, page.toc)
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in figures.items():
            (folder / name).write_bytes(data)
    return render_math(html, page.file.src_uri)
