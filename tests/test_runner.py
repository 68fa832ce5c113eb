"""The runner, on throw-away projects: cache, failures, timeouts, figures, determinism."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dlref.build.sources.examples import ExampleError
from dlref.build.execute.runner import ExampleFailed, _needs
from dlref.build.sources.examples import discover
from dlref.build.site import Project, prepare

FIGURE_HEADER = (
    '#| figures:\n#|   - alt: {zh: "一条直线", en: "a straight line"}\n'
)


def make_project(tmp_path: Path, files: dict[str, str]) -> Project:
    for rel, text in files.items():
        path = tmp_path / "snippets" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return Project(tmp_path)


def test_second_run_is_all_cache_and_one_edit_reruns_one(tmp_path):
    project = make_project(tmp_path, {f"p/e{i}.py": f"print({i})\n" for i in range(3)})
    _, results, report = prepare(project)
    assert (report.ran, report.cached) == (3, 0)
    assert results[("p/e1.py", None)].stdout == "1\n"
    _, _, report = prepare(project)
    assert (report.ran, report.cached) == (0, 3)
    (project.snippets / "p/e1.py").write_text("print('changed')\n", encoding="utf-8")
    _, results, report = prepare(project)
    assert (report.ran, report.cached) == (1, 2)
    assert results[("p/e1.py", None)].stdout == "changed\n"
    assert "1 run, 2 from cache" in report.line()


def test_cache_key_ignores_mtime(tmp_path):
    project = make_project(tmp_path, {"p/a.py": "print('a')\n"})
    prepare(project)
    path = project.snippets / "p/a.py"
    path.write_text(path.read_text(), encoding="utf-8")  # new mtime, same content
    assert prepare(project)[2].ran == 0


def test_failure_names_file_and_line_with_traceback(tmp_path):
    project = make_project(tmp_path, {"p/broken.py": "x = 1\n\ny = x / 0\n", "p/fine.py": "print('ok')\n"})
    with pytest.raises(ExampleFailed) as info:
        prepare(project)
    message = str(info.value)
    assert f"{project.snippets / 'p/broken.py'}:3: ZeroDivisionError" in message
    assert "Traceback" in message and "y = x / 0" in message
    assert "fine.py" not in message


def test_syntax_error_names_the_line(tmp_path):
    project = make_project(tmp_path, {"p/bad.py": "print('a')\nprint(\n"})
    with pytest.raises(ExampleError, match=r"bad\.py:2: SyntaxError"):
        prepare(project)


def test_timeout_is_enforced(tmp_path):
    project = make_project(tmp_path, {"p/slow.py": "#| timeout: 1\nimport time\ntime.sleep(30)\n"})
    with pytest.raises(ExampleFailed, match=r"slow\.py:3: timed out after 1 s") as info:
        prepare(project)
    assert 'slow.py", line 3 in <module>' in str(info.value) and "runpy" not in str(info.value)


def test_figures_become_deterministic_svg(tmp_path):
    code = FIGURE_HEADER + "import matplotlib.pyplot as plt\nplt.plot([0, 1], [0, 1])\nplt.title('直线 line')\nplt.show()\n"
    project = make_project(tmp_path, {"p/fig.py": code})
    _, first, _ = prepare(project)
    svg = first[("p/fig.py", None)].figures[0]
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    # A second, uncached run gives the byte-identical file.
    (project.snippets / "p/fig.py").write_text(code + "# same figure\n", encoding="utf-8")
    _, second, report = prepare(project)
    assert report.ran == 1 and second[("p/fig.py", None)].figures[0] == svg


def test_figure_without_alt_text_fails(tmp_path):
    project = make_project(tmp_path, {"p/fig.py": "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\n"})
    with pytest.raises(ExampleFailed, match=r"produced 1 figure\(s\) but the '#\| figures:' header describes 0"):
        prepare(project)


def test_figure_never_shown_fails(tmp_path):
    project = make_project(tmp_path, {"p/fig.py": FIGURE_HEADER + "import matplotlib.pyplot as plt\nplt.plot([1, 2])\n"})
    with pytest.raises(ExampleFailed, match="never shown"):
        prepare(project)


def test_missing_cjk_glyph_fails(tmp_path):
    code = FIGURE_HEADER + (
        "import matplotlib.pyplot as plt\nplt.rcParams['font.family'] = ['DejaVu Sans']\n"
        "plt.title('梯度')\nplt.show()\n"
    )
    project = make_project(tmp_path, {"p/glyph.py": code})
    with pytest.raises(ExampleFailed, match="missing from font"):
        prepare(project)


def test_unseeded_example_changes_between_runs(tmp_path):
    """The runner seeds randomly, so an example that forgets to seed cannot pass as deterministic."""
    project = make_project(tmp_path, {"p/rand.py": "import torch\nprint(torch.rand(3))\n"})
    _, first, _ = prepare(project)
    (project.snippets / "p/rand.py").write_text("import torch\nprint(torch.rand(3))\n\n", encoding="utf-8")
    _, second, _ = prepare(project)
    assert first[("p/rand.py", None)].stdout != second[("p/rand.py", None)].stdout


def test_workers_start_with_torch_and_the_libraries_they_import_already_imported(tmp_path):
    code = "import sys\nprint('torch' in sys.modules, 'sklearn.linear_model' in sys.modules)\nfrom sklearn.linear_model import Lasso\n"
    project = make_project(tmp_path, {"p/mods.py": code})
    _, results, _ = prepare(project)
    assert results[("p/mods.py", None)].stdout == "True True\n"


def test_on_demand_libraries_are_found_through_dlref_modules_too(tmp_path):
    project = make_project(tmp_path, {"p/a.py": "from sklearn.linear_model import Lasso\nimport json\n",
                                      "p/b.py": "from dlref import phone_data\nimport numpy\n",
                                      "p/c.py": "import torch\n",
                                      "p/d.py": "import torch\nopt = torch.optim.SGD([torch.zeros(1)], lr=0.1)\n"})
    a, b, c, d = discover(project.snippets)
    assert _needs(a) == {"sklearn.linear_model", "sklearn.linear_model.Lasso"}
    assert _needs(b) == {"pandas"}
    assert _needs(c) == set()
    assert _needs(d) == {"torch._dynamo"}  # imported by torch at the first optimizer's construction


def test_torch_only_examples_start_before_the_other_libraries_are_imported(tmp_path):
    """The parent imports scikit-learn between forks, while the example that needs only torch runs: that one
    starts first, though it comes second in the order."""
    files = {"p/a.py": "import time\nfrom sklearn.linear_model import Lasso\nprint(time.time())\n",
             "p/b.py": "import time\nimport torch\nprint(time.time())\n"}
    project = make_project(tmp_path, files)
    _, results, _ = prepare(project, jobs=1)
    assert float(results[("p/b.py", None)].stdout) < float(results[("p/a.py", None)].stdout)
def test_the_longest_run_waits_for_its_library_only_while_the_cores_are_busy(tmp_path):
    """The parent imports a run's libraries while the runs already started go on, so the longest run starts as
    soon as a core is free, not after every shorter run that needed only torch."""
    files = {"p/a.py": "from sklearn.linear_model import Lasso\n" + STAMP.format("a"),
             **{f"p/{name}.py": "import torch\n" + STAMP.format(name) for name in "bcd"}}
    project = make_project(tmp_path, files)
    _plant_durations(project, {"p/a.py": 3.0, "p/b.py": 2.0, "p/c.py": 1.0, "p/d.py": 0.5})
    _, results, _ = prepare(project, jobs=1)
    assert _start_order(results) == ["p/b.py", "p/a.py", "p/c.py", "p/d.py"]


def test_blas_and_openmp_threads_follow_the_header(tmp_path):
    """The default count is set in the parent before the forks, for the libraries loaded by its imports too
    (scikit-learn's OpenMP, SciPy's OpenBLAS); a header's other count, by the child."""
    code = "import numpy, torch, sklearn.linear_model\nfrom threadpoolctl import threadpool_info\nprint(sorted({p['num_threads'] for p in threadpool_info()}), torch.get_num_threads())\n"
    project = make_project(tmp_path, {"p/default.py": code, "p/two.py": "#| threads: 2\n" + code})
    _, results, _ = prepare(project)
    assert results[("p/default.py", None)].stdout == "[1] 1\n"
    assert results[("p/two.py", None)].stdout == "[2] 2\n"


