"""Expected diagnostics on series outside Tests/Reference/diagnostics.json, from statsmodels.

Run from the repository root with statsmodels installed (e.g. in a venv outside the repo):
    python plugins/diagnostics/Tests/Fixtures/make_statsmodels_fixtures.py
Writes plugins/diagnostics/Tests/Fixtures/heldout_statsmodels.json. Same settings as
diagnostics.json (missing values dropped first), plus ADF with 'ct' and 'n', KPSS around a
trend, and Ljung-Box at other lags.
"""
import json

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.stats.diagnostic import acorr_ljungbox
from statsmodels.tsa.stattools import acf, adfuller, kpss, pacf

SERIES = [
    ("co2_weekly", "data/co2_weekly.csv", "co2", 52, 60),
    ("shop_daily_gaps", "data/shop_daily_gaps.csv", "units", 7, 21),
    ("realgdp", "data/macro.csv", "realgdp", 4, 16),
    ("unemp", "data/macro.csv", "unemp", 4, 16),
    ("infl", "data/macro.csv", "infl", 4, 16),
    ("lynx", "data/lynx.csv", "trappings", 1, 20),
]


def case(name, csv, column, period, lags):
    y = pd.read_csv("Tests/Reference/" + csv)[column].to_numpy(dtype=float)
    x = y[~np.isnan(y)]
    out = {"series": name, "csv": csv, "column": column, "period": period, "lags": lags,
           "acf": acf(x, nlags=lags, fft=False).tolist(),
           "pacf": pacf(x, nlags=lags, method="ywm").tolist()}
    for regression in ["c", "ct", "n"]:
        stat, p, used, nobs, crit, _ = adfuller(x, regression=regression, autolag="AIC", result_object=False)
        out["adf_" + regression] = {"stat": stat, "pvalue": p, "usedlag": used, "nobs": nobs,
                                    "crit": [crit["1%"], crit["5%"], crit["10%"]]}
    for regression, key in [("c", "kpss_c"), ("ct", "kpss_ct")]:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stat, p, lagsused, _ = kpss(x, regression=regression, nlags="auto")
        out[key] = {"stat": stat, "pvalue": p, "lags": lagsused}
    for h in [10, lags]:
        lb = acorr_ljungbox(x, lags=[h])
        out["ljungbox_%d" % h] = {"stat": float(lb["lb_stat"].iloc[0]), "pvalue": float(lb["lb_pvalue"].iloc[0])}
    return out


result = {"tool": "statsmodels %s stattools: acf; pacf method='ywm'; adfuller autolag='AIC' (c, ct, n); "
          "kpss nlags='auto' (c, ct); acorr_ljungbox; missing values dropped first" % statsmodels.__version__,
          "cases": [case(*s) for s in SERIES]}
with open("plugins/diagnostics/Tests/Fixtures/heldout_statsmodels.json", "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
