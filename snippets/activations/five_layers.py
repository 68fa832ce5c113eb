#| claims: [N09, N10, N11]
import torch

# zh: 反向传播时，每经过一层，梯度就要乘上该层激活函数的导数。
# zh: 设 5 层的输入都是 x = 1（其余因子都当作 1），只看激活函数这一项：
# en: backpropagation multiplies the gradient by the activation's derivative at every layer.
# en: Say every one of 5 layers sees the input x = 1 (all other factors taken as 1) and look at this factor alone:
x = torch.tensor(1.0, requires_grad=True)
d_tanh = torch.autograd.grad(torch.tanh(x), x)[0].item()
d_sigmoid = torch.autograd.grad(torch.sigmoid(x), x)[0].item()
d_relu = torch.autograd.grad(torch.relu(x), x)[0].item()

print(f"tanh'(1)    = {d_tanh:.4f}  ->  after 5 layers: {d_tanh**5:.6f}")
print(f"sigmoid'(1) = {d_sigmoid:.4f}  ->  after 5 layers: {d_sigmoid**5:.6f}")
print(f"relu'(1)    = {d_relu:.4f}  ->  after 5 layers: {d_relu**5:.6f}")
print(f"tanh / sigmoid after 5 layers: {d_tanh**5 / d_sigmoid**5:.1f}x")
assert abs(d_tanh - 0.42) < 1e-3 and abs(d_sigmoid - 0.1966) < 1e-4
assert abs(d_tanh**5 - 0.013065) < 1e-5 and abs(d_sigmoid**5 - 0.000294) < 1e-6
assert 44 < d_tanh**5 / d_sigmoid**5 < 45

# zh: 用四舍五入后的 0.42 和 0.2 估算：0.42⁵ ≈ 0.013，0.2⁵ = 0.00032，约 40 倍
# en: with the rounded 0.42 and 0.2: 0.42⁵ ≈ 0.013, 0.2⁵ = 0.00032, about 40 times
print(f"0.42**5 = {0.42**5:.4f}, 0.2**5 = {0.2**5:.5f}, ratio {0.42**5 / 0.2**5:.1f}")
assert abs(0.42**5 - 0.0131) < 1e-4 and abs(0.2**5 - 0.00032) < 1e-12

# zh: 即便在 Sigmoid 导数最大的 x = 0 处，5 层后也只剩 0.25⁵ ≈ 0.001
# en: even at x = 0, where the sigmoid's derivative is largest, 5 layers leave 0.25⁵ ≈ 0.001
x0 = torch.tensor(0.0, requires_grad=True)
d0 = torch.autograd.grad(torch.sigmoid(x0), x0)[0].item()
print(f"sigmoid'(0)**5 = {d0**5}")
assert d0**5 == 0.0009765625
