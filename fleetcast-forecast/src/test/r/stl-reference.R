# Reference STL and MSTL decompositions and MSTL forecasts from R, for StlReferenceTest.
# Run from the repository root (installs R when missing):
#   bash scripts/ensure-r.sh && Rscript fleetcast-forecast/src/test/r/stl-reference.R
# Writes fleetcast-forecast/src/test/resources/seasonal/stl-reference.json.
suppressMessages(library(forecast))

num <- function(x) sprintf("%.10g", x)
arr <- function(x) paste0("[", paste(sapply(as.numeric(x), num), collapse = ", "), "]")

entries <- character(0)
stl_case <- function(name, y, s.window) {
  fit <- stl(y, s.window = s.window)
  paste0("  {\"kind\": \"stl\", \"series\": \"", name, "\", \"periods\": [", frequency(y), "], \"window\": ", s.window,
         ",\n   \"values\": ", arr(y), ",\n   \"seasonals\": [", arr(fit$time.series[, "seasonal"]),
         "],\n   \"trend\": ", arr(fit$time.series[, "trend"]), "}")
}
mstl_case <- function(name, y, h) {
  fit <- mstl(y)
  periods <- if (is.null(attr(y, "msts"))) frequency(y) else attr(y, "msts")
  seas <- fit[, grepl("Seasonal", colnames(fit)), drop = FALSE]
  fc <- forecast(fit, method = "ets", h = h)
  paste0("  {\"kind\": \"mstl\", \"series\": \"", name, "\", \"periods\": [", paste(periods, collapse = ", "),
         "],\n   \"values\": ", arr(y),
         ",\n   \"seasonals\": [", paste(apply(seas, 2, arr), collapse = ",\n     "),
         "],\n   \"trend\": ", arr(fit[, "Trend"]),
         ",\n   \"model\": \"", fc$model$method, "\", \"forecast\": ", arr(fc$mean),
         ",\n   \"lo95\": ", arr(fc$lower[, 2]), ", \"hi95\": ", arr(fc$upper[, 2]), "}")
}
entries <- c(entries, stl_case("co2", co2, 7))
entries <- c(entries, stl_case("nottem", nottem, 11))
entries <- c(entries, stl_case("UKDriverDeaths", UKDriverDeaths, 13))
entries <- c(entries, mstl_case("taylor-6weeks", msts(as.numeric(taylor)[1:(336 * 6)], seasonal.periods = c(48, 336)), 96))
entries <- c(entries, mstl_case("USAccDeaths", msts(as.numeric(USAccDeaths), seasonal.periods = 12), 24))

dir.create("fleetcast-forecast/src/test/resources/seasonal", showWarnings = FALSE, recursive = TRUE)
writeLines(c("[", paste(entries, collapse = ",\n"), "]"), "fleetcast-forecast/src/test/resources/seasonal/stl-reference.json")
