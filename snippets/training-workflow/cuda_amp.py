#| requires: cuda
#| timeout: 300
import time

import torch
from torch import nn

torch.manual_seed(0)
device = torch.device("cuda")


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(2048, 4096), nn.ReLU(), nn.Linear(4096, 4096), nn.ReLU(),
                         nn.Linear(4096, 10)).to(device)


# zh: 批次较大，激活值占显存的大头；AMP 省下的主要就是激活值
# en: a large batch, so activations take most of the memory: they are what AMP saves
x = torch.randn(8192, 2048, device=device)
y = torch.randint(0, 10, (8192,), device=device)


def run(use_amp, steps=20):
    model = make_model()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    # zh: GradScaler 先放大损失再反传，避免 float16 梯度下溢；step() 前会先还原梯度
    # en: GradScaler scales the loss up before backward so float16 gradients do not underflow; it unscales before step()
    scaler = torch.amp.GradScaler("cuda", enabled=use_amp)
    torch.cuda.reset_peak_memory_stats()
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(steps):
        # zh: autocast 只在前向里把适合的算子（矩阵乘法等）换成 float16
        # en: autocast runs suitable ops (matrix multiplies and the like) in float16, in the forward pass only
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=use_amp):
            loss = nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    torch.cuda.synchronize()
    seconds = (time.perf_counter() - start) / steps
    return loss.item(), seconds, torch.cuda.max_memory_allocated() / 2**20


for use_amp in (False, True):  # zh: 两条路径都预热：float16 的 cuBLAS 内核第一次调用时才加载 # en: warm up both paths: the float16 cuBLAS kernels load on first use
    run(use_amp, steps=3)
loss32, t32, mem32 = run(False)
loss16, t16, mem16 = run(True)
print(f"fp32: loss {loss32:.4f}  {t32 * 1e3:7.2f} ms/step  peak {mem32:7.1f} MiB")
print(f"AMP : loss {loss16:.4f}  {t16 * 1e3:7.2f} ms/step  peak {mem16:7.1f} MiB")
print(f"AMP speed-up x{t32 / t16:.2f}, peak memory x{mem16 / mem32:.2f}")
assert abs(loss16 - loss32) < 0.05 * abs(loss32) + 1e-3  # zh: 损失几乎不变 # en: the loss is essentially unchanged
