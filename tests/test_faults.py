"""Fault injection: a throw-away project whose examples misbehave in every way we know of.

Each test states what the maintainer sees. After every test, no scratch folder
is left behind (the autouse fixture checks), whatever the ending.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import markdown
import pytest

from dlref.build.execute import cache as cache_mod
from dlref.build.render import fragments
from dlref.build.sources import notebooks
from dlref.build.execute import recorded
from dlref.build.sources.examples import ExampleError, discover
from dlref.build.execute.runner import ExampleFailed
from dlref.build.site import Project, prepare

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def scratch_base(tmp_path, monkeypatch):
    """Examples' scratch folders go here; each test ends with it empty."""
    base = tmp_path / "scratch"
    base.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(base))
    yield base
    assert list(base.glob("dlref-run-*")) == [], "a scratch folder outlived its example"


def make_project(tmp_path: Path, files: dict[str, str]) -> Project:
    root = tmp_path / "proj"
    (root / "snippets").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return Project(root)


def failure(project: Project, **kwargs) -> str:
    with pytest.raises(ExampleFailed) as info:
        prepare(project, **kwargs)
    return str(info.value)


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def wait_until(condition, seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


# --- failures the maintainer reads ------------------------------------------------------------------------------


def test_exception_names_line_and_shows_partial_output(tmp_path):
    project = make_project(tmp_path, {"snippets/p/boom.py": "print('step 1')\nprint('step 2')\n1 / 0\n"})
    message = failure(project)
    assert f"{project.snippets / 'p/boom.py'}:3: ZeroDivisionError" in message
    assert "--- printed before the failure (last 2 of 2 lines) ---\nstep 1\nstep 2" in message


def test_syntax_error_names_the_line(tmp_path):
    project = make_project(tmp_path, {"snippets/p/bad.py": "x = 1\ny = (\n"})
    with pytest.raises(ExampleError, match=r"bad\.py:2: SyntaxError"):
        prepare(project)


def test_hang_shows_the_stack_where_it_was_stuck(tmp_path):
    code = "#| timeout: 1\nimport time\n\ndef wait():\n    time.sleep(60)\n\nprint('waiting')\nwait()\n"
    project = make_project(tmp_path, {"snippets/p/hang.py": code})
    start = time.monotonic()
    message = failure(project)
    assert time.monotonic() - start < 15
    assert "hang.py:5: timed out after 1 s" in message  # the sleep inside wait(), not line 1
    assert 'hang.py", line 5 in wait' in message and 'hang.py", line 8 in <module>' in message
    assert "waiting" in message


def test_crash_names_the_signal_and_the_last_line(tmp_path):
    code = "import ctypes\nprint('before the crash')\nctypes.string_at(0)\n"
    project = make_project(tmp_path, {"snippets/p/segv.py": code})
    message = failure(project)
    assert "segv.py:3: the example's process was killed by SIGSEGV; last line reached: 3" in message
    assert "before the crash" in message and "exit code None" not in message


def test_os_exit_is_a_clear_failure(tmp_path):
    project = make_project(tmp_path, {"snippets/p/quit.py": "import os\nprint('partial')\nos._exit(3)\n"})
    message = failure(project)
    assert "exited with code 3 before it finished" in message and "partial" in message
    assert "None" not in message


def test_sys_exit_zero_is_a_normal_end_and_nonzero_fails(tmp_path):
    project = make_project(tmp_path, {"snippets/p/done.py": "import sys\nprint('done')\nsys.exit(0)\nprint('x')\n"})
    _, results, _ = prepare(project)
    assert results[("p/done.py", None)].stdout == "done\n"
    (project.snippets / "p/done.py").write_text("import sys\nsys.exit(2)\n", encoding="utf-8")
    assert "done.py:2: SystemExit: 2" in failure(project)


def test_memory_is_capped(tmp_path):
    code = "#| memory-mb: 256\nimport torch\nx = torch.empty(2**30)  # 4 GiB\n"
    project = make_project(tmp_path, {"snippets/p/greedy.py": code})
    message = failure(project)
    assert "greedy.py:3:" in message and "the memory limit is 256 MiB" in message


def test_memory_of_a_cuda_example_is_capped_without_an_address_space_cap(tmp_path):
    """CUDA cannot start under an address-space cap, so a CUDA example's cap is on private writable memory; it
    still stops a greedy run. (Here, without a GPU, the example is handed to the runner directly.)"""
    from dlref.build.execute.cache import Cache
    from dlref.build.execute.runner import run

    code = ("#| requires: cuda\n#| memory-mb: 256\nimport resource, torch\n"
            "print(resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY)\nx = torch.ones(2**30)\n")
    project = make_project(tmp_path, {"snippets/p/greedy_gpu.py": code})
    [example] = discover(project.snippets)
    with pytest.raises(ExampleFailed) as info:
        run([example], Cache(project.build / "cache", project.root), jobs=1)
    assert "greedy_gpu.py:5:" in str(info.value) and "the memory limit is 256 MiB" in str(info.value)
    example.path.write_text(code.replace("2**30", "2**20"), encoding="utf-8")  # 4 MiB fits
    results, _ = run(discover(project.snippets), Cache(project.build / "cache", project.root), jobs=1)
    assert results[("p/greedy_gpu.py", None)].stdout == "True\n"


def test_200_mb_of_output_stops_at_the_cap(tmp_path):
    code = "for i in range(10_000_000):\n    print('x' * 20)\n"
    project = make_project(tmp_path, {"snippets/p/loud.py": code})
    start = time.monotonic()
    message = failure(project)
    assert "loud.py:2: OutputLimitExceeded: printed more than 1024 KB" in message
    assert time.monotonic() - start < 30


def test_output_cap_holds_when_the_example_swallows_the_error(tmp_path):
    code = "for i in range(200_000):\n    try:\n        print('x' * 20)\n    except BaseException:\n        pass\n"
    assert "OutputLimitExceeded" in failure(make_project(tmp_path, {"snippets/p/sly.py": code}))


def test_orphan_process_and_thread_do_not_outlive_the_example(tmp_path):
    code = """\
        import subprocess, threading, time
        child = subprocess.Popen(["sleep", "300"])
        threading.Thread(target=time.sleep, args=(300,)).start()  # non-daemon
        print(child.pid)
    """
    project = make_project(tmp_path, {"snippets/p/orphans.py": code})
    start = time.monotonic()
    _, results, _ = prepare(project)
    assert time.monotonic() - start < 30
    pid = int(results[("p/orphans.py", None)].stdout)
    assert wait_until(lambda: not alive(pid), 5), "the example's `sleep 300` is still running"


def test_network_fails_at_once_saying_why(tmp_path):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    code = f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=5)\n"
    project = make_project(tmp_path, {"snippets/p/net.py": code,
                                      "snippets/p/dns.py": "import urllib.request\nurllib.request.urlopen('http://example.com')\n"})
    try:
        message = failure(project)
    finally:
        server.close()
    assert "net.py:2:" in message and "dns.py:2:" in message
    assert message.count("dlref builds offline by design") >= 2


