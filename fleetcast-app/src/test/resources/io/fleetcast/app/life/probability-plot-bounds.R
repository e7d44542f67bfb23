# Reference values for LifePlotServiceTest: the Weibull 2P maximum-likelihood fit of the reliability docs'
# 30 failures (reliability-golden.json, reliability_doc_weibull2p_complete_n30) and the two-sided 95% Fisher bounds
# on F(t) = 1 - R(t) at a few times, by the delta method on the logit scale of R (as Weibull++, Minitab and
# Python's reliability draw them on probability plots). The delta-method standard error does not depend on the
# parameterisation, so survreg's (log scale, log sigma) covariance gives the same bounds as (eta, beta).
# Run: Rscript probability-plot-bounds.R   (R 4, package survival)
library(survival)
t <- c(58,75,36,52,63,65,22,17,28,64,23,40,73,45,52,36,52,60,13,55,82,55,34,57,23,42,66,35,34,25)
fit <- survreg(Surv(t, rep(1, length(t))) ~ 1, dist = "weibull")
theta <- c(coef(fit)[[1]], log(fit$scale))          # (log eta, log(1/beta))
V <- vcov(fit)
R <- function(p, time) exp(-(time / exp(p[1]))^(1 / exp(p[2])))
z <- qnorm(0.975)
cat(sprintf("eta %.6f beta %.6f\n", exp(theta[1]), 1 / exp(theta[2])))
for (time in c(15, 30, 50, 80)) {
  r <- R(theta, time)
  h <- 1e-6
  g <- sapply(1:2, function(i) { d <- c(0, 0); d[i] <- h; (R(theta + d, time) - R(theta - d, time)) / (2 * h) })
  se <- sqrt(drop(t(g) %*% V %*% g))
  w <- exp(z * se / (r * (1 - r)))
  lower_r <- r / (r + (1 - r) * w)
  upper_r <- r / (r + (1 - r) / w)
  cat(sprintf("t %g F %.6f F_lower %.6f F_upper %.6f\n", time, 1 - r, 1 - upper_r, 1 - lower_r))
}
