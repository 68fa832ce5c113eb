import torch

torch.set_default_dtype(torch.float64)
i = torch.tensor([0.05, 0.10])
target = torch.tensor([0.01, 0.99])


def total_error(W1, W2):
    out_o = torch.sigmoid(W2 @ torch.sigmoid(W1 @ i + 0.35) + 0.60)
    return (0.5 * (target - out_o) ** 2).sum()


W1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], requires_grad=True)
W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], requires_grad=True)
E = total_error(W1, W2)
E.backward()
squared_norm = (W1.grad**2).sum() + (W2.grad**2).sum()  # zh: ‖∇E‖² # en: ‖∇E‖²

# zh: 一阶泰勒展开：E(w - η∇E) ≈ E(w) - η‖∇E‖²
# en: first-order Taylor expansion: E(w - η∇E) ≈ E(w) - η‖∇E‖²
with torch.no_grad():
    for lr in (0.5, 5.0, 50.0):
        actual = total_error(W1 - lr * W1.grad, W2 - lr * W2.grad) - E
        predicted = -lr * squared_norm
        print(f"lr={lr:<4}  predicted change {predicted.item():+.5f}   actual change {actual.item():+.5f}")
        if lr == 0.5:
            assert abs(predicted.item() + 0.007308) < 1e-6 and abs(actual.item() + 0.007343) < 1e-6
            assert abs(E.item() + actual.item() - 0.291028) < 1e-6  # zh: 一步之后的 E_total # en: E_total after one step
