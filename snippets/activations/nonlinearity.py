#| figures:
#|   - alt: {zh: "在 [-3, 3] 上拟合 sin(x)：没有激活函数的两层网络只能给出一条直线，加了 ReLU 的网络用几段折线拼出了正弦曲线的形状", en: "Fitting sin(x) on [-3, 3]: the two-layer network without an activation can only produce a straight line, while the network with ReLU traces the sine curve with a few joined line segments"}
#|     caption: {zh: "同样两层 Linear，有没有激活函数的差别", en: "The same two Linear layers, with and without an activation"}
import torch
import torch.nn as nn
import matplotlib.pyplot as plt

torch.manual_seed(0)
x = torch.linspace(-3, 3, 200).unsqueeze(1)  # zh: 200 个样本，每个 1 个特征 # en: 200 samples, 1 feature each
y = torch.sin(x)


def fit(model, steps=1000):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


# zh: 两个模型结构相同，唯一的区别是中间有没有 ReLU；隐藏层只用 6 个神经元，好让折线的拐点看得见
# en: the two models are identical except for the ReLU in the middle; 6 hidden units keep the kinks visible
linear = nn.Sequential(nn.Linear(1, 6), nn.Linear(6, 1))
relu_net = nn.Sequential(nn.Linear(1, 6), nn.ReLU(), nn.Linear(6, 1))
loss_linear = fit(linear)
loss_relu = fit(relu_net)
print(f"MSE without activation: {loss_linear:.3f}")
print(f"MSE with ReLU:          {loss_relu:.3f}")
assert loss_linear > 0.1 and loss_relu < 0.01

with torch.no_grad():
    plt.figure(figsize=(6, 3.6))
    plt.plot(x, y, "k--", label="sin(x)")
    plt.plot(x, linear(x), label="Linear → Linear")
    plt.plot(x, relu_net(x), label="Linear → ReLU → Linear")
plt.xlabel("x")
plt.legend()
plt.grid(alpha=0.3)
plt.show()
