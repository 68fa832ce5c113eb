"""Recorded outputs: the committed expected output of every example.

``tests/recorded/<slug>/<name>.txt`` holds an example's expected stdout; the test
suite fails when a run prints something else, and ``make record`` rewrites them
after a deliberate change. Examples that need CUDA (``#| requires: cuda``) also
keep ``<name>.cuda.json``: stdout, figures and where they were recorded (GPU,
torch and CUDA versions, date). On a machine without CUDA the page replays that
recording, labelled as such, instead of failing.
"""
from __future__ import annotations

import doctest
import json
import math
import re
from pathlib import Path

from pytest_doctestplus.output_checker import FLOAT_CMP, OutputChecker

from dlref.build.execute.cache import device_kind
from dlref.build.languages import REPO, languages
from dlref.build.sources.examples import Example, Result



#: How far a recorded number may drift on another CPU: the larger of this relative
#: difference and one unit in the last digit it was printed with. Integers (counts,
#: shapes, sizes) must match exactly, and so must all text.
RTOL = 1e-4
_INTEGER = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(?P<int>\d*)(?:\.(?P<frac>\d*))?(?:[eE](?P<exp>[+-]?\d+))?")


def last_digit_unit(text: str) -> float:
    """The value of one unit in the last printed digit: '1.954' -> 0.001, '8.06e+05' -> 1000.0.

    >>> last_digit_unit("1.954"), last_digit_unit("8.06e+05"), last_digit_unit("-0.0012"), last_digit_unit("3.")
    (0.001, 1000.0, 0.0001, 1.0)
    """
    match = _FLOAT.fullmatch(text.strip())
    if not match:
        return 0.0
    return 10.0 ** (int(match["exp"] or 0) - len(match["frac"] or ""))


class _Checker(OutputChecker):
    """pytest-doctestplus' FLOAT_CMP parsing (numbers found in text, the rest compared exactly), with
    dlref's tolerance: integers exact, floats within RTOL or one unit of their last printed digit.

    doctestplus only sees a number between spaces or brackets; printed output glues units and signs to
    numbers ("44.5x", "x0.25", "3.2%", "1.5."), so a number here is any run of digits that no digit or
    dot continues on either side (a version such as 2.14.1 is then no number, and stays text).
    """

    def __init__(self):
        super().__init__()
        number = r"([+-]?\d+\.\d*(?:e[+-]?\d+)?|[+-]?\.\d+(?:e[+-]?\d+)?|[+-]?\d+(?:e[+-]?\d+)?|nan|[+-]?inf)"
        end = r"(?=[^\d.]|\.(?!\d)|$)"
        self.num_got_rgx = self.num_want_rgx = re.compile(rf"(?<![\d.])\s*{number}{end}", re.M)

    def equal_floats(self, got: str, want: str) -> bool:
        if _INTEGER.fullmatch(want) and _INTEGER.fullmatch(got):
            return int(got) == int(want)
        a, b = float(got), float(want)
        if math.isnan(a) or math.isnan(b) or math.isinf(a) or math.isinf(b):
            return a == b or (math.isnan(a) and math.isnan(b))
        return abs(a - b) <= max(RTOL * abs(b), last_digit_unit(want)) * (1 + 1e-9)


_CHECKER = _Checker()
_FLAGS = FLOAT_CMP | doctest.NORMALIZE_WHITESPACE  # column padding follows the width of the numbers


def matches(want: str, got: str) -> bool:
    """Does output ``got`` agree with the recording ``want``, within the tolerance above?

    >>> matches("loss 1.954 after 3 steps", "loss 1.955 after 3 steps")  # last digit rounded the other way
    True
    >>> matches("loss 1.954 after 3 steps", "loss 1.978 after 3 steps")  # a real change
    False
    >>> matches("tensor([0.5000, -0.0000])", "tensor([ 0.5000,  0.0000])")
    True
    >>> matches("params: 138357544", "params: 138357545"), matches("a 1.0", "b 1.0")
    (False, False)
    """
    return _CHECKER.check_output(want, got, _FLAGS)


def first_difference(want: str, got: str) -> str:
    """The first line where ``got`` leaves the recording, for a failure message."""
    want_lines, got_lines = want.splitlines(), got.splitlines()
    for i in range(max(len(want_lines), len(got_lines))):
        w = want_lines[i] if i < len(want_lines) else "<no line>"
        g = got_lines[i] if i < len(got_lines) else "<no line>"
        if not matches(w, g):
            return f"line {i + 1}:\n  recorded: {w}\n  printed:  {g}"
    return "the lines agree one by one; the line count or layout differs"


def mismatch(example: Example, stdout: str, directory: Path) -> str | None:
    """Why ``stdout`` does not reproduce ``example``'s recording, or None when it does."""
    path = stdout_path(example, directory)
    if not path.is_file():
        return f"{path} missing: run `make record` and review it"
    expected = path.read_text(encoding="utf-8")
    if matches(expected, stdout):
        return None
    return (f"{example.path}: output differs from {path} beyond the tolerance (recorded.RTOL or one unit in the "
            f"last printed digit), at {first_difference(expected, stdout)}")


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
    ui = {code: language.ui for code, language in languages(REPO).items()}
    if not path.is_file():
        return Result(stdout="", figures=[]), {lang: strings["gpu_missing"] for lang, strings in ui.items()}
    data = json.loads(path.read_text(encoding="utf-8"))
    result = Result(stdout=data["stdout"], figures=data["figures"], seconds=0.0)
    return result, {lang: strings["gpu_note"].format(**data["environment"]) for lang, strings in ui.items()}


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
    """Record ``result``'s stdout; True when the file changed. Output that matches the recording within
    the tolerance leaves it untouched, so recording on another CPU does not churn the last digits."""
    path = stdout_path(example, directory)
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if old is not None and (old == result.stdout or matches(old, result.stdout)):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.stdout, encoding="utf-8")
    return True