def test_example_cannot_write_into_the_project_or_the_cache(tmp_path):
    code = """\
        from pathlib import Path
        here = Path(__file__)
        for target in (here, here.parents[2] / "build" / "cache" / "planted.json"):
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("owned")
            except PermissionError as exc:
                print("refused:", target.name)
        Path("scratch.txt").write_text("fine")  # its own working folder is writable
        print(Path("scratch.txt").read_text())
    """
    project = make_project(tmp_path, {"snippets/p/vandal.py": code})
    before = (project.snippets / "p/vandal.py").read_text()
    _, results, _ = prepare(project)
    assert results[("p/vandal.py", None)].stdout == "refused: vandal.py\nrefused: planted.json\nfine\n"
    assert (project.snippets / "p/vandal.py").read_text() == before
    assert not (project.build / "cache" / "planted.json").exists()


def test_printed_output_never_becomes_html(tmp_path):
    code = 'print("````")\nprint("<img src=x onerror=alert(1)>")\nprint(\'--8<-- "p/other.py"\')\n'
    project = make_project(tmp_path, {"snippets/p/xss.py": code, "snippets/p/other.py": "print('secret')\n",
                                      "docs/en/index.md": '# Home\n\n--8<-- "p/xss.py"\n',
                                      "docs/zh/index.md": '# 首页\n\n--8<-- "p/xss.py"\n'})
    prepare(project)
    page = (project.assembled("en") / "index.md").read_text()  # what the engine gets
    html = markdown.markdown(page, extensions=["pymdownx.superfences"])
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "secret" not in html and '--8&lt;-- "p/other.py"' in html


