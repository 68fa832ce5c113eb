import torch
import torch.nn as nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # zh: 差值很小时也能算准 # en: so that even tiny differences are computed accurately
rnn = nn.RNN(input_size=8, hidden_size=16)  # zh: PyTorch 的默认初始化 # en: PyTorch's default initialization
x = torch.randn(30, 8)
x_changed = x.clone()
x_changed[0] = torch.randn(8)  # zh: 只换掉第一个词 # en: change only the first word

with torch.no_grad():
    h, h_changed = rnn(x)[0], rnn(x_changed)[0]  # zh: 每一步的隐藏状态 h_1 … h_30 # en: the hidden states h_1 … h_30
diff = (h - h_changed).norm(dim=1)
print(" t   |h_t - h_t'|")
for t in (1, 5, 10, 20, 30):
    print(f"{t:2d}   {diff[t - 1]:.1e}")
# zh: 第一个词的影响随时间按指数衰减，30 步之后只剩百亿分之一的量级
# en: the first word's influence fades exponentially, and after 30 steps it is down by about ten orders of magnitude
assert diff[9] < 1e-3 * diff[0] and diff[29] < 1e-9 * diff[0]
