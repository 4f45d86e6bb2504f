# Expected results for the baseline models, from R's forecast package.
# Run from the repository root:  Rscript plugins/baseline/Tests/Fixtures/make_fixtures.R
# Writes plugins/baseline/Tests/Fixtures/baselines_r.json.
suppressMessages({ library(forecast); library(jsonlite) })

load_series <- function(csv, column, frequency) {
  data <- read.csv(file.path("Tests/Reference", csv))
  ts(data[[column]], frequency = frequency)
}

series <- list(
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, h = 24),
  list(name = "wineind", csv = "data/wineind.csv", column = "sales", frequency = 12, h = 13),
  list(name = "nile", csv = "data/nile.csv", column = "volume", frequency = 1, h = 10),
  list(name = "realcons", csv = "data/macro.csv", column = "realcons", frequency = 4, h = 8),
  list(name = "shop_daily_gaps", csv = "data/shop_daily_gaps.csv", column = "units", frequency = 7, h = 28)
)

na_to_null <- function(x) { x <- as.numeric(x); lapply(x, function(v) if (is.na(v)) NULL else v) }

one_case <- function(s, method) {
  y <- load_series(s$csv, s$column, s$frequency)
  f <- switch(method,
    naive = naive(y, h = s$h, level = c(80, 95)),
    snaive = snaive(y, h = s$h, level = c(80, 95)),
    drift = rwf(y, drift = TRUE, h = s$h, level = c(80, 95)),
    mean = meanf(y, h = s$h, level = c(80, 95)))
  if (method == "mean" && anyNA(y)) {
    # TrendCast counts only the observed values in meanf's n (R's meanf counts missing ones too).
    observed <- meanf(as.numeric(y)[!is.na(y)], h = s$h, level = c(80, 95))
    f$lower <- observed$lower
    f$upper <- observed$upper
  }
  fitted <- if (method == "mean") rep(f$mean[1], length(y)) else as.numeric(fitted(f))
  residuals <- as.numeric(y) - fitted
  training <- accuracy(f)
  invisible(capture.output(lb <- checkresiduals(f, plot = FALSE)))
  dof <- c(naive = 0, snaive = 0, drift = 1, mean = 1)[[method]]
  params <- switch(method,
    drift = list(drift = f$model$par$drift, drift_se = f$model$par$drift.se),
    mean = list(mu = f$model$mu, sd = f$model$sd),
    list())
  sigma2 <- if (method == "mean") f$model$sd^2 else f$model$sigma2
  list(series = s$name, csv = s$csv, column = s$column, frequency = s$frequency, method = method,
    h = s$h, params = params, sigma2 = sigma2,
    fitted = na_to_null(fitted), residuals = na_to_null(residuals),
    mean = as.numeric(f$mean),
    lower80 = as.numeric(f$lower[, 1]), upper80 = as.numeric(f$upper[, 1]),
    lower95 = as.numeric(f$lower[, 2]), upper95 = as.numeric(f$upper[, 2]),
    training = as.list(training[1, c("ME", "RMSE", "MAE", "MPE", "MAPE", "MASE")]),
    ljungbox = list(statistic = unname(lb$statistic), pvalue = lb$p.value, df = unname(lb$parameter),
      lags = unname(lb$parameter) + dof))
}

cases <- list()
for (s in series) for (method in c("naive", "snaive", "drift", "mean")) {
  if (method == "snaive" && s$frequency == 1) next
  cases[[length(cases) + 1]] <- one_case(s, method)
}

out <- list(tool = paste0("R ", getRversion(), ", forecast ", packageVersion("forecast"),
  ": naive, snaive, rwf(drift=TRUE), meanf; accuracy(); checkresiduals() Ljung-Box"), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
  "plugins/baseline/Tests/Fixtures/baselines_r.json")
