import torch
import torch.nn as nn
import torch.nn.functional as F


class Buggy(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        return F.dropout(self.fc(x), p=0.5)  # zh: training 默认为 True！ # en: training defaults to True!


class Fixed(Buggy):
    def forward(self, x):
        return F.dropout(self.fc(x), p=0.5, training=self.training)  # zh: 跟随 train()/eval() # en: follows train()/eval()


torch.manual_seed(0)
x = torch.randn(2, 4)
for model in (Buggy(), Fixed()):
    model.eval()
    with torch.no_grad():
        same = torch.equal(model(x), model(x))
    print(f"{type(model).__name__}: two eval() passes give the same output: {same}")
    assert same == isinstance(model, Fixed)
