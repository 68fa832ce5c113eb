# %% [markdown] lang="zh"
# # 演示 { #demo }
#
# 一个小例子。

# %% [markdown] lang="en" translated_from="03c1b98f0b9d"
# # Demo { #demo }
#
# A small example.

# %%
import torch
import matplotlib.pyplot as plt

torch.manual_seed(0)
x = torch.linspace(-3, 3, 61)  # zh: 取点 # en: sample points
print(x.shape)

# %%
#| figures:
#|   - alt: {zh: "tanh 曲线", en: "the tanh curve"}
plt.plot(x, torch.tanh(x))
plt.title("tanh")
