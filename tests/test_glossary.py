"""The glossary: glossary.yml is valid, the two glossary pages list exactly its entries, and
English pages never use a variant that the glossary rules out."""
from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from dlref.build.check import glossary
from dlref.build.check.glossary import check_pages, load, variant_hits

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


TERMS = load()


@pytest.fixture
def terms():
    return TERMS


def line_of(terms, zh: str) -> int:
    return glossary.by_zh(terms)[zh].line


# --- the real glossary and pages -------------------------------------------------------

def test_glossary_has_every_row_of_content_map_section_6(terms):
    assert len(terms) >= 99 + 33  # content-map section 6, then the terms of pages added later
    assert terms[0].zh == "人工神经网络" and terms[98].zh == "多对一 / 多对多"  # 6.1
    assert terms[99].zh == "树突 / 细胞体 / 轴突" and terms[131].zh == "黑箱"  # 6.2
    by = glossary.by_zh(terms)
    assert by["梯度消失 / 梯度弥散"].page == "activations"
    assert by["批（量）归一化"].en == "batch normalization (BN)" and by["批（量）归一化"].page == "batch-norm"
    assert by["随时间反向传播"].page == "rnn-bptt"
    walkthroughs = {p.stem for p in (ROOT / "notebooks").glob("*.py")}
    assert {t.page for t in terms} <= set(glossary.PAGES), "every term links to a content page of the nav"
    assert set(glossary.PAGES) - walkthroughs <= {t.page for t in terms}, "every content page explains a term"


def test_glossary_ships_inside_the_package():
    assert glossary.GLOSSARY == ROOT / "dlref" / "build" / "check" / "glossary.yml" and glossary.GLOSSARY.is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = config.get("tool", {}).get("setuptools", {}).get("package-data", {})
    assert "*.yml" in data.get("dlref.build.check", []), (
        'pyproject needs [tool.setuptools.package-data] "dlref.build.check" = ["*.yml"]')


def test_glossary_pages_have_the_same_sections_in_order():
    sections = []
    for lang in glossary.LANGS:
        text = (DOCS / lang / "glossary.md").read_text(encoding="utf-8")
        sections.append(re.findall(r"^## .*\{ #([\w-]+) \}$", text, re.M))
        assert re.search(r"^# .*\{ #glossary \}$", text, re.M), lang
    assert sections[0] == sections[1] and len(sections[0]) >= 9


def test_every_term_is_searchable_text_on_both_glossary_pages(terms):
    for lang in glossary.LANGS:
        rows, bad = glossary.page_rows((DOCS / lang / "glossary.md").read_text(encoding="utf-8"), lang)
        assert bad == []
        assert {(r.zh, r.en, r.page) for r in rows} == {(t.zh, t.en, t.page) for t in terms}


def test_real_docs_use_the_glossary():
    """Fails while other pages use a ruled-out variant or a linked page does not exist yet."""
    assert check_pages(DOCS) == []


# --- a temporary docs tree ---------------------------------------------------------------

@pytest.fixture
def docs(tmp_path) -> Path:
    """The real glossary pages plus a stub zh and en page for every content page."""
    root = tmp_path / "docs"
    for lang in glossary.LANGS:
        (root / lang).mkdir(parents=True)
        shutil.copy(DOCS / lang / "glossary.md", root / lang / "glossary.md")
        for slug in glossary.PAGES:
            (root / lang / f"{slug}.md").write_text(f"# {slug} {{ #{slug} }}\n\nText.\n", encoding="utf-8")
    return root


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    write(path, text.replace(old, new))


def test_clean_tree_passes(docs):
    assert check_pages(docs) == []


def test_planted_variant_is_flagged_with_file_and_line(docs, terms):
    write(docs / "en" / "activations.md",
          "# Activation Functions { #activations }\n\nDeep sigmoid nets suffer from\n"
          "gradient explosion and from the Gradient\nVanishing problem.\n")
    n_explode, n_vanish = line_of(terms, "梯度爆炸"), line_of(terms, "梯度消失 / 梯度弥散")
    assert check_pages(docs) == [
        f"docs/en/activations.md:4: 'gradient explosion' is not the glossary's wording; "
        f"use 'exploding gradient' (梯度爆炸, dlref/build/check/glossary.yml:{n_explode})",
        f"docs/en/activations.md:4: 'Gradient\\nVanishing' is not the glossary's wording; "
        f"use 'vanishing gradient' (梯度消失 / 梯度弥散, dlref/build/check/glossary.yml:{n_vanish})",
    ]


