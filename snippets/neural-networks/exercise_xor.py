import torch
import torch.nn as nn

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([0.0, 1.0, 1.0, 0.0])  # XOR

# zh: 单个神经元：预测 1 当且仅当 z = w1*x1 + w2*x2 + b > 0。
# zh: 在一张参数网格上穷举，看最多能分对几个点
# en: one neuron predicts 1 exactly when z = w1*x1 + w2*x2 + b > 0.
# en: try every setting on a grid of parameters and keep the best score
grid = torch.linspace(-2, 2, 41)
params = torch.cartesian_prod(grid, grid, grid)  # (41**3, 3): w1, w2, b
pred = (X @ params[:, :2].T + params[:, 2] > 0).float()  # (4, 41**3)
best = int((pred == y[:, None]).sum(0).max())
print("one neuron, best on the grid:", best, "of 4")
assert best == 3

# zh: 两个 ReLU 隐藏神经元就够了：h1 = relu(x1 + x2)，h2 = relu(x1 + x2 - 1)，y = h1 - 2*h2
# en: two hidden ReLU neurons suffice: h1 = relu(x1 + x2), h2 = relu(x1 + x2 - 1), y = h1 - 2*h2
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
with torch.no_grad():
    net[0].weight.copy_(torch.tensor([[1.0, 1.0], [1.0, 1.0]]))
    net[0].bias.copy_(torch.tensor([0.0, -1.0]))
    net[2].weight.copy_(torch.tensor([[1.0, -2.0]]))
    net[2].bias.zero_()
    out = net(X).squeeze(1)
print("two hidden neurons:", out.tolist())
assert torch.equal(out, y)
