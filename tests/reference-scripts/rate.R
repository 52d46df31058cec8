# Reference cases for corridor::stats::poisson_rate_test / poisson_exact_interval (base R only).
# Run: Rscript tests/reference-scripts/rate.R > tests/data/reference/rate_R.json
num <- function(v) {
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  formatC(v, digits = 17, format = "g")
}
two <- function(ci) paste0("[", num(ci[1]), ", ", num(ci[2]), "]")
cases <- list(
  list(x1 = 30, t1 = 10, x2 = 10, t2 = 10),
  list(x1 = 11, t1 = 800, x2 = 23, t2 = 3011),
  list(x1 = 5, t1 = 2.5, x2 = 9, t2 = 3.5),
  list(x1 = 0, t1 = 1, x2 = 7, t2 = 2),
  list(x1 = 7, t1 = 1, x2 = 0, t2 = 2),
  list(x1 = 10, t1 = 1, x2 = 10, t2 = 1),
  list(x1 = 3, t1 = 1, x2 = 2, t2 = 1.5),
  list(x1 = 250, t1 = 30, x2 = 200, t2 = 31),
  # Darien: 2,461 per day over August 2021 (31 days) vs 140 per day over 30 days
  list(x1 = 2461 * 31, t1 = 31, x2 = 140 * 30, t2 = 30),
  # Darien annual: 140,000 in a year vs a normal year of 10,000
  list(x1 = 140000, t1 = 1, x2 = 10000, t2 = 1),
  list(x1 = 10040, t1 = 1, x2 = 10000, t2 = 1)
)
out <- character()
for (c in cases) {
  r <- poisson.test(c(c$x1, c$x2), c(c$t1, c$t2))
  r90 <- poisson.test(c(c$x1, c$x2), c(c$t1, c$t2), conf.level = 0.9)
  out <- c(out, sprintf('{"x1": %s, "t1": %s, "x2": %s, "t2": %s, "ratio": %s, "p_value": %s, "conf_int_95": %s, "conf_int_90": %s}',
    num(c$x1), num(c$t1), num(c$x2), num(c$t2), num(unname(r$estimate)), num(r$p.value), two(r$conf.int), two(r90$conf.int)))
}
one <- character()
for (x in c(0, 1, 2, 10, 57, 1000)) {
  one <- c(one, sprintf('{"x": %s, "conf_int_95": %s, "conf_int_99": %s}', num(x),
    two(poisson.test(x)$conf.int), two(poisson.test(x, conf.level = 0.99)$conf.int)))
}
# One-sample exact test poisson.test(x, T, r): p-value, estimate and interval.
tests <- list(c(10, 2, 3), c(0, 1, 1), c(3, 1, 1), c(25, 10, 1.5), c(100, 50, 2.5), c(7, 2, 0.5),
  c(1, 1, 10), c(137, 100, 1), c(4, 1, 4), c(2461, 1, 2000), c(150, 1, 140.5), c(5000, 3, 1700))
test <- character()
for (a in tests) {
  r <- poisson.test(a[1], a[2], a[3])
  test <- c(test, sprintf('{"x": %s, "T": %s, "r": %s, "p_value": %s, "estimate": %s, "conf_int_95": %s}',
    num(a[1]), num(a[2]), num(a[3]), num(r$p.value), num(unname(r$estimate)), two(r$conf.int)))
}
# Garwood intervals of large counts, where the Wilson-Hilferty quantile takes over.
large <- character()
for (x in c(1e6, 1e7, 1e9, 1e12, 1e15, 1e18)) {
  large <- c(large, sprintf('{"x": %s, "conf_int_95": %s}', num(x), two(poisson.test(x)$conf.int)))
}
cat('{\n "two_sample": [\n  ', paste(out, collapse = ",\n  "), '\n ],\n "one_sample": [\n  ',
    paste(one, collapse = ",\n  "), '\n ],\n "one_sample_test": [\n  ', paste(test, collapse = ",\n  "),
    '\n ],\n "one_sample_large": [\n  ', paste(large, collapse = ",\n  "),
    '\n ],\n "versions": {"R": "', R.version.string, '"}\n}\n', sep = "")