def test_variant_outside_prose_or_on_zh_pages_is_not_flagged(docs):
    write(docs / "en" / "batch-norm.md", """---
translated_from: batch norm
---
# Batch Normalization { #batch-norm }

See [the BN page](batch-norm.md) and `batch norm` and ``a `batch norm` b``.

```python
x = batch_norm(x)  # batch norm
```

$$\\text{batch norm}$$ <span title="batch norm">BN</span> <!-- batch norm -->

--8<-- "batch-norm/batch norm.py"

!!! tip "Batch normalization"
    Use BN; the [docs](https://example.org/batch norm) say so.
""")
    write(docs / "zh" / "batch-norm.md", "# 批归一化 { #batch-norm }\n\nbatch norm 在中文页面不检查。\n")
    assert check_pages(docs) == []
    edit(docs / "en" / "batch-norm.md", "Use BN;", "Use batch norms;")
    assert [p.split(": ")[0] for p in check_pages(docs)] == ["docs/en/batch-norm.md:17"]


@pytest.mark.parametrize("term", [t for t in TERMS if t.avoid], ids=lambda t: t.en)
def test_every_avoid_variant_can_be_flagged(term):
    for variant in term.avoid:
        text = f"Some prose.\nHere the page says {variant.upper()} twice: {variant}.\n"
        hits = variant_hits(text, TERMS)
        assert [(line, found) for line, found, _ in hits] == [(2, variant.upper()), (2, variant)]
        assert {t.zh for _, _, t in hits} == {term.zh}


def test_glossary_terms_themselves_are_never_flagged(terms):
    text = "\n".join(t.en for t in terms)
    assert variant_hits(text, terms) == []


def test_row_missing_from_a_glossary_page_is_named(docs, terms):
    en = docs / "en" / "glossary.md"
    edit(en, "| exploding gradient | 梯度爆炸 | [Activation Functions](activations.md) |\n", "")
    lines = en.read_text(encoding="utf-8").splitlines()
    next_row = lines.index("| dying ReLU (dead neurons) | 神经元死亡 | [Activation Functions](activations.md) |") + 1
    index = [s.split(" | ")[1] for s in lines if s.startswith("| ") and "](" in s].index("神经元死亡") + 1
    assert check_pages(docs) == [
        f"dlref/build/check/glossary.yml:{line_of(terms, '梯度爆炸')}: '梯度爆炸' ('exploding gradient') "
        "is missing from docs/en/glossary.md",
        f"docs/en/glossary.md:{next_row}: the rows are not in the order of docs/zh/glossary.md: "
        f"row {index} is '神经元死亡' in en, '梯度爆炸' in zh",
    ]


def test_wrong_link_translation_and_section_are_named(docs, terms):
    zh = docs / "zh" / "glossary.md"
    edit(zh, "| 梯度爆炸 | exploding gradient | [激活函数](activations.md) |",
         "| 梯度爆炸 | gradient explosion | [随时间反向传播](rnn-bptt.md) |")
    text = zh.read_text(encoding="utf-8").splitlines()
    line = next(i for i, s in enumerate(text, 1) if s.startswith("| 梯度爆炸 |"))
    n = line_of(terms, "梯度爆炸")
    assert check_pages(docs) == [
        f"docs/zh/glossary.md:{line}: '梯度爆炸' is translated 'gradient explosion', "
        f"the glossary says 'exploding gradient' (dlref/build/check/glossary.yml:{n})",
        f"docs/zh/glossary.md:{line}: '梯度爆炸' links to rnn-bptt.md, "
        f"the glossary says activations.md (dlref/build/check/glossary.yml:{n})",
    ]


def test_row_under_the_wrong_topic_is_named(docs):
    en = docs / "en" / "glossary.md"
    row = "| tensor | 张量 | [Data Augmentation](data-augmentation.md) |\n"
    edit(en, row, "")
    edit(en, "| neuron | 神经元 |", row + "| neuron | 神经元 |")
    problems = check_pages(docs)
    assert any(re.fullmatch(r"docs/en/glossary\.md:\d+: '张量' is under #fundamentals, "
                            r"in zh under #convolutional-networks", p) for p in problems)
    assert any("rows are not in the order" in p for p in problems)


def test_extra_duplicate_and_malformed_rows_are_named(docs):
    en = docs / "en" / "glossary.md"
    edit(en, "| neuron | 神经元 | [Neural Network Fundamentals](neural-networks.md) |\n",
         "| neuron | 神经元 | [Neural Network Fundamentals](neural-networks.md) |\n"
         "| neuron | 神经元 | [Neural Network Fundamentals](neural-networks.md) |\n"
         "| perceptron | 感知机 | [Neural Network Fundamentals](neural-networks.md) |\n"
         "| axon | 轴突 |\n"
         "| weight matrix | 权重矩阵 | neural-networks.md |\n")
    lines = en.read_text(encoding="utf-8").splitlines()
    first = lines.index("| perceptron | 感知机 | [Neural Network Fundamentals](neural-networks.md) |") + 1
    problems = check_pages(docs)
    assert f"docs/en/glossary.md:{first - 1}: '神经元' is listed twice (also line {first - 2})" in problems
    assert (f"docs/en/glossary.md:{first}: '感知机' | 'perceptron' is not an entry of dlref/build/check/glossary.yml; "
            "add it there or remove the row") in problems
    assert (f"docs/en/glossary.md:{first + 1}: a term row needs 3 cells "
            "(term | translation | page link), found 2") in problems
    assert f"docs/en/glossary.md:{first + 2}: '权重矩阵' | 'weight matrix' is not an entry" in problems[-2]


