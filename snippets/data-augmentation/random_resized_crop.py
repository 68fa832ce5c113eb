import inspect

from torchvision.transforms import v2

print(inspect.signature(v2.RandomResizedCrop))
