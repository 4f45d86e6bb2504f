"""Reference forecasts for part (b): statsforecast's AutoARIMA and, when Rscript is present,
R forecast's auto.arima — cached, since together they take hours of one core where TrendCast
takes a minute.

A cache file holds one tool's forecast, chosen model and time of every series of one
(collection, period, series limit, tool version); it lives in bench/arima/.cache (git-ignored).
A cached run is reused as is, times included: they were measured when the file was written.
"""
import json
import os
import shutil
import subprocess
import tempfile
import time

import numpy as np

CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")


def series_id(index):
    return f"s{index:05d}"


def model_text(p, d, q, P, D, Q, period, constant):
    seasonal = f"({P},{D},{Q})[{period}]" if period > 1 and (P or D or Q) else ""
    return f"ARIMA({p},{d},{q}){seasonal}{' ' + constant if constant else ''}"


def cache_path(tool, version, name, period, size):
    return os.path.join(CACHE, f"{tool}-{version}-{name}-m{period}-{size}.json")


def cached(tool, version, name, period, members, limit, compute):
    """`compute(members)`'s per-series results for this group, from the cache when present.

    A group's first N series are also found in the cache of a larger run of the same group
    (each series is fitted on its own, and its time is kept), so a quick run reuses a full one.
    """
    size = limit if limit else "all"
    candidates = [cache_path(tool, version, name, period, size), cache_path(tool, version, name, period, "all")]
    for path in candidates:
        if not os.path.exists(path):
            continue
        with open(path) as handle:
            stored = json.load(handle)["series"]
        if all(series_id(index) in stored for index in range(len(members))):
            result = group_result({series_id(index): stored[series_id(index)] for index in range(len(members))})
            print(f"    {tool} {version}, {name} period {period}: cached ({os.path.basename(path)},"
                  f" time {result['time']:.1f} s as measured then)", flush=True)
            return result
    series = compute(members)
    os.makedirs(CACHE, exist_ok=True)
    path = candidates[0]
    with open(path + ".tmp", "w") as handle:
        json.dump({"series": series}, handle)
    os.replace(path + ".tmp", path)
    result = group_result(series)
    print(f"    {tool} {version}, {name} period {period}: {len(series)} series in"
          f" {result['time']:.1f} s (cached to {os.path.basename(path)})", flush=True)
    return result


def group_result(series):
    return {"time": sum(entry["time"] for entry in series.values()),
            "forecasts": {uid: entry["forecast"] for uid, entry in series.items()},
            "models": {uid: entry["model"] for uid, entry in series.items()}}


# MARK: statsforecast

def statsforecast_version():
    import statsforecast
    return statsforecast.__version__


def warm_statsforecast():
    """Compiles statsforecast's numba code so that no series' time includes it."""
    from statsforecast.models import AutoARIMA
    noise = np.random.default_rng(1).normal(size=200)
    for period in (12, 4, 1):
        for n in (30, 60, 200):
            t = np.arange(float(n))
            y = 10 + np.sin(2 * np.pi * t / period) + t / 10 + np.cumsum(noise[:n]) / 3
            AutoARIMA(season_length=period).fit(y).predict(h=6)


def run_statsforecast(members, period, h):
    """Each series fitted and forecast on its own (what StatsForecast(n_jobs=1) does), timed."""
    from statsforecast.models import AutoARIMA
    series = {}
    for index, member in enumerate(members):
        x = np.asarray(member.x, float)
        start = time.perf_counter()
        model = AutoARIMA(season_length=period).fit(x)
        mean = model.predict(h=h)["mean"]
        elapsed = time.perf_counter() - start
        p, q, P, Q, m, d, D = model.model_["arma"]
        names = model.model_["coef"].keys()
        constant = "with drift" if "drift" in names else "with mean" if "intercept" in names else ""
        series[series_id(index)] = {"time": elapsed, "forecast": [float(v) for v in mean],
                                    "model": model_text(p, d, q, P, D, Q, m, constant)}
    return series


def statsforecast_forecasts(name, period, members, h, limit):
    return cached("statsforecast", statsforecast_version(), name, period, members, limit,
                  lambda chosen: run_statsforecast(chosen, period, h))


# MARK: R forecast::auto.arima

R_SCRIPT = r"""
suppressPackageStartupMessages(library(forecast))
arguments <- commandArgs(trailingOnly = TRUE)
period <- as.numeric(arguments[3]); h <- as.integer(arguments[4])
lines <- readLines(arguments[1])
ids <- character(0); models <- character(0); means <- character(0); times <- character(0)
for (line in lines) {
  fields <- strsplit(line, ",", fixed = TRUE)[[1]]
  x <- ts(as.numeric(fields[-1]), frequency = period)
  start <- proc.time()[["elapsed"]]
  fit <- auto.arima(x)
  mean <- forecast(fit, h = h)$mean
  times <- c(times, format(proc.time()[["elapsed"]] - start, digits = 17))
  order <- arimaorder(fit)
  if (length(order) < 7) order <- c(order, 0, 0, 0, period)
  names <- names(coef(fit))
  constant <- if ("drift" %in% names) "with drift" else if ("intercept" %in% names) "with mean" else ""
  ids <- c(ids, fields[1])
  models <- c(models, paste(c(order[1:6], order[7], constant), collapse = ";"))
  means <- c(means, paste(format(as.numeric(mean), digits = 17), collapse = ";"))
}
writeLines(paste(ids, times, models, means, sep = ","), arguments[2])
"""


def r_available():
    return shutil.which("Rscript") is not None


def r_forecast_version():
    result = subprocess.run(["Rscript", "-e", 'cat(as.character(packageVersion("forecast")))'],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def run_r(members, period, h):
    with tempfile.TemporaryDirectory() as work:
        script, series, output = (os.path.join(work, f) for f in ("auto.R", "series.csv", "out.csv"))
        with open(script, "w") as handle:
            handle.write(R_SCRIPT)
        with open(series, "w") as handle:
            for index, member in enumerate(members):
                handle.write(series_id(index) + "," + ",".join(repr(float(v)) for v in member.x) + "\n")
        subprocess.run(["Rscript", script, series, output, str(period), str(h)], check=True)
        with open(output) as handle:
            lines = handle.read().splitlines()
    # Times are R's own, around auto.arima and forecast: R's start-up is left out.
    series = {}
    for line in lines:
        uid, elapsed, model, mean = line.split(",")
        p, d, q, P, D, Q, m, constant = model.split(";")
        series[uid] = {"time": float(elapsed), "forecast": [float(v) for v in mean.split(";")],
                       "model": model_text(*(int(v) for v in (p, d, q, P, D, Q, m)), constant)}
    return series


def r_forecasts(name, period, members, h, limit):
    return cached("R-forecast", r_forecast_version(), name, period, members, limit,
                  lambda chosen: run_r(chosen, period, h))
