import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(64, 4)
y = torch.randn(64, 1)

for act in (nn.ReLU(), nn.Tanh(), nn.Sigmoid()):
    model = nn.Sequential(nn.Linear(4, 3), act, nn.Linear(3, 1))
    for p in model.parameters():
        nn.init.zeros_(p)  # zh: 所有权重和偏置都是 0 # en: every weight and bias is 0
    nn.functional.mse_loss(model(x), y).backward()
    nonzero = [name for name, p in model.named_parameters() if p.grad.abs().sum() > 0]
    print(f"{type(act).__name__:8s} parameters with a non-zero gradient: {nonzero}")
    if isinstance(act, (nn.ReLU, nn.Tanh)):
        # zh: ReLU(0) = tanh(0) = 0：隐藏层输出全 0，只有输出层的偏置能学
        # en: ReLU(0) = tanh(0) = 0: the hidden outputs are all 0 and only the output bias can learn
        assert nonzero == ["2.bias"]
    else:
        # zh: σ(0) = 0.5：输出层的权重也有梯度，但第一层仍然没有（它的梯度要乘上为 0 的输出层权重）
        # en: σ(0) = 0.5: the output weights get a gradient too, but the first layer still does not (its gradient is multiplied by the zero output weights)
        assert nonzero == ["2.weight", "2.bias"]
        # zh: 输出层权重的梯度三个分量相同：对称性依旧
        # en: the three components of the output weights' gradient are equal: still symmetric
        g = model[2].weight.grad
        assert torch.allclose(g, g[0, 0].expand_as(g))
