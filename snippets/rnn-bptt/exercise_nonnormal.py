import torch

torch.set_default_dtype(torch.float64)
# zh: 一个线性循环 h_t = W h_{t-1} + u_t，于是 ∂h_t/∂h_0 = W^t
# en: a linear recurrence h_t = W h_{t-1} + u_t, so that ∂h_t/∂h_0 = W^t
W = torch.tensor([[0.5, 10.0],
                  [0.0, 0.5]])
sigma_max = torch.linalg.matrix_norm(W, ord=2).item()
rho = torch.linalg.eigvals(W).abs().max().item()
print(f"spectral norm {sigma_max:.2f}, spectral radius (largest |eigenvalue|) {rho:.2f}")

print(" t    ||W^t||    sigma_max^t   ||W^t||^(1/t)")
for t in (1, 2, 5, 10, 20, 50):
    n = torch.linalg.matrix_norm(torch.linalg.matrix_power(W, t), ord=2).item()
    print(f"{t:2d}   {n:8.1e}   {sigma_max**t:11.1e}   {n ** (1 / t):13.2f}")
    assert n <= sigma_max**t * (1 + 1e-9)

# zh: 上三角矩阵的幂有闭式：W^t = [[0.5^t, 20 t 0.5^t], [0, 0.5^t]]
# en: powers of this triangular matrix have a closed form: W^t = [[0.5^t, 20 t 0.5^t], [0, 0.5^t]]
W50 = torch.linalg.matrix_power(W, 50)
assert torch.allclose(W50, torch.tensor([[0.5**50, 20 * 50 * 0.5**50], [0.0, 0.5**50]]), rtol=1e-9, atol=0)
assert torch.linalg.matrix_norm(W50, ord=2) < 1e-11  # zh: 谱范数 10，梯度照样消失 # en: spectral norm 10, and the gradient still vanishes
