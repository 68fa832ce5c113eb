#| claims: [N29]
import torch

torch.set_default_dtype(torch.float64)  # zh: 用 float64，逐位核对上文手算的 9 位小数 # en: float64, to check the 9 decimals computed by hand above digit by digit

i = torch.tensor([0.05, 0.10])  # zh: 输入 i1, i2 # en: inputs i1, i2
target = torch.tensor([0.01, 0.99])  # zh: 目标 target_o1, target_o2 # en: targets target_o1, target_o2
# zh: 行 = 接收信号的神经元：W1 = [[w1, w2], [w3, w4]]，W2 = [[w5, w6], [w7, w8]]
# en: one row per receiving neuron: W1 = [[w1, w2], [w3, w4]], W2 = [[w5, w6], [w7, w8]]
W1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], requires_grad=True)
W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], requires_grad=True)
b1, b2 = 0.35, 0.60  # zh: 偏置（本例中不更新） # en: biases (not updated in this example)

# zh: 前向传播
# en: forward pass
net_h = W1 @ i + b1
out_h = torch.sigmoid(net_h)
net_o = W2 @ out_h + b2
out_o = torch.sigmoid(net_o)
E = 0.5 * (target - out_o) ** 2  # zh: E_o1, E_o2 # en: E_o1, E_o2
E_total = E.sum()

# zh: 反向传播：autograd 沿链式法则算出所有梯度
# en: backward pass: autograd applies the chain rule for every gradient
out_o.retain_grad()
net_o.retain_grad()
E_total.backward()

computed = {
    "net_h1": net_h[0],
    "out_h1": out_h[0],
    "out_h2": out_h[1],
    "net_o1": net_o[0],
    "out_o1": out_o[0],
    "out_o2": out_o[1],
    "E_o1": E[0],
    "E_o2": E[1],
    "E_total": E_total,
    "dE/dout_o1": out_o.grad[0],
    "dout_o1/dnet_o1": net_o.grad[0] / out_o.grad[0],
    "dE/dw5": W2.grad[0, 0],
    "dE/dw1": W1.grad[0, 0],
}
by_hand = {  # zh: 上文手算的数值 # en: the values computed by hand above
    "net_h1": 0.3775, "out_h1": 0.593269992, "out_h2": 0.596884378,
    "net_o1": 1.105905967, "out_o1": 0.75136507, "out_o2": 0.772928465,
    "E_o1": 0.274811083, "E_o2": 0.023560026, "E_total": 0.298371109,
    "dE/dout_o1": 0.74136507, "dout_o1/dnet_o1": 0.186815602,
    "dE/dw5": 0.082167041, "dE/dw1": 0.000438568,
}
print(f"{'quantity':<16}{'by hand':>13}{'autograd':>16}")
for name, value in computed.items():
    print(f"{name:<16}{by_hand[name]!s:>13}{value.item():>16.10f}")
    assert abs(value.item() - by_hand[name]) < 1e-8, name

# zh: 梯度下降：学习率 η = 0.5，一次更新全部 8 个权重
# en: gradient descent: learning rate η = 0.5, one step for all 8 weights
before = torch.cat([W1.detach().flatten(), W2.detach().flatten()])
grads = torch.cat([W1.grad.flatten(), W2.grad.flatten()])
optimizer = torch.optim.SGD([W1, W2], lr=0.5)
optimizer.step()
after = torch.cat([W1.detach().flatten(), W2.detach().flatten()])

print(f"\n{'weight':<8}{'before':>8}{'dE/dw':>15}{'after':>15}")
for k in range(8):
    print(f"w{k + 1:<7}{before[k].item():>8.2f}{grads[k].item():>15.9f}{after[k].item():>15.9f}")

assert torch.allclose(after, before - 0.5 * grads)  # zh: w⁺ = w − η·∂E/∂w # en: w⁺ = w − η·∂E/∂w
assert abs(W2[0, 0].item() - 0.35891648) < 1e-8  # zh: w5⁺ # en: w5⁺
assert abs(W1[0, 0].item() - 0.149780716) < 1e-8  # zh: w1⁺ # en: w1⁺
