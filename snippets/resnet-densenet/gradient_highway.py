#| figures:
#|   - alt: {zh: "对数纵轴的折线图：50 层全连接网络中每层权重梯度的范数。普通堆叠（plain）的梯度从最后一层往前缩小了十几个数量级（第 1 层约 1e-20），带短路连接（residual）的网络各层梯度都保持在同一量级", en: "Line plot on a log scale of the weight-gradient norm of each layer of a 50-layer fully connected network: in the plain stack the gradient shrinks by more than fifteen orders of magnitude from the last layer to the first (about 1e-20 at layer 1), while with shortcut connections (residual) every layer's gradient stays of the same order"}
#|     caption: {zh: "短路连接是梯度的“高速公路”：50 层网络中各层的梯度范数", en: "Shortcuts are a highway for the gradient: gradient norm per layer in a 50-layer network"}
import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
depth, width = 50, 64
layers = nn.ModuleList(nn.Linear(width, width) for _ in range(depth))  # zh: 默认初始化，没有 BN # en: default init, no BN
x = torch.randn(128, width)


def gradient_norms(residual):
    h = x
    for layer in layers:
        f = layer(torch.relu(h))
        h = h + f if residual else f  # zh: 残差：h + F(h)；普通：F(h) # en: residual: h + F(h); plain: F(h)
    loss = h.pow(2).mean()
    grads = torch.autograd.grad(loss, [layer.weight for layer in layers])
    return [g.norm().item() for g in grads]


plain, residual = gradient_norms(residual=False), gradient_norms(residual=True)
print(f"plain   : layer 1 {plain[0]:.1e}, layer {depth} {plain[-1]:.1e}")
print(f"residual: layer 1 {residual[0]:.1e}, layer {depth} {residual[-1]:.1e}")
assert plain[0] < 1e-15 * plain[-1]  # zh: 普通堆叠：梯度传到第 1 层时几乎为零 # en: plain: almost nothing reaches layer 1
assert 0.1 < residual[0] / residual[-1] < 10  # zh: 残差：各层梯度同一量级 # en: residual: all layers of the same order

layer_index = range(1, depth + 1)
plt.figure(figsize=(6.5, 3.8))
plt.semilogy(layer_index, plain, "o-", ms=3, label="plain: h = F(h)")
plt.semilogy(layer_index, residual, "s-", ms=3, label="residual: h = h + F(h)")
plt.xlabel("layer")
plt.ylabel(r"$\|\partial L / \partial W\|$")
plt.legend()
plt.grid(True, which="major", alpha=0.3)
plt.tight_layout()
plt.show()
