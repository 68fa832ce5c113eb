import inspect

import torch.nn as nn

# zh: 两个函数的参数相同；逐个打印参数，便于阅读
# en: both functions take the same parameters; print them one per line
for name in ("kaiming_normal_", "kaiming_uniform_"):
    print(f"nn.init.{name}(")
    for param in inspect.signature(getattr(nn.init, name)).parameters.values():
        print(f"    {param},")
    print(")")
