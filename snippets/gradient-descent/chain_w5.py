#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "w₅ 的链式法则计算图：w₅ → net_o1 → out_o1 → E_total 四个节点从左到右排开（黑色箭头是前向传播）。下方的红色箭头从右往左依次标出三个局部导数：∂E_total/∂out_o1 = 0.741365，∂out_o1/∂net_o1 = 0.186816，∂net_o1/∂w₅ = out_h1 = 0.593270；三者相乘得到 ∂E_total/∂w₅ = 0.082167", en: "Chain-rule computation graph for w₅: four nodes w₅ → net_o1 → out_o1 → E_total from left to right (black arrows: the forward pass). Red arrows below, from right to left, carry the three local derivatives ∂E_total/∂out_o1 = 0.741365, ∂out_o1/∂net_o1 = 0.186816 and ∂net_o1/∂w₅ = out_h1 = 0.593270; their product is ∂E_total/∂w₅ = 0.082167"}
#|     caption: {zh: "w₅ 的梯度 = 路径上三个局部导数之积（数值由 autograd 算出）", en: "The gradient of w₅ is the product of the three local derivatives along its path (values from autograd)"}
import matplotlib.pyplot as plt
import torch
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from dlref.figures import tr

# zh: 与数值示例相同的网络；用 autograd 取出每个局部导数
# en: the network of the worked example; autograd provides every local derivative
i = torch.tensor([0.05, 0.10], dtype=torch.float64)
target = torch.tensor([0.01, 0.99], dtype=torch.float64)
W1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], dtype=torch.float64)
W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], dtype=torch.float64, requires_grad=True)
out_h = torch.sigmoid(W1 @ i + 0.35)
net_o = W2 @ out_h + 0.60
out_o = torch.sigmoid(net_o)
net_o.retain_grad()
out_o.retain_grad()
(0.5 * (target - out_o) ** 2).sum().backward()
d_out = out_o.grad[0].item()  # ∂E/∂out_o1
d_net = (net_o.grad[0] / out_o.grad[0]).item()  # ∂out_o1/∂net_o1
d_w5 = out_h[0].item()  # ∂net_o1/∂w5
grad_w5 = W2.grad[0, 0].item()
assert abs(d_out * d_net * d_w5 - grad_w5) < 1e-12

fig, ax = plt.subplots(figsize=(10, 3.4))
ax.set_axis_off()
xs = [0, 3.6, 7.2, 10.8]
names = ["$w_5$", "$net_{o1}$", "$out_{o1}$", "$E_{total}$"]
for x, name in zip(xs, names):
    ax.add_patch(FancyBboxPatch((x - 0.7, -0.35), 1.4, 0.7, boxstyle="round,pad=0.06", fc="#deebf7", ec="0.25"))
    ax.text(x, 0, name, ha="center", va="center", fontsize=12)
ops = ["$\\times\\,out_{h1} + \\ldots$", "sigmoid", "$\\frac{1}{2}(target - out)^2$"]
locals_ = [
    (f"$\\partial net_{{o1}}/\\partial w_5 = out_{{h1}}$\n= {d_w5:.6f}"),
    (f"$\\partial out_{{o1}}/\\partial net_{{o1}}$\n= {d_net:.6f}"),
    (f"$\\partial E_{{total}}/\\partial out_{{o1}}$\n= {d_out:.6f}"),
]
for a, b, op, local in zip(xs, xs[1:], ops, locals_):
    ax.add_patch(FancyArrowPatch((a + 0.8, 0.12), (b - 0.8, 0.12), arrowstyle="-|>", mutation_scale=14, color="black"))
    ax.text((a + b) / 2, 0.3, op, ha="center", va="bottom", fontsize=8.5)
    ax.add_patch(FancyArrowPatch((b - 0.8, -0.5), (a + 0.8, -0.5), arrowstyle="-|>", mutation_scale=14,
                                 color="tab:red", connectionstyle="arc3,rad=-0.3"))
    ax.text((a + b) / 2, -1.05, local, ha="center", va="top", fontsize=9, color="tab:red")
ax.text(5.4, -2.05,
        tr(zh="链式法则：", en="chain rule: ")
        + f"∂E/∂w₅ = {d_out:.6f} × {d_net:.6f} × {d_w5:.6f} = {grad_w5:.6f}",
        ha="center", va="top", fontsize=11, color="tab:red")
ax.text(5.4, 1.0, tr(zh="前向传播 →", en="forward pass →"), ha="center", fontsize=10)
ax.set_xlim(-1, 11.8)
ax.set_ylim(-2.6, 1.4)
plt.show()
