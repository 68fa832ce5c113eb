"""Engine adapters: how to build one language and how to serve it, and nothing else.

Every page is assembled before the engine runs (:mod:`dlref.build.render.assemble`), the
formulas come from a Markdown extension, and the language switcher from the theme
overrides, so an engine only turns ``build/docs/<lang>`` into HTML. Each adapter module
has ``build(project, lang, out, strict, dirty)`` (into the folder ``out``; ``dirty``: only the
pages that changed), ``serve_command(project, lang, address)``, ``INCREMENTAL`` (True where a
dirty build is exact), ``SIDE_BY_SIDE`` (True where two languages may build at once, each in
a process of its own; such an engine also has ``load(project, lang, out, strict)``, which sets the
build up and returns it, to be called with ``dirty``), ``NOTEBOOKS_AS_MARKDOWN`` (True where no mkdocs-jupyter renders the
.ipynb) and ``HTML_LINKS_FROM_DOCS`` (True where the engine rewrites relative links in raw HTML
as if they were written from the docs folder). What to rebuild, and where the output goes, is
:mod:`dlref.build.engines.incremental`'s.
"""
from __future__ import annotations

import importlib

NAMES = ("mkdocs", "zensical")


class EngineFailed(RuntimeError):
    """The engine reported errors; its own messages were logged above."""


DEFAULT = "mkdocs"
LOG_FORMAT = "%(levelname)-7s -  %(message)s"  # the engines' own log lines, as `python -m dlref` shows them


def get(name: str):
    """The adapter module of engine ``name``."""
    if name not in NAMES:
        raise ValueError(f"unknown engine {name!r}; engines: {', '.join(NAMES)}")
    return importlib.import_module(f"dlref.build.engines.{name}")
