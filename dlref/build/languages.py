"""The site's languages, read from the one table that states them: ``extra.alternate`` in ``mkdocs.yml``.

The table lives in the site config because the theme needs it too: the language
switcher and the per-page hreflang links are drawn from it by the templates, on
either engine. Python reads the same table here; nothing else lists languages.
The first language is the source (zh); the others are translations of it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Language:
    code: str  # "zh"
    name: str  # shown in the switcher: "简体中文"
    lang: str  # its hreflang: "zh-Hans"
    prefix: str  # the folder its build is published in: "" or "en/"
    config: str  # its config file, relative to the project root
    ui: dict  # the build's own strings on its pages: output title, notebook button, GPU notes


class _Loader(yaml.SafeLoader):
    """MkDocs' YAML: ``!ENV [NAME, default]`` resolved as MkDocs resolves it; other tags (``!!python/name``),
    which only MkDocs can resolve, read as None."""


def _env(loader, node):
    name, *default = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [
        loader.construct_scalar(node)]
    return os.environ.get(name, default[0] if default else None)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@lru_cache(maxsize=None)
def read_config(path: Path) -> dict:
    """A config file as plain data, read once per process: callers that change it take a copy."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


@lru_cache(maxsize=None)
def languages(root: Path) -> dict[str, Language]:
    """code -> Language, in the table's order (the source language first), from ``root/mkdocs.yml``."""
    config = root / "mkdocs.yml"
    table = (read_config(config).get("extra") or {}).get("alternate")
    if not isinstance(table, list) or not table:
        raise ValueError(f"{config}: extra.alternate must list the languages, each with its settings")
    try:
        return {entry["code"]: Language(**entry) for entry in table}
    except (TypeError, KeyError) as exc:
        raise ValueError(f"{config}: extra.alternate: {exc!r}") from exc


REPO = Path(__file__).resolve().parents[2]
#: The language codes of this repository's site, source language first.
LANGS: tuple[str, ...] = tuple(languages(REPO))
