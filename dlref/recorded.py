"""Recorded outputs: the committed expected output of every example.

``tests/recorded/<slug>/<name>.txt`` holds an example's expected stdout; the test
suite fails when a run prints something else, and ``make record`` rewrites them
after a deliberate change. Examples that need CUDA (``#| requires: cuda``) also
keep ``<name>.cuda.json``: stdout, figures and where they were recorded (GPU,
torch and CUDA versions, date). On a machine without CUDA the page replays that
recording, labelled as such, instead of failing.
"""
from __future__ import annotations

import json
from pathlib import Path

from .cache import device_kind
from .examples import Example, Result

MISSING = {
    "zh": '!!! warning "尚无 GPU 录制的输出"\n    这个示例需要 CUDA，还没有在 GPU 上运行并录制过（在 CUDA 机器上运行 `make record-gpu`）。代码已经过语法检查，输出将在第一次 GPU 运行后出现在这里。',
    "en": '!!! warning "No GPU recording yet"\n    This example needs CUDA and has not been run and recorded on a GPU yet (run `make record-gpu` on a CUDA machine). The code is syntax-checked; its output will appear here after the first GPU run.',
}
NOTE = {
    "zh": '!!! info "在 GPU 上录制的输出"\n    本机没有 CUDA，下面的输出录制于 {gpu}（torch {torch}，CUDA {cuda}，{date}）。',
    "en": '!!! info "Output recorded on a GPU"\n    This build has no CUDA; the output below was recorded on {gpu} (torch {torch}, CUDA {cuda}, {date}).',
}


def stdout_path(example: Example, directory: Path) -> Path:
    return directory / example.slug / f"{example.name}.txt"


def cuda_path(example: Example, directory: Path) -> Path:
    return directory / example.slug / f"{example.name}.cuda.json"


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(examples to run here, CUDA examples to replay because this machine has no CUDA)."""
    if device_kind() == "cuda":
        return list(examples), []
    run = [e for e in examples if e.requires != "cuda"]
    return run, [e for e in examples if e.requires == "cuda"]


def replay(example: Example, directory: Path) -> tuple[Result, dict]:
    """The recorded CUDA result and the labelled note for each language."""
    path = cuda_path(example, directory)
    if not path.is_file():
        return Result(stdout="", figures=[]), dict(MISSING)
    data = json.loads(path.read_text(encoding="utf-8"))
    result = Result(stdout=data["stdout"], figures=data["figures"], seconds=0.0)
    notes = {lang: text.format(**data["environment"]) for lang, text in NOTE.items()}
    return result, notes


def write_cuda(example: Example, result: Result, environment: dict, directory: Path) -> Path:
    """Record a CUDA run: output, figures and where it ran."""
    path = cuda_path(example, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"environment": environment, "stdout": result.stdout, "figures": result.figures}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def cuda_environment() -> dict:
    """GPU name, torch and CUDA versions and today's date, for the label under replayed output."""
    import datetime

    import torch

    return {
        "gpu": torch.cuda.get_device_name(0),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "date": datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
    }


def write_stdout(example: Example, result: Result, directory: Path) -> bool:
    """Record ``result``'s stdout; True when the file changed."""
    path = stdout_path(example, directory)
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if old == result.stdout:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.stdout, encoding="utf-8")
    return True
