#| figures:
#|   - alt: {zh: "两张热力图，显示训练 200 步后第一层 3×4 的权重矩阵：左图从常数 0.5 初始化，三行（三个隐藏神经元）完全相同；右图从 PyTorch 默认的随机初始化出发，三行各不相同", en: "Two heatmaps of the first layer's 3×4 weight matrix after 200 training steps: on the left, started from the constant 0.5, all three rows (the three hidden neurons) are identical; on the right, started from PyTorch's default random init, the rows differ"}
#|     caption: {zh: "常数初始化：隐藏神经元永远一模一样", en: "Constant initialization: the hidden neurons stay identical forever"}
import matplotlib.pyplot as plt
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(32, 4)  # zh: 32 个样本，4 个特征 # en: 32 samples, 4 features
y = torch.randn(32, 1)


def make_model(constant=None):
    model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 1))
    if constant is not None:
        for layer in (model[0], model[2]):
            nn.init.constant_(layer.weight, constant)
            nn.init.zeros_(layer.bias)
    return model


model = make_model(constant=0.5)
loss = nn.functional.mse_loss(model(x), y)
loss.backward()
# zh: 梯度是一个 3×4 矩阵，不是一个标量：每列不同（取决于输入），但三行完全相同
# en: the gradient is a 3×4 matrix, not a scalar: the columns differ (they depend on the inputs) but the 3 rows are identical
grad = model[0].weight.grad
print("weight.grad of layer 1:\n", grad)
assert torch.allclose(grad, grad[0].expand_as(grad))
assert not torch.allclose(grad[0], grad[0, 0].expand(4))


def train(model, steps=200):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        opt.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        opt.step()
    return model[0].weight.detach()


w_const = train(model)
w_random = train(make_model())
print("after 200 steps, from constant 0.5:\n", w_const)
assert torch.allclose(w_const, w_const[0].expand_as(w_const), atol=1e-6)

fig, axes = plt.subplots(1, 2, figsize=(8, 2.6))
for ax, w, title in zip(axes, (w_const, w_random), ("constant_(0.5)", "default init")):
    im = ax.imshow(w.numpy(), cmap="coolwarm", vmin=-1, vmax=1)
    ax.set_title(f"layer-1 weight after 200 steps\n{title}", fontsize=10)
    ax.set_xlabel("input j")
    ax.set_ylabel("hidden neuron i")
    ax.set_xticks(range(4))
    ax.set_yticks(range(3))
fig.colorbar(im, ax=axes, shrink=0.8)
plt.show()
