import inspect

import torch.nn as nn

print("nn.init.normal_" + str(inspect.signature(nn.init.normal_)))
