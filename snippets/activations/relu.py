#| figures:
#|   - alt: {zh: "左图是 ReLU 的 L 形折线：x < 0 时为 0，x > 0 时为 y = x。右图是它的导数，一个阶跃：x ≤ 0 时为 0，x > 0 时为 1，x = 0 处的实心点标出 PyTorch 的取值 0", en: "Left, the L-shaped ReLU: 0 for x < 0 and y = x for x > 0. Right, its derivative, a step: 0 for x ≤ 0 and 1 for x > 0, with a filled dot at x = 0 marking PyTorch's value 0"}
#|     caption: {zh: "ReLU 与它的导数", en: "ReLU and its derivative"}
import torch
import torch.nn.functional as F
import matplotlib.pyplot as plt

x = torch.linspace(-4, 4, 801, requires_grad=True)
y = torch.relu(x)
y.sum().backward()

# zh: x = 0 处不可导；PyTorch 约定 ReLU'(0) = 0，而 LeakyReLU'(0) 取负半轴的斜率
# en: x = 0 is a kink; PyTorch uses ReLU'(0) = 0, while LeakyReLU'(0) takes the negative slope
zero = torch.zeros(1, requires_grad=True)
relu_at_0 = torch.autograd.grad(torch.relu(zero).sum(), zero)[0].item()
leaky_at_0 = torch.autograd.grad(F.leaky_relu(zero).sum(), zero)[0].item()
print(f"relu'(0) = {relu_at_0}, leaky_relu'(0) = {leaky_at_0:.2f}")
assert relu_at_0 == 0.0 and abs(leaky_at_0 - 0.01) < 1e-9

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6), sharex=True)
left.plot(x.detach(), y.detach(), label="relu(x)")
right.plot(x.detach(), x.grad, label="relu'(x)")
right.plot([0], [relu_at_0], "o", color="tab:blue")  # zh: PyTorch 在 0 处取 0 # en: PyTorch's value at 0
right.plot([0], [1], "o", mfc="white", color="tab:blue")
right.set_ylim(-0.1, 1.2)
for ax in (left, right):
    ax.set_xlabel("x")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
plt.tight_layout()
plt.show()
