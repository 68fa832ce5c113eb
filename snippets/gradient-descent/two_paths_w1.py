#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "数值示例的 2-2-2 网络，突出显示 w₁ 的梯度路径：红色的 w₁（i₁→h₁）之后，误差信号从两个输出分两条路回到 h₁：经 o₁ 的路径（w₅）贡献 δ_o1·w₅ = 0.055399，经 o₂ 的路径（w₇）贡献 δ_o2·w₇ = −0.019049；两者相加得 ∂E/∂out_h1 = 0.036350，再乘 out_h1(1 − out_h1) = 0.241301 和 i₁ = 0.05，得到 ∂E/∂w₁ = 0.000438568", en: "The 2-2-2 network of the worked example with the gradient paths of w₁ highlighted: after w₁ (i₁→h₁, red) the error signal comes back to h₁ from both outputs: the path through o₁ (w₅) contributes δ_o1·w₅ = 0.055399 and the path through o₂ (w₇) contributes δ_o2·w₇ = −0.019049; their sum ∂E/∂out_h1 = 0.036350, times out_h1(1 − out_h1) = 0.241301 and i₁ = 0.05, gives ∂E/∂w₁ = 0.000438568"}
#|     caption: {zh: "w₁ 影响两个输出，它的梯度是两条路径之和（数值由 autograd 算出）", en: "w₁ affects both outputs, so its gradient sums two paths (values from autograd)"}
import matplotlib.pyplot as plt
import torch

from dlref.diagrams import draw_network, node_positions
from dlref.figures import tr

# zh: 与数值示例相同的网络
# en: the network of the worked example
i = torch.tensor([0.05, 0.10], dtype=torch.float64)
target = torch.tensor([0.01, 0.99], dtype=torch.float64)
W1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], dtype=torch.float64, requires_grad=True)
W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], dtype=torch.float64)
out_h = torch.sigmoid(W1 @ i + 0.35)
out_o = torch.sigmoid(W2 @ out_h + 0.60)
(0.5 * (target - out_o) ** 2).sum().backward()

delta_o = ((out_o - target) * out_o * (1 - out_o)).detach()  # ∂E/∂net_o
via_o1, via_o2 = (delta_o[0] * W2[0, 0]).item(), (delta_o[1] * W2[1, 0]).item()
d_out_h1 = via_o1 + via_o2
d_sig = (out_h[0] * (1 - out_h[0])).item()
grad_w1 = d_out_h1 * d_sig * i[0].item()
assert abs(grad_w1 - W1.grad[0, 0].item()) < 1e-15

sizes = [2, 2, 2]
ax = draw_network(
    sizes,
    node_labels={(0, 0): "$i_1$", (0, 1): "$i_2$", (1, 0): "$h_1$", (1, 1): "$h_2$", (2, 0): "$o_1$", (2, 1): "$o_2$"},
    edge_labels={(0, 0, 0): "$w_1$"},
    edge_colors={(0, 0, 0): "tab:red", (1, 0, 0): "tab:orange", (1, 0, 1): "tab:purple"},
    radius=0.32,
)
pos = node_positions(sizes)
(xh, yh), (xo1, yo1), (xo2, yo2) = pos[1][0], pos[2][0], pos[2][1]
ax.text((xh + xo1) / 2, yo1 + 0.12, f"$\\delta_{{o1}} w_5$ = {via_o1:+.6f}", ha="center", va="bottom",
        fontsize=9, color="tab:orange")
ax.text(xh + 0.62 * (xo2 - xh) + 0.15, yh + 0.62 * (yo2 - yh) + 0.05, f"$\\delta_{{o2}} w_7$ = {via_o2:+.6f}",
        ha="left", va="bottom", fontsize=9, color="tab:purple")
for (x, y), name in zip(pos[2], ["$E_{o1}$", "$E_{o2}$"]):
    ax.text(x + 0.45, y, "→ " + name, ha="left", va="center", fontsize=11)
ax.text(2.5, -1.45,
        f"∂E/∂out_h1 = {via_o1:.6f} + ({via_o2:.6f}) = {d_out_h1:.6f}\n"
        f"∂E/∂w₁ = {d_out_h1:.6f} × {d_sig:.6f} × {i[0].item():.2f} = {grad_w1:.9f}",
        ha="center", va="top", fontsize=10, color="tab:red")
ax.text(2.5, 1.35, tr(zh="经 o₁ 与经 o₂ 的两条路径汇合于 h₁", en="the paths through o₁ and o₂ meet at h₁"),
        ha="center", va="bottom", fontsize=10)
ax.set_xlim(-1, 7.6)
ax.set_ylim(-2.5, 1.8)
ax.figure.set_size_inches(8, 4)
plt.show()