# --- the cache ---------------------------------------------------------------------------------------------------


def entries(project: Project) -> list[Path]:
    return sorted((project.build / "cache").rglob("*.json"))


@pytest.mark.parametrize("damage", ['{"stdout": "trunc', '{"stdout": 5}', "[]", "\xff\xfe",
                                    "forged-figure"])
def test_damaged_cache_entry_is_named_and_rerun(tmp_path, capsys, damage):
    project = make_project(tmp_path, {"snippets/p/a.py": "print('real')\n"})
    prepare(project)
    [entry] = entries(project)
    if damage == "forged-figure":
        data = json.loads(entry.read_text())
        data["figures"] = ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>']
        entry.write_text(json.dumps(data))
    else:
        entry.write_bytes(damage.encode("latin-1"))
    _, results, report = prepare(project)
    assert report.ran == 1 and results[("p/a.py", None)].stdout == "real\n"
    assert f"damaged cache entry {entry}" in capsys.readouterr().err
    assert json.loads(entry.read_text())["stdout"] == "real\n"  # replaced by a sound entry


def test_figure_that_is_not_safe_to_publish_fails_the_example(tmp_path):
    code = ('#| figures:\n#|   - alt: {zh: "链接", en: "a link"}\nimport matplotlib.pyplot as plt\n'
            'plt.plot([0, 1]).__getitem__(0).set_url("javascript:alert(1)")\nplt.show()\n')
    message = failure(make_project(tmp_path, {"snippets/p/link.py": code}))
    assert "figure 1 cannot be published: external reference javascript:alert(1)" in message


def test_stale_figures_are_not_published(tmp_path):
    fig = ('#| figures:\n#|   - alt: {zh: "线", en: "a line"}\nimport matplotlib.pyplot as plt\n'
           'plt.plot([0, 1])\nplt.show()\n')
    page = '# P\n\n--8<-- "p/a.py"\n\n--8<-- "p/b.py"\n'
    project = make_project(tmp_path, {"snippets/p/a.py": fig, "snippets/p/b.py": fig,
                                      "docs/zh/index.md": page, "docs/en/index.md": page})
    prepare(project)
    assert (project.assembled("en") / "figures/p/b-1.svg").is_file()
    (project.snippets / "p/b.py").unlink()
    for lang in ("zh", "en"):
        (project.docs / lang / "index.md").write_text('# P\n\n--8<-- "p/a.py"\n', encoding="utf-8")
    prepare(project)
    for lang in ("zh", "en"):
        assert sorted(p.name for p in (project.assembled(lang) / "figures").rglob("*.svg")) == ["a-1.svg"]


def test_undeclared_data_file_and_dynamic_import_are_in_the_result_key(tmp_path):
    code = """\
        import importlib, sys
        from pathlib import Path
        sys.path.insert(0, str(Path(__file__).parent))
        helper = importlib.import_module("_helper")
        print(helper.VALUE, (Path(__file__).parents[2] / "data.txt").read_text())
    """
    project = make_project(tmp_path, {"snippets/p/dyn.py": code, "snippets/p/_helper.py": "VALUE = 1\n",
                                      "data.txt": "a"})
    assert prepare(project)[1][("p/dyn.py", None)].stdout == "1 a\n"
    assert prepare(project)[2].ran == 0
    (project.root / "data.txt").write_text("b")
    _, results, report = prepare(project)
    assert report.ran == 1 and results[("p/dyn.py", None)].stdout == "1 b\n"
    (project.snippets / "p/_helper.py").write_text("VALUE = 2\n")
    _, results, report = prepare(project)
    assert report.ran == 1 and results[("p/dyn.py", None)].stdout == "2 b\n"


def test_library_versions_the_run_imported_are_checked(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"snippets/p/pd.py": "import pandas\nprint('ok')\n"})
    prepare(project)
    [entry] = entries(project)
    assert "pandas" in json.loads(entry.read_text())["deps"]["dists"]
    real = cache_mod.dist_version
    monkeypatch.setattr(cache_mod, "dist_version", lambda name: "0.0-other" if name == "pandas" else real(name))
    assert prepare(project)[2].ran == 1


