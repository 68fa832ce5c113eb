from dlref.optim import ema

temperatures = [20.0, 22.0, 21.0, 23.0, 22.0, 24.0]
plain = ema(temperatures, beta=0.9)  # zh: S_0 = 0 起步 # en: starts from S_0 = 0
corrected = ema(temperatures, beta=0.9, bias_correction=True)  # zh: 除以 1 - β^t # en: divided by 1 - β^t

print(" t   Y_t   S_t (S_0 = 0)   S_t / (1 - 0.9^t)")
for t, (y, s, c) in enumerate(zip(temperatures, plain, corrected), 1):
    print(f"{t:2}  {y:4.0f}   {s:13.3f}   {c:17.3f}")

assert abs(plain[0] - 2.0) < 1e-12  # zh: 0.1 × 20：第一天严重偏低 # en: 0.1 × 20: far too low on day 1
assert abs(corrected[0] - temperatures[0]) < 1e-12  # zh: 修正后 S_1 = Y_1 # en: corrected, S_1 = Y_1
