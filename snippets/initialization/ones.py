import inspect

import torch
import torch.nn as nn

print("nn.init.ones_" + str(inspect.signature(nn.init.ones_)))

torch.manual_seed(0)
linear4 = nn.Linear(in_features=5, out_features=3)
nn.init.ones_(linear4.weight)
print(f"linear4: {linear4.weight.data}")
assert (linear4.weight == 1).all()

# zh: 对普通张量（requires_grad=False）同样可用
# en: it works just as well on a plain tensor (requires_grad=False)
t = torch.empty(2, 3)
nn.init.ones_(t)
print(t, "requires_grad:", t.requires_grad)

# zh: 参数（requires_grad=True）不能直接原地修改；nn.init 在 no_grad 下执行，所以可以
# en: a parameter (requires_grad=True) can't be modified in place directly; nn.init runs under no_grad, so it can
try:
    linear4.weight.fill_(1.0)
except RuntimeError as err:
    print("RuntimeError:", str(err).split(".")[0])
nn.init.ones_(linear4.weight)
print("nn.init.ones_ on the parameter: OK, requires_grad:", linear4.weight.requires_grad)
