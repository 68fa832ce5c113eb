from collections import OrderedDict

import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
# zh: 与 MyComplexNet 相同的结构，用带名字的 Sequential 写出
# en: the same structure as MyComplexNet, written as a Sequential with named children
model = nn.Sequential(OrderedDict(
    feature_extractor=nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)),
    flatten=nn.Flatten(),
    classifier=nn.Linear(64 * 16 * 16, 10),
))

# zh: 1. 自动注册：所有子模块（包括子模块的子模块）里的参数都被追踪
# en: 1. automatic registration: every parameter of every (nested) submodule is tracked
for name, param in model.named_parameters():
    print(f"{name:28s} {str(tuple(param.shape)):16s} requires_grad={param.requires_grad}")

# zh: 2. 与优化器集成：把 parameters() 交给优化器，它就知道要更新哪些张量
# en: 2. optimizer integration: hand parameters() to the optimizer and it knows what to update
optimizer = optim.Adam(model.parameters(), lr=0.001)
print(optimizer)
assert optimizer.param_groups[0]["params"][0] is model.feature_extractor[0].weight  # zh: 同一个张量，不是副本 # en: the same tensor, not a copy

# zh: 3. 层级结构：children() 只给直接子模块，modules() 递归给出全部（包括自身）
# en: 3. the module tree: children() gives direct submodules only, modules() recurses (itself included)
for name, module in model.named_children():
    print(f"child:  {name:20s} {type(module).__name__}")
for name, module in model.named_modules():
    print(f"module: {name or '(root)':20s} {type(module).__name__}")
assert len(list(model.children())) == 3 and len(list(model.modules())) == 7
