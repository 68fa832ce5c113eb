"""The peers' projects that `make bench` times: the same pages and examples, written as each tool's docs say."""
from __future__ import annotations

import json
import re

import pytest

from dlref.build import bench_peers
from dlref.build.languages import LANGS
from dlref.build.pages import nav_pages
from dlref.build.sources.examples import code_for, discover


@pytest.fixture(scope="module")
def peers_written(project, tmp_path_factory):
    folder = tmp_path_factory.mktemp("peers")
    configs = {tool: bench_peers.write_peer(tool, project, folder / tool) for tool in bench_peers.PEERS}
    return folder, configs


def _runnable(project, slug):
    return [e for e in discover(project.snippets, [slug]) if e.requires != "cuda"]


def test_markdown_exec_runs_each_example_of_a_page_in_its_language(project, peers_written):
    folder, _ = peers_written
    examples = _runnable(project, "activations")
    for lang in LANGS:
        page = (folder / "markdown-exec" / "docs" / lang / "activations.md").read_text(encoding="utf-8")
        fences = re.findall(r'^([ \t]*)```python (exec="on"[^\n]*)\n(.*?)\n\1```', page, re.S | re.M)
        shown = {}  # the code a reader sees -> the fence's options
        for indent, options, code in fences:
            lines = [line.removeprefix(indent) for line in code.splitlines() if "markdown-exec: hide" not in line]
            shown["\n".join(lines).strip()] = options
        assert len(fences) == len(examples)
        for example in examples:
            options = shown[code_for(example, lang).strip()]  # in the page's language
            assert ('html="1"' in options) == bool(example.figures)


def test_mkdocs_jupyter_gets_one_notebook_per_page_with_examples(project, peers_written):
    folder, configs = peers_written
    for lang in LANGS:
        nb = json.loads((folder / "mkdocs-jupyter" / "docs" / lang / "activations.ipynb").read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert code[0]["metadata"]["tags"] == ["remove_input"]  # the setup, run but hidden from the page
        assert len(code) - 1 == len(_runnable(project, "activations"))
        assert "--8<--" not in json.dumps(nb)
    config = (configs["mkdocs-jupyter"]["en"]).read_text(encoding="utf-8")
    assert "execute: true" in config and "cache_dir: cache/en" in config
    assert len(re.findall(r"^- ", config, re.M)) >= len(nav_pages(project.root))


def test_a_sample_keeps_every_page_but_only_its_examples(project, tmp_path):
    copy = bench_peers.copy_project(project, tmp_path / "dlref", sample=("activations",))
    assert [p.name for p in copy.snippets.iterdir() if p.is_dir()] == ["activations"]
    assert "--8<--" in (copy.docs / "en" / "activations.md").read_text(encoding="utf-8")
    assert "--8<--" not in (copy.docs / "en" / "rnn.md").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="glossary"):
        bench_peers.copy_project(project, tmp_path / "again", sample=("glossary",))


def test_writing_a_project_twice_changes_no_file(project, peers_written):
    """A rewrite after an edit must leave the other pages as they were: mkdocs-jupyter's cache goes by content."""
    folder, _ = peers_written
    before = {p: p.read_bytes() for p in (folder / "mkdocs-jupyter").rglob("*") if p.is_file()}
    bench_peers.write_peer("mkdocs-jupyter", project, folder / "mkdocs-jupyter")
    assert {p: p.read_bytes() for p in (folder / "mkdocs-jupyter").rglob("*") if p.is_file()} == before


def test_mkdocs_jupyter_runs_the_hidden_setup_before_each_example(tmp_path):
    """Executed as the plugin executes it: one kernel for the page, the tagged setup cell hidden but run, so an
    example that leaves float64 as the default dtype does not change the next one's."""
    from mkdocs_jupyter.nbconvert2 import nb2html

    from dlref.build.render import ipynb

    nb = ipynb.new_notebook()
    nb.cells = [bench_peers._setup_cell("en", page=True),
                ipynb.code_cell("import torch\ntorch.set_default_dtype(torch.float64)"),
                ipynb.code_cell("import torch\nprint('dtype', torch.ones(1).dtype)")]
    path = tmp_path / "page.ipynb"
    path.write_text(ipynb.notebook_text(nb), encoding="utf-8")
    options = bench_peers.MKDOCS_JUPYTER
    page = nb2html(str(path), execute=options["execute"], allow_errors=options["allow_errors"],
                   remove_tag_config=options["remove_tag_config"])
    assert "dtype torch.float32" in page
    assert "start_like_the_build" not in page  # the setup's source is not shown
