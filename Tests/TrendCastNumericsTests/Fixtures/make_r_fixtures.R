# Generates the R-side expected values for TrendCastNumerics tests.
#   apt-get install -y r-base-core r-cran-forecast r-cran-jsonlite
#   Rscript Tests/TrendCastNumericsTests/Fixtures/make_r_fixtures.R
# Writes r_fixtures.json beside this script. Run from the repository root.
suppressPackageStartupMessages({
  library(jsonlite)
  library(forecast)
})

ref <- "Tests/Reference/data"
out <- list(tool = paste0(R.version.string, ", forecast ", packageVersion("forecast")))

# --- Optimisers: the ?optim and ?optimize examples (values also quoted in OptimizerTests.swift)
fr <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
grr <- function(x) c(-400 * x[1] * (x[2] - x[1]^2) - 2 * (1 - x[1]), 200 * (x[2] - x[1]^2))
bfgs <- optim(c(-1.2, 1), fr, method = "BFGS")
bfgs_gr <- optim(c(-1.2, 1), fr, grr, method = "BFGS")
nm <- optim(c(-1.2, 1), fr)
brent <- optimize(function(x) (x - 1/3)^2 * exp(x), c(0, 1))
out$optim <- list(
  bfgs = list(par = bfgs$par, value = bfgs$value, counts = bfgs$counts),
  bfgs_gradient = list(par = bfgs_gr$par, value = bfgs_gr$value, counts = bfgs_gr$counts),
  nelder_mead = list(par = nm$par, value = nm$value, counts = nm$counts),
  brent = list(minimum = brent$minimum, objective = brent$objective)
)

# --- Descriptive statistics on a small sample with ties and a missing value
x <- c(3.2, 1, 7.5, 2, 2, 9, -4, NA, 5.5, 0.25, 11)
probs <- c(0, 0.1, 0.25, 0.5, 0.77, 0.9, 1)
out$descriptive <- list(
  x = x,
  probs = probs,
  quantiles = lapply(1:9, function(t) unname(quantile(x, probs, type = t, na.rm = TRUE))),
  mean = mean(x, na.rm = TRUE), var = var(x, na.rm = TRUE), median = median(x, na.rm = TRUE),
  mad = mad(x, na.rm = TRUE)
)

# --- STL and classical decomposition
col <- function(file, name) read.csv(file.path(ref, file))[[name]]
fill_linear <- function(x) {  # missing values filled by linear interpolation (tests do the same)
  i <- seq_along(x)
  approx(i[!is.na(x)], x[!is.na(x)], xout = i, rule = 2)$y
}
stl_case <- function(label, x, period, s.window, robust = FALSE) {
  fit <- stl(ts(x, frequency = period), s.window = s.window, robust = robust)
  list(label = label, period = period, s_window = if (is.character(s.window)) "periodic" else s.window,
       robust = robust, x = x,
       seasonal = as.numeric(fit$time.series[, "seasonal"]),
       trend = as.numeric(fit$time.series[, "trend"]),
       weights = fit$weights, win = unname(fit$win))
}
air <- col("airpassengers.csv", "passengers")
shop <- col("shop_daily.csv", "units")
co2 <- fill_linear(col("co2_weekly.csv", "co2"))
out$stl <- list(
  stl_case("airpassengers periodic", air, 12, "periodic"),
  stl_case("airpassengers s.window=7", air, 12, 7),
  stl_case("airpassengers s.window=13 robust", air, 12, 13, robust = TRUE),
  stl_case("shop_daily periodic", shop, 7, "periodic"),
  stl_case("shop_daily s.window=11", shop, 7, 11),
  stl_case("co2_weekly s.window=13", co2, 52, 13),
  stl_case("co2_weekly periodic robust", co2, 52, "periodic", robust = TRUE)
)
decompose_case <- function(label, x, period, type) {
  d <- decompose(ts(x, frequency = period), type = type)
  list(label = label, period = period, type = type, x = x,
       trend = as.numeric(d$trend), seasonal = as.numeric(d$seasonal), figure = d$figure)
}
wine <- col("wineind.csv", "sales")
out$decompose <- list(
  decompose_case("airpassengers additive", air, 12, "additive"),
  decompose_case("airpassengers multiplicative", air, 12, "multiplicative"),
  decompose_case("shop_daily additive", shop, 7, "additive"),
  decompose_case("wineind partial multiplicative", wine[3:100], 12, "multiplicative")
)

