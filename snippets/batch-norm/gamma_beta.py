import torch
import torch.nn as nn

bn = nn.BatchNorm1d(2)
# zh: γ 是 weight，β 是 bias：初始值 1 和 0，之后和其他权重一起训练
# en: γ is `weight` and β is `bias`: they start at 1 and 0, then train like any other weight
for name, p in bn.named_parameters():
    print(f"{name}: {p.detach()}, requires_grad={p.requires_grad}")

torch.manual_seed(0)
x = torch.tensor([10.0, -2.0]) + torch.tensor([3.0, 0.5]) * torch.randn(64, 2)
# zh: 把 γ 设为这一批的 sqrt(σ_B² + ε)、β 设为 μ_B，BN 就撤销了自己的标准化
# en: set γ to this batch's sqrt(σ_B² + ε) and β to μ_B, and BN undoes its own normalization
with torch.no_grad():
    bn.weight.copy_(torch.sqrt(x.var(dim=0, unbiased=False) + bn.eps))
    bn.bias.copy_(x.mean(dim=0))
print("same batch: y == x?", torch.allclose(bn(x), x, atol=1e-4))

# zh: 但 γ、β 是固定的，而下一批的 μ_B、σ_B 不同：只能近似恢复
# en: but γ and β are fixed while the next batch has a different μ_B and σ_B: the identity is only approximate
x_next = torch.tensor([10.0, -2.0]) + torch.tensor([3.0, 0.5]) * torch.randn(64, 2)
print(f"next batch: max |y - x| = {(bn(x_next) - x_next).abs().max():.2f}")
