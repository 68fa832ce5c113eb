import torch
from torch import nn

# zh: 用 dtype 代替设备：.to(torch.float64) 与 .to("cuda") 遵循同样的规则
# en: dtype stands in for the device here: .to(torch.float64) follows the same rules as .to("cuda")
x = torch.ones(3)
x.to(torch.float64)  # zh: 返回值被丢掉了 # en: the result is thrown away
print("tensor after x.to(...):      ", x.dtype)
y = x.to(torch.float64)
print("tensor after y = x.to(...):  ", x.dtype, "->", y.dtype, "| same object:", y is x)

model = nn.Linear(3, 1)
returned = model.to(torch.float64)  # zh: 没有赋值，模型照样被修改 # en: not assigned, yet the model is changed
print("module after model.to(...):  ", model.weight.dtype, "| returns the same module:", returned is model)

# zh: 已经是目标类型（设备）时，张量的 .to() 直接返回它自己，不做拷贝
# en: when the tensor already has the target dtype (device), .to() returns the tensor itself without a copy
print("y.to(torch.float64) is y:", y.to(torch.float64) is y)
assert x.dtype == torch.float32 and y.dtype == torch.float64 and returned is model
assert model.weight.dtype == torch.float64 and y.to(torch.float64) is y
