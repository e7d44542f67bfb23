# Reference least-squares fit for RegressionModelTest: log(AirPassengers) on a straight trend and two Fourier
# pairs of period 12, with R's lm; without changepoints our regression is ordinary least squares, so the
# forecasts must agree. Run from the repository root:
#   bash scripts/ensure-r.sh && Rscript fleetcast-forecast/src/test/r/regression-reference.R
y <- as.numeric(AirPassengers)
n <- length(y)
h <- 24
t <- 0:(n + h - 1)
X <- data.frame(t = t)
for (k in 1:2) {
  X[[paste0("s", k)]] <- sin(2 * pi * k * t / 12)
  X[[paste0("c", k)]] <- cos(2 * pi * k * t / 12)
}
train <- X[1:n, ]
train$z <- log(y)
fit <- lm(z ~ t + s1 + c1 + s2 + c2, data = train)
pred <- predict(fit, newdata = X[(n + 1):(n + h), ], interval = "prediction", level = 0.95)
num <- function(x) sprintf("%.10g", x)
arr <- function(x) paste0("[", paste(sapply(as.numeric(x), num), collapse = ", "), "]")
writeLines(c("{",
             paste0("  \"y\": ", arr(y), ","),
             paste0("  \"sigma\": ", num(summary(fit)$sigma), ","),
             paste0("  \"forecast\": ", arr(exp(pred[, "fit"])), ","),
             paste0("  \"lo95\": ", arr(exp(pred[, "lwr"])), ","),
             paste0("  \"hi95\": ", arr(exp(pred[, "upr"]))),
             "}"), "fleetcast-forecast/src/test/resources/regression/airpassengers-lm.json")
