# Reference numbers for RankRegressionTest and LikelihoodRatioBoundsTest (and the life fit tests of fleetcast-app and -cli).
# Run: Rscript rank-regression-and-lr-bounds.R > rank-regression-and-lr-bounds.out
# Written independently of the Java code: median ranks by Johnson's formula, least squares with lm(), the location of
# the 3-parameter families by optimize(), gamma by optim(), the Anderson-Darling integral by integrate(), and the
# likelihood-ratio bounds by profiling with optimize() and uniroot(). The warnings R prints at the end ("NaNs
# produced", "NA/Inf replaced by maximum positive value") come from the searches probing parameters out of range
# (a negative eta, an infinite sum of squares); the results do not depend on them.
options(digits = 15)

median_ranks <- function(failures, suspensions) {
  t <- c(failures, suspensions)
  failed <- c(rep(TRUE, length(failures)), rep(FALSE, length(suspensions)))
  o <- order(t, !failed)
  t <- t[o]; failed <- failed[o]
  n <- length(t); rank <- 0; out_t <- c(); out_f <- c()
  for (i in seq_len(n)) {
    if (failed[i]) {
      reverse <- n - i + 1
      rank <- rank + (n + 1 - rank) / (1 + reverse)
      out_t <- c(out_t, t[i]); out_f <- c(out_f, (rank - 0.3) / (n + 0.4))
    }
  }
  list(t = out_t, F = out_f)
}

# log-likelihoods with suspensions
ll <- function(family, p, failures, suspensions) {
  switch(family,
    Weibull_2P = sum(dweibull(failures, p[2], p[1], log = TRUE)) + sum(pweibull(suspensions, p[2], p[1], lower.tail = FALSE, log.p = TRUE)),
    Weibull_3P = sum(dweibull(failures - p[3], p[2], p[1], log = TRUE)) + sum(pweibull(suspensions - p[3], p[2], p[1], lower.tail = FALSE, log.p = TRUE)),
    Lognormal_2P = sum(dlnorm(failures, p[1], p[2], log = TRUE)) + sum(plnorm(suspensions, p[1], p[2], lower.tail = FALSE, log.p = TRUE)),
    Lognormal_3P = sum(dlnorm(failures - p[3], p[1], p[2], log = TRUE)) + sum(plnorm(suspensions - p[3], p[1], p[2], lower.tail = FALSE, log.p = TRUE)),
    Normal_2P = sum(dnorm(failures, p[1], p[2], log = TRUE)) + sum(pnorm(suspensions, p[1], p[2], lower.tail = FALSE, log.p = TRUE)),
    Gumbel_2P = { z <- (failures - p[1]) / p[2]; zs <- (suspensions - p[1]) / p[2]; sum(-log(p[2]) + z - exp(z)) - sum(exp(zs)) },
    Loglogistic_2P = { a <- p[1]; b <- p[2]
      sum(log(b / a) + (b - 1) * log(failures / a) - 2 * log1p((failures / a)^b)) - sum(log1p((suspensions / a)^b)) },
    Exponential_1P = sum(dexp(failures, p[1], log = TRUE)) + sum(pexp(suspensions, p[1], lower.tail = FALSE, log.p = TRUE)),
    Exponential_2P = sum(dexp(failures - p[2], p[1], log = TRUE)) + sum(pexp(suspensions - p[2], p[1], lower.tail = FALSE, log.p = TRUE)),
    Gamma_2P = sum(dgamma(failures, shape = p[1], scale = p[2], log = TRUE)) + sum(pgamma(suspensions, shape = p[1], scale = p[2], lower.tail = FALSE, log.p = TRUE)))
}

cdf <- function(family, p, t) {
  switch(family,
    Weibull_2P = pweibull(t, p[2], p[1]), Weibull_3P = pweibull(t - p[3], p[2], p[1]),
    Lognormal_2P = plnorm(t, p[1], p[2]), Lognormal_3P = plnorm(t - p[3], p[1], p[2]),
    Normal_2P = pnorm(t, p[1], p[2]), Gumbel_2P = 1 - exp(-exp((t - p[1]) / p[2])),
    Loglogistic_2P = 1 / (1 + (t / p[1])^(-p[2])), Exponential_1P = pexp(t, p[1]),
    Exponential_2P = pexp(t - p[2], p[1]), Gamma_2P = pgamma(t, shape = p[1], scale = p[2]))
}

