"""Shared fixtures: the project, its example results and its built site (each made once)."""
from __future__ import annotations

import pytest

from dlref.build.site import Project, build, prepare


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.find()


@pytest.fixture(scope="session")
def example_results(project):
    """(examples, {(rel, lang): Result}) — runs only what the cache lacks."""
    examples, results, _ = prepare(project)
    return examples, results


def pytest_addoption(parser):
    parser.addoption("--engine", default="mkdocs", help="the engine that builds the site the tests read "
                     "(mkdocs or zensical), e.g. `pytest tests/test_browser.py --engine zensical`")


@pytest.fixture(scope="session")
def site(project, example_results, request):
    """Both languages built with --strict into site/ (by --engine); returns the site folder."""
    build(project, engine=request.config.getoption("engine"))
    return project.site


@pytest.fixture(autouse=True)
def _reset_torch(doctest_namespace):
    """Doctests and tests start from default print options and a fixed seed."""
    import torch

    torch.set_printoptions(profile="default")
    torch.manual_seed(0)
    doctest_namespace["torch"] = torch
    yield
    torch.set_printoptions(profile="default")


def pytest_collection_modifyitems(config, items):
    """Tests marked `gpu` run only where CUDA is available; elsewhere they are skipped, saying why.
    Tests marked `mkdocs_only` read what only Material for MkDocs writes; on another --engine they skip."""
    if config.getoption("engine") != "mkdocs":
        for item in items:
            if marker := item.get_closest_marker("mkdocs_only"):
                item.add_marker(pytest.mark.skip(reason=f"MkDocs only: {marker.args[0]}"))
    gpu_items = [item for item in items if item.get_closest_marker("gpu")]
    if not gpu_items:
        return
    from dlref.build.execute.cache import cuda_available

    if not cuda_available():  # not torch.cuda.is_available(): the examples' runs fork from this process
        skip = pytest.mark.skip(reason="CUDA not available")
        for item in gpu_items:
            item.add_marker(skip)