def test_missing_glossary_page_and_missing_content_page_are_named(docs, terms):
    (docs / "zh" / "glossary.md").unlink()
    (docs / "en" / "rnn.md").unlink()
    n = min(t.line for t in terms if t.page == "rnn")
    count = sum(t.page == "rnn" for t in terms)
    assert check_pages(docs) == [
        "docs/zh/glossary.md:1: the glossary page is missing",
        f"dlref/build/check/glossary.yml:{n}: {count} term(s) link to rnn.md, which does not exist: no docs/en/rnn.md",
    ]


# --- validation of glossary.yml ----------------------------------------------------------

def test_load_names_every_problem_with_its_line(tmp_path):
    path = tmp_path / "g.yml"
    write(path, """\
- zh: 张量
  en: tensor
  page: data-augmentation
- zh: 张量
  en: tensors
  page: nowhere
- {zh: 通道, page: cnn-layers, colour: red}
- {zh: 梯度爆炸, en: exploding gradient, page: activations, avoid: [exploding]}
- {zh: 鞍点, en: saddle point, page: optimizers, avoid: saddle-point}
- just a string
""")
    with pytest.raises(ValueError) as info:
        load(path)
    assert str(info.value).splitlines() == [
        f"{path}:4: page 'nowhere' is not a content page of the nav in mkdocs.yml (one of {', '.join(glossary.PAGES)})",
        f"{path}:4: zh '张量' is already the term of line 1",
        f"{path}:7: unknown key(s) ['colour']; allowed: zh, en, page, avoid",
        f"{path}:7: 'en' must be a non-empty string, got None",
        f"{path}:8: avoid variant 'exploding' occurs in the glossary term 'exploding gradient' (line 8); "
        "English pages could not use that term",
        f"{path}:9: 'avoid' must be a list of non-empty strings, got 'saddle-point'",
        f"{path}:10: an entry must be a mapping with the keys zh, en, page (and optionally avoid)",
    ]


def test_load_checks_pages_exist_when_given_docs(docs):
    (docs / "zh" / "rnn-bptt.md").unlink()
    with pytest.raises(ValueError, match=r"glossary\.yml:\d+: page 'rnn-bptt' does not exist: no docs/zh/rnn-bptt\.md"):
        load(docs=docs)
    write(docs / "zh" / "rnn-bptt.md", "# 随时间反向传播 { #rnn-bptt }\n")
    assert len(load(docs=docs)) == len(TERMS)


def test_load_rejects_a_file_that_is_not_a_list(tmp_path):
    path = tmp_path / "g.yml"
    write(path, "zh: 张量\n")
    with pytest.raises(ValueError, match=r"g\.yml:1: the glossary must be a YAML list of entries"):
        load(path)
    write(path, "- [unclosed\n")
    with pytest.raises(ValueError, match=r"g\.yml: not valid YAML"):
        load(path)


def test_check_pages_reports_an_invalid_glossary(docs, tmp_path):
    path = tmp_path / "g.yml"
    write(path, "- {zh: 张量, en: tensor}\n")
    assert check_pages(docs, path) == [f"{path}:1: 'page' must be a non-empty string, got None"]


def test_bad_arguments_are_rejected(tmp_path):
    with pytest.raises(TypeError, match="docs must be a str or Path"):
        check_pages(42)
    with pytest.raises(ValueError, match="docs must be a directory"):
        check_pages(tmp_path / "nowhere")
    with pytest.raises(TypeError, match="glossary must be a str or Path"):
        check_pages(tmp_path, glossary=3)
    with pytest.raises(TypeError, match="path must be a str or Path"):
        load(3.5)
    with pytest.raises(TypeError, match="text must be a str"):
        variant_hits(b"bytes", [])
    with pytest.raises(TypeError, match="text must be a str"):
        glossary.prose_mask(None)
    with pytest.raises(ValueError, match="a variant must be a non-empty string"):
        glossary.variant_pattern("  ")
    with pytest.raises(ValueError, match="lang must be one of"):
        glossary.page_rows("", "fr")


def test_titles_cited_under_further_reading_are_not_prose(terms):
    """A paper is cited by its published title ("Large Minibatch SGD"); the same word in prose is flagged."""
    text = ("# P { #p }\n\nA Minibatch here.\n\n## Further reading { #further-reading }\n\n"
            "- *Accurate, Large Minibatch SGD*. [arXiv:1706.02677](https://arxiv.org/abs/1706.02677)\n")
    assert [(line, found) for line, found, _ in variant_hits(text, terms)] == [(3, "Minibatch")]