def test_examples_run_in_parallel_workers(tmp_path):
    files = {f"p/pid{i}.py": f"import os, time\ntime.sleep(0.5)\nprint(os.getpid())  # {i}\n" for i in range(4)}
    project = make_project(tmp_path, files)
    _, results, report = prepare(project, jobs=4)
    assert len({r.stdout for r in results.values()}) == 4  # a fresh fork per example
    assert report.wall < 4 * 0.5 + 5  # the four sleeps overlapped (generous bound for start-up)


def test_comment_block_in_one_language_fails(tmp_path):
    project = make_project(tmp_path, {"p/c.py": "# zh: 只有中文\nx = 1\n"})
    with pytest.raises(ExampleError, match=r"c\.py:1: comment block has only 'zh:' lines"):
        prepare(project)


def test_per_language_generator_runs_once_per_language(tmp_path):
    code = (
        "#| show-code: false\n#| per-language: true\n" + FIGURE_HEADER
        + "import matplotlib.pyplot as plt\nfrom dlref.figures import tr\n"
        "print(tr(zh='中文', en='English'))\nplt.plot([1, 2])\nplt.show()\n"
    )
    project = make_project(tmp_path, {"p/gen.py": code})
    _, results, report = prepare(project)
    assert report.ran == 2
    assert results[("p/gen.py", "zh")].stdout == "中文\n"
    assert results[("p/gen.py", "en")].stdout == "English\n"
    assert len(results[("p/gen.py", "zh")].figures) == len(results[("p/gen.py", "en")].figures) == 1


