#| requires: cuda
import tempfile
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2)).cuda()
model(torch.randn(16, 4, device="cuda"))  # zh: 训练模式前向一次，更新 BN 的运行统计量 # en: one forward in training mode updates BN's running statistics

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "model.pth"
    # zh: 在 GPU 上保存：文件里的张量记着自己原来在 cuda 上
    # en: saved on the GPU: the tensors in the file remember they were on cuda
    torch.save(model.state_dict(), path)

    # zh: 在只有 CPU 的机器上加载：map_location 把每个张量放到 CPU
    # en: loading on a CPU-only machine: map_location puts every tensor on the CPU
    state = torch.load(path, map_location="cpu", weights_only=True)
    cpu_model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))
    cpu_model.load_state_dict(state)

print({k: str(v.device) for k, v in list(state.items())[:3]})
same = all(torch.equal(a.cpu(), b) for a, b in zip(model.state_dict().values(), cpu_model.state_dict().values()))
print("identical weights on the CPU:", same)
assert same and all(v.device.type == "cpu" for v in state.values())
