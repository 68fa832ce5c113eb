#| figures:
#|   - alt: {zh: "30 天的模拟气温（灰色折线与散点，整体逐渐升高但每天上下跳动）及其两条指数加权平均曲线：β = 0.5 的曲线紧跟每天的变化，仍有不少抖动；β = 0.9 的曲线非常平滑，只反映上升的趋势，但比数据滞后几天", en: "Thirty days of simulated temperatures (grey line and dots: rising overall but jumping up and down from day to day) with two exponentially weighted averages: the β = 0.5 curve follows the daily changes closely and is still jittery; the β = 0.9 curve is very smooth and shows only the rising trend, but lags a few days behind the data"}
#|     caption: {zh: "指数加权平均：β 越大，曲线越平滑、反应越慢", en: "Exponentially weighted average: the larger β, the smoother and slower the curve"}
import torch
import matplotlib.pyplot as plt

torch.manual_seed(0)
days = torch.arange(1, 31)
# zh: 模拟 30 天的气温：缓慢上升的趋势 + 每天的随机波动
# en: 30 days of simulated temperature: a slowly rising trend + daily random noise
temperatures = (10 + 0.5 * days + 4 * torch.randn(30)).round()
print(temperatures)


def ema(values, beta):
    averages = [values[0]]  # zh: S_1 = Y_1 # en: S_1 = Y_1
    for y in values[1:]:
        averages.append(beta * averages[-1] + (1 - beta) * y)  # zh: S_t = β·S_{t-1} + (1-β)·Y_t # en: S_t = β·S_{t-1} + (1-β)·Y_t
    return torch.stack(averages)


smooth = {beta: ema(temperatures, beta) for beta in (0.5, 0.9)}
for beta, s in smooth.items():
    print(f"beta={beta}: last 5 averages {s[-5:].numpy().round(2)}")

plt.figure(figsize=(7, 4))
plt.plot(days, temperatures, color="0.6")
plt.scatter(days, temperatures, color="0.4", s=15, label="temperature $Y_t$")
plt.plot(days, smooth[0.5], color="tab:orange", lw=2, label=r"EMA $\beta = 0.5$")
plt.plot(days, smooth[0.9], color="tab:blue", lw=2, label=r"EMA $\beta = 0.9$")
plt.xlabel("day $t$")
plt.ylabel("°C")
plt.grid(alpha=0.3)
plt.legend()
plt.show()
