import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
H, T = 32, 50
Q, _ = torch.linalg.qr(torch.randn(H, H))  # zh: 随机正交矩阵 # en: a random orthogonal matrix
u = torch.randn(T, H)  # zh: 每一步的输入项 # en: the input term of each step
t = torch.arange(1, T + 1)


# zh: sigmoid 的 RNN：h_t = σ(W_hh h_{t-1} + u_t)，一步的雅可比矩阵是 diag(σ') W_hh，σ' = h(1 - h) ≤ 1/4
# en: a sigmoid RNN: h_t = σ(W_hh h_{t-1} + u_t); one step's Jacobian is diag(σ') W_hh, with σ' = h(1 - h) ≤ 1/4
def jacobian_norms(w_hh):
    h, jac, norms = torch.zeros(H), torch.eye(H), []
    for u_t in u:
        h = torch.sigmoid(w_hh @ h + u_t)
        jac = (h * (1 - h))[:, None] * (w_hh @ jac)  # zh: ∂h_t/∂h_0 # en: ∂h_t/∂h_0
        norms.append(torch.linalg.matrix_norm(jac, ord=2))
    return torch.stack(norms)


print("  s    ||dh_50/dh_0||   bound (s/4)^50")
for s in (1.5, 3.0, 3.9, 8.0):
    norms = jacobian_norms(s * Q)
    print(f"{s:4.1f}   {norms[-1]:13.1e}   {(s / 4) ** T:14.1e}")
    assert torch.all(norms <= (s / 4) ** t * (1 + 1e-9))  # zh: 上界 (s/4)^t 对每个 t 都成立 # en: the bound (s/4)^t holds at every t
    if s < 4:
        assert norms[-1] < 0.3  # zh: s < 4 就足以保证消失 # en: s < 4 is enough for vanishing
    if s == 3.9:
        assert 1e-10 < norms[-1] < 1e-9  # zh: 实际远小于上界 # en: far below the bound
    if s == 8.0:
        assert 0.05 < norms[-1] < 0.2  # zh: 超过界限也没有爆炸 # en: above the bound, and still no explosion
