"""Two engines, same site: Material for MkDocs (the default) and Zensical build the same pages.

Page by page, both sites have the same pages in both languages and, in each page's article,
the same number of code blocks, figures and formulas; both pass the build's own checks of
the built HTML (which `build` runs after the engine). Notebook pages are rendered by
mkdocs-jupyter on MkDocs and from the assembled Markdown on Zensical; they are compared too.
"""
from __future__ import annotations

import re
import shutil

import pytest

from dlref.build.site import build

pytestmark = pytest.mark.slow
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">([\s\S]*?)</article>')
_CODE_BLOCK = re.compile(r"<pre\b")
_FIGURE = re.compile(r"<img\b[^>]*\bsrc=\"[^\"]*\.svg\"")
_FORMULA = re.compile(r"<math\b")


def shape(site) -> dict:
    """page -> (code blocks, SVG figures, formulas) in its article."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).as_posix()
        article = _ARTICLE.search(html.read_text(encoding="utf-8"))
        if article:
            text = article.group(1)
            pages[rel] = (len(_CODE_BLOCK.findall(text)), len(_FIGURE.findall(text)), len(_FORMULA.findall(text)))
    return pages


def test_zensical_builds_the_same_site_as_mkdocs(site, project, tmp_path):
    mkdocs_site = tmp_path / "mkdocs"
    shutil.copytree(site, mkdocs_site)
    try:
        build(project, engine="zensical")  # fails on its own if the built HTML has a problem
        zensical = shape(site)
    finally:
        shutil.rmtree(site)
        shutil.copytree(mkdocs_site, site)  # the other tests read the default engine's site
    mkdocs = shape(mkdocs_site)
    assert sorted(zensical) == sorted(mkdocs)
    assert len(mkdocs) > 40
    different = {page: (mkdocs[page], zensical[page]) for page in mkdocs if mkdocs[page] != zensical[page]}
    assert different == {}, "page: ((code, figures, formulas) on MkDocs, the same on Zensical)"