def test_each_page_shows_only_its_language_comments(tmp_path):
    from dlref.build.sources.examples import code_for, load

    code = (
        "# zh: 第一行\n# zh: 第二行\n# en: first line\n# en: second line\n"
        "x = 1  # zh: 行尾 # en: trailing\n"
        "# zh: 整行双语 # en: both on one line\n"
        "# shared\ny = '# zh: not a comment'\n"
    )
    project = make_project(tmp_path, {"p/c.py": code})
    example = load(project.snippets / "p/c.py", project.snippets)
    assert code_for(example, "zh") == (
        "# 第一行\n# 第二行\nx = 1  # 行尾\n# 整行双语\n# shared\ny = '# zh: not a comment'\n"
    )
    assert code_for(example, "en") == (
        "# first line\n# second line\nx = 1  # trailing\n# both on one line\n# shared\ny = '# zh: not a comment'\n"
    )


def test_declared_dependency_is_part_of_the_cache_key(tmp_path):
    project = make_project(tmp_path, {
        "p/data.py": "VALUE = 1\n",
        "p/user.py": "#| depends: [data.py]\nimport runpy\nprint(runpy.run_path(__file__.replace('user', 'data'))['VALUE'])\n",
    })
    _, results, _ = prepare(project)
    assert results[("p/user.py", None)].stdout == "1\n"
    (project.snippets / "p/data.py").write_text("VALUE = 2\n", encoding="utf-8")
    _, results, report = prepare(project)
    assert results[("p/user.py", None)].stdout == "2\n" and report.ran == 2


# --- scheduling: longest first, and shards that N machines agree on ---------------------------------------------


def _plant_durations(project: Project, seconds: dict[str, float]) -> None:
    """Record durations as an earlier build would have (see Cache.put)."""
    for tag, value in seconds.items():
        path = project.build / "cache" / "durations" / f"{tag}.seconds"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{value}\n", encoding="utf-8")


def _start_order(results: dict) -> list[str]:
    return [rel for (rel, _), r in sorted(results.items(), key=lambda kv: float(kv[1].stdout))]


STAMP = "import time\nprint(time.time())  # {}\n"


