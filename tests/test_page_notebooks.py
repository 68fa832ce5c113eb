"""Every content page as a notebook (issue 16): the page's prose and examples, the build's outputs, Jupyter's
Markdown only, runnable top to bottom in a fresh kernel with the outputs the page shows."""
from __future__ import annotations

import io
import re
import time
import tokenize

import pytest

from dlref.build.check.checks import link_report
from dlref.build.execute.recorded import first_difference, matches
from dlref.build.languages import LANGS
from dlref.build.pages import content_pages
from dlref.build.render import ipynb, page_notebook
from dlref.build.site import Project
from dlref.build.sources.examples import code_for

PROJECT = Project.find()
WALKTHROUGHS = {p.stem for p in PROJECT.notebooks.glob("*.py")}
PAGES = [p for p in content_pages(PROJECT.root) if p not in WALKTHROUGHS]
#: Run top to bottom by nbclient: three of the fastest pages (about 10 to 20 s each on one core). Between them
#: they print tensors, floats and tables, draw figures, hide figure generators' code and write the file one of
#: them reads (building-models: model_design.py), in both languages.
EXECUTED = [("en", "loss-functions"), ("zh", "lstm-gru"), ("zh", "building-models")]
_INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$', re.M)
_MATERIAL = re.compile(r'^\s*(!!!|\?\?\?|===)|\{\s*[#.:]|--8<--', re.M)
_CODE_OR_MATH = re.compile(r"(`+).+?\1|\$\$.+?\$\$|\$[^$\n]+\$|^```.*?^```", re.S | re.M)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def built(example_results):
    """{(rel, lang or None): Result} of the build that assembled build/docs (the fixture runs that build)."""
    return example_results


def notebook(lang: str, slug: str):
    import nbformat

    return nbformat.read(PROJECT.assembled(lang) / page_notebook.notebook_path(slug), as_version=4)


def example_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "dlref" in c.metadata]


def stdout_of(cell) -> str:
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def figure_count(cell) -> int:
    return sum(o.output_type == "display_data" for o in cell.outputs)


def comments(code: str) -> list[str]:
    return [t.string for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.type == tokenize.COMMENT]


