"""Every example runs, and prints exactly its committed recorded output."""
from __future__ import annotations

import ast

import pytest

from dlref.build.sources import examples as ex
from dlref.build.sources import notebooks
from dlref.build.execute import recorded
from dlref.build.site import Project

PROJECT = Project.find()
EXAMPLES = ex.discover(PROJECT.snippets)
WALKTHROUGHS = notebooks.discover(PROJECT.notebooks)
# CUDA examples are checked in tests/test_gpu.py; notebooks are recorded like examples.
CPU_EXAMPLES = [e for e in EXAMPLES if e.requires != "cuda"] + WALKTHROUGHS


@pytest.mark.parametrize("example", CPU_EXAMPLES, ids=[e.rel for e in CPU_EXAMPLES])
def test_output_matches_recording(example, example_results, project):
    _, results = example_results
    result = results[(example.rel, "zh" if example.per_language else None)]
    problem = recorded.mismatch(example, result.stdout, project.recorded)
    assert problem is None, problem + "\nIf the change is deliberate, run `make record`."


def test_no_orphan_recordings(project):
    names = {f"{e.slug}/{e.name}" for e in EXAMPLES + WALKTHROUGHS}
    orphans = [
        p for p in project.recorded.rglob("*.txt")
        if p.relative_to(project.recorded).with_suffix("").as_posix() not in names
    ]
    assert orphans == [], f"recordings without an example: {orphans}"


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.claims], ids=lambda e: e.rel)
def test_claims_are_asserted(example):
    """An example that declares claims backs them with at least one executed assert."""
    tree = ast.parse(example.body)
    assert any(isinstance(node, ast.Assert) for node in ast.walk(tree)), (
        f"{example.path}: declares claims {list(example.claims)} but asserts nothing"
    )


def test_every_example_is_included_by_its_page(project):
    """An example nobody includes is dead weight; an include of a missing example fails the build."""
    missing = []
    for e in EXAMPLES:
        for lang in ex.LANGS:
            page = project.docs / lang / f"{e.slug}.md"
            text = page.read_text(encoding="utf-8") if page.is_file() else ""
            if f'--8<-- "{e.rel}"' not in text:
                missing.append(f"{page}: does not include {e.rel}")
    assert missing == []
