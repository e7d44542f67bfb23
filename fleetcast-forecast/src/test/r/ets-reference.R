# Reference ETS fits from R's forecast package, for EtsReferenceTest.
# Run from the repository root (installs R when missing):
#   bash scripts/ensure-r.sh && Rscript fleetcast-forecast/src/test/r/ets-reference.R
# Writes fleetcast-forecast/src/test/resources/ets/reference.json: for each case the series, the model R fitted
# (chosen by AICc when the case says "auto"), its parameters, log-likelihood, AICc and point forecasts.
suppressMessages(library(forecast))

cases <- list(
  list(name = "USAccDeaths", y = USAccDeaths, model = "ZZZ", h = 12),
  list(name = "USAccDeaths", y = USAccDeaths, model = "AAA", h = 12),
  list(name = "AirPassengers", y = AirPassengers, model = "MAM", h = 24),
  list(name = "AirPassengers", y = AirPassengers, model = "ZZZ", h = 24),
  list(name = "WWWusage", y = WWWusage, model = "ZZZ", h = 10),
  list(name = "WWWusage", y = WWWusage, model = "AAN", damped = TRUE, h = 10),
  list(name = "UKgas", y = UKgas, model = "ZZZ", h = 8),
  list(name = "Nile", y = Nile, model = "ANN", h = 5),
  list(name = "Nile", y = Nile, model = "MNN", h = 5)
)

num <- function(x) sprintf("%.10g", x)
arr <- function(x) paste0("[", paste(sapply(x, num), collapse = ", "), "]")

entries <- character(0)
for (case in cases) {
  damped <- if (is.null(case$damped)) { if (case$model == "ZZZ") NULL else FALSE } else case$damped
  fit <- ets(case$y, model = case$model, damped = damped)
  requested <- paste0(substr(case$model, 1, 2), ifelse(isTRUE(case$damped), "d", ""), substr(case$model, 3, 3))
  code <- paste0(fit$components[1], fit$components[2], ifelse(fit$components[4] == "TRUE", "d", ""),
                 fit$components[3])
  par <- fit$par
  pick <- function(p) if (p %in% names(par)) num(par[[p]]) else "null"
  fc <- forecast(fit, h = case$h, PI = FALSE)$mean
  entries <- c(entries, paste0(
    "  {\"series\": \"", case$name, "\", \"period\": ", frequency(case$y), ", \"requested\": \"", requested,
    "\", \"model\": \"", code, "\",\n",
    "   \"alpha\": ", pick("alpha"), ", \"beta\": ", pick("beta"), ", \"gamma\": ", pick("gamma"),
    ", \"phi\": ", pick("phi"), ",\n",
    "   \"loglik\": ", num(fit$loglik), ", \"aicc\": ", num(fit$aicc), ", \"sigma\": ", num(sqrt(fit$sigma2)), ",\n",
    "   \"par\": {", paste0("\"", names(par), "\": ", sapply(par, num), collapse = ", "), "},\n",
    "   \"forecast\": ", arr(fc), ",\n",
    "   \"y\": ", arr(as.numeric(case$y)), "}"))
}
out <- "fleetcast-forecast/src/test/resources/ets/reference.json"
writeLines(c(paste0("{\"generator\": \"R ", R.version$major, ".", R.version$minor, ", forecast ",
                    packageVersion("forecast"), "\", \"cases\": ["),
             paste(entries, collapse = ",\n"), "]}"), out)
cat("wrote", out, "\n")
