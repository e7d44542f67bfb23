# R's verdict on the admissibility of seasonal ETS weights, for AdmissibilityTest: 300 random points inside the
# usual bounds (0 < beta < alpha < 1, 0 < gamma < 1 - alpha, phi in [0.8, 0.98] or 1), periods 4, 7, 12 and 24.
# Run from the repository root:
#   bash scripts/ensure-r.sh && Rscript fleetcast-forecast/src/test/r/ets-admissible.R
suppressMessages(library(forecast))
set.seed(20261201)
rows <- character(0)
for (i in 1:300) {
  m <- sample(c(4, 7, 12, 24), 1)
  a <- runif(1, 1e-4, 0.9999); b <- runif(1, 1e-4, a); g <- runif(1, 1e-4, 1 - a)
  p <- if (runif(1) < 0.5) 1 else runif(1, 0.8, 0.98)
  if (runif(1) < 0.3) b <- 0  # no trend
  r <- forecast:::admissible(a, if (b == 0) NULL else b, g, if (p == 1) NULL else p, m)
  rows <- c(rows, sprintf("  {\"alpha\": %.17g, \"beta\": %.17g, \"gamma\": %.17g, \"phi\": %.17g, \"m\": %d, \"admissible\": %s}",
                          a, b, g, p, m, if (r == 1) "true" else "false"))
}
writeLines(c("[", paste(rows, collapse = ",\n"), "]"), "fleetcast-forecast/src/test/resources/ets/admissible.json")
