import torch
import torch.nn as nn

# zh: 一个有 3 个输入的神经元：输入 x、权重 w、偏置 b
# en: a neuron with 3 inputs: inputs x, weights w, bias b
x = torch.tensor([0.5, -1.0, 2.0])
w = torch.tensor([0.8, 0.2, -0.4])
b = torch.tensor(0.1)

# zh: 第 1 步：加权求和 z = w1*x1 + w2*x2 + w3*x3 + b
# en: step 1: weighted sum z = w1*x1 + w2*x2 + w3*x3 + b
z = torch.dot(w, x) + b
# zh: 第 2 步：激活函数（这里分别试 Sigmoid 和 ReLU）
# en: step 2: the activation function (here Sigmoid and ReLU)
y_sigmoid = torch.sigmoid(z)
y_relu = torch.relu(z)  # max(0, z)
print(f"z = {z.item():.4f}")
print(f"sigmoid(z) = {y_sigmoid.item():.4f}, relu(z) = {y_relu.item():.4f}")

# zh: 同一个神经元用 nn.Linear(3, 1) 表示：weight 形状 (1, 3)，bias 形状 (1,)
# en: the same neuron as nn.Linear(3, 1): weight of shape (1, 3), bias of shape (1,)
neuron = nn.Linear(in_features=3, out_features=1)
with torch.no_grad():
    neuron.weight.copy_(w.unsqueeze(0))
    neuron.bias.fill_(b)
z_layer = neuron(x)
print(f"nn.Linear: z = {z_layer.item():.4f}")
assert torch.allclose(z_layer, z)
