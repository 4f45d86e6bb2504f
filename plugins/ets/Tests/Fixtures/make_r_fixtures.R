# Expected ETS results from R's forecast package (run: Rscript make_r_fixtures.R from this folder).
# Writes r_ets_cases.json: for each case the series (values and frequency), the model asked
# for, and what ets() and forecast() returned. Needs r-base-core and r-cran-forecast (8.20).
suppressMessages(library(forecast))
set.seed(20240607)
ref <- "../../../../Tests/Reference/data/"
load_ref <- function(file, column, frequency, start = 1) {
  ts(read.csv(paste0(ref, file))[[column]], frequency = frequency, start = start)
}
series <- list(
  airpassengers = load_ref("airpassengers.csv", "passengers", 12),
  wineind = load_ref("wineind.csv", "sales", 12),
  nile = load_ref("nile.csv", "volume", 1),
  lynx = load_ref("lynx.csv", "trappings", 1),
  realcons = load_ref("macro.csv", "realcons", 4),
  unemp = load_ref("macro.csv", "unemp", 4),
  infl = load_ref("macro.csv", "infl", 4),
  usaccdeaths = USAccDeaths,
  ukgas = UKgas,
  ldeaths = ldeaths,
  nottem = nottem,
  austres = austres,
  wwwusage = WWWusage,
  lakehuron = LakeHuron,
  bjsales = BJsales,
  johnson = JohnsonJohnson,
  sunspots = sunspot.year
)
cases <- list(
  list("usaccdeaths", "ZZZ"), list("ukgas", "ZZZ"), list("ldeaths", "ZZZ"), list("nottem", "ZZZ"),
  list("austres", "ZZZ"), list("wwwusage", "ZZZ"), list("lakehuron", "ZZZ"), list("bjsales", "ZZZ"),
  list("johnson", "ZZZ"), list("sunspots", "ZZZ"), list("unemp", "ZZZ"), list("infl", "ZZZ"),
  list("wineind", "ANA"), list("wineind", "MNA"), list("nile", "AAdN"), list("nile", "ANN"),
  list("airpassengers", "MAM"), list("airpassengers", "MNM"), list("airpassengers", "AAA"),
  list("airpassengers", "AAdA"), list("lynx", "MAN"), list("usaccdeaths", "AAdA"),
  list("realcons", "MMN"), list("austres", "MMdN"), list("ukgas", "MMM")
)
json_num <- function(x) paste0("[", paste(sprintf("%.10g", as.numeric(x)), collapse = ", "), "]")
out <- c()
for (case in cases) {
  name <- case[[1]]; code <- case[[2]]
  y <- series[[name]]
  damped <- if (grepl("d", code)) TRUE else NULL
  fit <- ets(y, model = sub("d", "", code), damped = damped)
  h <- if (frequency(y) > 1) 2 * frequency(y) else 10
  fc <- forecast(fit, h = h, level = c(80, 95))
  par <- fit$par[names(fit$par) %in% c("alpha", "beta", "gamma", "phi")]
  out <- c(out, paste0(
    "{\"series\": \"", name, "\", \"frequency\": ", frequency(y), ", \"asked\": \"", code, "\",\n",
    " \"y\": ", json_num(y), ",\n",
    " \"model\": \"", fit$method, "\", \"loglik\": ", sprintf("%.10g", fit$loglik),
    ", \"aicc\": ", sprintf("%.10g", fit$aicc), ", \"sigma2\": ", sprintf("%.10g", fit$sigma2), ",\n",
    " \"par\": {", paste(sprintf("\"%s\": %.10g", names(par), par), collapse = ", "), "},\n",
    " \"mean\": ", json_num(fc$mean), ",\n",
    " \"lower80\": ", json_num(fc$lower[, 1]), ", \"upper80\": ", json_num(fc$upper[, 1]), ",\n",
    " \"lower95\": ", json_num(fc$lower[, 2]), ", \"upper95\": ", json_num(fc$upper[, 2]), "}"))
}
writeLines(c(paste0("{\"tool\": \"R ", R.version$major, ".", R.version$minor, ", forecast ", packageVersion("forecast"),
  ": ets(y, model = asked without d, damped = TRUE if asked has d), forecast(fit, level = c(80, 95))\",\n\"cases\": ["), paste(out, collapse = ",\n"), "]}"),
  "r_ets_cases.json")