def test_longest_recorded_run_starts_first_and_durations_are_recorded(tmp_path):
    project = make_project(tmp_path, {f"p/{name}.py": STAMP.format(name) for name in "abcd"})
    _plant_durations(project, {"p/a.py": 0.1, "p/b.py": 3.0, "p/c.py": 1.0})  # d: never run here
    _, results, report = prepare(project, jobs=1)
    # d is estimated from its size at the rate of the recorded ones: (0.1 + 3 + 1) / 3 files of equal size
    assert _start_order(results) == ["p/b.py", "p/d.py", "p/c.py", "p/a.py"]
    recorded = project.build / "cache" / "durations" / "p" / "a.py.seconds"
    assert float(recorded.read_text()) == pytest.approx(report.timings["p/a.py"], abs=1e-3)


def test_without_recorded_durations_the_largest_file_starts_first(tmp_path):
    files = {"p/small.py": STAMP.format(""), "p/large.py": STAMP.format("x" * 500), "p/mid.py": STAMP.format("x" * 50)}
    _, results, _ = prepare(make_project(tmp_path, files), jobs=1)
    assert _start_order(results) == ["p/large.py", "p/mid.py", "p/small.py"]


def test_shards_partition_the_runs_by_duration_and_merged_caches_run_nothing(tmp_path):
    import shutil

    from dlref.build.site import run_shard

    files = {f"p/e{i}.py": f"print({i})\n" for i in range(6)}
    files["p/gen.py"] = "#| per-language: true\nfrom dlref.figures import lang\nprint(lang())\n"
    everything = {f"p/e{i}.py" for i in range(6)} | {"p/gen.py[zh]", "p/gen.py[en]"}
    durations = {"p/e0.py": 5.0, "p/e1.py": 4.0, "p/e2.py": 3.0, "p/e3.py": 3.0, "p/e4.py": 2.0, "p/e5.py": 1.0,
                 "p/gen.py[zh]": 2.0, "p/gen.py[en]": 2.0}
    one, two, merged = (make_project(tmp_path / name, files) for name in ("one", "two", "merged"))
    for project in (one, two, merged):
        _plant_durations(project, durations)
    reports = [run_shard(project, (k, 2)) for k, project in ((1, one), (2, two))]
    ran = [set(report.timings) for report in reports]
    assert ran[0] & ran[1] == set() and ran[0] | ran[1] == everything
    # Greedy, longest first, each to the lighter share (ties: name, then the first share): 11 s each.
    assert ran == [{"p/e0.py", "p/e3.py", "p/gen.py[en]", "p/e5.py"}, {"p/e1.py", "p/e2.py", "p/e4.py", "p/gen.py[zh]"}]
    assert [report.left for report in reports] == [4, 4] and "shard 1/2: 4 run(s) left" in reports[0].line()
    for shard in (one, two):
        shutil.copytree(shard.build / "cache", merged.build / "cache", dirs_exist_ok=True)
    _, results, report = prepare(merged)
    assert (report.ran, report.cached) == (0, len(everything))
    assert results[("p/gen.py", "en")].stdout == "en\n"


@pytest.mark.parametrize("spec, message", [
    ("0/2", "K must be between 1 and N"), ("3/2", "K must be between 1 and N"),
    ("x/y", "wants K/N"), ("2", "wants K/N"), ("1/0", "must be at least 1"),
])
def test_shard_argument_is_checked(spec, message, capsys):
    from dlref.build.cli import main

    with pytest.raises(SystemExit) as info:
        main(["build", "--shard", spec])
    assert info.value.code == 2 and message in capsys.readouterr().err


def test_the_distributions_scan_is_kept_until_the_installed_ones_change(tmp_path, monkeypatch):
    from dlref.build.execute import cache

    memo = tmp_path / "distributions.json"
    monkeypatch.setattr(cache, "_distributions_memo", memo)
    scans = []
    monkeypatch.setattr(cache.metadata, "packages_distributions", lambda: scans.append(1) or {"torch": ["torch"]})
    for installed in ("a", "a", "b"):
        monkeypatch.setattr(cache, "_installed", lambda: installed)
        cache.module_distributions.cache_clear()
        assert cache.module_distributions() == {"torch": ["torch"]}
    assert len(scans) == 2  # the second process read the first one's scan; the third saw a new installation
    memo.write_text("{not json", encoding="utf-8")
    cache.module_distributions.cache_clear()
    assert cache.module_distributions() == {"torch": ["torch"]} and len(scans) == 3  # a damaged memo: scanned again
    cache.module_distributions.cache_clear()