# Anderson-Darling of the median-rank step function against the fitted CDF, integrated numerically
anderson_darling <- function(family, p, mr) {
  z <- sort(cdf(family, p, mr$t)); levels <- c(0, mr$F); ends <- c(0, z, 1 - 1e-12)
  if (z[1] == 0 && length(z) > 1) return(Inf)  # the step above 0 starts at u = 0: the integral diverges
  total <- 0
  for (i in seq_along(levels)) {
    if (ends[i + 1] > ends[i]) {
      c <- levels[i]
      # on the logit scale v = ln(u / (1 - u)), du / (u (1 - u)) = dv and the integrand (c - u)^2 is smooth
      total <- total + integrate(function(v) (c - plogis(v))^2, qlogis(ends[i]), qlogis(ends[i + 1]), rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value
    }
  }
  length(mr$t) * total
}

# y = a + b x, on the chosen axis
line_fit <- function(x, y, axis) {
  if (axis == "Y") { co <- coef(lm(y ~ x)); c(co[1], co[2]) } else { co <- coef(lm(x ~ y)); c(-co[1] / co[2], 1 / co[2]) }
}

rank_regression <- function(family, mr, axis) {
  t <- mr$t; F <- mr$F
  weib_y <- log(-log(1 - F))
  if (family %in% c("Weibull_2P", "Loglogistic_2P")) {
    y <- if (family == "Weibull_2P") weib_y else log(F / (1 - F))
    l <- line_fit(log(t), y, axis); p <- c(exp(-l[1] / l[2]), l[2]); r <- cor(log(t), y)
  } else if (family %in% c("Lognormal_2P", "Normal_2P", "Gumbel_2P")) {
    y <- if (family == "Gumbel_2P") weib_y else qnorm(F)
    x <- if (family == "Lognormal_2P") log(t) else t
    l <- line_fit(x, y, axis); p <- c(-l[1] / l[2], 1 / l[2]); r <- cor(x, y)
  } else if (family == "Exponential_1P") {
    y <- -log(1 - F)
    p <- if (axis == "Y") sum(t * y) / sum(t^2) else sum(y^2) / sum(t * y); r <- cor(t, y)
  } else if (family == "Exponential_2P") {
    # the free line; where its location falls outside [0, first failure], the line through (location, 0) at the
    # nearer end (least squares under that constraint)
    y <- -log(1 - F); l <- line_fit(t, y, axis); g <- -l[1] / l[2]; r <- cor(t, y)
    if (g < 0 || g > min(t)) {
      g <- if (g < 0) 0 else min(t); s <- t - g
      p <- c(if (axis == "Y") sum(s * y) / sum(s^2) else sum(y^2) / sum(s * y), g)
    } else p <- c(l[2], g)
  } else if (family %in% c("Weibull_3P", "Lognormal_3P")) {
    y <- if (family == "Weibull_3P") weib_y else qnorm(F)
    upper <- min(t) * (1 - 1e-9)
    straight <- function(g) cor(log(t - g), y)
    grid <- seq(0, upper, length.out = 4001); values <- sapply(grid, straight); best <- which.max(values)
    g <- if (best == 1) 0 else optimize(straight, c(grid[max(1, best - 1)], grid[min(4001, best + 1)]), maximum = TRUE, tol = 1e-14)$maximum
    x <- log(t - g); l <- line_fit(x, y, axis); r <- cor(x, y)
    p <- if (family == "Weibull_3P") c(exp(-l[1] / l[2]), l[2], g) else c(-l[1] / l[2], 1 / l[2], g)
  } else if (family == "Gamma_2P") {
    ss <- function(q) { k <- exp(q[1]); s <- exp(q[2])
      if (axis == "Y") sum((F - pgamma(t, shape = k, scale = s))^2) else sum((t - qgamma(F, shape = k, scale = s))^2) }
    m <- mean(t); v <- var(t)
    o <- optim(c(log(m^2 / v), log(v / m)), ss, control = list(reltol = 1e-16, maxit = 20000))
    for (i in 1:3) o <- optim(o$par, ss, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
    p <- exp(o$par); r <- cor(t, qgamma(F, shape = p[1], scale = p[2]))
  }
  list(p = unname(p), r = unname(r))
}

report_rr <- function(name, failures, suspensions) {
  mr <- median_ranks(failures, suspensions)
  for (family in c("Weibull_2P", "Weibull_3P", "Exponential_1P", "Exponential_2P", "Lognormal_2P", "Lognormal_3P", "Normal_2P", "Gumbel_2P", "Loglogistic_2P", "Gamma_2P")) {
    for (axis in c("X", "Y")) {
      f <- rank_regression(family, mr, axis)
      cat(sprintf("%s %s RR%s params %s loglik %.12g AD %.12g r %.12g\n", name, family, axis,
          paste(sprintf("%.12g", f$p), collapse = " "), ll(family, f$p, failures, suspensions),
          anderson_darling(family, f$p, mr), f$r))
    }
  }
}

complete10 <- c(25, 43, 53, 65, 76, 86, 95, 115, 132, 150)
report_rr("complete10", complete10, numeric(0))
report_rr("censored10", c(150, 560, 800, 1720, 5230, 6890), c(340, 1130, 2470, 4210))

# Likelihood-ratio bounds of the Weibull 2P: eta(beta) maximises the likelihood for each beta in closed form with
# right censoring, eta = (sum t^beta / r)^(1/beta).
lr_bounds <- function(name, failures, suspensions, confidence, p_life, t_rel, mission, age, t_hazard) {
  all <- c(failures, suspensions); r <- length(failures)
  L <- function(eta, beta) ll("Weibull_2P", c(eta, beta), failures, suspensions)
  eta_of <- function(beta) (sum(all^beta) / r)^(1 / beta)
  beta_hat <- optimize(function(b) L(eta_of(b), b), c(0.01, 50), maximum = TRUE, tol = 1e-14)$maximum
  eta_hat <- eta_of(beta_hat); lmax <- L(eta_hat, beta_hat)
  target <- lmax - qchisq(confidence, 1) / 2
  cat(sprintf("%s MLE eta %.12g beta %.12g loglik %.12g\n", name, eta_hat, beta_hat, lmax))
  bound <- function(what, estimate, profile, lo, hi) {
    f <- function(q) profile(q) - target
    lower <- uniroot(f, c(lo, estimate), tol = 1e-14)$root
    upper <- uniroot(f, c(estimate, hi), tol = 1e-14)$root
    cat(sprintf("%s LR %s estimate %.12g lower %.12g upper %.12g\n", name, what, estimate, lower, upper))
  }
  over_beta <- function(eta_from) function(q) optimize(function(lb) L(eta_from(q, exp(lb)), exp(lb)), c(log(beta_hat) - 6, log(beta_hat) + 6), maximum = TRUE, tol = 1e-14)$objective
  bound("shape", beta_hat, function(b) L(eta_of(b), b), beta_hat / 20, beta_hat * 20)
  bound("scale", eta_hat, over_beta(function(q, b) q), eta_hat / 20, eta_hat * 20)
  c_p <- -log(1 - p_life)
  bound(sprintf("life(%g)", p_life), eta_hat * c_p^(1 / beta_hat), over_beta(function(q, b) q / c_p^(1 / b)), 1e-6, eta_hat * 50)
  bound(sprintf("reliability(%g)", t_rel), exp(-(t_rel / eta_hat)^beta_hat), over_beta(function(q, b) t_rel / (-log(q))^(1 / b)), 1e-9, 1 - 1e-12)
  rc <- exp(-((age + mission)^beta_hat - age^beta_hat) / eta_hat^beta_hat)
  bound(sprintf("conditional(%g|%g)", mission, age), rc, over_beta(function(q, b) (((age + mission)^b - age^b) / -log(q))^(1 / b)), 1e-9, 1 - 1e-12)
  h <- beta_hat * t_hazard^(beta_hat - 1) / eta_hat^beta_hat
  bound(sprintf("hazard(%g)", t_hazard), h, over_beta(function(q, b) (b * t_hazard^(b - 1) / q)^(1 / b)), h / 1000, h * 1000)
  m <- eta_hat * gamma(1 + 1 / beta_hat)
  bound("mttf", m, over_beta(function(q, b) q / gamma(1 + 1 / b)), m / 50, m * 50)
}

lr_bounds("reliawiki5", c(10, 20, 30, 40, 50), numeric(0), 0.90, 0.10, 30, 10, 20, 30)
lr_bounds("censored5", c(5, 12, 17), c(20, 25), 0.95, 0.10, 10, 5, 10, 15)