def test_key_covers_tool_code_threads_env_and_fonts(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"snippets/p/a.py": "print(1)\n", "snippets/p/b.py": "#| threads: 2\nprint(1)\n"})
    a, b = discover(project.snippets)
    base = cache_mod.key(a, None)
    tool = tmp_path / "runner_copy.py"
    tool.write_text("x = 1\n")
    monkeypatch.setattr(cache_mod, "tool_sources", lambda: [tool])
    changed_tool = cache_mod.key(a, None)
    tool.write_text("x = 2\n")  # e.g. an edit of the print or figure setup
    assert cache_mod.key(a, None) != changed_tool != base
    code = ("from dlref.build.sources.examples import discover; from dlref.build.execute.cache import key; "
            f"import sklearn; print(key(discover(__import__('pathlib').Path({str(project.snippets)!r}))[0], None))")
    def key_in_a_process(**env):  # the environment a maintainer starts the build with is part of the key
        return subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True,
                               text=True, check=True).stdout
    assert key_in_a_process(OMP_NUM_THREADS="3") != key_in_a_process(OMP_NUM_THREADS="4")
    before = cache_mod.key(a, None)
    monkeypatch.setenv("KMP_INIT_AT_FORK", "maybe")  # what a library sets as it loads does not change it
    assert cache_mod.key(a, None) == before
    monkeypatch.setattr(cache_mod, "_font_digest", lambda: "another-font")
    assert cache_mod.key(a, None) != before
    assert "threads=2" in cache_mod._environment(b.threads) and "threads=1" in cache_mod._environment(a.threads)


def test_output_does_not_depend_on_how_many_examples_run_at_once(tmp_path):
    code = "import torch\ntorch.manual_seed(0)\nprint(f'{torch.randn(1_000_000).sum().item():.6f}')\n"
    project = make_project(tmp_path, {"snippets/p/sum.py": code})
    alone = prepare(project, jobs=1)[1][("p/sum.py", None)].stdout
    for path in entries(project):
        path.unlink()
    (project.snippets / "p/busy.py").write_text("import torch\nprint(torch.ones(500, 500).matmul(torch.ones(500, 500)).sum())\n")
    together = prepare(project, jobs=2)[1][("p/sum.py", None)].stdout
    assert together == alone


# --- headers, pages, notebooks -------------------------------------------------------------------------------------


@pytest.mark.parametrize("header, error", [
    ("#| timeout: abc", "header key 'timeout' must be int or float, got 'abc'"),
    ("#| timeout: -1", "header key 'timeout' must be positive, got -1"),
    ("#| memory-mb: 0", "header key 'memory-mb' must be positive, got 0"),
    ("#| threads: true", "header key 'threads' must be int, got True"),
    ("#| show-code: maybe", "header key 'show-code' must be bool, got 'maybe'"),
    ("#| claims: N01", "header key 'claims' must be a list of strings, got 'N01'"),
])
def test_bad_header_values_name_the_file(tmp_path, header, error):
    project = make_project(tmp_path, {"snippets/p/h.py": f"{header}\nprint(1)\n"})
    with pytest.raises(ExampleError) as info:
        prepare(project)
    assert str(info.value) == f"{project.snippets / 'p/h.py'}:1: {error}"


def test_misspelled_page_lists_the_known_ones(tmp_path):
    project = make_project(tmp_path, {"snippets/activations/a.py": "print(1)\n"})
    with pytest.raises(ExampleError, match=r"unknown page\(s\) activation; pages with examples: activations"):
        prepare(project, pages=["activation"])


def test_notebook_cell_with_one_language_comment_fails(tmp_path):
    source = '# %% [markdown] lang="zh"\n# 中文\n\n# %% [markdown] lang="en"\n# English\n\n# %%\n# zh: 只有中文\nprint(1)\n'
    path = tmp_path / "nb.py"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ExampleError, match=r"nb\.py:8: comment block has only 'zh:' lines"):
        notebooks.load(path, tmp_path)


# --- the parent process ---------------------------------------------------------------------------------------------


def start_cli(project: Project, scratch: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "dlref", "run", *args], cwd=project.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


SLEEPER = "import os, subprocess, time\nsubprocess.Popen(['sleep', '300'])\nprint(os.getpid(), flush=True)\ntime.sleep(300)\n"


