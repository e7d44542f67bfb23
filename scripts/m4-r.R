# R's forecast::ets and auto.arima on M4 series, scored as M4 does; the peer side of
# scripts/compare-forecast-with-r.sh. Usage: Rscript scripts/m4-r.R M4DIR hourly|weekly N [METHODS]
# (METHODS: comma-separated among ETS, ARIMA, MSTL; default all that apply — MSTL only for hourly data)
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
frequency <- tolower(args[2])
n <- as.integer(args[3])
label <- if (frequency == "hourly") "Hourly" else "Weekly"
h <- if (frequency == "hourly") 48 else 13
m <- if (frequency == "hourly") 24 else 1

read <- function(file) {
  d <- read.csv(gzfile(file.path(dir, file)), header = TRUE)
  lapply(seq_len(min(n, nrow(d))), function(i) { y <- as.numeric(d[i, -1]); y[!is.na(y)] })
}
train <- read(paste0(label, "-train.csv.gz"))
test <- read(paste0(label, "-test.csv.gz"))

smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
mase <- function(x, y, f) mean(abs(y - f)) / mean(abs(diff(x, lag = m)))
seasonal <- function(x) {  # the M4 seasonality test
  if (m <= 1 || length(x) < 3 * m) return(FALSE)
  r <- acf(x, lag.max = m, plot = FALSE)$acf[-1]
  limit <- 1.645 / sqrt(length(x)) * sqrt(1 + 2 * sum(r[seq_len(m - 1)]^2))
  isTRUE(abs(r[m]) > limit)
}
naive2 <- function(x) {
  if (seasonal(x)) {
    d <- decompose(ts(x, frequency = m), type = "multiplicative")
    si <- rep(tail(d$seasonal, m), length.out = h)
    rep(tail(x / d$seasonal, 1), h) * si
  } else rep(tail(x, 1), h)
}
methods <- list(
  Naive2 = function(x) naive2(x),
  ETS = function(x) forecast(ets(ts(x, frequency = m)), h = h)$mean,
  ARIMA = function(x) forecast(auto.arima(ts(x, frequency = m)), h = h)$mean)
if (frequency == "hourly") {
  # R's MSTL with daily and weekly cycles, ETS on the adjusted series: the peer of Fleetcast's MSTL-ETS.
  methods$MSTL <- function(x) forecast(mstl(msts(x, seasonal.periods = c(24, 168))), method = "ets", h = h)$mean
}
if (length(args) >= 4) {
  wanted <- strsplit(args[4], ",")[[1]]
  methods <- methods[names(methods) %in% c("Naive2", wanted)]
}
cat(sprintf("R %s, forecast %s: M4 %s, %d series, horizon %d\n", paste(R.version$major, R.version$minor, sep = "."),
            packageVersion("forecast"), label, length(train), h))
cat(sprintf("  %-8s %8s %8s %8s %12s\n", "method", "sMAPE", "MASE", "OWA", "ms/series"))
reference <- NULL
for (name in names(methods)) {
  start <- proc.time()[["elapsed"]]
  s <- 0; a <- 0
  for (i in seq_along(train)) {
    f <- pmax(as.numeric(methods[[name]](train[[i]])), 0)
    s <- s + smape(test[[i]], f); a <- a + mase(train[[i]], test[[i]], f)
  }
  seconds <- proc.time()[["elapsed"]] - start
  v <- c(s / length(train), a / length(train))
  if (is.null(reference)) reference <- v  # Naive2 comes first
  owa <- (v[1] / reference[1] + v[2] / reference[2]) / 2
  cat(sprintf("  %-8s %8.3f %8.3f %8.3f %12.1f\n", name, v[1], v[2], owa, 1000 * seconds / length(train)))
  flush.console()
}
