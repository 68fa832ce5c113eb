#| claims: [N59]
import torch

torch.manual_seed(0)
H, T = 32, 100
Q, _ = torch.linalg.qr(torch.randn(H, H, dtype=torch.float64))
W_hh = 1.5 * Q  # zh: 谱范数 1.5 的循环权重 # en: recurrent weights with spectral norm 1.5
u = torch.randn(T, H, dtype=torch.float64)  # zh: 每一步的输入项 W_ih x_t + b # en: the input term W_ih x_t + b of each step

h_tanh = torch.zeros(H, dtype=torch.float64)
h_lin = torch.zeros(H, dtype=torch.float64)
for t in range(T):
    h_tanh = torch.tanh(W_hh @ h_tanh + u[t])  # zh: 标准 RNN # en: a standard RNN
    h_lin = W_hh @ h_lin + u[t]  # zh: 去掉 tanh 的线性循环 # en: the same recurrence without tanh
print(f"after {T} steps: max |h| with tanh = {h_tanh.abs().max():.4f}, without = {h_lin.abs().max():.2e}")
assert h_tanh.abs().max() < 1 and 1e17 <= h_lin.abs().max() < 1e18  # zh: 10^17 量级 # en: of the order of 10^17
