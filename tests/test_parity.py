"""zh and en stay twins: same pages, anchors, includes, images and links; en is never stale."""
from __future__ import annotations

from pathlib import Path

from dlref.build.check import checks


def test_real_docs_have_parity(project):
    assert checks.parity(project.docs) == []


def test_real_translations_are_fresh(project):
    assert checks.freshness(project.docs) == []


def write(docs: Path, lang: str, page: str, text: str) -> None:
    path = docs / lang / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


ZH = '# 标题 { #top }\n\n## 饱和 { #saturation }\n\n--8<-- "p/a.py"\n\n[链接](other.md#x)\n'
EN = '# Title { #top }\n\n## Saturation { #saturation }\n\n--8<-- "p/a.py"\n\n[link](other.md#x)\n'


def test_twins_pass(tmp_path):
    write(tmp_path, "zh", "p.md", ZH)
    write(tmp_path, "en", "p.md", EN)
    assert checks.parity(tmp_path) == []


def test_missing_page_is_named(tmp_path):
    write(tmp_path, "zh", "p.md", ZH)
    assert checks.parity(tmp_path) == ["docs/zh/p.md:1: page missing in en: create docs/en/p.md"]


def test_anchor_mismatch_names_both_lines(tmp_path):
    write(tmp_path, "zh", "p.md", ZH)
    write(tmp_path, "en", "p.md", EN.replace("#saturation", "#saturated"))
    (problem,) = checks.parity(tmp_path)
    assert problem.startswith("docs/en/p.md:3: heading anchors differ from docs/zh/p.md:3")


def test_heading_without_anchor_is_flagged(tmp_path):
    write(tmp_path, "zh", "p.md", ZH + "\n## 没有锚点\n")
    write(tmp_path, "en", "p.md", EN)
    problems = checks.parity(tmp_path)
    assert "docs/zh/p.md:9: heading '没有锚点' needs a fixed anchor { #id }" in problems


def test_include_and_link_differences(tmp_path):
    write(tmp_path, "zh", "p.md", ZH)
    write(tmp_path, "en", "p.md", EN.replace("p/a.py", "p/b.py").replace("other.md#x", "other.md"))
    problems = checks.parity(tmp_path)
    assert any("includes differ" in p and "'p/b.py'" in p for p in problems)
    assert any("links differ" in p and "only in zh ['other.md#x']" in p for p in problems)


def test_headings_inside_code_blocks_are_ignored(tmp_path):
    write(tmp_path, "zh", "p.md", ZH + "\n```python\n# 注释\n```\n")
    write(tmp_path, "en", "p.md", EN + "\n```python\n# comment\n```\n")
    assert checks.parity(tmp_path) == []


def test_stale_translation_is_reported_and_stamp_fixes_it(tmp_path):
    write(tmp_path, "zh", "p.md", ZH)
    write(tmp_path, "en", "p.md", EN)
    (missing,) = checks.freshness(tmp_path)
    assert "no 'translated_from:' front matter" in missing
    checks.stamp_translation(tmp_path, "p.md")
    assert checks.freshness(tmp_path) == []
    write(tmp_path, "zh", "p.md", ZH + "\n新的一段。\n")
    (stale,) = checks.freshness(tmp_path)
    assert stale.startswith("docs/en/p.md:2: stale translation")


def test_real_notebooks_are_paired_and_fresh(project):
    assert checks.notebook_problems(project.notebooks) == []


def test_notebook_translation_stamp(tmp_path):
    nb = tmp_path / "nb.py"
    nb.write_text('# %% [markdown] lang="zh"\n# ## 数据\n\n# %% [markdown] lang="en"\n# ## Data\n\n# %%\nx = 1\n')
    (unstamped,) = checks.notebook_problems(tmp_path)
    assert unstamped.startswith("notebooks/nb.py:4: unstamped translation")
    checks.stamp_notebook(nb)
    assert checks.notebook_problems(tmp_path) == []
    nb.write_text(nb.read_text().replace("## 数据", "## 数据集"))
    (stale,) = checks.notebook_problems(tmp_path)
    assert stale.startswith("notebooks/nb.py:4: stale translation")


def test_notebook_cells_must_pair_with_equal_headings(tmp_path):
    (tmp_path / "nb.py").write_text(
        '# %% [markdown] lang="en"\n# ## Data\n\n# %% [markdown] lang="zh"\n# ## 数据\n# ### 更多\n'
    )
    problems = checks.notebook_problems(tmp_path)
    assert any("must come first" in p for p in problems)
