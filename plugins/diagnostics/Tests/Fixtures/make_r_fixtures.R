# Expected decompositions and residual checks from R.
# Run from the repository root:  Rscript plugins/diagnostics/Tests/Fixtures/make_r_fixtures.R
# Writes plugins/diagnostics/Tests/Fixtures/decompose_r.json: mstl (STL with s.window 11, missing
# values filled by na.interp) and decompose (additive, multiplicative) components, with the
# strengths max(0, 1 - var(R)/var(T + R)) and max(0, 1 - var(R)/var(S + R)) (on logs for
# multiplicative); and checkresiduals' Ljung-Box test of a trend regression (test = "LB").
suppressMessages({ library(forecast); library(jsonlite) })

load_series <- function(csv, column, frequency) {
  data <- read.csv(file.path("Tests/Reference", csv))
  ts(data[[column]], frequency = frequency)
}
na_to_null <- function(x) { x <- as.numeric(x); lapply(x, function(v) if (is.na(v)) NULL else v) }
strength <- function(component, remainder) {
  ok <- !is.na(component) & !is.na(remainder)
  max(0, 1 - var(remainder[ok]) / var(component[ok] + remainder[ok]))
}

specs <- list(
  list(name = "airpassengers", csv = "data/airpassengers.csv", column = "passengers", frequency = 12),
  list(name = "wineind", csv = "data/wineind.csv", column = "sales", frequency = 12),
  list(name = "realcons", csv = "data/macro.csv", column = "realcons", frequency = 4),
  list(name = "shop_daily_gaps", csv = "data/shop_daily_gaps.csv", column = "units", frequency = 7)
)

decompositions <- list()
for (s in specs) {
  y <- load_series(s$csv, s$column, s$frequency)
  fit <- mstl(y)
  trend <- as.numeric(fit[, "Trend"]); season <- as.numeric(fit[, 3]); remainder <- as.numeric(fit[, "Remainder"])
  decompositions[[length(decompositions) + 1]] <- list(series = s$name, csv = s$csv, column = s$column, period = s$frequency,
    method = "stl", type = "additive", trend = na_to_null(trend), season = na_to_null(season), remainder = na_to_null(remainder),
    trend_strength = strength(trend, remainder), season_strength = strength(season, remainder))
  # R's decompose refuses series with internal gaps.
  for (type in if (anyNA(y)) character(0) else c("additive", "multiplicative")) {
    d <- decompose(y, type = type)
    trend <- as.numeric(d$trend); season <- as.numeric(d$seasonal); remainder <- as.numeric(d$random)
    f <- if (type == "multiplicative") log else identity
    decompositions[[length(decompositions) + 1]] <- list(series = s$name, csv = s$csv, column = s$column, period = s$frequency,
      method = "classical", type = type, trend = na_to_null(trend), season = na_to_null(season), remainder = na_to_null(remainder),
      trend_strength = strength(f(trend), f(remainder)), season_strength = strength(f(season), f(remainder)))
  }
}

ljungbox <- list()
for (s in specs[c(1, 3)]) {
  y <- load_series(s$csv, s$column, s$frequency)
  harmonics <- fourier(y, K = 2)
  fit <- tslm(y ~ trend + harmonics)
  invisible(capture.output(lb <- checkresiduals(fit, test = "LB", plot = FALSE)))
  ljungbox[[length(ljungbox) + 1]] <- list(series = s$name, csv = s$csv, column = s$column, period = s$frequency, harmonics = 2,
    statistic = unname(lb$statistic), pvalue = lb$p.value, df = unname(lb$parameter), fitdf = length(coef(fit)))
}

out <- list(tool = paste0("R ", getRversion(), ", forecast ", packageVersion("forecast"),
  ": mstl(), decompose(), checkresiduals(tslm(y ~ trend + fourier(y, 2)), test = 'LB')"),
  decompositions = decompositions, ljungbox = ljungbox)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
  "plugins/diagnostics/Tests/Fixtures/decompose_r.json")