@pytest.mark.parametrize("slug", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_notebook_holds_the_page_and_the_builds_outputs(built, lang, slug):
    import nbformat

    examples, results = built
    by_rel = {e.rel: e for e in examples}
    nb = notebook(lang, slug)
    nbformat.validate(nb)
    assert nb.metadata["dlref"]["lang"] == lang and nb.metadata["kernelspec"]["name"] == "python3"
    includes = _INCLUDE.findall((PROJECT.docs / lang / f"{slug}.md").read_text(encoding="utf-8"))
    cells = example_cells(nb)
    assert [c.metadata["dlref"]["example"] for c in cells] == includes
    for cell, rel in zip(cells, includes):
        example = by_rel[rel]
        result = results[(rel, lang if example.per_language else None)]
        assert cell.source == code_for(example, lang).rstrip("\n"), rel
        assert stdout_of(cell) == result.stdout, rel
        figures = [o for o in cell.outputs if o.output_type == "display_data"]
        assert len(figures) == len(result.figures), rel
        for output, fig in zip(figures, example.figures):
            assert output.data["text/plain"] == fig.alt[lang] and 'alt="' in output.data["text/html"]
        assert cell.metadata.get("jupyter", {}).get("source_hidden", False) == (not example.show_code)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not re.search(r"^#\|", cell.source, re.M), "a '#|' header line is left"
            texts = comments(re.sub(r"^%", "#%", cell.source, flags=re.M))  # IPython magics are no Python
            assert not [t for t in texts if re.match(r"#\s*(zh|en):", t)], "a language tag is left"
            if lang == "en":
                assert not [t for t in texts if _CJK.search(t)], "a Chinese comment on the English notebook"
        else:
            prose = _CODE_OR_MATH.sub("", cell.source)
            assert not _MATERIAL.search(prose), f"Material syntax left: {_MATERIAL.search(prose)[0]!r}"
            assert not re.search(r"==\S", prose), "a ==mark== is left"
            assert not re.search(r"\]\((?!https?://|#|mailto:)", prose), "a relative link is left"


def test_material_markdown_becomes_jupyter_markdown():
    text = ("---\ntranslated_from: x\n---\n# T { #t }\n\n1. item\n\n    !!! warning \"Careful\"\n        inside ==this==\n\n"
            "=== \"Tab\"\n    tab body, see [A](activations.md#relu) and [B](#t)\n\n```python\n!!! not an admonition\n```\n\n"
            "$$\na == b\n$$\n\n??? success \"Solution\"\n\n    --8<-- \"p/x.py\"\n\n    after `x == y`\n")
    chunks = page_notebook.split(text, "en")
    assert chunks[1:] == [("p/x.py",), ">\n> after `x == y`"]
    url = page_notebook.page_url("activations", "en")
    assert chunks[0] == (
        '# T <a id="t"></a>\n\n1. item\n\n    > **Careful**\n    >\n    > inside **this**\n\n**Tab**\n'
        f"tab body, see [A]({url}#relu) and [B](#t)\n\n```python\n!!! not an admonition\n```\n\n$$\na == b\n$$\n\n"
        "> **Solution**\n>")


def test_two_builds_give_identical_notebooks(built):
    examples, results = built
    by_rel = {e.rel: e for e in examples}

    def included(rel):
        e = by_rel[rel]
        return e, results[(rel, "zh" if e.per_language else None)], ""

    page = PROJECT.docs / "zh" / "building-models.md"
    texts = [ipynb.notebook_text(page_notebook.to_notebook(page, page.read_text(encoding="utf-8"), "building-models",
                                                           "zh", included)) for _ in range(2)]
    assert texts[0] == texts[1]
    assert texts[0] == (PROJECT.assembled("zh") / "notebooks" / "building-models.ipynb").read_text(encoding="utf-8")


def test_pages_offer_their_notebook_and_each_examples_script(built):
    for lang in LANGS:
        text = (PROJECT.assembled(lang) / "activations.md").read_text(encoding="utf-8")
        rest = text[re.search(r"^# .*\n", text, re.M).end():]
        assert rest.lstrip().startswith(ipynb.download_button("notebooks/activations.ipynb", lang))
        scripts = re.findall(r"\]\((snippets/activations/\w+\.py)\)\{ download=", text)
        assert len(scripts) == len(_INCLUDE.findall((PROJECT.docs / lang / "activations.md").read_text("utf-8")))
        examples = {e.rel: e for e in built[0]}
        for path in scripts:
            assert (PROJECT.assembled(lang) / path).read_text(encoding="utf-8") == code_for(
                examples[path.removeprefix("snippets/")], lang)


def test_a_missing_download_fails_the_built_site_check(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "p.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="notebooks/p.ipynb" download>nb</a>\n'
                                         '<a href="snippets/p/a.py" download>a.py</a>', encoding="utf-8")
    assert link_report(tmp_path)[0] == ["index.html:2: link to a missing page: snippets/p/a.py"]


@pytest.mark.parametrize(("lang", "slug"), EXECUTED)
def test_downloaded_notebook_runs_top_to_bottom_with_the_pages_outputs(built, tmp_path, lang, slug):
    """A fresh kernel, the cells in order, nothing else: each example prints what the page shows (within the
    recorded outputs' tolerance) and draws as many figures."""
    from nbclient import NotebookClient

    nb = notebook(lang, slug)
    if "cuda" in nb.metadata["dlref"]["requires"]:
        from dlref.build.execute.cache import cuda_available

        if not cuda_available():  # without starting CUDA in this process, whose later runs fork from it
            pytest.skip(f"{slug}: some examples need CUDA")
    want = [(stdout_of(c), figure_count(c)) for c in example_cells(nb)]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    print(f"{lang}/{slug}: {time.perf_counter() - start:.1f} s in a fresh kernel")
    got = [(stdout_of(c), figure_count(c)) for c in example_cells(nb)]
    for cell, (want_out, want_n), (got_out, got_n) in zip(example_cells(nb), want, got):
        rel = cell.metadata["dlref"]["example"]
        assert matches(want_out, got_out), f"{rel}: {first_difference(want_out, got_out)}"
        assert got_n == want_n, f"{rel}: {got_n} figures, the page shows {want_n}"
