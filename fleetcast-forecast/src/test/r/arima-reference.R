# Reference ARIMA fits from R's forecast package, for ArimaReferenceTest, KpssTestTest and DifferencingTest.
# Run from the repository root (installs R when missing):
#   bash scripts/ensure-r.sh && Rscript fleetcast-forecast/src/test/r/arima-reference.R
# Writes fleetcast-forecast/src/test/resources/arima/reference.json:
#   "fixed": forecast::Arima fits of given orders (method CSS-ML, R's default): coefficients, log-likelihood, AIC,
#            AICc, BIC, sigma2 (as forecast sets it) and forecasts with their 80%/95% intervals;
#   "auto":  forecast::auto.arima with its defaults: the chosen orders, constant, coefficients, log-likelihood, AICc;
#   "tests": per series, ndiffs, nsdiffs and the KPSS statistic as ndiffs computes it (urca::ur.kpss, type "mu",
#            lags trunc(3 sqrt(n) / 13)).
suppressMessages(library(forecast))
suppressMessages(library(urca))

set.seed(20240601)
drifting <- ts(cumsum(0.5 + arima.sim(list(ar = 0.6), n = 120)))

series <- list(
  WWWusage = WWWusage, AirPassengers = AirPassengers, logAirPassengers = log(AirPassengers),
  USAccDeaths = USAccDeaths, lh = lh, Nile = Nile, austres = austres, lynx = lynx, LakeHuron = LakeHuron,
  drifting = drifting, nottem = nottem, co2 = co2, UKgas = UKgas)

fixed <- list(
  list(series = "WWWusage", order = c(1, 1, 1), seasonal = c(0, 0, 0), constant = FALSE, h = 10),
  list(series = "WWWusage", order = c(3, 1, 0), seasonal = c(0, 0, 0), constant = FALSE, h = 10),
  list(series = "logAirPassengers", order = c(0, 1, 1), seasonal = c(0, 1, 1), constant = FALSE, h = 24),
  list(series = "AirPassengers", order = c(2, 1, 1), seasonal = c(0, 1, 0), constant = FALSE, h = 24),
  list(series = "USAccDeaths", order = c(0, 1, 1), seasonal = c(0, 1, 1), constant = FALSE, h = 12),
  list(series = "USAccDeaths", order = c(1, 0, 1), seasonal = c(1, 1, 0), constant = TRUE, h = 12),
  list(series = "lh", order = c(1, 0, 0), seasonal = c(0, 0, 0), constant = TRUE, h = 8),
  list(series = "lh", order = c(3, 0, 0), seasonal = c(0, 0, 0), constant = TRUE, h = 8),
  list(series = "lh", order = c(1, 0, 1), seasonal = c(0, 0, 0), constant = TRUE, h = 8),
  list(series = "Nile", order = c(1, 1, 1), seasonal = c(0, 0, 0), constant = FALSE, h = 10),
  list(series = "Nile", order = c(0, 1, 1), seasonal = c(0, 0, 0), constant = TRUE, h = 10),
  list(series = "austres", order = c(1, 1, 0), seasonal = c(0, 0, 0), constant = TRUE, h = 8),
  list(series = "lynx", order = c(2, 0, 0), seasonal = c(0, 0, 0), constant = TRUE, h = 10),
  list(series = "drifting", order = c(1, 1, 0), seasonal = c(0, 0, 0), constant = TRUE, h = 10),
  list(series = "UKgas", order = c(1, 0, 0), seasonal = c(0, 1, 1), constant = TRUE, h = 8))

num <- function(x) if (is.na(x)) "null" else if (is.infinite(x)) (if (x > 0) "1e308" else "-1e308") else sprintf("%.10g", x)
arr <- function(x) paste0("[", paste(sapply(as.numeric(x), num), collapse = ", "), "]")
obj <- function(x) if (length(x) == 0) "{}" else paste0("{", paste0("\"", names(x), "\": ", sapply(x, num), collapse = ", "), "}")

