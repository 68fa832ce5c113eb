#| figures:
#|   - alt: {zh: "在 x 从 -3 到 2 的区间上比较几种 ReLU 变体：ReLU 在负半轴为 0；LeakyReLU（斜率 0.1）、PReLU（初始斜率 0.25）在负半轴是斜率不同的直线；RReLU 训练模式下的输出点散落在斜率 1/8 与 1/3 的两条直线之间；ELU 在负半轴是一条平滑地趋近于 -1 的指数曲线", en: "Several ReLU variants on x from -3 to 2: ReLU is 0 on the negative side; LeakyReLU (slope 0.1) and PReLU (initial slope 0.25) are straight lines of different slopes there; RReLU's training-mode outputs are scattered between the lines of slope 1/8 and 1/3; ELU is an exponential curve that levels off smoothly towards -1"}
#|     caption: {zh: "ReLU 的几种变体在负半轴的区别", en: "How the ReLU variants differ on the negative side"}
#| claims: [N16]
import inspect

import torch
import torch.nn as nn
import matplotlib.pyplot as plt

# zh: 直接读出真实的签名与默认值，而不是手抄
# en: read the real signatures and defaults instead of copying them by hand
for cls in [nn.Identity, nn.LeakyReLU, nn.PReLU, nn.RReLU, nn.ELU]:
    print(f"nn.{cls.__name__}{inspect.signature(cls)}")


def default(cls, name):
    return inspect.signature(cls).parameters[name].default


assert default(nn.LeakyReLU, "negative_slope") == 0.01
assert default(nn.PReLU, "init") == 0.25 and default(nn.PReLU, "num_parameters") == 1
assert default(nn.RReLU, "lower") == 1 / 8 and default(nn.RReLU, "upper") == 1 / 3
assert default(nn.ELU, "alpha") == 1.0

# zh: nn.Identity 接受任意参数并忽略它们，没有 inplace 行为：输出就是输入本身
# en: nn.Identity accepts any arguments and ignores them; there is no in-place behaviour: the output is the input itself
x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0])
identity = nn.Identity(54, inplace=True)
assert identity(x) is x

# zh: PReLU 的斜率是可学习参数；RReLU 在 eval 模式下使用固定斜率 (lower + upper) / 2
# en: PReLU's slope is a learnable parameter; RReLU in eval mode uses the fixed slope (lower + upper) / 2
prelu = nn.PReLU()
print(f"PReLU weight: {prelu.weight.data}, requires_grad={prelu.weight.requires_grad}")
rrelu = nn.RReLU().eval()
print(f"RReLU eval slope: {-rrelu(torch.tensor([-1.0])).item():.4f} = (1/8 + 1/3) / 2")
assert abs(-rrelu(torch.tensor([-1.0])).item() - (1 / 8 + 1 / 3) / 2) < 1e-7

# zh: ELU 在 x < 0 时的导数等于 f(x) + α：用 autograd 在 x = -1 处验证
# en: for x < 0 the derivative of ELU is f(x) + α: check it with autograd at x = -1
elu = nn.ELU(alpha=1.0)
x1 = torch.tensor(-1.0, requires_grad=True)
f = elu(x1)
f.backward()
print(f"ELU(-1) = {f.item():.6f}, ELU'(-1) = {x1.grad.item():.6f}, ELU(-1) + alpha = {f.item() + 1.0:.6f}")
assert abs(x1.grad - (f.detach() + 1.0)) < 1e-6 and abs(x1.grad - 0.367879) < 1e-6

torch.manual_seed(0)
xs = torch.linspace(-3, 2, 501)
rrelu_train = nn.RReLU().train()  # zh: 训练模式：每个元素随机抽一个斜率 # en: training mode: a random slope for every element
xr = torch.linspace(-3, 0, 40)
with torch.no_grad():
    plt.figure(figsize=(6.5, 4))
    plt.plot(xs, torch.relu(xs), color="gray", ls="--", label="ReLU")
    plt.plot(xs, nn.LeakyReLU(0.1)(xs), label="LeakyReLU(negative_slope=0.1)")  # zh: 默认的 0.01 在图上几乎看不出 # en: the default 0.01 would be hard to see
    plt.plot(xs, prelu(xs), label="PReLU(init=0.25)")
    plt.plot(xr, rrelu_train(xr), ".", label="RReLU() in train mode")
    plt.plot(xs, elu(xs), label="ELU(alpha=1.0)")
plt.axhline(-1, color="tab:purple", lw=0.8, ls=":")
plt.xlabel("x")
plt.legend()
plt.grid(alpha=0.3)
plt.show()
