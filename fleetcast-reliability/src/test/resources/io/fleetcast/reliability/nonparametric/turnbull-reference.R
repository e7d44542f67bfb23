# Reference values for TurnbullTest: R's survfit on interval2 data computes Turnbull's NPMLE.
# Run from this folder: Rscript turnbull-reference.R > turnbull-reference.txt
# (survival 3.5-3, Debian's r-cran-survival). R places each jump at the midpoint of its innermost interval, and an exact
# failure followed by another unit's interval end gets a second jump there (Turnbull's innermost intervals do not), so in
# both cases every exact failure is followed by an interval's start. R stops its self-consistency iteration when no
# survival value moves by more than 5e-5 (with Aitken acceleration): on the turbine readouts (one inspection schedule)
# its answer is exact; on the mixed case it is within about 2e-6 of the exact NPMLE, which TurnbullTest derives in
# closed form.
library(survival)
options(digits = 15)
show <- function(name, left, right) {
  fit <- survfit(Surv(left, right, type = "interval2") ~ 1)
  cat("#", name, "\n")
  print(data.frame(time = fit$time, surv = fit$surv, n.event = fit$n.event), row.names = FALSE)
}
# Nelson (1982) p. 415, turbine parts cracked between inspections (the golden file's nelson_turbine_part_cracks_interval).
show("nelson_turbine",
     c(rep(0, 5), rep(6.12, 16), rep(19.92, 12), rep(29.64, 18), rep(35.4, 18), rep(39.72, 2), rep(45.24, 6),
       rep(52.32, 17), rep(63.48, 73)),
     c(rep(6.12, 5), rep(19.92, 16), rep(29.64, 12), rep(35.4, 18), rep(39.72, 18), rep(45.24, 2), rep(52.32, 6),
       rep(63.48, 17), rep(NA, 73)))
# A small mixed case: exact failures (left = right), suspensions (right NA), left-censored (left NA) and intervals;
# units A to K as in TurnbullTest.
#       A   B  C    D  E  E  F  G    H  I   J   K
show("mixed",
     c(NA, 4, 4.5, 5, 1, 1, 8, 8.5, 9, 11, 12, 6),
     c(3,  4, 7,  NA, 2, 2, 8, 10,  NA, 11, NA, 9.5))
