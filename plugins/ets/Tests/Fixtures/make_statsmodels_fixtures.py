"""Expected Holt-Winters results from statsmodels (run from this folder with a Python that has
statsmodels and pandas: python make_statsmodels_fixtures.py). Writes statsmodels_hw_cases.json:
for each case the data file, column, options, fitted smoothing parameters, SSE and forecasts of
ExponentialSmoothing(..., initialization_method="estimated").fit()."""
import json
import warnings

import pandas as pd
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing

REF = "../../../../Tests/Reference/data/"
CASES = [
    ("airpassengers.csv", "passengers", 12, "add", False, "add"),
    ("airpassengers.csv", "passengers", 12, "mul", False, "mul"),
    ("airpassengers.csv", "passengers", 12, "add", True, "mul"),
    ("airpassengers.csv", "passengers", 12, None, False, "mul"),
    ("airpassengers.csv", "passengers", 12, "add", False, None),
    ("wineind.csv", "sales", 12, "add", False, "mul"),
    ("wineind.csv", "sales", 12, "add", True, "add"),
    ("shop_daily.csv", "units", 7, "add", False, "mul"),
    ("shop_daily.csv", "units", 7, None, False, "add"),
    ("nile.csv", "volume", 1, "add", False, None),
    ("nile.csv", "volume", 1, None, False, None),
    ("macro.csv", "realcons", 4, "mul", False, None),
    ("macro.csv", "realcons", 4, "add", True, None),
    ("lynx.csv", "trappings", 10, "add", False, "add"),
]
out = []
for file, column, period, trend, damped, seasonal in CASES:
    y = pd.read_csv(REF + file)[column].to_numpy(dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ExponentialSmoothing(
            y, trend=trend, damped_trend=damped, seasonal=seasonal,
            seasonal_periods=period if seasonal else None, initialization_method="estimated")
        fit = model.fit()
    h = 2 * period if seasonal else 10
    params = {"alpha": fit.params["smoothing_level"]}
    if trend:
        params["beta"] = fit.params["smoothing_trend"]
    if seasonal:
        params["gamma"] = fit.params["smoothing_seasonal"]
    if damped:
        params["phi"] = fit.params["damping_trend"]
    out.append({
        "csv": file, "column": column, "period": period, "trend": trend or "none", "damped": damped,
        "seasonal": seasonal or "none", "params": params, "sse": float(fit.sse),
        "forecast": [float(v) for v in fit.forecast(h)],
    })
with open("statsmodels_hw_cases.json", "w") as f:
    json.dump({"tool": f"statsmodels {statsmodels.__version__} ExponentialSmoothing(initialization_method='estimated')",
               "cases": out}, f, indent=1)
