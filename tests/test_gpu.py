"""CUDA: the examples marked `requires: cuda` and the GPU-only checks.

On a machine without CUDA every test here but the last two is skipped with "CUDA not available";
`make test-gpu` refuses to run there at all, so the GPU job cannot pass by skipping.
"""
from __future__ import annotations

import json
import math
import re

import pytest

from dlref.build.sources import examples as ex
from dlref.build.render import fragments
from dlref.build.execute import recorded
from dlref.build.execute.cache import Cache
from dlref.build.execute.runner import run
from dlref.build.site import Project

PROJECT = Project.find()
CUDA_EXAMPLES = [e for e in ex.discover(PROJECT.snippets) if e.requires == "cuda"]


@pytest.fixture(scope="module")
def cuda_results(project):
    results, _ = run(CUDA_EXAMPLES, Cache(project.build / "cache", project.root), jobs=1)
    return results


@pytest.mark.gpu
@pytest.mark.parametrize("example", CUDA_EXAMPLES, ids=[e.rel for e in CUDA_EXAMPLES])
def test_cuda_example_runs_with_sane_output(example, cuda_results):
    out = cuda_results[(example.rel, None)].stdout
    assert out.strip(), f"{example.path}: printed nothing"
    numbers = [float(x) for x in re.findall(r"(?<![\w.])-?\d+\.\d+(?:e-?\d+)?", out)]
    assert all(math.isfinite(x) for x in numbers), f"{example.path}: non-finite number in {out!r}"
    assert "nan" not in out.lower().split() and "inf" not in out.lower().split()


@pytest.mark.gpu
def test_model_and_batches_end_up_on_cuda(cuda_results):
    out = cuda_results[("training-workflow/cuda_to_device.py", None)].stdout
    assert "model on cuda:0" in out and "batch on cuda:0" in out
    assert "Expected all tensors to be on the same device" in out or "same device" in out


@pytest.mark.gpu
def test_amp_step_matches_fp32_step():
    import torch
    from torch import nn

    torch.manual_seed(0)
    model32 = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10)).cuda()
    model16 = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10)).cuda()
    model16.load_state_dict(model32.state_dict())
    x, y = torch.randn(256, 64, device="cuda"), torch.randint(0, 10, (256,), device="cuda")
    opt32 = torch.optim.SGD(model32.parameters(), lr=0.1)
    opt16 = torch.optim.SGD(model16.parameters(), lr=0.1)
    scaler = torch.amp.GradScaler("cuda")

    loss32 = nn.functional.cross_entropy(model32(x), y)
    loss32.backward()
    opt32.step()
    with torch.autocast("cuda", dtype=torch.float16):
        loss16 = nn.functional.cross_entropy(model16(x), y)
    scaler.scale(loss16).backward()
    scaler.step(opt16)
    scaler.update()

    assert abs(loss16.item() - loss32.item()) < 1e-2
    for p32, p16 in zip(model32.parameters(), model16.parameters()):
        torch.testing.assert_close(p16, p32, rtol=1e-2, atol=1e-3)


def test_cuda_examples_are_marked_by_header_not_by_content():
    """Only the header decides; an example that merely mentions cuda in a string is a CPU example."""
    assert CUDA_EXAMPLES, "no example declares '#| requires: cuda'"
    assert all(e.requires == "cuda" for e in CUDA_EXAMPLES)
    device_example = next(e for e in ex.discover(PROJECT.snippets) if e.rel == "training-workflow/device.py")
    assert "cuda" in device_example.body and device_example.requires is None


def test_replayed_output_is_labelled_with_its_gpu(tmp_path):
    """Without CUDA, a recorded run is shown with the GPU, torch and CUDA versions and the date."""
    example = CUDA_EXAMPLES[0]
    target = tmp_path / example.slug / f"{example.name}.cuda.json"
    target.parent.mkdir(parents=True)
    environment = {"gpu": "NVIDIA H100 80GB HBM3", "torch": "2.9.0", "cuda": "12.8", "date": "2026-11-21"}
    target.write_text(json.dumps({"environment": environment, "stdout": "model on cuda:0\n", "figures": []}))
    result, notes = recorded.replay(example, tmp_path)
    page = fragments.render(example, "en", result, None, notes["en"])
    assert "recorded on NVIDIA H100 80GB HBM3 (torch 2.9.0, CUDA 12.8, 2026-11-21)" in page
    assert "model on cuda:0" in page
    assert "录制于 NVIDIA H100 80GB HBM3" in fragments.render(example, "zh", result, None, notes["zh"])


def test_the_page_states_the_recorded_figures(project):
    """The GPU section quotes its recordings (speed-ups, memory saving, GPU) in both languages; a new recording
    fails this test until the prose says what it shows."""
    from dlref.build.languages import LANGS

    def recording(name):
        example = next(e for e in CUDA_EXAMPLES if e.name == name)
        return json.loads(recorded.cuda_path(example, project.recorded).read_text(encoding="utf-8"))

    speed, amp = recording("cuda_speed"), recording("cuda_amp")
    amp_speed, amp_memory = re.search(r"AMP speed-up x([\d.]+), peak memory x([\d.]+)", amp["stdout"]).groups()
    figures = re.findall(r"speed-up x(\d+)", speed["stdout"]) + [f"{float(amp_speed):.1f}",
                                                                  f"{round(100 * (1 - float(amp_memory)))}%"]
    assert len(figures) == 4
    gpu = speed["environment"]["gpu"].removeprefix("NVIDIA ")
    for lang in LANGS:
        text = (project.docs / lang / "training-workflow.md").read_text(encoding="utf-8")
        section = text[text.index("{ #gpu }"):text.index("{ #summary }")]
        missing = [f for f in figures if not re.search(rf"(?<![\d.]){re.escape(f)}(?!\d|\.\d)", section)]
        assert not missing and gpu in section, f"docs/{lang}/training-workflow.md: the GPU section does not say " \
            f"{missing or gpu}, which the recordings show"
