"""Every content page ends the way a learner needs: a summary, 3-6 exercises whose solutions are executed
examples, further reading; and starts with its prerequisites (issue 15's standard, kept by a test)."""
from __future__ import annotations

import re

import pytest

from dlref.build.check.checks import page_shape
from dlref.build.languages import LANGS
from dlref.build.pages import content_pages
from dlref.build.site import Project

PROJECT = Project.find()
NOTEBOOKS = {p.stem for p in PROJECT.notebooks.glob("*.py")}
PAGES = [p for p in content_pages(PROJECT.root) if p not in NOTEBOOKS]
PREREQUISITES = {"zh": '!!! info "前置知识"', "en": '!!! info "Prerequisites"'}


def section(text: str, anchor: str) -> str:
    match = re.search(rf"^## .*\{{ #{anchor} \}}\n([\s\S]*?)(?=^## |\Z)", text, re.M)
    return match.group(1) if match else ""


@pytest.mark.parametrize("slug", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_has_prerequisites_summary_executed_exercises_and_reading(slug, lang):
    path = PROJECT.docs / lang / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    anchors = [a for _, level, a in page_shape(text).anchors if level == 2]
    assert anchors[-3:] == ["summary", "exercises", "further-reading"], f"{path}: ends with {anchors[-3:]}"
    assert PREREQUISITES[lang] in text.split("\n## ", 1)[0], f"{path}: no prerequisites note before the first section"
    exercises = section(text, "exercises")
    solutions = re.findall(rf'^\s+--8<-- "{slug}/(exercise_\w+\.py)"', exercises, re.M)
    assert 3 <= len(solutions) <= 6, f"{path}: {len(solutions)} executed exercise solutions"
    assert all((PROJECT.snippets / slug / name).is_file() for name in solutions)
    reading = section(text, "further-reading")
    assert re.search(r"\]\(https://(arxiv\.org|doi\.org|docs\.pytorch\.org|[\w.-]+)/", reading), f"{path}: no links"


@pytest.mark.parametrize("slug", sorted(NOTEBOOKS))
def test_walkthrough_notebook_ends_with_summary_and_exercises(slug):
    text = (PROJECT.notebooks / f"{slug}.py").read_text(encoding="utf-8")
    for heading in ("小结", "Summary", "练习", "Exercises"):
        assert re.search(rf"^# ## .*{heading}", text, re.M), f"{slug}: no '{heading}' section"
