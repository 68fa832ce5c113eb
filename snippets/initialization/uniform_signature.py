import inspect

import torch.nn as nn

print("nn.init.uniform_" + str(inspect.signature(nn.init.uniform_)))
