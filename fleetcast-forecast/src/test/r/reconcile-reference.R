# Reference forecast reconciliations for ReconcilerReferenceTest, in base R.
# Run from the repository root (installs R when missing):
#   bash scripts/ensure-r.sh && Rscript fleetcast-forecast/src/test/r/reconcile-reference.R
# Writes fleetcast-forecast/src/test/resources/reconcile/reference.json.
#
# Debian packages neither R's hts nor fable/fabletools, so the methods are written out here from their sources,
# independently of the Java code:
#   Wickramasuriya, Athanasopoulos and Hyndman (2019), "Optimal forecast reconciliation for hierarchical and grouped
#   time series through trace minimization", JASA 114(526): y~ = S G y^, G = (S' W^-1 S)^-1 S' W^-1, and the
#   reconciled error covariance S G W G' S'.
#   Schafer and Strimmer (2005), "A shrinkage approach to large-scale covariance matrix estimation", SAGMB 4(1), target
#   D (diagonal, unequal variance): lambda = sum_{i!=j} Var(r_ij) / sum_{i!=j} r_ij^2, clamped to [0, 1]; residuals
#   taken to have mean zero, as the MinT paper and hts/fabletools' "shrink" estimator do.
# Each case holds the residuals and base forecasts it used, so the Java test reads the very same numbers.

nodes <- c("Total", "A", "B", "AA", "AB", "BA", "BB", "BC")
parents <- c(NA, "Total", "Total", "A", "A", "B", "B", "B")
bottom <- c("AA", "AB", "BA", "BB", "BC")
S <- rbind(
  c(1, 1, 1, 1, 1),
  c(1, 1, 0, 0, 0),
  c(0, 0, 1, 1, 1),
  diag(5))
n <- nrow(S)
m <- ncol(S)

shrunk_covariance <- function(e) {
  rows <- nrow(e)
  sigma <- sqrt(colSums(e^2) / rows)
  x <- sweep(e, 2, sigma, "/")
  r <- matrix(0, n, n)
  var_r <- matrix(0, n, n)
  for (i in 1:n) for (j in 1:n) {
    w <- x[, i] * x[, j]
    r[i, j] <- mean(w)
    var_r[i, j] <- var(w) / rows # the variance of the mean of the w_t: sample variance (divisor T - 1) over T
  }
  off <- row(r) != col(r)
  lambda <- max(0, min(1, sum(var_r[off]) / sum(r[off]^2)))
  shrunk <- ifelse(off, (1 - lambda) * r, 1) * outer(sigma, sigma)
  list(lambda = lambda, W = shrunk, variances = sigma^2)
}

projection <- function(W) {
  Winv <- solve(W)
  solve(t(S) %*% Winv %*% S, t(S) %*% Winv)
}

ratios <- function(G, What) sqrt(diag(S %*% G %*% What %*% t(G) %*% t(S)) / diag(What))

# Results with every digit; inputs (rounded to 6 decimals) as short decimals.
num <- function(x, digits = 17) sprintf(paste0("%.", digits, "g"), x)
arr <- function(x, digits = 17) paste0("[", paste(sapply(x, num, digits = digits), collapse = ", "), "]")
mat <- function(x, digits = 17) paste0("[", paste(apply(x, 1, arr, digits = digits), collapse = ",\n    "), "]")

make_case <- function(name, seed, rows, h) {
  set.seed(seed)
  # Bottom errors share a common factor (correlated demand), aggregates add errors of their own: incoherent forecasts.
  common <- rnorm(rows)
  bottom_errors <- sapply(1:m, function(j) 0.8 * common + rnorm(rows) * c(1, 2, 0.5, 1.5, 1)[j])
  e <- t(S %*% t(bottom_errors)) + sapply(1:n, function(i) rnorm(rows) * c(2, 1, 1, 0, 0, 0, 0, 0)[i])
  e <- round(e, 6)
  truth <- S %*% matrix(runif(m * h, 10, 50), m, h)
  base <- round(truth + matrix(rnorm(n * h, sd = 3), n, h), 6)
  shr <- shrunk_covariance(e)
  Lambda <- diag(rowSums(S))
  G <- list(
    BOTTOM_UP = cbind(matrix(0, m, n - m), diag(m)),
    OLS = projection(diag(n)),
    WLS_STRUCTURAL = projection(Lambda),
    WLS_VARIANCE = projection(diag(shr$variances)),
    MINT_SHRINK = projection(shr$W))
  methods <- sapply(names(G), function(method) {
    paste0("    \"", method, "\": {\"mean\": ", mat(S %*% G[[method]] %*% base),
           ",\n     \"ratios\": ", arr(ratios(G[[method]], shr$W)),
           if (method %in% c("BOTTOM_UP", "OLS", "WLS_STRUCTURAL"))
             paste0(",\n     \"ratiosWithoutResiduals\": ", arr(ratios(G[[method]], Lambda))) else "",
           "}")
  })
  paste0(
    "  {\"name\": \"", name, "\", \"rows\": ", rows, ", \"horizon\": ", h, ",\n",
    "   \"residuals\": ", mat(e, 15), ",\n",
    "   \"base\": ", mat(base, 15), ",\n",
    "   \"lambda\": ", num(shr$lambda), ",\n",
    "   \"shrunkCovariance\": ", mat(shr$W), ",\n",
    "   \"methods\": {\n", paste(methods, collapse = ",\n"), "}}")
}

cases <- c(
  make_case("30 rows", 20240611, 30, 3),
  make_case("6 rows, fewer than nodes", 20240612, 6, 2))

out <- "fleetcast-forecast/src/test/resources/reconcile/reference.json"
writeLines(c(
  paste0("{\"generator\": \"R ", R.version$major, ".", R.version$minor, ", base R only (reconcile-reference.R)\","),
  paste0(" \"nodes\": [", paste0("\"", nodes, "\"", collapse = ", "), "],"),
  paste0(" \"parents\": [", paste(ifelse(is.na(parents), "null", paste0("\"", parents, "\"")), collapse = ", "), "],"),
  " \"cases\": [",
  paste(cases, collapse = ",\n"),
  "]}"), out)
cat("wrote", out, "\n")
