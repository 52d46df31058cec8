# Reference values for corridor::stats GLM / NB2 / HAC from R (MASS::glm.nb, glm, sandwich::NeweyWest).
# Run from the crate root:  Rscript tests/reference-scripts/regression.R
# Reads the designs written by regression.py (tests/data/reference/regression.json) so both use the same data,
# writes tests/data/reference/regression_R.json.
suppressMessages({library(MASS); library(sandwich); library(jsonlite)})
ref <- fromJSON("tests/data/reference/regression.json", simplifyVector = TRUE)
out <- list(versions = list(R = R.version.string, MASS = as.character(packageVersion("MASS")),
                            sandwich = as.character(packageVersion("sandwich")),
                            jsonlite = as.character(packageVersion("jsonlite"))))
design <- function(b) { X <- t(b$X_columns); colnames(X) <- b$columns; X }  # X_columns arrives as a k x n matrix
glms <- function(b, init_theta = NULL) {
  X <- design(b); y <- b$y; off <- b$offset
  glms_xy(X, y, off, init_theta)
}
glms_xy <- function(X, y, off, init_theta = NULL) {
  p <- glm(y ~ X - 1, family = poisson, offset = off)
  sp <- summary(p)
  q <- glm(y ~ X - 1, family = quasipoisson, offset = off)
  sq <- summary(q)
  # glm.nb from its default start (Poisson fit) diverges on the Darien series ("NA/NaN/Inf in 'x'");
  # there init.theta = 1 is passed and the warnings are recorded.
  warn <- character()
  nb <- tryCatch(withCallingHandlers(
    if (is.null(init_theta)) glm.nb(y ~ X - 1 + offset(off)) else glm.nb(y ~ X - 1 + offset(off), init.theta = init_theta),
    warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") }),
    error = function(e) conditionMessage(e))
  if (is.character(nb)) return(list(poisson = pois_part(p, sp), quasipoisson = quasi_part(q, sq), negbin = list(error = nb, warnings = warn)))
  snb <- summary(nb)
  list(
    poisson = pois_part(p, sp), quasipoisson = quasi_part(q, sq),
    negbin = list(coef = unname(coef(nb)), se = unname(snb$coefficients[, 2]), p = unname(snb$coefficients[, 4]),
                  theta = nb$theta, se_theta = nb$SE.theta, twologlik = nb$twologlik, aic = nb$aic,
                  deviance = nb$deviance, null_deviance = nb$null.deviance, iter = nb$iter,
                  init_theta = if (is.null(init_theta)) "default (Poisson start)" else init_theta,
                  warnings = warn)
  )
}
pois_part <- function(p, sp) list(coef = unname(coef(p)), se = unname(sp$coefficients[, 2]), p = unname(sp$coefficients[, 4]),
                   deviance = p$deviance, null_deviance = p$null.deviance, aic = p$aic, iter = p$iter,
                   pearson = sum(residuals(p, type = "pearson")^2))
quasi_part <- function(q, sq) list(coef = unname(coef(q)), se = unname(sq$coefficients[, 2]), p = unname(sq$coefficients[, 4]),
                        dispersion = sq$dispersion, df_resid = q$df.residual)
nw <- function(b) {
  X <- design(b); y <- b$y
  f <- lm(y ~ X - 1)
  res <- list()
  for (lag in c(0, 1, 7)) for (adj in c(FALSE, TRUE)) {
    res[[sprintf("lag%d_adjust%s", lag, adj)]] <- unname(sqrt(diag(NeweyWest(f, lag = lag, prewhite = FALSE, adjust = adj))))
  }
  res$HC3 <- unname(sqrt(diag(vcovHC(f, type = "HC3"))))
  res
}
d <- ref$darien_its
out$darien_its_glm <- glms(d$glm, init_theta = 1)
out$darien_its_glm_fourier1 <- glms(d$glm_fourier1)
# MASS::quine (Venables & Ripley): Days ~ Eth + Sex + Age + Lrn, the classic glm.nb example; no offset.
mm <- model.matrix(~ Eth + Sex + Age + Lrn, data = quine)
out$quine <- c(list(columns = colnames(mm), X_columns = lapply(seq_len(ncol(mm)), function(j) unname(mm[, j])),
                    y = quine$Days), glms_xy(mm, quine$Days, rep(0, nrow(quine))))
out$darien_its_ols_neweywest <- nw(d$ols)
out$longley_neweywest <- nw(ref$ols_longley)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "tests/data/reference/regression_R.json")
