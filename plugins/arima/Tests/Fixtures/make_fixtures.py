"""Expected values for ARIMA cases not in Tests/Reference/arima.json, from statsmodels.

Run from the repository root with a Python that has statsmodels 0.15 and pandas:
    python plugins/arima/Tests/Fixtures/make_fixtures.py
Writes plugins/arima/Tests/Fixtures/statsmodels_extra.json in the format of arima.json
(statsmodels names; forecasts on the transformed scale; `xreg` names regressor columns of the
same CSV, with `xreg_future` the regressor values for the forecast periods).
"""
import json
import numpy as np
import pandas as pd
from statsmodels.tsa.arima.model import ARIMA

REF = "Tests/Reference/data/"
OUT = "plugins/arima/Tests/Fixtures/statsmodels_extra.json"

CASES = [
    # (series, csv, column, transform, order, seasonal, trend, xreg columns, h)
    ("shop_daily_gaps", "shop_daily_gaps.csv", "units", "none", (1, 0, 1), (0, 1, 1, 7), "n", [], 14),
    ("shop_daily_gaps", "shop_daily_gaps.csv", "units", "none", (2, 0, 0), (0, 0, 0, 0), "c", [], 7),
    ("co2_weekly", "co2_weekly.csv", "co2", "none", (1, 1, 1), (0, 0, 0, 0), "n", [], 8),
    ("lynx", "lynx.csv", "trappings", "log", (2, 0, 1), (0, 0, 0, 0), "ct", [], 10),
    ("realcons", "macro.csv", "realcons", "log", (1, 1, 0), (0, 0, 0, 0), "n", ["realgdp"], 8),
    ("unemp", "macro.csv", "unemp", "none", (2, 0, 0), (1, 0, 0, 4), "c", ["infl"], 8),
    ("wineind", "wineind.csv", "sales", "log", (0, 1, 1), (0, 1, 1, 12), "n", [], 12),
    ("airpassengers", "airpassengers.csv", "passengers", "none", (1, 1, 0), (0, 1, 0, 12), "n", [], 12),
]


def main():
    cases = []
    for name, csv, column, transform, order, seasonal, trend, xreg, h in CASES:
        frame = pd.read_csv(REF + csv)
        y = frame[column].astype(float).to_numpy()
        exog = None
        future = None
        if xreg:
            values = frame[xreg].astype(float).to_numpy()
            if transform == "log":
                values = np.log(values)
            exog, future = values[:-h], values[-h:]
            y = y[:-h]
        if transform == "log":
            y = np.log(y)
        model = ARIMA(y, exog=exog, order=order, seasonal_order=seasonal, trend=trend)
        fit = model.fit()
        fc = fit.get_forecast(h, exog=future)
        mean = fc.predicted_mean
        ci80 = fc.conf_int(alpha=0.2)
        ci95 = fc.conf_int(alpha=0.05)
        cases.append({
            "series": name, "csv": "data/" + csv, "column": column, "transform": transform,
            "order": list(order), "seasonal_order": list(seasonal), "trend": trend,
            "xreg": xreg, "xreg_future": future.tolist() if future is not None else None,
            "nobs_used": int(len(y)),
            "params": dict(zip(fit.param_names, [float(v) for v in fit.params])),
            "loglik": float(fit.llf), "aic": float(fit.aic), "aicc": float(fit.aicc), "bic": float(fit.bic),
            "forecast": {"h": h, "mean": [float(v) for v in mean],
                         "lower80": [float(v) for v in ci80[:, 0]], "upper80": [float(v) for v in ci80[:, 1]],
                         "lower95": [float(v) for v in ci95[:, 0]], "upper95": [float(v) for v in ci95[:, 1]]},
        })
    with open(OUT, "w") as handle:
        json.dump({"tool": "statsmodels 0.15 tsa.arima.model.ARIMA (exact ML, state space)", "cases": cases}, handle, indent=1)


if __name__ == "__main__":
    main()
