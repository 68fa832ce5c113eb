import inspect

from torch.optim import lr_scheduler

print(inspect.signature(lr_scheduler.StepLR))
