"""Generates the Python-side expected values for TrendCastNumerics tests.

Run with a virtual environment that has statsmodels and scipy (outside the repository):
    python3 -m venv /work/venvs/numerics && /work/venvs/numerics/bin/pip install statsmodels
    /work/venvs/numerics/bin/python Tests/TrendCastNumericsTests/Fixtures/make_python_fixtures.py
Writes python_fixtures.json beside this script.
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats, special

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "Reference", "data")


def column(csv, name):
    return pd.read_csv(os.path.join(REFERENCE, csv))[name].to_numpy(dtype=float)


def ols_case():
    y = column("macro.csv", "realcons")
    gdp = column("macro.csv", "realgdp")
    unemp = column("macro.csv", "unemp")
    x = sm.add_constant(np.column_stack([gdp, unemp]))
    fit = sm.OLS(y, x).fit()
    return {
        "description": "macro.csv: realcons ~ const + realgdp + unemp (statsmodels OLS)",
        "coefficients": fit.params.tolist(),
        "standard_errors": fit.bse.tolist(),
        "sigma2": float(fit.scale),
        "r_squared": float(fit.rsquared),
        "adjusted_r_squared": float(fit.rsquared_adj),
        "log_likelihood": float(fit.llf),
        "aic": float(fit.aic),
        "bic": float(fit.bic),
        "xtx_inverse": np.linalg.inv(x.T @ x).tolist(),
        "residuals_head": fit.resid[:5].tolist(),
    }


def distribution_cases():
    ps = [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-10]
    xs = [-38.0, -20.0, -8.0, -3.0, -1.0, -0.1, 0.0, 0.5, 1.959963984540054, 4.0, 9.0]
    t_cases = [(x, df) for df in (1, 2.5, 5, 30, 300) for x in (-40.0, -3.0, -0.7, 0.0, 1.5, 6.0)]
    t_q = [(p, df) for df in (1, 2.5, 5, 30, 300) for p in (1e-8, 0.01, 0.05, 0.3, 0.5, 0.9, 0.999)]
    chi = [(x, df) for df in (0.5, 1, 2, 7.5, 30, 150) for x in (1e-6, 0.3, 1.0, 5.0, 29.0, 100.0, 900.0)]
    beta = [(x, a, b) for (a, b) in ((0.5, 0.5), (1, 3), (2.5, 7), (30, 40), (200, 5)) for x in (1e-5, 0.1, 0.5, 0.77, 0.999)]
    f = [(x, d1, d2) for (d1, d2) in ((1, 1), (3, 10), (12, 120)) for x in (0.01, 0.5, 1.0, 2.5, 20.0)]
    gam = [(x, a) for a in (0.1, 1.0, 3.3, 50.0, 1000.0) for x in (1e-3, 0.5, 3.0, 45.0, 1100.0)]
    return {
        "normal_quantile": [[p, float(stats.norm.ppf(p))] for p in ps],
        "normal_cdf": [[x, float(stats.norm.cdf(x))] for x in xs],
        "normal_sf": [[x, float(stats.norm.sf(x))] for x in xs],
        "t_cdf": [[x, df, float(stats.t.cdf(x, df))] for x, df in t_cases],
        "t_quantile": [[p, df, float(stats.t.ppf(p, df))] for p, df in t_q],
        "chisq_cdf": [[x, df, float(stats.chi2.cdf(x, df))] for x, df in chi],
        "chisq_sf": [[x, df, float(stats.chi2.sf(x, df))] for x, df in chi],
        "chisq_quantile": [[p, df, float(stats.chi2.ppf(p, df))] for p, df in t_q],
        "beta_inc": [[x, a, b, float(special.betainc(a, b, x))] for x, a, b in beta],
        "f_cdf": [[x, d1, d2, float(stats.f.cdf(x, d1, d2))] for x, d1, d2 in f],
        "gamma_p": [[x, a, float(special.gammainc(a, x))] for x, a in gam],
        "gamma_q": [[x, a, float(special.gammaincc(a, x))] for x, a in gam],
    }


def diagnostics_cases():
    """Extra unit-root and portmanteau cases beyond Tests/Reference/diagnostics.json."""
    import warnings
    from statsmodels.tsa.stattools import acf, adfuller, kpss, pacf
    from statsmodels.stats.diagnostic import acorr_ljungbox

    series = [
        ("airpassengers", "airpassengers.csv", "passengers"),
        ("nile", "nile.csv", "volume"),
        ("lynx", "lynx.csv", "trappings"),
        ("shop_daily_gaps", "shop_daily_gaps.csv", "units"),
        ("co2_weekly", "co2_weekly.csv", "co2"),
    ]
    cases = []
    for name, csv, col in series:
        x = column(csv, col)
        y = x[~np.isnan(x)]
        case = {"series": name, "csv": "data/" + csv, "column": col}
        case["acf"] = acf(y, nlags=20, fft=False).tolist()
        case["pacf"] = pacf(y, nlags=20, method="ywm").tolist()
        lb = acorr_ljungbox(y, lags=[5], boxpierce=True, model_df=2)
        case["ljungbox_5_fitdf2"] = {"stat": float(lb["lb_stat"].iloc[0]), "pvalue": float(lb["lb_pvalue"].iloc[0])}
        case["boxpierce_5_fitdf2"] = {"stat": float(lb["bp_stat"].iloc[0]), "pvalue": float(lb["bp_pvalue"].iloc[0])}
        adf = {}
        for reg in ("n", "c", "ct"):
            r = adfuller(y, regression=reg, autolag="AIC")
            adf[reg + "_aic"] = {"stat": r[0], "pvalue": r[1], "usedlag": r[2], "nobs": r[3], "crit": [r[4]["1%"], r[4]["5%"], r[4]["10%"]], "icbest": r[5]}
            r = adfuller(y, regression=reg, autolag="BIC")
            adf[reg + "_bic"] = {"stat": r[0], "pvalue": r[1], "usedlag": r[2], "nobs": r[3]}
            r = adfuller(y, regression=reg, maxlag=3, autolag=None)
            adf[reg + "_fixed3"] = {"stat": r[0], "pvalue": r[1], "usedlag": r[2], "nobs": r[3]}
        case["adf"] = adf
        k = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for reg in ("c", "ct"):
                for lags in ("auto", "legacy", 4):
                    st, pv, nl, crit = kpss(y, regression=reg, nlags=lags)
                    k[f"{reg}_{lags}"] = {"stat": st, "pvalue": pv, "lags": nl}
        case["kpss"] = k
        cases.append(case)
    return cases


def main():
    out = {
        "tool": f"statsmodels {statsmodels.__version__}, scipy {scipy.__version__}, numpy {np.__version__}",
        "ols": ols_case(),
        "distributions": distribution_cases(),
        "diagnostics": diagnostics_cases(),
    }
    with open(os.path.join(HERE, "python_fixtures.json"), "w") as fh:
        json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