# --- ndiffs / nsdiffs as auto.arima calls them (KPSS alpha 0.05; seasonal strength; OCSB)
synthetic <- function(n, f) sapply(seq_len(n), f)
walk <- cumsum(synthetic(120, function(i) sin(1.7 * i) + 0.5 * cos(0.31 * i * i)))
series <- list(
  list(name = "airpassengers", x = air, m = 12),
  list(name = "log airpassengers", x = log(air), m = 12),
  list(name = "wineind", x = wine, m = 12),
  list(name = "nile", x = col("nile.csv", "volume"), m = 1),
  list(name = "lynx", x = col("lynx.csv", "trappings"), m = 1),
  list(name = "realcons", x = col("macro.csv", "realcons"), m = 4),
  list(name = "realgdp", x = col("macro.csv", "realgdp"), m = 4),
  list(name = "unemp", x = col("macro.csv", "unemp"), m = 4),
  list(name = "infl", x = col("macro.csv", "infl"), m = 4),
  list(name = "shop_daily", x = shop, m = 7),
  list(name = "airpassengers first 30", x = air[1:30], m = 12),
  list(name = "wineind first 20", x = wine[1:20], m = 12),
  list(name = "synthetic walk", x = walk, m = 1),
  list(name = "synthetic seasonal walk", x = walk + 10 * sin(2 * pi * seq_along(walk) / 6), m = 6),
  list(name = "short trend", x = c(1, 3, 2, 5, 4, 7, 6, 9, 8, 11), m = 1),
  list(name = "quadratic", x = (1:60)^2 / 10 + sin(1:60), m = 1)
)
out$differencing <- lapply(series, function(s) {
  x <- ts(s$x, frequency = s$m)
  res <- list(name = s$name, m = s$m, x = s$x, ndiffs = ndiffs(s$x))
  k <- urca::ur.kpss(s$x, type = "mu", use.lag = trunc(3 * sqrt(length(s$x)) / 13))
  res$kpss_mu_stat <- k@teststat[1]
  res$kpss_mu_lag <- k@lag
  if (s$m > 1) {
    res$nsdiffs_seas <- nsdiffs(x)
    res$nsdiffs_ocsb <- nsdiffs(x, test = "ocsb")
    res$seasonal_strength <- tryCatch(forecast:::seas.heuristic(x), error = function(e) NA)
    o <- tryCatch(ocsb.test(x, maxlag = 3, lag.method = "AIC"), error = function(e) NULL)
    if (!is.null(o)) {
      res$ocsb_stat <- unname(o$statistics)
      res$ocsb_crit <- o$critical
      res$ocsb_lag <- o$lag.order
    }
    fit <- auto.arima(x)
    res$auto_arima_d <- fit$arma[6]
    res$auto_arima_D <- fit$arma[7]
  } else {
    fit <- auto.arima(s$x)
    res$auto_arima_d <- fit$arma[6]
    res$auto_arima_D <- 0
  }
  res
})

# --- Missing values: forecast::na.interp, and the differencing choices on series with gaps
gaps <- col("shop_daily_gaps.csv", "units")
co2raw <- col("co2_weekly.csv", "co2")
airgaps <- air
airgaps[c(5, 40, 41, 42, 100, 143)] <- NA
out$na_interp <- list(
  list(name = "shop_daily_gaps", m = 7, x = gaps, filled = as.numeric(na.interp(ts(gaps, frequency = 7)))),
  list(name = "airpassengers with gaps", m = 12, x = airgaps, filled = as.numeric(na.interp(ts(airgaps, frequency = 12)))),
  list(name = "co2_weekly", m = 52, x = co2raw, filled = as.numeric(na.interp(ts(co2raw, frequency = 52)))),
  list(name = "nile with gaps (linear)", m = 1, x = replace(col("nile.csv", "volume"), c(1, 10, 11, 100), NA),
       filled = as.numeric(na.interp(replace(col("nile.csv", "volume"), c(1, 10, 11, 100), NA))))
)
out$differencing_gaps <- lapply(list(
  list(name = "shop_daily_gaps", x = gaps, m = 7),
  list(name = "airpassengers with gaps", x = airgaps, m = 12),
  list(name = "co2_weekly", x = co2raw, m = 52)
), function(s) {
  x <- ts(s$x, frequency = s$m)
  list(name = s$name, m = s$m, x = s$x, ndiffs = ndiffs(s$x), nsdiffs_seas = nsdiffs(x),
       seasonal_strength = forecast:::seas.heuristic(x))
})

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"),
           "Tests/TrendCastNumericsTests/Fixtures/r_fixtures.json")
