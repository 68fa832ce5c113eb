"""Discover the examples under ``snippets/`` and read their headers.

An example is ``snippets/<page-slug>/<name>.py``. Its leading ``#|`` lines are a
YAML header (the Quarto cell-option convention)::

    #| figures:
    #|   - alt: {zh: Sigmoid 曲线, en: The sigmoid curve}
    #|     caption: {zh: ..., en: ...}
    #| claims: [N04, N05]
    #| timeout: 60

Keys: ``figures`` (one entry per figure, in ``plt.show()`` order), ``claims``
(content-map claim ids the example asserts), the limits ``timeout`` (seconds),
``memory-mb`` (MiB the run may allocate) and ``output-kb`` (what it may print), and
``threads`` (the CPU threads it computes with: part of its result, so of its cache key),
``show-code`` (false for figure generators, whose code is not the lesson),
``per-language`` (run once per language; the code reads ``dlref.figures.lang()``),
``requires`` (``cuda`` for examples that need a GPU), ``depends`` (sibling files the
example reads, e.g. ``[model_design.py]``: part of its cache key).

Comments are bilingual: a comment that starts with ``zh:`` or ``en:`` is shown
only on that language's page, and a trailing ``# zh: … # en: …`` comment keeps
the part for the page's language. Untagged comments show in both languages.
"""
from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from dlref.build.languages import LANGS

HEADER_PREFIX = "#|"
KNOWN_KEYS = {"figures", "claims", "timeout", "memory-mb", "output-kb", "threads", "show-code", "per-language",
              "requires", "depends"}
#: What an example may use unless its header says otherwise: stated here once.
DEFAULT_LIMITS = {"timeout": 120.0, "memory-mb": 4096, "output-kb": 1024, "threads": 1}
_TAG = re.compile(r"#\s*(zh|en):\s?")


class ExampleError(ValueError):
    """An example file breaks the conventions above; the message names file:line."""


@dataclass(frozen=True)
class Figure:
    alt: dict
    caption: dict


@dataclass(frozen=True)
class Example:
    path: Path  # absolute
    rel: str  # "<slug>/<name>.py", the include name
    source: str
    figures: tuple[Figure, ...] = ()
    claims: tuple[str, ...] = ()
    timeout: float = DEFAULT_LIMITS["timeout"]
    memory_mb: int = DEFAULT_LIMITS["memory-mb"]
    output_kb: int = DEFAULT_LIMITS["output-kb"]
    threads: int = DEFAULT_LIMITS["threads"]
    show_code: bool = True
    per_language: bool = False
    requires: str | None = None
    header_lines: int = 0
    cells: tuple = ()  # notebooks: (first line, code) of each code cell, run one after another
    depends: tuple = ()  # sibling files whose content is part of the cache key

    @property
    def slug(self) -> str:
        return self.rel.split("/", 1)[0]

    @property
    def name(self) -> str:
        return Path(self.rel).stem

    @property
    def body(self) -> str:
        """The code a reader sees and copies, header removed."""
        return "".join(self.source.splitlines(keepends=True)[self.header_lines:])

    def run_langs(self) -> tuple[str | None, ...]:
        """Languages to run for: one run serves both unless output depends on language."""
        return LANGS if self.per_language else (None,)

    def tag(self, lang: str | None) -> str:
        """How reports and recorded durations name one run: 'rel', or 'rel[lang]' for a per-language run."""
        return f"{self.rel}[{lang}]" if lang else self.rel


