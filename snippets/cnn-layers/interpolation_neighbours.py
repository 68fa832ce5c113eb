#| claims: [N42]
import torch
import torch.nn.functional as F

# zh: 一个输出像素依赖多少个输入像素？对它求梯度，数一数非零项
# en: how many input pixels does one output pixel depend on? Take its gradient and count the non-zeros
x = torch.rand(1, 1, 8, 8, generator=torch.Generator().manual_seed(0), requires_grad=True)
counts = {}
for mode in ["nearest", "bilinear", "bicubic"]:
    y = F.interpolate(x, scale_factor=2, mode=mode)
    (grad,) = torch.autograd.grad(y[0, 0, 7, 7], x)  # zh: 内部的一个输出像素 # en: one output pixel inside the image
    counts[mode] = int((grad != 0).sum())
    print(f"{mode:8s} uses {counts[mode]:2d} input pixels, weights:")
    rows, cols = grad[0, 0].nonzero(as_tuple=True)
    print(grad[0, 0, rows.min():rows.max() + 1, cols.min():cols.max() + 1])
assert counts == {"nearest": 1, "bilinear": 4, "bicubic": 16}
