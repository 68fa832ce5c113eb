import torch
import torch.nn as nn

torch.manual_seed(0)
features = 64


def eval_std(model):
    """Train-mode passes (which set BN's running statistics), then the std of the eval-mode output."""
    model.train()
    with torch.no_grad():
        for _ in range(200):
            model(torch.randn(256, features))  # zh: 输入 ~ N(0, 1) # en: inputs ~ N(0, 1)
        model.eval()
        return model(torch.randn(10_000, features)).std().item()


dropout_then_bn = nn.Sequential(nn.Dropout(0.5), nn.BatchNorm1d(features))
bn_then_dropout = nn.Sequential(nn.BatchNorm1d(features), nn.Dropout(0.5))
a, b = eval_std(dropout_then_bn), eval_std(bn_then_dropout)
print(f"Dropout -> BN: BN's running variance {dropout_then_bn[1].running_var.mean():.2f}, eval output std {a:.2f}")
print(f"BN -> Dropout: BN's running variance {bn_then_dropout[0].running_var.mean():.2f}, eval output std {b:.2f}")
assert abs(dropout_then_bn[1].running_var.mean() - 2) < 0.05 and abs(a - 2**-0.5) < 0.02  # zh: 1/√2 ≈ 0.71 # en: 1/√2 ≈ 0.71
assert abs(b - 1) < 0.02
