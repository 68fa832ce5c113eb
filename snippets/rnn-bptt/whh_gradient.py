import torch

torch.manual_seed(0)
H, D, T = 3, 2, 6
W_ih, W_hh, W_o = torch.randn(H, D), torch.randn(H, H) * 0.5, torch.randn(1, H)
xs, target = torch.randn(T, D), torch.tensor([1.0])
h0 = 0.5 * torch.randn(H)  # zh: 非零的初始状态，这样 k = 1 的项也不为 0 # en: a non-zero initial state, so that the k = 1 term is not 0 either

# zh: 给每个时间步一份 W_hh 的副本（数值相同），autograd 就能分别给出每一步“直接”的那份梯度
# en: give every time step its own copy of W_hh (same values): autograd then reports each step's "immediate" share of the gradient
copies = [W_hh.clone().requires_grad_() for _ in range(T)]
W_o.requires_grad_()
h, hs = h0, [h0]
for k in range(T):
    h = torch.tanh(W_ih @ xs[k] + copies[k] @ h)
    hs.append(h)
y = W_o @ h  # zh: 只在最后一步 t = T 有输出和损失 # en: an output and a loss at the last step t = T only
loss = 0.5 * ((y - target) ** 2).sum()
loss.backward()

# zh: 输出层：∂L/∂W_o = (∂L/∂y) h_T^T，只和当前的 h_T 有关
# en: output layer: ∂L/∂W_o = (∂L/∂y) h_T^T, which involves only the current h_T
assert torch.allclose(W_o.grad, torch.outer(y.detach() - target, hs[-1].detach()))

# zh: 手工 BPTT：从 h_T 往回走，delta = ∂L/∂h_k
# en: BPTT by hand: walk back from h_T, with delta = ∂L/∂h_k
with torch.no_grad():
    delta = W_o.T @ (y - target)  # zh: ∂L/∂h_T # en: ∂L/∂h_T
    total = torch.zeros(H, H)
    sizes = []
    for k in range(T, 0, -1):
        a = delta * (1 - hs[k] ** 2)  # zh: 穿过 tanh # en: through tanh
        term = torch.outer(a, hs[k - 1])  # zh: 第 k 步的直接项，h_{k-1} 视为常数 # en: step k's immediate term, h_{k-1} held constant
        assert torch.allclose(term, copies[k - 1].grad, atol=1e-6)
        print(f"k={k}: |term_k| = {term.norm():.2e}")
        sizes.append(term.norm().item())
        total += term
        delta = W_hh.T @ a  # zh: ∂L/∂h_{k-1}：再乘一次 diag(1-h_k^2) W_hh # en: ∂L/∂h_{k-1}: one more factor diag(1-h_k^2) W_hh
# zh: 在这个例子里，离损失越远（k 越小），这一项越小
# en: in this example, the further a step is from the loss (the smaller k), the smaller its term
assert all(a > b for a, b in zip(sizes, sizes[1:]))

# zh: 对照：共享同一个 W_hh 的普通 RNN，用 autograd 直接求梯度
# en: for comparison: an ordinary RNN with one shared W_hh, differentiated by autograd
W_shared = W_hh.clone().requires_grad_()
h = h0
for k in range(T):
    h = torch.tanh(W_ih @ xs[k] + W_shared @ h)
(0.5 * ((W_o.detach() @ h - target) ** 2).sum()).backward()
print("sum of the immediate terms == gradient of the shared W_hh:", torch.allclose(total, W_shared.grad, atol=1e-6))
assert torch.allclose(total, W_shared.grad, atol=1e-6)