def running_example_pid(scratch: Path) -> int:
    found = []
    assert wait_until(lambda: bool(found.extend(p.read_text().split()[:1] for p in scratch.glob("*/stdout.txt")
                                                if p.read_text().strip()) or found), 60)
    return int(found[0][0])


def group_members(pgid: int) -> list[int]:
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_stopping_the_parent_stops_the_examples(tmp_path, scratch_base, sig):
    project = make_project(tmp_path, {"snippets/p/sleeper.py": SLEEPER})
    proc = start_cli(project, scratch_base)
    pid = running_example_pid(scratch_base)
    assert len(group_members(pid)) == 2  # the example and its `sleep`
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert wait_until(lambda: group_members(pid) == [], 10), "the example or its child outlived the parent"
    assert wait_until(lambda: list(scratch_base.glob("dlref-run-*")) == [], 10)
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert err.strip() == "dlref: interrupted; running examples stopped, nothing cached for them"


def test_output_piped_through_cat_does_not_hang(tmp_path, scratch_base):
    code = "import subprocess\nsubprocess.Popen(['sleep', '300'])\nprint('started')\n"
    project = make_project(tmp_path, {"snippets/p/bg.py": code})
    env = {**os.environ, "TMPDIR": str(scratch_base), "PYTHONPATH": str(REPO)}
    done = subprocess.run(f"{sys.executable} -m dlref run | cat", shell=True, cwd=project.root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "1 run, 0 from cache" in done.stdout


def test_two_builds_at_once_both_succeed_with_one_cache(tmp_path, scratch_base):
    files = {f"snippets/p/e{i}.py": f"import time\ntime.sleep(0.5)\nprint({i})\n" for i in range(4)}
    project = make_project(tmp_path, files)
    first, second = start_cli(project, scratch_base), start_cli(project, scratch_base)
    outs = [p.communicate(timeout=120) for p in (first, second)]
    assert first.returncode == second.returncode == 0, outs
    reports = sorted(out for out, _ in outs)
    assert "0 run, 4 from cache" in reports[0] and "4 run, 0 from cache" in reports[1]
    assert len(entries(project)) == 4


# --- tolerance -------------------------------------------------------------------------------------------------------


def perturb_last_digits(text: str) -> str:
    """Every float's last printed digit moved by one, as another CPU may round it."""
    import re

    def bump(match):
        s = match.group(0)
        digit = int(s[-1])
        return s[:-1] + str(digit + 1 if digit < 9 else digit - 1)

    return re.sub(r"\d+\.\d+(?![\d.eE])", bump, text)


def test_recordings_tolerate_last_digit_rounding_but_not_real_changes(project):
    """Every real recording, with every float's last digit moved, still matches; a changed value does not."""
    checked = 0
    for path in sorted(project.recorded.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        bumped = perturb_last_digits(text)
        if bumped == text:
            continue
        assert recorded.matches(text, bumped), f"{path}: {recorded.first_difference(text, bumped)}"
        checked += 1
    assert checked > 50
    sample = (project.recorded / "activations" / "sigmoid.txt").read_text(encoding="utf-8")
    assert not recorded.matches(sample, sample.replace("0.2500", "0.2600", 1))
    assert not recorded.matches("loss 1.954", "loss 1.978")  # the drift seen on an AVX-512 CPU is a real failure
    assert not recorded.matches("seed 0: 0.4963", "seed 1: 0.7576")


def test_matplotlib_reached_unseen_fails_clearly(tmp_path):
    """The build preloads matplotlib, and captures figures, only for examples that import it; an example that
    reaches it where the build cannot see fails instead of losing its figure. A fresh interpreter: the test
    process itself has matplotlib imported."""
    project = make_project(tmp_path, {"snippets/p/hidden.py": """
        import importlib
        plt = importlib.import_module("matplotlib" + ".pyplot")
        plt.plot([0, 1])
        plt.show()
        """})
    code = f"from pathlib import Path\nfrom dlref.build.site import Project, prepare\nprepare(Project(Path({str(project.root)!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=project.root,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)
    assert done.returncode != 0
    assert "hidden.py:1: RuntimeError: matplotlib was imported where the build did not see it" in done.stderr
