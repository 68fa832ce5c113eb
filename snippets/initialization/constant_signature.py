import inspect

import torch.nn as nn

print("nn.init.constant_" + str(inspect.signature(nn.init.constant_)))
