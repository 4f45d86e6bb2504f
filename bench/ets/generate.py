"""Writes the benchmark panels: monthly series (multiplicative season, trend) and daily series
(weekly cycle), each with a seeded random walk in the level so every series differs."""
import sys

import numpy as np
import pandas as pd


def panel(n_series, length, period, freq, start, seed):
    rng = np.random.default_rng(seed)
    dates = pd.date_range(start, periods=length, freq=freq)
    frames = []
    for k in range(n_series):
        t = np.arange(length)
        season = 1 + rng.uniform(0.1, 0.35) * np.sin(2 * np.pi * (t + rng.integers(period)) / period)
        level = rng.uniform(80, 500) * (1 + rng.uniform(0, 0.01)) ** t
        walk = np.exp(np.cumsum(rng.normal(0, 0.02, length)))
        noise = np.exp(rng.normal(0, 0.04, length))
        y = np.round(level * season * walk * noise, 2)
        frames.append(pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), "id": f"s{k:03d}", "units": y}))
    return pd.concat(frames)


if __name__ == "__main__":
    out = sys.argv[1]
    panel(100, 144, 12, "MS", "2010-01-01", 1).to_csv(f"{out}/monthly.csv", index=False)
    panel(40, 730, 7, "D", "2022-01-01", 2).to_csv(f"{out}/daily.csv", index=False)
