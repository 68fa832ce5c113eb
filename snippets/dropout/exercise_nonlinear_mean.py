import torch
import torch.nn as nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
x = torch.randn(1, 20)
dropout = nn.Dropout(p=0.5)
layer = nn.Linear(20, 1)


def mc_mean(f, n=200_000):
    """The mean of f(dropout(x)) over n random masks, and its standard error."""
    dropout.train()
    with torch.no_grad():
        out = f(dropout(x.expand(n, -1)))  # zh: n 个不同的掩码，一次算完 # en: n different masks in one batch
    return out.mean().item(), (out.std() / n**0.5).item()


for name, f in [("linear", layer), ("tanh(linear)", lambda h: torch.tanh(layer(h)))]:
    mean, se = mc_mean(f)
    dropout.eval()
    with torch.no_grad():
        eval_out = f(dropout(x)).item()  # zh: 推理：不丢弃，也不缩放 # en: inference: nothing dropped, nothing scaled
    print(f"{name:13s}: mean over masks {mean:+.4f} (± {se:.4f}), eval() output {eval_out:+.4f}")
    if name == "linear":
        assert abs(mean - eval_out) < 4 * se  # zh: 只差蒙特卡洛误差 # en: equal up to Monte Carlo error
    else:
        assert abs(mean - eval_out) > 20 * se  # zh: 经过非线性就不再相等 # en: through a non-linearity they differ
