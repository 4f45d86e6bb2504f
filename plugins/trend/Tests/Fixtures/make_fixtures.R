# Expected results for trend regression, from R's forecast package:
# tslm(y ~ trend + fourier(y, K)) and its forecasts (t-distribution prediction intervals).
# Run from the repository root:  Rscript plugins/trend/Tests/Fixtures/make_fixtures.R
# Writes plugins/trend/Tests/Fixtures/trend_r.json.
suppressMessages({ library(forecast); library(jsonlite) })

load_series <- function(csv, column, frequency) {
  data <- read.csv(file.path("Tests/Reference", csv))
  ts(data[[column]], frequency = frequency)
}

specs <- list(
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, K = 2, h = 24),
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, K = 6, h = 12),
  list(name = "wineind", csv = "data/wineind.csv", column = "sales", frequency = 12, K = 3, h = 12),
  list(name = "nile", csv = "data/nile.csv", column = "volume", frequency = 1, K = 0, h = 10),
  list(name = "realcons", csv = "data/macro.csv", column = "realcons", frequency = 4, K = 2, h = 8),
  list(name = "shop_daily_gaps", csv = "data/shop_daily_gaps.csv", column = "units", frequency = 7, K = 3, h = 28),
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12, K = 0, h = 6)
)

na_to_null <- function(x) { x <- as.numeric(x); lapply(x, function(v) if (is.na(v)) NULL else v) }

scalar_or_null <- function(x) if (is.na(x)) NULL else x

one_case <- function(s) {
  y <- load_series(s$csv, s$column, s$frequency)
  if (s$K > 0) {
    harmonics <- fourier(y, K = s$K)
    fit <- tslm(y ~ trend + harmonics)
    future <- fourier(y, K = s$K, h = s$h)
    f <- forecast(fit, newdata = data.frame(harmonics = I(future)), level = c(80, 95))
  } else {
    fit <- tslm(y ~ trend)
    f <- forecast(fit, h = s$h, level = c(80, 95))
  }
  summary <- summary(fit)
  coefficients <- summary$coefficients
  fitted <- rep(NA_real_, length(y))
  fitted[!is.na(y)] <- as.numeric(fitted(fit))[!is.na(y)]
  list(series = s$name, csv = s$csv, column = s$column, frequency = s$frequency, harmonics = s$K, h = s$h,
    names = rownames(coefficients),
    coefficients = unname(coefficients[, 1]), standard_errors = unname(coefficients[, 2]),
    t_values = unname(coefficients[, 3]), p_values = unname(coefficients[, 4]),
    r_squared = summary$r.squared, adj_r_squared = summary$adj.r.squared,
    sigma = summary$sigma, df_residual = fit$df.residual,
    fstatistic = unname(summary$fstatistic[1]),
    # R gives NA here when the series has missing values (tslm keeps them as NA rows).
    loglik = scalar_or_null(as.numeric(logLik(fit))), aic = scalar_or_null(AIC(fit)), bic = scalar_or_null(BIC(fit)),
    fitted = na_to_null(fitted),
    mean = as.numeric(f$mean),
    lower80 = as.numeric(f$lower[, 1]), upper80 = as.numeric(f$upper[, 1]),
    lower95 = as.numeric(f$lower[, 2]), upper95 = as.numeric(f$upper[, 2]))
}

out <- list(tool = paste0("R ", getRversion(), ", forecast ", packageVersion("forecast"),
  ": tslm(y ~ trend + fourier(y, K)), summary.lm, forecast.lm"),
  cases = lapply(specs, one_case))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
  "plugins/trend/Tests/Fixtures/trend_r.json")
