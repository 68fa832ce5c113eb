"""Turn example results into the Markdown a page includes, one file per language.

A page includes an example with one line, the same in zh and en::

    --8<-- "activations/sigmoid.py"

pymdownx.snippets resolves it against ``build/pages/<lang>/``, where this module
writes, under the example's own name, the code (with that language's comments),
its printed output and its figures with alt text and captions.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .examples import Example, Result, code_for

OUTPUT_TITLE = {"zh": "输出", "en": "Output"}


def figure_name(example: Example, index: int, lang: str | None) -> str:
    """Site path of figure ``index`` (1-based), e.g. ``figures/activations/sigmoid-1.svg``."""
    suffix = f".{lang}" if lang else ""
    return f"figures/{example.slug}/{example.name}-{index}{suffix}.svg"


def text_block(text: str, title: str) -> str:
    r"""``text`` as a fenced block that shows it verbatim, whatever it contains.

    The fence is longer than any backtick run in the text, so printed backticks
    cannot close it; a printed snippet marker is escaped (``;--8<--``), so the
    page's include step shows it instead of including a file.

    >>> print(text_block("````\n<img src=x onerror=alert(1)>", "Output"))
    `````text title="Output"
    ````
    <img src=x onerror=alert(1)>
    `````
    >>> text_block('--8<-- "other.py"', "Output").splitlines()[1]
    ';--8<-- "other.py"'
    """
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    text = _SNIPPET_MARKER.sub(r"\1;\2", text)
    return f'{fence}text title="{title}"\n{text}\n{fence}'


_SNIPPET_MARKER = re.compile(r"^(\s*)(-{1,}8<-{1,})", re.M)


def _escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def render(example: Example, lang: str, result: Result, run_lang: str | None, note: str = "") -> str:
    """The Markdown for ``example`` on the ``lang`` page."""
    parts = []
    if note:
        parts.append(note)
    if example.show_code:
        parts.append(f'```python title="snippets/{example.rel}"\n{code_for(example, lang)}```')
    if result.stdout.strip():
        parts.append(text_block(result.stdout.rstrip(), OUTPUT_TITLE[lang]))
    for i, fig in enumerate(example.figures[: len(result.figures)], 1):
        src = figure_name(example, i, run_lang)
        alt = re.sub(r"([\\\[\]])", r"\\\1", fig.alt[lang])  # Markdown-escape \ [ ]
        block = f'<figure markdown="span">\n  ![{alt}]({src}){{ loading=lazy }}'
        if fig.caption:
            block += f"\n  <figcaption>{_escape_attr(fig.caption[lang])}</figcaption>"
        parts.append(block + "\n</figure>")
    return "\n\n".join(parts) + "\n"


def write_if_changed(path: Path, text: str) -> None:
    """Leave unchanged files untouched so `mkdocs serve` sees only real changes; replace atomically,
    so that a second build at the same time never reads a half-written file."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def prune_figures(build_dir: Path, written: set[str], langs) -> list[Path]:
    """Delete the SVGs under ``build/figures`` that no current example produced (for ``langs``), so that
    only figures the pages reference are published. Returns what was deleted."""
    stale = []
    for path in (build_dir / "figures").rglob("*.svg"):
        rel = path.relative_to(build_dir).as_posix()
        lang = path.suffixes[-2][1:] if len(path.suffixes) > 1 else None
        if rel not in written and (lang is None or lang in langs):
            path.unlink()
            stale.append(path)
    return stale


def write(examples: list[Example], results: dict, lang: str, build_dir: Path, notes: dict | None = None) -> set[str]:
    """Write every example's fragment for ``lang`` and its figures under ``build_dir``; returns the figures'
    paths relative to ``build_dir``."""
    notes = notes or {}
    figures = set()
    for example in examples:
        run_lang = lang if example.per_language else None
        result = results[(example.rel, run_lang)]
        write_if_changed(
            build_dir / "pages" / lang / example.rel,
            render(example, lang, result, run_lang, notes.get(example.rel, {}).get(lang, "")),
        )
        for i, svg in enumerate(result.figures, 1):
            write_if_changed(build_dir / figure_name(example, i, run_lang), svg)
            figures.add(figure_name(example, i, run_lang))
    return figures
