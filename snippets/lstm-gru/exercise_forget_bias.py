import torch
import torch.nn as nn

from dlref.lstm import lstm_cell

torch.set_num_threads(1)
torch.manual_seed(0)
D, H, T = 8, 32, 100
x = torch.randn(T, 1, D, dtype=torch.float64)

print("shift   mean f   ||dL/dx_1||")
grads, mean_f = [], []
for shift in (0.0, 1.0, 3.0, 5.0):
    torch.manual_seed(1)  # zh: 每次都是同一组初始权重，只改遗忘门偏置 # en: the same initial weights each time; only the forget bias changes
    lstm = nn.LSTM(D, H).double()
    with torch.no_grad():
        lstm.bias_ih_l0[H:2 * H] += shift
    x_ = x.clone().requires_grad_()
    output, _ = lstm(x_)
    output[-1].sum().backward()
    grads.append(x_.grad[0].norm().item())
    # zh: 用 dlref.lstm 重算一遍，取出每一步的遗忘门
    # en: recompute with dlref.lstm to read the forget gate at every step
    w, state, f = (lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0), None, []
    with torch.no_grad():
        for x_t in x:
            state, gates = lstm_cell(x_t, state, *w, return_gates=True)
            f.append(gates["f"])
    mean_f.append(torch.stack(f).mean().item())
    print(f"{shift:5.1f}   {mean_f[-1]:.3f}   {grads[-1]:.2e}")

assert abs(mean_f[0] - 0.5) < 0.01 and abs(mean_f[1] - 0.73) < 0.01 and abs(mean_f[2] - 0.95) < 0.01 and abs(mean_f[3] - 0.99) < 0.01
assert grads[0] < 1e-20 and grads[1] > 1e10 * grads[0] and grads[1] < 1e-8 and min(grads[2:]) > 0.1
assert grads == sorted(grads)  # zh: 遗忘门越接近 1，梯度传得越远 # en: the closer the forget gates are to 1, the further the gradient travels
