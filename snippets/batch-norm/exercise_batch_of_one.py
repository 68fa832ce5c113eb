import math

import torch
from torch import nn

torch.manual_seed(0)
cases = [
    ("BatchNorm1d, (1, 8)", nn.BatchNorm1d(8), (1, 8)),
    ("BatchNorm1d, (1, 8, 5)", nn.BatchNorm1d(8), (1, 8, 5)),  # zh: (N, C, L)：序列 # en: (N, C, L): a sequence
    ("BatchNorm2d, (1, 8, 4, 4)", nn.BatchNorm2d(8), (1, 8, 4, 4)),
    ("BatchNorm2d, (1, 8, 1, 1)", nn.BatchNorm2d(8), (1, 8, 1, 1)),
    ("BatchNorm2d, (2, 8, 1, 1)", nn.BatchNorm2d(8), (2, 8, 1, 1)),
]
raised = {}
for name, bn, shape in cases:
    values = math.prod(shape) // shape[1]  # zh: 每个通道参与统计的值：N、N×L 或 N×H×W # en: values per channel: N, N×L or N×H×W
    try:
        bn(torch.randn(shape))  # zh: 训练模式 # en: training mode
        outcome = "works"
    except ValueError:
        outcome = "ValueError"
    raised[name] = outcome == "ValueError"
    print(f"{name:27s} values per channel: {values:2d} -> {outcome}")

# zh: 只有每个通道只剩 1 个值（N × H × W = 1）时才报错，与批次大小本身无关
# en: only one value per channel (N × H × W = 1) raises; the batch size by itself does not matter
assert [raised[name] for name, _, _ in cases] == [True, False, False, True, False]
