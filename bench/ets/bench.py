"""Times exponential-smoothing fits: trendcast against statsmodels and statsforecast, same run.

Workloads (panels written by generate.py):
  monthly: 100 series x 144 months, period 12;  daily: 40 series x 730 days, period 7.
Fits:
  ETS auto   trendcast `fit ets P` (R's ets() search)      vs statsforecast AutoETS(season_length=m)
  ETS MAM    trendcast `fit ets P model="MAM" damped=false`  vs statsforecast AutoETS(model="MAM",
             damped=False) and statsmodels ETSModel(mul, add, mul).fit()
  HW         trendcast `fit holtwinters P trend=add seasonal=mul` vs statsmodels
             ExponentialSmoothing(add, mul, initialization_method="estimated").fit()
trendcast is timed as a whole process minus a process that only loads the same panel (so
start-up and CSV reading are excluded); it fits panel members on 2 threads. The Python tools
are timed in-process over all series, after a warm-up fit (numba compilation excluded), on one
thread (statsforecast n_jobs=1) and, for statsforecast, also n_jobs=2. Best of N runs.
"""
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd
import statsforecast
import statsmodels
from statsforecast import StatsForecast
from statsforecast.models import AutoETS
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.simplefilter("ignore")


def best_of(n, run):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def trendcast_time(binary, work, csv, fit, runs):
    load = f'P = load "{csv}" date=date id=id\n'
    with open(f"{work}/load.tc", "w") as f:
        f.write(load)
    with open(f"{work}/fit.tc", "w") as f:
        f.write(load + f"m = {fit}\nm\n")

    def run(path):
        subprocess.run([binary, "run", path], check=True, stdout=subprocess.DEVNULL)

    return best_of(runs, lambda: run(f"{work}/fit.tc")) - best_of(runs, lambda: run(f"{work}/load.tc"))


def statsforecast_time(frame, period, runs, jobs, **kwargs):
    df = frame.rename(columns={"id": "unique_id", "date": "ds", "units": "y"})
    df["ds"] = pd.to_datetime(df["ds"])
    freq = "MS" if period == 12 else "D"

    def run():
        StatsForecast(models=[AutoETS(season_length=period, **kwargs)], freq=freq, n_jobs=jobs).fit(df)

    run()  # numba compilation
    return best_of(runs, run)


def statsmodels_time(series, fit_one, runs):
    fit_one(series[0])

    def run():
        for y in series:
            fit_one(y)

    return best_of(runs, run)


def main(binary, work, runs=3):
    runs = int(runs)
    print(f"statsmodels {statsmodels.__version__}, statsforecast {statsforecast.__version__}; best of {runs}; "
          "times in seconds for the whole panel (lower is better); ratio = other / trendcast")
    for name, period in (("monthly", 12), ("daily", 7)):
        csv = f"{work}/{name}.csv"
        frame = pd.read_csv(csv)
        series = [g["units"].to_numpy(dtype=float) for _, g in frame.groupby("id", sort=True)]
        print(f"\n{name}: {len(series)} series x {len(series[0])} observations, period {period}")
        rows = []

        tc = trendcast_time(binary, work, csv, "fit ets P", runs)
        rows.append(("ETS auto", "trendcast fit ets", tc, None))
        for jobs in (1, 2):
            t = statsforecast_time(frame, period, runs, jobs)
            rows.append(("ETS auto", f"statsforecast AutoETS n_jobs={jobs}", t, t / tc))

        tc = trendcast_time(binary, work, csv, 'fit ets P model="MAM" damped=false', runs)
        rows.append(("ETS(M,A,M)", "trendcast fit ets model=MAM", tc, None))
        t = statsforecast_time(frame, period, runs, 1, model="MAM", damped=False)
        rows.append(("ETS(M,A,M)", "statsforecast AutoETS(MAM) n_jobs=1", t, t / tc))
        t = statsmodels_time(series, lambda y: ETSModel(y, error="mul", trend="add", seasonal="mul",
                                                       seasonal_periods=period).fit(disp=False), runs)
        rows.append(("ETS(M,A,M)", "statsmodels ETSModel", t, t / tc))

        tc = trendcast_time(binary, work, csv, f"fit holtwinters P period={period} trend=add seasonal=mul", runs)
        rows.append(("Holt-Winters A,M", "trendcast fit holtwinters", tc, None))
        t = statsmodels_time(series, lambda y: ExponentialSmoothing(
            y, trend="add", seasonal="mul", seasonal_periods=period, initialization_method="estimated").fit(), runs)
        rows.append(("Holt-Winters A,M", "statsmodels ExponentialSmoothing", t, t / tc))

        for task, tool, seconds, ratio in rows:
            print(f"  {task:17s} {tool:38s} {seconds:8.3f} s" + (f"   ratio {ratio:6.2f}x" if ratio else ""))


if __name__ == "__main__":
    main(*sys.argv[1:4])
