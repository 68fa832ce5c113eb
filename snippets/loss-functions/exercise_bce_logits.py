import torch
import torch.nn as nn

z = torch.tensor([-200.0, -20.0, 0.0, 20.0])  # zh: logits # en: logits
y = torch.ones(4)  # zh: 四个都是正类 # en: all four are positive

p = torch.sigmoid(z)
print("sigmoid(z):", [f"{v:.3g}" for v in p.tolist()])  # zh: float32 中 sigmoid(-200) 下溢成 0 # en: in float32, sigmoid(-200) underflows to 0

two_steps = nn.BCELoss(reduction="none")(p, y)
fused = nn.BCEWithLogitsLoss(reduction="none")(z, y)
print("BCELoss(sigmoid(z)):", [f"{v + 0.0:.4f}" for v in two_steps.tolist()])
print("BCEWithLogitsLoss(z):", [f"{v + 0.0:.4f}" for v in fused.tolist()])

# zh: 正确答案是 softplus(-z) = log(1 + e^{-z})：z = -200 时是 200
# en: the exact value is softplus(-z) = log(1 + e^{-z}): 200 at z = -200
assert abs(fused[0].item() - 200.0) < 1e-3
# zh: BCELoss 把 log 截断在 -100，于是只给出 100
# en: BCELoss clamps the log at -100, so it reports only 100
assert two_steps[0].item() == 100.0

# zh: 梯度：正确值是 p - y ≈ -1；两步写法经过下溢的 sigmoid，梯度变成 0
# en: gradients: the right value is p - y ≈ -1; through the underflowed sigmoid the two-step version gets 0
z0 = torch.tensor([-200.0], requires_grad=True)
nn.BCELoss()(torch.sigmoid(z0), torch.ones(1)).backward()
g_two_steps = z0.grad.item()
z0.grad = None
nn.BCEWithLogitsLoss()(z0, torch.ones(1)).backward()
print(f"d loss / dz at z = -200: two steps {g_two_steps + 0.0:.4f}, fused {z0.grad.item():.4f}")
assert g_two_steps == 0.0 and abs(z0.grad.item() + 1) < 1e-6
