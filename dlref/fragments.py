"""Turn example results into the Markdown a page includes, one file per language.

A page includes an example with one line, the same in zh and en::

    --8<-- "activations/sigmoid.py"

pymdownx.snippets resolves it against ``build/pages/<lang>/``, where this module
writes, under the example's own name, the code (with that language's comments),
its printed output and its figures with alt text and captions.
"""
from __future__ import annotations

import re
from pathlib import Path

from .examples import Example, Result, code_for

OUTPUT_TITLE = {"zh": "输出", "en": "Output"}


def figure_name(example: Example, index: int, lang: str | None) -> str:
    """Site path of figure ``index`` (1-based), e.g. ``figures/activations/sigmoid-1.svg``."""
    suffix = f".{lang}" if lang else ""
    return f"figures/{example.slug}/{example.name}-{index}{suffix}.svg"


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
        fence = "````" if "```" in result.stdout else "```"
        parts.append(f'{fence}text title="{OUTPUT_TITLE[lang]}"\n{result.stdout.rstrip()}\n{fence}')
    for i, fig in enumerate(example.figures[: len(result.figures)], 1):
        src = figure_name(example, i, run_lang)
        alt = re.sub(r"([\\\[\]])", r"\\\1", fig.alt[lang])  # Markdown-escape \ [ ]
        block = f'<figure markdown="span">\n  ![{alt}]({src}){{ loading=lazy }}'
        if fig.caption:
            block += f"\n  <figcaption>{_escape_attr(fig.caption[lang])}</figcaption>"
        parts.append(block + "\n</figure>")
    return "\n\n".join(parts) + "\n"


def _write_if_changed(path: Path, text: str) -> None:
    """Leave unchanged files untouched so `mkdocs serve` sees only real changes."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write(examples: list[Example], results: dict, lang: str, build_dir: Path, notes: dict | None = None) -> None:
    """Write every example's fragment for ``lang`` and its figures under ``build_dir``."""
    notes = notes or {}
    for example in examples:
        run_lang = lang if example.per_language else None
        result = results[(example.rel, run_lang)]
        _write_if_changed(
            build_dir / "pages" / lang / example.rel,
            render(example, lang, result, run_lang, notes.get(example.rel, {}).get(lang, "")),
        )
        for i, svg in enumerate(result.figures, 1):
            _write_if_changed(build_dir / figure_name(example, i, run_lang), svg)
