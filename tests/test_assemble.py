"""The engine's input, build/docs/<lang>: pages with their examples inlined, figures, notebooks; nothing stale."""
from __future__ import annotations

import pytest

from dlref.build.render.assemble import assemble
from dlref.build.sources.examples import Example, ExampleError, Result


def example(tmp_path, rel="p/a.py", source="print(1)\n", figures=()) -> Example:
    path = tmp_path / "snippets" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return Example(path=path, rel=rel, source=source, figures=figures)


def test_includes_become_fragments_indented_like_the_line(tmp_path):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "page.md").write_text('# P\n\n--8<-- "p/a.py"\n\n??? success "S"\n    --8<-- "p/a.py"\n', encoding="utf-8")
    e = example(tmp_path)
    assemble(docs, out, "en", [e], {("p/a.py", None): Result(stdout="1\n")}, {}, [], markdown_notebooks=False)
    text = (out / "page.md").read_text(encoding="utf-8")
    assert '```python title="snippets/p/a.py"\nprint(1)\n```' in text
    assert '    ```python title="snippets/p/a.py"\n    print(1)\n    ```' in text  # inside the collapsible block
    assert '    ```text title="Output"\n    1\n    ```' in text


def test_missing_include_names_the_page_and_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text('# P\n\ntext\n--8<-- "nowhere/x.py"\n', encoding="utf-8")
    with pytest.raises(ExampleError, match=r"page\.md:4: includes nowhere/x\.py, which is not an example"):
        assemble(docs, tmp_path / "out", "en", [], {}, {}, [], markdown_notebooks=False)


def test_only_current_files_are_left_and_unchanged_ones_keep_their_mtime(tmp_path):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n", encoding="utf-8")
    assemble(docs, out, "en", [], {}, {}, [], markdown_notebooks=False)
    built = (out / "a.md").stat().st_mtime_ns
    (docs / "b.md").unlink()
    (out / "figures").mkdir()
    (out / "figures" / "old.svg").write_text("<svg/>", encoding="utf-8")
    assemble(docs, out, "en", [], {}, {}, [], markdown_notebooks=False)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == ["a.md"]
    assert (out / "a.md").stat().st_mtime_ns == built  # what an engine's incremental rebuild goes by


def test_the_api_page_carries_the_library_hash(tmp_path):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "reference.md").write_text("# API\n\n::: dlref.rnn\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n", encoding="utf-8")
    assemble(docs, out, "en", [], {}, {}, [], markdown_notebooks=False)
    assert "<!-- documents the dlref library as of " in (out / "reference.md").read_text(encoding="utf-8")
    assert (out / "other.md").read_text(encoding="utf-8") == "# Other\n"


def test_a_notebook_page_gets_its_notebook_a_button_and_each_examples_script(tmp_path):
    import nbformat

    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "page.md").write_text('# P { #p }\n\n!!! tip "T"\n    --8<-- "p/a.py"\n', encoding="utf-8")
    (docs / "other.md").write_text('# O\n\n--8<-- "p/a.py"\n', encoding="utf-8")
    e = example(tmp_path, source="# zh: 打印\n# en: print\nprint(1)\n")
    assemble(docs, out, "en", [e], {("p/a.py", None): Result(stdout="1\n")}, {}, [], markdown_notebooks=False,
             notebook_pages=("page",))
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "notebooks/page.ipynb", "other.md", "page.md", "snippets/p/a.py"]
    page = (out / "page.md").read_text(encoding="utf-8")
    assert page.startswith('# P { #p }\n\n[Download the Jupyter notebook (.ipynb)](notebooks/page.ipynb)'
                           '{ download="page.ipynb" .md-button }\n{ data-search-exclude }\n')
    assert '    [Download a.py](snippets/p/a.py){ download="a.py" }\n    { .dlref-download' in page  # in the tip
    assert "Download" not in (out / "other.md").read_text(encoding="utf-8")  # a page without a notebook
    assert (out / "snippets/p/a.py").read_text(encoding="utf-8") == "# print\nprint(1)\n"
    nb = nbformat.read(out / "notebooks/page.ipynb", as_version=4)
    nbformat.validate(nb)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "markdown", "code"]
    assert nb.cells[2].source == '# P <a id="p"></a>\n\n> **T**\n>'
    assert nb.cells[3].source == "# print\nprint(1)" and nb.cells[3].outputs[0].text == "1\n"
