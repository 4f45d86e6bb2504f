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

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"),
           "Tests/TrendCastNumericsTests/Fixtures/r_fixtures.json")
