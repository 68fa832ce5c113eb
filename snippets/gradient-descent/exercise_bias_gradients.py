import torch

torch.set_default_dtype(torch.float64)
i = torch.tensor([0.05, 0.10])
target = torch.tensor([0.01, 0.99])
W1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]])
W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]])
# zh: 这次让两个偏置也参与求导：b1 由两个隐藏神经元共用，b2 由两个输出神经元共用
# en: this time the two biases take part too: b1 is shared by both hidden neurons, b2 by both outputs
b1 = torch.tensor(0.35, requires_grad=True)
b2 = torch.tensor(0.60, requires_grad=True)

net_h = W1 @ i + b1
out_h = torch.sigmoid(net_h)
net_o = W2 @ out_h + b2
out_o = torch.sigmoid(net_o)
net_h.retain_grad()
net_o.retain_grad()
(0.5 * (target - out_o) ** 2).sum().backward()

# zh: ∂net/∂b = 1，所以共用的偏置的梯度 = 它进入的各个神经元的 δ 之和
# en: ∂net/∂b = 1, so a shared bias gets the sum of the δ of every neuron it feeds
d_o1, d_o2 = net_o.grad.tolist()
d_h1, d_h2 = net_h.grad.tolist()
print(f"delta_o1 + delta_o2 = {d_o1:.9f} + ({d_o2:.9f}) = {d_o1 + d_o2:.9f}   dE/db2 = {b2.grad.item():.9f}")
print(f"delta_h1 + delta_h2 = {d_h1:.9f} + {d_h2:.9f} = {d_h1 + d_h2:.9f}   dE/db1 = {b1.grad.item():.9f}")
assert abs(b2.grad.item() - net_o.grad.sum().item()) < 1e-15
assert abs(b1.grad.item() - net_h.grad.sum().item()) < 1e-15
assert abs(b2.grad.item() - 0.100400325) < 1e-9
