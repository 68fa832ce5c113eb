import torch
from torch.nn.utils import clip_grad_norm_, clip_grad_value_

g = torch.tensor([3.0, 0.1, -4.0])
a = torch.zeros(3, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
a.grad, b.grad = g.clone(), g.clone()

total = clip_grad_norm_([a], max_norm=1.0)  # zh: 整体缩放 # en: scales the whole vector
clip_grad_value_([b], clip_value=1.0)  # zh: 逐元素截到 [-1, 1] # en: clamps each element to [-1, 1]
print(f"||g|| = {total:.4f}")
print("clip_grad_norm_: ", a.grad, f"norm {a.grad.norm():.4f}")
print("clip_grad_value_:", b.grad, f"norm {b.grad.norm():.4f}")
cosine = {name: (torch.dot(g, v) / (g.norm() * v.norm())).item() for name, v in (("norm", a.grad), ("value", b.grad))}
for name, cos in cosine.items():
    print(f"cosine with g after clip_grad_{name}_: {cos:.4f}")

assert torch.allclose(a.grad, g / g.norm(), atol=1e-6)  # zh: 方向不变 # en: same direction
assert abs(cosine["value"] - 0.9887) < 1e-3
assert torch.equal(b.grad, torch.tensor([1.0, 0.1, -1.0]))  # zh: 方向变了：0.1 的分量相对变大 # en: a new direction: the 0.1 component is now relatively larger
