# Expected values from R's forecast package (8.20) for fixed-order ARIMA fits where
# statsmodels (Tests/Reference/arima.json) stopped at a lower local optimum, and standard
# errors for the display. Run from the repository root:
#   Rscript plugins/arima/Tests/Fixtures/make_r_fixtures.R
# Writes plugins/arima/Tests/Fixtures/r_arima.json (forecasts on the original scale:
# forecast() back-transforms a lambda = 0 model with exp, as TrendCast does).
suppressMessages(library(forecast))
ref <- "Tests/Reference/data/"
cases <- list(
  list(series = "wineind", csv = "wineind.csv", column = "sales", freq = 12, log = FALSE,
       order = c(1, 1, 1), seasonal = c(0, 1, 1), drift = FALSE, h = 12),
  list(series = "realcons", csv = "macro.csv", column = "realcons", freq = 4, log = TRUE,
       order = c(1, 1, 1), seasonal = c(0, 0, 0), drift = TRUE, h = 8),
  list(series = "airpassengers", csv = "airpassengers.csv", column = "passengers", freq = 12, log = TRUE,
       order = c(0, 1, 1), seasonal = c(0, 1, 1), drift = FALSE, h = 24)
)
num <- function(x) paste0("[", paste(sprintf("%.10g", x), collapse = ", "), "]")
out <- character(0)
for (case in cases) {
  y <- ts(read.csv(paste0(ref, case$csv))[[case$column]], frequency = case$freq)
  fit <- Arima(y, order = case$order, seasonal = case$seasonal, include.drift = case$drift,
               lambda = if (case$log) 0 else NULL)
  # Intervals from the ML innovation variance (stats::arima's), as TrendCast and statsmodels use.
  fit$sigma2 <- sum(residuals(fit, type = "innovation")^2, na.rm = TRUE) / fit$nobs
  fc <- forecast(fit, h = case$h, level = c(80, 95))
  coef <- fit$coef
  se <- sqrt(diag(fit$var.coef))
  out <- c(out, sprintf(paste0(
    '{"series": "%s", "csv": "data/%s", "column": "%s", "transform": "%s", "order": %s, ',
    '"seasonal_order": %s, "drift": %s, "names": [%s], "coef": %s, "se": %s, "loglik": %.10g, ',
    '"aicc": %.10g, "forecast": {"h": %d, "mean": %s, "lower80": %s, "upper80": %s, "lower95": %s, "upper95": %s}}'),
    case$series, case$csv, case$column, if (case$log) "log" else "none", num(case$order),
    num(c(case$seasonal, case$freq)), if (case$drift) "true" else "false",
    paste0('"', names(coef), '"', collapse = ", "), num(coef), num(se), fit$loglik, fit$aicc, case$h,
    num(fc$mean), num(fc$lower[, 1]), num(fc$upper[, 1]), num(fc$lower[, 2]), num(fc$upper[, 2])))
}
writeLines(c('{"tool": "R 4.2.2, forecast 8.20: Arima() with the ML sigma2 for intervals", "cases": [',
             paste(out, collapse = ",\n"), "]}"), "plugins/arima/Tests/Fixtures/r_arima.json")
