import torch

torch.set_default_dtype(torch.float64)
i = torch.tensor([0.05, 0.10])  # zh: 输入 i1, i2 # en: inputs i1, i2
target = torch.tensor([0.01, 0.99])
W1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], requires_grad=True)
W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], requires_grad=True)

net_h = W1 @ i + 0.35
out_h = torch.sigmoid(net_h)
net_o = W2 @ out_h + 0.60
out_o = torch.sigmoid(net_o)
net_h.retain_grad()
net_o.retain_grad()
(0.5 * (target - out_o) ** 2).sum().backward()

# zh: 误差信号 δ = ∂E/∂net：∂E/∂w5 = δ_o1·out_h1，∂E/∂w1 = δ_h1·i1
# en: error signals δ = ∂E/∂net: ∂E/∂w5 = δ_o1·out_h1 and ∂E/∂w1 = δ_h1·i1
delta_o1, delta_o2 = net_o.grad.tolist()
delta_h1 = net_h.grad[0].item()
path_o1, path_o2 = delta_o1 * 0.40, delta_o2 * 0.50  # zh: 经 w5、w7 回到 h1 # en: back to h1 through w5 and w7
sigmoid_slope = (out_h[0] * (1 - out_h[0])).item()
print(f"delta_o1 = {delta_o1:.9f}, delta_o2 = {delta_o2:.9f}")
print(f"paths into h1: {path_o1:.9f} + ({path_o2:.9f}) = {path_o1 + path_o2:.9f}")
print(f"sigma'(net_h1) = {sigmoid_slope:.9f}, delta_h1 = {delta_h1:.9f}")

grad_w1, grad_w5 = W1.grad[0, 0].item(), W2.grad[0, 0].item()
ratio = grad_w5 / grad_w1
input_factor = out_h[0].item() / i[0].item()  # zh: 两个权重各自的输入之比 # en: the ratio of the two weights' inputs
delta_factor = delta_o1 / delta_h1  # zh: 误差信号回传一层后缩小的倍数 # en: how much the error signal shrinks going back one layer
print(f"dE/dw5 / dE/dw1 = {ratio:.2f} = (out_h1 / i1 = {input_factor:.2f}) x (delta_o1 / delta_h1 = {delta_factor:.2f})")
print(f"dE/dw2 / dE/dw1 = {W1.grad[0, 1].item() / grad_w1:.3f}   (i2 / i1 = 2)")

assert abs(delta_o1 - 0.138498562) < 1e-9 and abs(delta_o2 + 0.038098237) < 1e-9
assert abs(path_o1 + path_o2 - 0.036350306) < 1e-9 and abs(sigmoid_slope - 0.241300709) < 1e-9
assert abs(delta_h1 - (path_o1 + path_o2) * sigmoid_slope) < 1e-15
assert abs(ratio - 187.35) < 0.01 and abs(input_factor - 11.87) < 0.005 and abs(delta_factor - 15.79) < 0.005
assert abs(ratio - input_factor * delta_factor) < 1e-9
assert abs(W1.grad[0, 1].item() / grad_w1 - 2) < 1e-12
