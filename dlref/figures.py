"""Helpers for figure generators: the page language, CJK fonts, deterministic SVG.

A figure generator (an example with ``show-code: false`` and ``per-language: true``)
runs once per language. It asks :func:`lang` which one, and :func:`tr` picks a label:

>>> set_lang("en"); tr(zh="输入层", en="input layer")
'input layer'
>>> set_lang("zh"); tr(zh="输入层", en="input layer")
'输入层'
>>> set_lang("fr")
Traceback (most recent call last):
...
ValueError: language must be one of ('zh', 'en') (the keywords of tr), got 'fr'
"""
from __future__ import annotations

import inspect
from pathlib import Path

CJK_FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf"),
)
CJK_FAMILY = "Noto Sans CJK SC"
SVG_SALT = "dlref"

_lang = "zh"


def set_lang(value: str) -> None:
    """Set the language that :func:`lang` and :func:`tr` answer with: one that :func:`tr` has a text for."""
    global _lang
    if value not in _LANGS:
        raise ValueError(f"language must be one of {_LANGS} (the keywords of tr), got {value!r}")
    _lang = value


def lang() -> str:
    """The language of the page being built: 'zh' or 'en'."""
    return _lang


def tr(*, zh: str, en: str) -> str:
    """The text for the current page language."""
    return {"zh": zh, "en": en}[_lang]


_LANGS = tuple(inspect.signature(tr).parameters)  # the languages tr has a text for


def cjk_font_file() -> Path:
    """The installed Noto Sans CJK font, or a clear error saying how to install it."""
    for path in CJK_FONT_FILES:
        if path.is_file():
            return path
    raise FileNotFoundError(
        "No CJK font found (looked for "
        + ", ".join(map(str, CJK_FONT_FILES))
        + "). Install it with: apt-get install fonts-noto-cjk  (or run `make system-deps`)."
    )


def setup_matplotlib() -> None:
    """Deterministic SVG output, with Latin text in DejaVu Sans and Chinese in Noto Sans CJK."""
    import matplotlib
    from matplotlib import font_manager

    matplotlib.rcdefaults()
    font = str(cjk_font_file())
    if not any(entry.fname == font for entry in font_manager.fontManager.ttflist):  # reading it takes 0.1 s
        font_manager.fontManager.addfont(font)
    matplotlib.rcParams.update(
        {
            "svg.hashsalt": SVG_SALT,
            "svg.fonttype": "path",  # glyphs as paths: the page needs no font to show them
            "font.family": ["DejaVu Sans", CJK_FAMILY],  # per-glyph fallback: Latin, then CJK
            "figure.dpi": 100,
        }
    )
