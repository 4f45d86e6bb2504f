"""Expected values for the clean plugin's tests, computed with pandas and numpy.

Run from the repository root with a venv that has pandas (e.g. /work/venvs/prep):
    python plugins/clean/Tests/Fixtures/make_fixtures.py
Writes plugins/clean/Tests/Fixtures/expected.json. Floats are written with repr, so they read
back as the same doubles.

- fills: pandas interpolate() (linear), ffill(), bfill(), fillna(mean) on the series put on a
  regular calendar (asfreq), as TrendCast's table -> series conversion does.
- outliers: the textbook rules written out with numpy, independent of TrendCast:
  Tukey's fences with numpy's default (linear, = R type 7) quartiles; z-scores with the
  sample sd (ddof=1); the Hampel identifier with a centred window of 7 cut short at the ends,
  median and 1.4826 * MAD of the non-missing values in the window.
"""
import json
import numpy as np
import pandas as pd

SETS = {
    "shop_daily_gaps": ("Tests/Reference/data/shop_daily_gaps.csv", "units", "D"),
    "shop_daily": ("Tests/Reference/data/shop_daily.csv", "units", "D"),
    "co2_weekly": ("Tests/Reference/data/co2_weekly.csv", "co2", "W-SAT"),
}


def load(path, column, freq):
    frame = pd.read_csv(path, parse_dates=["date"]).set_index("date")
    return frame[column].astype(float).asfreq(freq)


def clean_list(values):
    return [None if np.isnan(v) else float(v) for v in values]


def iqr(x, k):
    observed = x[~np.isnan(x)]
    q1, q3 = np.quantile(observed, [0.25, 0.75])
    lower, upper = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    return [i for i, v in enumerate(x) if not np.isnan(v) and (v < lower or v > upper)], [float(lower), float(upper)]


def zscore(x, t):
    observed = x[~np.isnan(x)]
    mean, sd = observed.mean(), observed.std(ddof=1)
    return [i for i, v in enumerate(x) if not np.isnan(v) and abs(v - mean) / sd > t], [float(mean - t * sd), float(mean + t * sd)]


def hampel(x, window, t):
    half = window // 2
    flagged, medians = [], []
    for i, v in enumerate(x):
        if np.isnan(v):
            continue
        w = x[max(0, i - half): i + half + 1]
        w = w[~np.isnan(w)]
        m = np.median(w)
        s = 1.4826 * np.median(np.abs(w - m))
        if abs(v - m) > t * s:
            flagged.append(i)
            medians.append(float(m))
    return flagged, medians


out = {"pandas": pd.__version__, "numpy": np.__version__, "sets": {}}
for name, (path, column, freq) in SETS.items():
    s = load(path, column, freq)
    x = s.to_numpy()
    entry = {
        "missing": int(s.isna().sum()),
        "linear": clean_list(s.interpolate().to_numpy()),
        "ffill": clean_list(s.ffill().to_numpy()),
        "bfill": clean_list(s.bfill().to_numpy()),
        "mean": float(s.mean()),
    }
    for k in (1.5, 3.0):
        entry[f"iqr_{k}"], entry[f"iqr_{k}_bounds"] = iqr(x, k)
    for t in (3.0, 2.5):
        entry[f"zscore_{t}"], entry[f"zscore_{t}_bounds"] = zscore(x, t)
    entry["hampel_7_3"], entry["hampel_7_3_medians"] = hampel(x, 7, 3.0)
    entry["hampel_5_2"], entry["hampel_5_2_medians"] = hampel(x, 5, 2.0)
    out["sets"][name] = entry

with open("plugins/clean/Tests/Fixtures/expected.json", "w") as f:
    json.dump(out, f, indent=0)
    f.write("\n")
