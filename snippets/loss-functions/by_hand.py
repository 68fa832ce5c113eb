import torch
import torch.nn.functional as F

from dlref import losses  # zh: 按公式手写的损失函数 # en: the losses written out from their formulas

torch.manual_seed(0)
pred, target = torch.randn(100) * 2, torch.randn(100) * 2  # zh: 回归：预测与真实值 # en: regression: predictions and targets
logits, labels = torch.randn(16, 5) * 3, torch.randint(0, 5, (16,))  # zh: 多分类 # en: multi-class
probs, flags = torch.rand(16), torch.randint(0, 2, (16,)).float()  # zh: 二分类 # en: binary

pairs = {
    "cross_entropy": (losses.cross_entropy(logits, labels), F.cross_entropy(logits, labels)),
    "binary_cross_entropy": (losses.binary_cross_entropy(probs, flags), F.binary_cross_entropy(probs, flags)),
    "mae (L1)": (losses.mae(pred, target), F.l1_loss(pred, target)),
    "mse (L2)": (losses.mse(pred, target), F.mse_loss(pred, target)),
    "smooth_l1 (beta=1)": (losses.smooth_l1(pred, target), F.smooth_l1_loss(pred, target)),
    "huber (delta=2)": (losses.huber(pred, target, delta=2.0), F.huber_loss(pred, target, delta=2.0)),
}
print(f"{'loss':22s}{'by hand':>10s}{'PyTorch':>10s}")
for name, (ours, theirs) in pairs.items():
    print(f"{name:22s}{ours.item():10.5f}{theirs.item():10.5f}")
    assert torch.allclose(ours, theirs, atol=1e-6)