# libyaml's safe loader where PyYAML was built with it (every build reads some 100 headers): the same documents
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_header(path: Path, source: str) -> tuple[dict, int]:
    lines = source.splitlines()
    n = 0
    while n < len(lines) and lines[n].startswith(HEADER_PREFIX):
        n += 1
    if n == 0:
        return {}, 0
    text = "\n".join(line[len(HEADER_PREFIX):].removeprefix(" ") for line in lines[:n])
    try:
        meta = yaml.load(text, Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ExampleError(f"{path}:1: bad '#|' header: {exc}") from exc
    if not isinstance(meta, dict):
        raise ExampleError(f"{path}:1: the '#|' header must be a mapping")
    unknown = set(meta) - KNOWN_KEYS
    if unknown:
        raise ExampleError(f"{path}:1: unknown header keys {sorted(unknown)}; known: {sorted(KNOWN_KEYS)}")
    return meta, n


def _typed(path: Path, meta: dict, key: str, kinds: tuple, default, positive: bool = False):
    """``meta[key]`` checked against ``kinds`` (YAML's true/false is no number), or an error naming file and key."""
    value = meta.get(key, default)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        names = " or ".join(k.__name__ for k in kinds)
        raise ExampleError(f"{path}:1: header key '{key}' must be {names}, got {value!r}")
    if positive and not value > 0:
        raise ExampleError(f"{path}:1: header key '{key}' must be positive, got {value!r}")
    return value


def _strings(path: Path, meta: dict, key: str) -> tuple[str, ...]:
    value = meta.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ExampleError(f"{path}:1: header key '{key}' must be a list of strings, got {value!r}")
    return tuple(value)


def _bilingual(path: Path, where: str, value) -> dict:
    if not isinstance(value, dict) or set(value) != set(LANGS) or not all(
        isinstance(value[lang], str) and value[lang].strip() for lang in LANGS
    ):
        raise ExampleError(f"{path}:1: {where} needs non-empty 'zh' and 'en' texts, got {value!r}")
    return {lang: value[lang].strip() for lang in LANGS}


def parse_figures(path: Path, meta: dict) -> list[Figure]:
    """The ``figures:`` entries of a header: alt text required, caption optional, both bilingual."""
    figures = []
    if not isinstance(meta.get("figures") or [], list):
        raise ExampleError(f"{path}:1: header key 'figures' must be a list, got {meta['figures']!r}")
    for i, fig in enumerate(meta.get("figures") or [], 1):
        if not isinstance(fig, dict) or "alt" not in fig:
            raise ExampleError(f"{path}:1: figure {i} needs 'alt' text in zh and en")
        figures.append(
            Figure(
                alt=_bilingual(path, f"figure {i} alt", fig["alt"]),
                caption=_bilingual(path, f"figure {i} caption", fig["caption"]) if "caption" in fig else {},
            )
        )
    return figures


def load(path: Path, root: Path) -> Example:
    """Read one example and validate its header and comments."""
    example = _parse(path, root, path.read_text(encoding="utf-8"))
    for dep in example.depends:
        if not (path.parent / dep).is_file():
            raise ExampleError(f"{path}:1: depends on {dep}, which is not in {path.parent}")
    return example


@lru_cache(maxsize=None)  # keyed by the text: `mkdocs serve` re-reads every example on each edit
def _parse(path: Path, root: Path, source: str) -> Example:
    try:
        compile(source, str(path), "exec")
    except SyntaxError as exc:
        raise ExampleError(f"{path}:{exc.lineno}: SyntaxError: {exc.msg}") from exc
    meta, header_lines = _parse_header(path, source)
    figures = parse_figures(path, meta)
    requires = meta.get("requires")
    if requires not in (None, "cuda"):
        raise ExampleError(f"{path}:1: 'requires' may only be 'cuda', got {requires!r}")
    limits = {key: _typed(path, meta, key, (int, float) if key == "timeout" else (int,), default, positive=True)
              for key, default in DEFAULT_LIMITS.items()}
    example = Example(
        path=path,
        depends=_strings(path, meta, "depends"),
        rel=path.relative_to(root).as_posix(),
        source=source,
        figures=tuple(figures),
        claims=_strings(path, meta, "claims"),
        timeout=float(limits["timeout"]),
        memory_mb=limits["memory-mb"],
        output_kb=limits["output-kb"],
        threads=limits["threads"],
        show_code=_typed(path, meta, "show-code", (bool,), True),
        per_language=_typed(path, meta, "per-language", (bool,), False),
        requires=requires,
        header_lines=header_lines,
    )
    check_comments(example)
    return example


def discover(root: Path, pages=None) -> list[Example]:
    """Every ``snippets/<slug>/<name>.py`` (only ``pages``' slugs if given), sorted by include name."""
    if not root.is_dir():
        raise ExampleError(f"{root}: snippets folder not found")
    paths = sorted(
        p for p in root.glob("*/*.py") if not p.name.startswith("_") and (not pages or p.parent.name in pages)
    )
    return [load(p, root) for p in paths]


@lru_cache(maxsize=None)  # a source is checked, and shown in each language: tokenized once
def _comments(source: str) -> tuple[tuple[int, int, str], ...]:
    """(line number, column, text) of every comment token."""
    try:
        return tuple((tok.start[0], tok.start[1], tok.string)
                     for tok in tokenize.generate_tokens(io.StringIO(source).readline) if tok.type == tokenize.COMMENT)
    except (tokenize.TokenError, SyntaxError) as exc:  # reported with the line by the runner too
        raise ExampleError(f"cannot tokenize: {exc}") from exc


def check_comments(example: Example) -> None:
    """Every tagged comment has its other-language twin: a zh line needs an en line."""
    check_comment_pairs(example.path, example.body, example.header_lines)


def check_comment_pairs(path: Path, body: str, offset: int) -> None:
    """The bilingual-comment rule on ``body``, whose first line is line ``offset + 1`` of ``path``."""
    lines = body.splitlines()
    full_runs: list[list[tuple[int, str]]] = []
    prev = None
    try:
        comments = _comments(body)
    except ExampleError as exc:
        raise ExampleError(f"{path}: {exc}") from exc
    for lineno, col, text in comments:
        tags = _TAG.findall(text)
        whole_line = not lines[lineno - 1][:col].strip()
        if whole_line and sorted(tags) != sorted(LANGS):
            tag = _TAG.match(text)
            if tag:
                if prev is not None and prev == lineno - 1 and full_runs:
                    full_runs[-1].append((lineno, tag.group(1)))
                else:
                    full_runs.append([(lineno, tag.group(1))])
                prev = lineno
                continue
            prev = None
        elif tags and sorted(tags) != sorted(LANGS):
            raise ExampleError(f"{path}:{lineno + offset}: a trailing comment needs both '# zh: …' and '# en: …'")
    for run in full_runs:
        if {lang for _, lang in run} != set(LANGS):
            raise ExampleError(
                f"{path}:{run[0][0] + offset}: comment block has only "
                f"'{run[0][1]}:' lines; add the other language's lines next to it"
            )


def code_for(example: Example, lang: str) -> str:
    """The example's code as shown on the ``lang`` page: other-language comments removed."""
    return localize(example.body, lang)


@lru_cache(maxsize=None)
def localize(body: str, lang: str) -> str:
    """``body`` with the ``lang`` comments kept (tag removed) and the other language's dropped."""
    lines = body.splitlines(keepends=True)
    drop: set[int] = set()
    edits: dict[int, str] = {}
    for lineno, col, text in _comments(body):
        line = lines[lineno - 1]
        whole_line = not line[:col].strip()
        tag = _TAG.match(text)
        both = sorted(_TAG.findall(text)) == sorted(LANGS)
        if whole_line and tag and not both:
            if tag.group(1) == lang:
                edits[lineno] = line[:col] + "# " + text[tag.end():].rstrip() + "\n"
            else:
                drop.add(lineno)
        elif both or (not whole_line and _TAG.search(text)):
            pieces = _TAG.split(text)  # ['', 'zh', ' 中文 ', 'en', ' English']
            mine = dict(zip(pieces[1::2], pieces[2::2]))[lang]
            edits[lineno] = line[:col] + "# " + mine.strip() + "\n"
    out = [edits.get(i, line) for i, line in enumerate(lines, 1) if i not in drop]
    return "".join(out).strip("\n") + "\n"


@dataclass
class Result:
    """What one run of an example produced."""

    stdout: str
    figures: list[str] = field(default_factory=list)  # SVG texts, in show() order
    seconds: float = 0.0
    cells: list | None = None  # notebooks: per code cell, (stdout so far, figures so far)
    provenance: dict = field(default_factory=dict)  # where the run happened: torch, device, date
    names: dict = field(default_factory=dict)  # dotted name in the code -> public path (execute/names.py)
