# Expected results for accuracy and backtests, from R's forecast package.
# Run from the repository root:  Rscript plugins/forecast/Tests/Fixtures/make_fixtures.R
# Writes plugins/forecast/Tests/Fixtures/evaluation_r.json.
#
# accuracy(forecast, test) gives ME, RMSE, MAE, MPE, MAPE, MASE (scaled by the in-sample MAE of
# the seasonal naive method, or the naive one for non-seasonal data). sMAPE is not in R's
# accuracy(); it is computed here as TrendCast defines it: 200 * mean(|y - f| / (|y| + |f|)).
# Backtests: expanding windows whose last forecast ends at the end of the data; window i
# trains on the first n - h - (K - i) * step values; measures per window and pooled over all.
suppressMessages({ library(forecast); library(jsonlite) })

load_series <- function(csv, column, frequency) {
  data <- read.csv(file.path("Tests/Reference", csv))
  ts(data[[column]], frequency = frequency)
}

forecaster <- function(method, y, h) {
  switch(method,
    naive = naive(y, h = h),
    snaive = snaive(y, h = h),
    drift = rwf(y, drift = TRUE, h = h),
    mean = meanf(y, h = h),
    trend2 = {
      harmonics <- fourier(y, K = 2)
      fit <- tslm(y ~ trend + harmonics)
      forecast(fit, newdata = data.frame(harmonics = I(fourier(y, K = 2, h = h))))
    })
}

mase_scale <- function(y) {
  m <- frequency(y)
  mean(abs(diff(as.numeric(y), lag = m)), na.rm = TRUE)
}

measures <- function(actual, forecast, scale) {
  e <- actual - forecast
  list(ME = mean(e), RMSE = sqrt(mean(e^2)), MAE = mean(abs(e)), MAPE = 100 * mean(abs(e / actual)),
    sMAPE = 200 * mean(abs(e) / (abs(actual) + abs(forecast))), MASE = mean(abs(e) / scale))
}

accuracy_cases <- list(
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, test = 12, method = "snaive"),
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, test = 12, method = "drift"),
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, test = 12, method = "trend2"),
  list(name = "nile", csv = "data/nile.csv", column = "volume", frequency = 1, test = 10, method = "mean"),
  list(name = "shop_daily", csv = "data/shop_daily.csv", column = "units", frequency = 7, test = 28, method = "naive")
)

accuracy_case <- function(s) {
  y <- load_series(s$csv, s$column, s$frequency)
  n <- length(y)
  train <- ts(as.numeric(y)[1:(n - s$test)], frequency = s$frequency)
  # The test set must be a ts of the same frequency: accuracy() takes the MASE lag from it.
  test <- ts(as.numeric(y)[(n - s$test + 1):n], frequency = s$frequency, start = tsp(train)[2] + 1 / s$frequency)
  f <- forecaster(s$method, train, s$test)
  r <- accuracy(f, test)
  ours <- measures(as.numeric(test), as.numeric(f$mean), mase_scale(train))
  list(series = s$name, csv = s$csv, column = s$column, frequency = s$frequency, method = s$method, test = s$test,
    r_test = as.list(r[2, c("ME", "RMSE", "MAE", "MPE", "MAPE", "MASE")]),
    r_training = as.list(r[1, c("ME", "RMSE", "MAE", "MPE", "MAPE", "MASE")]),
    smape = ours$sMAPE)
}

backtest_cases <- list(
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, method = "snaive", h = 12, windows = 4, step = 6),
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, method = "drift", h = 12, windows = 4, step = 6),
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, method = "trend2", h = 12, windows = 4, step = 6),
  list(name = "nile", csv = "data/nile.csv", column = "volume", frequency = 1, method = "naive", h = 5, windows = 3, step = 1),
  list(name = "nile", csv = "data/nile.csv", column = "volume", frequency = 1, method = "mean", h = 5, windows = 3, step = 1)
)

backtest_case <- function(s) {
  y <- load_series(s$csv, s$column, s$frequency)
  n <- length(y)
  all_actual <- c(); all_forecast <- c(); all_scale <- c()
  windows <- list()
  for (i in 1:s$windows) {
    size <- n - s$h - (s$windows - i) * s$step
    train <- ts(as.numeric(y)[1:size], frequency = s$frequency)
    actual <- as.numeric(y)[(size + 1):(size + s$h)]
    fc <- as.numeric(forecaster(s$method, train, s$h)$mean)
    scale <- mase_scale(train)
    windows[[i]] <- c(list(train = size, forecast = fc), measures(actual, fc, scale))
    all_actual <- c(all_actual, actual); all_forecast <- c(all_forecast, fc); all_scale <- c(all_scale, rep(scale, s$h))
  }
  e <- all_actual - all_forecast
  overall <- list(ME = mean(e), RMSE = sqrt(mean(e^2)), MAE = mean(abs(e)), MAPE = 100 * mean(abs(e / all_actual)),
    sMAPE = 200 * mean(abs(e) / (abs(all_actual) + abs(all_forecast))), MASE = mean(abs(e) / all_scale))
  list(series = s$name, csv = s$csv, column = s$column, frequency = s$frequency, method = s$method,
    h = s$h, windows = s$windows, step = s$step, per_window = windows, overall = overall)
}

out <- list(tool = paste0("R ", getRversion(), ", forecast ", packageVersion("forecast"),
  ": accuracy(); backtests computed with naive, snaive, rwf(drift=TRUE), meanf, tslm(y ~ trend + fourier(y, 2))"),
  accuracy = lapply(accuracy_cases, accuracy_case), backtests = lapply(backtest_cases, backtest_case))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
  "plugins/forecast/Tests/Fixtures/evaluation_r.json")
