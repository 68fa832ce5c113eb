import torch
from torch import nn


def conv_bn_relu_stack(inplace: bool) -> nn.Sequential:
    layers = []
    for _ in range(4):
        layers += [nn.Conv2d(16, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(inplace=inplace)]
    return nn.Sequential(*layers)


torch.manual_seed(0)
x = torch.randn(8, 16, 32, 32)
saved_bytes = {}
for inplace in [False, True]:
    model = conv_bn_relu_stack(inplace)
    storages = {}

    # zh: 每个为反向传播保存的张量都会经过 pack 钩子：按底层存储去重，累计字节数
    # en: every tensor saved for backward passes through the pack hook: count each storage once
    def pack(t):
        storages[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(x.clone().requires_grad_())
    saved_bytes[inplace] = sum(storages.values())
    print(f"inplace={inplace!s:5s}: {len(storages)} saved storages, {saved_bytes[inplace] / 2**20:.2f} MiB kept for backward")

assert saved_bytes[True] == saved_bytes[False]