describe <- function(fit) {
  arma <- fit$arma  # p, q, P, Q, m, d, D
  coef <- fit$coef
  paste0(
    "\"order\": [", arma[1], ", ", arma[6], ", ", arma[2], ", ", arma[3], ", ", arma[7], ", ", arma[4], "], ",
    "\"period\": ", arma[5], ", \"constant\": ", tolower(any(names(coef) %in% c("intercept", "drift"))), ",\n",
    "   \"coef\": ", obj(coef), ",\n",
    "   \"loglik\": ", num(fit$loglik), ", \"aic\": ", num(fit$aic), ", \"aicc\": ", num(fit$aicc),
    ", \"bic\": ", num(fit$bic), ", \"sigma2\": ", num(fit$sigma2))
}

fixedEntries <- character(0)
for (case in fixed) {
  y <- series[[case$series]]
  fit <- Arima(y, order = case$order, seasonal = case$seasonal, include.constant = case$constant)
  fc <- forecast(fit, h = case$h, level = c(80, 95))
  fixedEntries <- c(fixedEntries, paste0(
    "  {\"series\": \"", case$series, "\", \"requested\": ", arr(c(case$order, case$seasonal)),
    ", \"requestedConstant\": ", tolower(case$constant), ", ", describe(fit), ",\n",
    "   \"mean\": ", arr(fc$mean), ",\n",
    "   \"lower80\": ", arr(fc$lower[, 1]), ", \"upper80\": ", arr(fc$upper[, 1]), ",\n",
    "   \"lower95\": ", arr(fc$lower[, 2]), ", \"upper95\": ", arr(fc$upper[, 2]), "}"))
}

autoEntries <- character(0)
testEntries <- character(0)
for (name in names(series)) {
  y <- series[[name]]
  seconds <- system.time(fit <- auto.arima(y))[["elapsed"]]
  autoEntries <- c(autoEntries, paste0(
    "  {\"series\": \"", name, "\", ", describe(fit), ", \"rSeconds\": ", num(seconds), "}"))
  x <- as.numeric(y)
  lags <- trunc(3 * sqrt(length(x)) / 13)
  kpss <- ur.kpss(x, type = "mu", use.lag = lags)@teststat[1]
  kpssDiff <- ur.kpss(diff(x), type = "mu", use.lag = trunc(3 * sqrt(length(x) - 1) / 13))@teststat[1]
  strength <- if (frequency(y) > 1) num(forecast:::seas.heuristic(y)) else "null"
  testEntries <- c(testEntries, paste0(
    "  {\"series\": \"", name, "\", \"period\": ", frequency(y), ", \"ndiffs\": ", ndiffs(x),
    ", \"nsdiffs\": ", if (frequency(y) > 1) nsdiffs(y) else 0, ", \"seasonalStrength\": ", strength,
    ", \"kpssLags\": ", lags, ", \"kpss\": ", num(kpss), ", \"kpssOfDifferences\": ", num(kpssDiff), "}"))
}

seriesEntries <- paste0("  \"", names(series), "\": {\"period\": ", sapply(series, frequency), ", \"y\": ",
                        sapply(series, function(y) arr(as.numeric(y))), "}")

out <- "fleetcast-forecast/src/test/resources/arima/reference.json"
writeLines(c(paste0("{\"generator\": \"R ", R.version$major, ".", R.version$minor, ", forecast ",
                    packageVersion("forecast"), ", urca ", packageVersion("urca"), "\","),
             "\"fixed\": [", paste(fixedEntries, collapse = ",\n"), "],",
             "\"auto\": [", paste(autoEntries, collapse = ",\n"), "],",
             "\"tests\": [", paste(testEntries, collapse = ",\n"), "],",
             "\"series\": {", paste(seriesEntries, collapse = ",\n"), "}}"), out)
cat("wrote", out, "\n")
