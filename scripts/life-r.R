# Fits a time,state CSV with R's survival::survreg (Weibull), for scripts/compare-life-with-r.sh.
# Usage: Rscript scripts/life-r.R FILE
# Prints the seconds to read the file, the seconds survreg took, and the estimates in Fleetcast's names
# (scale = exp(intercept), shape = 1 / survreg's scale), with the log-likelihood.
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
read_start <- proc.time()[["elapsed"]]
d <- read.csv(args[1], colClasses = c("numeric", "character"))
read_seconds <- proc.time()[["elapsed"]] - read_start
status <- as.integer(d$state == "F")
fit_start <- proc.time()[["elapsed"]]
fit <- survreg(Surv(d$time, status) ~ 1, dist = "weibull")
fit_seconds <- proc.time()[["elapsed"]] - fit_start
cat(sprintf("R survreg: read %.3f s, fit %.3f s, read and fit %.3f s; scale %.10g, shape %.10g, log-likelihood %.6f\n",
            read_seconds, fit_seconds, read_seconds + fit_seconds, exp(coef(fit)[[1]]), 1 / fit$scale,
            fit$loglik[[1]]))
