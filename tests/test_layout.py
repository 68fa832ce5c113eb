"""The layout shows the architecture: the learner's library apart from the build tool."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from dlref.build.site import Project

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = sorted(p for p in (ROOT / "dlref").glob("*.py") if p.name != "__main__.py")
BUILD_ONLY = ("mkdocs", "zensical", "multiprocessing", "subprocess", "nbformat", "nbconvert", "jupytext",
              "mkdocs_jupyter", "dlref.build")


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(("dlref." if node.level else "") + node.module)
    return found


def test_the_learner_library_imports_no_build_tooling():
    assert len(LIBRARY) >= 15
    offending = {p.name: sorted(i for i in imports(p) if i.startswith(BUILD_ONLY)) for p in LIBRARY}
    assert {name: found for name, found in offending.items() if found} == {}


def test_importing_the_library_loads_no_build_tooling():
    tooling = tuple(name for name in BUILD_ONLY if name not in ("multiprocessing", "subprocess"))  # torch's own
    code = ("import sys, dlref.activations, dlref.conv, dlref.lstm, dlref.optim, dlref.regularization, dlref.figures\n"
            f"print(sorted(m for m in sys.modules if m.startswith({tooling!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_api_reference_documents_only_the_library(project: Project):
    for lang in ("zh", "en"):
        text = (project.docs / lang / "reference.md").read_text(encoding="utf-8")
        documented = {line.split()[1] for line in text.splitlines() if line.startswith("::: ")}
        assert documented == {f"dlref.{p.stem}" for p in LIBRARY if p.stem != "__init__"}, lang


def test_new_page_scaffold_builds_into_a_checked_pair(tmp_path, project: Project):
    from dlref.build.check import checks
    from dlref.build.scaffold import new_page

    for name in ("mkdocs.yml",):
        (tmp_path / name).write_text((project.root / name).read_text(encoding="utf-8"), encoding="utf-8")
    for lang in ("zh", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "snippets").mkdir()
    written = new_page(Project(tmp_path), "attention", "注意力机制", "Attention", after="lstm-gru")
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "docs/zh/attention.md", "docs/en/attention.md", "snippets/attention/first_example.py", "mkdocs.yml"]
    assert checks.parity(tmp_path / "docs") == [] and checks.freshness(tmp_path / "docs") == []
    from dlref.build.pages import nav_pages

    nav = nav_pages(tmp_path)
    assert nav[nav.index("lstm-gru") + 1] == "attention"
