import torch
from torch import nn

torch.manual_seed(0)
linear, bn = nn.Linear(6, 4), nn.BatchNorm1d(4)
for _ in range(50):  # zh: 训练模式下跑几批，让运行统计量离开初始值 # en: a few batches in training mode move the running statistics away from their initial values
    bn(linear(3 + 2 * torch.randn(32, 6)))
with torch.no_grad():
    bn.weight.uniform_(0.5, 2.0)  # zh: 假装 γ、β 已经训练过 # en: pretend γ and β have been trained
    bn.bias.uniform_(-1.0, 1.0)
bn.eval()

# zh: 推理时 BN 是固定的仿射变换：y = s·(Wx + b - μ) + β，其中 s = γ/√(σ² + ε)
# en: at inference BN is a fixed affine map: y = s·(Wx + b - μ) + β with s = γ/√(σ² + ε)
with torch.no_grad():
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    folded = nn.Linear(6, 4)
    folded.weight.copy_(scale[:, None] * linear.weight)  # zh: W' = s·W（按行缩放） # en: W' = s·W (each row scaled)
    folded.bias.copy_(scale * (linear.bias - bn.running_mean) + bn.bias)  # zh: b' = s·(b - μ) + β # en: b' = s·(b - μ) + β

    x = 3 + 2 * torch.randn(5, 6)
    gap = (bn(linear(x)) - folded(x)).abs().max().item()
print(f"Linear + BatchNorm1d (eval) vs one folded Linear: max |difference| < 1e-5: {gap < 1e-5}")
before = sum(p.numel() for p in [*linear.parameters(), *bn.parameters()])
statistics = bn.running_mean.numel() + bn.running_var.numel()
print(f"{before} parameters + {statistics} running statistics -> {sum(p.numel() for p in folded.parameters())} parameters")
assert gap < 1e-5
