#| claims: [N45]
import torch
import torch.nn as nn

torch.manual_seed(0)
bn_layer = nn.BatchNorm2d(num_features=3)  # zh: 3 个通道 # en: 3 channels
input_tensor = torch.randn(2, 3, 4, 4)  # zh: 批次大小为 2 的输入 (N, C, H, W) # en: a batch of 2: (N, C, H, W)

# zh: 1. 训练模式：用当前批次的统计量，并更新运行统计量
# en: 1. training mode: normalize with the batch statistics and update the running statistics
bn_layer.train()
print("--- train() ---")
print("running_mean before:", bn_layer.running_mean)
output_train = bn_layer(input_tensor)
print("running_mean after: ", bn_layer.running_mean)
print("running_var after:  ", bn_layer.running_var)

# zh: 2. 推理模式：用运行统计量，不再更新它们
# en: 2. evaluation mode: normalize with the running statistics and leave them unchanged
bn_layer.eval()
print("\n--- eval() ---")
before = bn_layer.running_mean.clone()
output_eval = bn_layer(input_tensor)
print("running_mean after: ", bn_layer.running_mean)
print("running_mean unchanged:", torch.equal(before, bn_layer.running_mean))
# zh: eval() 不会冻结 γ 和 β：它们只是在推理时不被优化器更新
# en: eval() does not freeze γ and β: they simply are not stepped during inference
print("weight.requires_grad in eval():", bn_layer.weight.requires_grad)

same = torch.allclose(output_train, output_eval)
print("\ntrain and eval outputs equal:", same)
assert not same
assert torch.equal(before, bn_layer.running_mean)
