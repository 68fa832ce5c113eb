import inspect

import torch.nn as nn

for name in ("xavier_normal_", "xavier_uniform_"):
    print(f"nn.init.{name}" + str(inspect.signature(getattr(nn.init, name))))
