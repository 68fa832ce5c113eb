import torch
import torch.nn as nn


# zh: 用固定的统计量做 (x - mean) / std，再乘一个可学习的缩放
# en: (x - mean) / std with fixed statistics, times a learnable scale
class Standardize(nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.as_tensor(mean))  # zh: 缓冲区：随模型保存、迁移，但不训练 # en: buffer: saved and moved with the model, not trained
        self.register_buffer("std", torch.as_tensor(std))
        self.scale = nn.Parameter(torch.ones(1))  # zh: 可学习参数 # en: learnable parameter
        self.note = torch.zeros(1)  # zh: 普通张量属性：三者都不是 # en: plain tensor attribute: none of the above

    def forward(self, x):
        return self.scale * (x - self.mean) / self.std


layer = Standardize(mean=[0.5, 1.0], std=[2.0, 4.0])
print("parameters():", [name for name, _ in layer.named_parameters()])
print("buffers():   ", [name for name, _ in layer.named_buffers()])
print("state_dict():", list(layer.state_dict()))
print(layer(torch.tensor([[2.5, 5.0]])))

assert [n for n, _ in layer.named_parameters()] == ["scale"]
assert list(layer.state_dict()) == ["scale", "mean", "std"]

# zh: .to() 会转换参数和缓冲区，普通属性原样不动
# en: .to() converts parameters and buffers; the plain attribute is left as it was
layer.to(torch.float64)
print("after .to(float64):", layer.scale.dtype, layer.mean.dtype, layer.note.dtype)
assert layer.mean.dtype == torch.float64 and layer.note.dtype == torch.float32
