import inspect

import torch
import torch.nn as nn

print("nn.init.zeros_" + str(inspect.signature(nn.init.zeros_)))

torch.manual_seed(0)
linear3 = nn.Linear(in_features=5, out_features=3)
nn.init.zeros_(linear3.weight)
print(f"linear3: {linear3.weight.data}")
assert (linear3.weight == 0).all()

# zh: zeros_ 没有 out 参数
# en: zeros_ has no out parameter
try:
    nn.init.zeros_(linear3.weight, out=None)
except TypeError as err:
    print("TypeError:", err)
