import torch
import torch.nn.functional as F

torch.manual_seed(0)
k = torch.arange(1.0, 10.0).reshape(3, 3)  # zh: 9 个互不相同的权重 # en: 9 distinct weights
# zh: 卷积是线性映射：把 16 个单位向量（每次只有一个像素为 1）逐个送进去，输出就是矩阵的各列
# en: convolution is linear: feed in the 16 unit images (one pixel set to 1) and the outputs are the matrix's columns
basis = torch.eye(16).reshape(16, 1, 4, 4)
M = F.conv2d(basis, k.reshape(1, 1, 3, 3)).reshape(16, 4).T  # zh: 形状 (4, 16) # en: shape (4, 16)
print(M.int().numpy())

x = torch.randn(1, 1, 4, 4)
err = (M @ x.flatten() - F.conv2d(x, k.reshape(1, 1, 3, 3)).flatten()).abs().max().item()
nonzero = int((M != 0).sum())
distinct = len(set(M[M != 0].tolist()))
print(f"M @ x equals conv2d: {err < 1e-5} | non-zeros {nonzero} of {M.numel()} | distinct values {distinct}")
assert err < 1e-5 and nonzero == 36 and M.numel() == 64 and distinct == 9
