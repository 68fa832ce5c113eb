# zh: GPT-3 论文（Brown et al. 2020，表 D.1）报告的训练量：3640 PF-days
# en: the training compute reported in the GPT-3 paper (Brown et al. 2020, Table D.1): 3640 petaflop/s-days
pf_days = 3640
reported = pf_days * 1e15 * 24 * 3600
print(f"reported:       {reported:.3g} FLOPs")
assert abs(reported / 3.14e23 - 1) < 0.01

# zh: 经验公式 C ≈ 6ND：N = 1750 亿个参数，D = 3000 亿个训练词元
# en: the rule of thumb C ≈ 6ND: N = 175 billion parameters, D = 300 billion training tokens
N, D = 175e9, 300e9
estimate = 6 * N * D
print(f"6ND estimate:   {estimate:.3g} FLOPs")
assert abs(estimate / reported - 1) < 0.01

# zh: 假设一块 V100 持续跑出 28 TFLOPS
# en: assume one V100 sustains 28 TFLOPS
seconds = 3.14e23 / 28e12
gpu_years = seconds / (365 * 24 * 3600)
gpu_hours = seconds / 3600
print(f"one V100:       {gpu_years:.0f} GPU-years = {gpu_hours / 1e6:.2f} million GPU-hours")
assert 354 < gpu_years < 357 and 3.0e6 < gpu_hours < 3.2e6

# zh: 训练耗电 1287 MWh（Patterson et al. 2021），美国家庭年均用电约 10.7 MWh
# en: training energy 1287 MWh (Patterson et al. 2021); a US household uses about 10.7 MWh a year
households = 1287 / 10.7
print(f"energy:         {households:.0f} household-years")
assert 115 < households < 125
