#| requires: cuda
#| timeout: 300
#| figures:
#|   - alt: {zh: "柱状图：一次 4096×4096 矩阵乘法和一个小 CNN 训练步在 CPU 与 GPU 上每步耗时的对比（对数坐标）", en: "Bar chart comparing the time per step of one 4096×4096 matrix multiply and one training step of a small CNN on the CPU and on the GPU (log scale)"}
#|     caption: {zh: "CPU 与 GPU 每步耗时（预热后，CUDA 同步计时）", en: "Time per step on CPU and GPU (after warm-up, timed with CUDA synchronisation)"}
import os
import time

import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(os.cpu_count())  # zh: CPU 一方用上所有核心，比较才公平 # en: a fair comparison gives the CPU all its cores
print(f"CPU: {torch.get_num_threads()} threads; GPU: {torch.cuda.get_device_name()}")


def time_per_step(fn, device, warmup=3, repeats=10):
    """Median seconds per call; CUDA work is asynchronous, so synchronize around the clock."""
    for _ in range(warmup):  # zh: 预热：CUDA 上下文、cuDNN 算法选择、缓存分配器 # en: warm-up: CUDA context, cuDNN autotuning, caching allocator
        fn()
    times = []
    for _ in range(repeats):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        fn()
        if device.type == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def workloads(device):
    a = torch.randn(4096, 4096, device=device)
    b = torch.randn(4096, 4096, device=device)
    cnn = nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        nn.Flatten(), nn.Linear(64, 10),
    ).to(device)
    optimizer = torch.optim.SGD(cnn.parameters(), lr=0.01)
    x = torch.randn(128, 3, 32, 32, device=device)
    y = torch.randint(0, 10, (128,), device=device)

    def train_step():
        loss = nn.functional.cross_entropy(cnn(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    return {"matmul 4096²": lambda: a @ b, "CNN train step": train_step}


results = {}
for name in ("cpu", "cuda"):
    device = torch.device(name)
    for task, fn in workloads(device).items():
        results[(task, name)] = time_per_step(fn, device)

tasks = ["matmul 4096²", "CNN train step"]
for task in tasks:
    cpu, gpu = results[(task, "cpu")], results[(task, "cuda")]
    print(f"{task:15s} cpu {cpu * 1e3:9.2f} ms   cuda {gpu * 1e3:8.3f} ms   speed-up x{cpu / gpu:.0f}")
    assert gpu < cpu

fig, ax = plt.subplots(figsize=(6, 3.5))
width = 0.38
for i, name in enumerate(("cpu", "cuda")):
    ax.bar([t + i * width for t in range(len(tasks))], [results[(task, name)] * 1e3 for task in tasks],
           width, label=name)
ax.set_xticks([t + width / 2 for t in range(len(tasks))], tasks)
ax.set_yscale("log")
ax.set_ylabel("ms per step (log)")
ax.legend()
plt.tight_layout()
plt.show()
