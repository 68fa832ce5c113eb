#| figures:
#|   - alt: {zh: "sigmoid 曲线", en: "the sigmoid curve"}
#|     caption: {zh: "Sigmoid", en: "Sigmoid"}
import torch
import matplotlib.pyplot as plt

x = torch.linspace(-10, 10, 1001)
plt.plot(x, torch.sigmoid(x))
plt.title("sigmoid 激活")
plt.show()
