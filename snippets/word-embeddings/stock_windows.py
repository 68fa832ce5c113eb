#| figures:
#|   - alt: {zh: "左图：1990 到 2022 年标普 500 指数（^GSPC）的月度收盘价折线，其中 12 个月被灰色阴影标出，下一个月用红点标出。右图：这 12 个月标准化后的值画成 12 根柱子 x[0] 到 x[11]，右侧一个红点是要预测的目标 y。", en: "Left: the monthly closing price of the S&P 500 index (^GSPC) from 1990 to 2022, with 12 months shaded grey and the following month marked by a red dot. Right: those 12 months after standardization drawn as 12 bars x[0] to x[11], and a red dot for the target y to predict."}
#|     caption: {zh: "把时间序列切成窗口：12 个月的值展平成一个 12 维特征向量，用来预测第 13 个月", en: "Cutting a time series into windows: 12 months become a flat 12-dimensional feature vector that predicts month 13"}
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from matplotlib import cbook

# zh: matplotlib 自带的真实数据：若干股票与指数的月度价格（来源 Yahoo Finance）
# en: real data bundled with matplotlib: monthly prices of some stocks and indices (source: Yahoo Finance)
path = cbook.get_sample_data("Stocks.csv", asfileobj=False)
df = pd.read_csv(path, comment="#", index_col="Date", parse_dates=True)
# zh: 标普 500 指数，每月取一个值（文件在最后一个月重复了一行）
# en: the S&P 500 index, one value per month (the file repeats its last month)
sp500 = df["^GSPC"].dropna().resample("MS").first()
print(f"{len(sp500)} months, {sp500.index[0]:%Y-%m} to {sp500.index[-1]:%Y-%m}")

# zh: 对数价格再标准化，让数值落在 0 附近
# en: log prices, standardized so that the values sit around 0
series = np.log(sp500.to_numpy())
series = (series - series.mean()) / series.std()

window = 12  # zh: 用过去 12 个月 # en: the past 12 months ...
X = np.lib.stride_tricks.sliding_window_view(series[:-1], window)  # zh: 每行一个窗口 # en: one window per row
y = series[window:]  # zh: …预测下一个月 # en: ... predict the next month
print("X:", X.shape, " y:", y.shape)
assert X.shape == (len(series) - window, window) and np.array_equal(X[1], series[1:13])

i = 200  # zh: 看其中一个窗口 # en: look at one window
print("window", i, "as an MLP input:", np.round(X[i], 2), "-> target", round(float(y[i]), 2))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.4), gridspec_kw={"width_ratios": [2, 1]})
ax1.plot(sp500.index, sp500.to_numpy(), lw=1)
ax1.axvspan(sp500.index[i], sp500.index[i + window - 1], color="0.6", alpha=0.4, label=f"window {i}: {window} months")
ax1.plot(sp500.index[i + window], sp500.iloc[i + window], "o", color="C3", label="target: the next month")
ax1.set_title("S&P 500 (^GSPC), monthly close")
ax1.legend(loc="upper left", fontsize=8)
ax2.bar(range(window), X[i], color="0.5")
ax2.plot(window + 0.5, y[i], "o", color="C3")
ax2.set_xticks([0, window - 1, window + 0.5], ["x[0]", f"x[{window - 1}]", "y"])
ax2.set_title(f"window {i} as a flat vector")
ax2.axhline(0, color="k", lw=0.5)
plt.tight_layout()
plt.show()
