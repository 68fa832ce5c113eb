#| claims: [N63]
import inspect

import torch

for optimizer, names in [
    (torch.optim.SGD, ["lr", "momentum", "dampening"]),
    (torch.optim.Adagrad, ["lr", "eps"]),
    (torch.optim.RMSprop, ["lr", "alpha", "eps"]),
    (torch.optim.Adam, ["lr", "betas", "eps", "weight_decay"]),
    (torch.optim.AdamW, ["lr", "betas", "eps", "weight_decay"]),
]:
    parameters = inspect.signature(optimizer).parameters
    defaults = {name: parameters[name].default for name in names}
    print(f"{optimizer.__name__:8}", defaults)

adagrad = inspect.signature(torch.optim.Adagrad).parameters
rmsprop = inspect.signature(torch.optim.RMSprop).parameters
adam = inspect.signature(torch.optim.Adam).parameters
assert adagrad["eps"].default == 1e-10
assert rmsprop["eps"].default == 1e-8 and rmsprop["alpha"].default == 0.99
assert adam["eps"].default == 1e-8 and adam["betas"].default == (0.9, 0.999)
assert inspect.signature(torch.optim.AdamW).parameters["weight_decay"].default == 0.01
