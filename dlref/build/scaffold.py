"""``python -m dlref new-page``: everything a new page needs, in one command (CONTRIBUTING.md lists the rest).

It writes ``docs/zh/<slug>.md`` and ``docs/en/<slug>.md`` with the fixed anchors every
page has (title, summary, exercises, further reading), a first runnable example
``snippets/<slug>/first_example.py`` included by both, stamps the en page as translated
from the zh one, and puts the page in the nav after ``--after``.
"""
from __future__ import annotations

import re
from pathlib import Path

from dlref.build.check import checks

ZH = """# {title} {{ #{slug} }}

!!! info "前置知识"
    （链接本页用到的前几页。）

（导言：这一页讲什么，为什么重要。）

## 第一节 {{ #first-section }}

--8<-- "{slug}/first_example.py"

## 小结 {{ #summary }}

- （要点。）

## 练习 {{ #exercises }}

（3–6 道练习，每道附一个折叠的参考答案，答案的代码是一个可执行的示例。）

## 延伸阅读 {{ #further-reading }}

- （论文的 DOI 或 arXiv 链接，PyTorch 文档页。）
"""

EN = """---
translated_from: {stamp}
---

# {title} {{ #{slug} }}

!!! info "Prerequisites"
    (Link the earlier pages this one relies on.)

(Introduction: what this page covers and why it matters.)

## First section {{ #first-section }}

--8<-- "{slug}/first_example.py"

## Summary {{ #summary }}

- (Key points.)

## Exercises {{ #exercises }}

(3–6 exercises, each with a collapsed solution whose code is an executed example.)

## Further reading {{ #further-reading }}

- (Papers by DOI or arXiv link; PyTorch documentation pages.)
"""

EXAMPLE = """import torch

# zh: 每个随机来源都要设种子，输出才可复现
# en: seed every random source, so that the output is reproducible
torch.manual_seed(0)
x = torch.randn(3)
print(x)
"""


def new_page(project, slug: str, zh_title: str, en_title: str, after: str) -> list[Path]:
    """Create the page pair, its first example and its nav entry; returns the files written."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise ValueError(f"slug must be lower-case words joined by '-', got {slug!r}")
    zh, en = project.docs / "zh" / f"{slug}.md", project.docs / "en" / f"{slug}.md"
    example = project.snippets / slug / "first_example.py"
    for path in (zh, en, example):
        if path.exists():
            raise ValueError(f"{path} already exists")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = re.search(rf"^(\s*- ){re.escape(after)}\.(md|ipynb)\s*$", text, re.M)
    if not entry:
        raise ValueError(f"{config}: no nav entry {after}.md to put {slug}.md after")
    zh.write_text(ZH.format(title=zh_title, slug=slug), encoding="utf-8")
    en.write_text(EN.format(title=en_title, slug=slug, stamp=checks.source_hash(zh)), encoding="utf-8")
    example.parent.mkdir(parents=True)
    example.write_text(EXAMPLE, encoding="utf-8")
    config.write_text(text[: entry.end()] + f"\n{entry[1]}{slug}.md" + text[entry.end():], encoding="utf-8")
    return [zh, en, example, config]
