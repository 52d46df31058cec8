//! The partial sort of R's `stl.f` (`psort`, after Singleton's quicksort,
//! CACM algorithm 347), kept operation for operation.
//!
//! It is used only for the median of the absolute residuals in robust STL.
//! For some inputs it does not leave the true order statistic at the
//! requested position (on `AirPassengers`, at the 8th robustness pass, position
//! 72 of 144 holds the 65th smallest value), and R's `stl` uses whatever it
//! leaves there; reproducing R therefore means reproducing this routine, not
//! computing the exact median.

/// Control-flow points of the routine (the labels of the Fortran).
#[derive(Clone, Copy)]
enum Step {
    Outer,
    Pop,
    While,
    Partition,
    Scan,
    Push,
    Insertion,
}

/// Partially sorts `a` so that (in R's intent) `a[ind[q] - 1]` holds the
/// `ind[q]`-th smallest value; `ind` is 1-based (R's robust STL passes
/// `[n / 2 + 1, n - n / 2]`, not in increasing order). All values must be
/// finite (NaN would break the scans' sentinels).
#[allow(clippy::too_many_lines)] // one state machine, kept whole to mirror R
pub(crate) fn psort(a: &mut [f64], ind: &[usize]) {
    let n = a.len();
    let ni = ind.len();
    if n < 2 || ni == 0 {
        return;
    }
    // 1-based views: a(x) = a[x - 1], ind(x) = ind[x - 1].
    let mut il = vec![0usize; 2];
    let mut iu = vec![0usize; 2];
    let mut indl = vec![1usize, 1];
    let mut indu = vec![ni, ni];
    let (mut jl, mut ju) = (1usize, ni);
    let (mut i, mut j, mut m) = (1usize, n, 1usize);
    let (mut k, mut l) = (0usize, 0usize);
    let mut t = 0.0;
    let mut step = Step::Outer;
    let grow = |v: &mut Vec<usize>, at: usize| {
        if v.len() <= at {
            v.resize(at + 1, 0);
        }
    };
    loop {
        match step {
            Step::Outer => step = if i < j { Step::Partition } else { Step::Pop },
            Step::Pop => {
                m -= 1;
                if m == 0 {
                    return;
                }
                i = il[m];
                j = iu[m];
                jl = indl[m];
                ju = indu[m];
                step = if jl <= ju { Step::While } else { Step::Pop };
            }
            Step::While => step = if j - i > 10 { Step::Partition } else { Step::Insertion },
            Step::Partition => {
                // Median of three at i, (i + j) / 2, j.
                k = i;
                let ij = usize::midpoint(i, j);
                t = a[ij - 1];
                if a[i - 1] > t {
                    a[ij - 1] = a[i - 1];
                    a[i - 1] = t;
                    t = a[ij - 1];
                }
                l = j;
                if a[j - 1] < t {
                    a[ij - 1] = a[j - 1];
                    a[j - 1] = t;
                    t = a[ij - 1];
                    if a[i - 1] > t {
                        a[ij - 1] = a[i - 1];
                        a[i - 1] = t;
                        t = a[ij - 1];
                    }
                }
                step = Step::Scan;
            }
            Step::Scan => {
                l -= 1;
                if a[l - 1] <= t {
                    let tt = a[l - 1];
                    loop {
                        k += 1;
                        if a[k - 1] >= t {
                            break;
                        }
                    }
                    if k > l {
                        step = Step::Push;
                        continue;
                    }
                    a[l - 1] = a[k - 1];
                    a[k - 1] = tt;
                }
            }
            Step::Push => {
                grow(&mut indl, m);
                grow(&mut indu, m);
                grow(&mut il, m);
                grow(&mut iu, m);
                indl[m] = jl;
                indu[m] = ju;
                let p = m;
                m += 1;
                if l - i <= j - k {
                    il[p] = k;
                    iu[p] = j;
                    j = l;
                    loop {
                        if jl > ju {
                            break;
                        }
                        if ind[ju - 1] > j {
                            ju -= 1;
                        } else {
                            break;
                        }
                    }
                    if jl > ju {
                        step = Step::Pop;
                        continue;
                    }
                    indl[p] = ju + 1;
                } else {
                    il[p] = i;
                    iu[p] = l;
                    i = k;
                    loop {
                        if jl > ju {
                            break;
                        }
                        if ind[jl - 1] < i {
                            jl += 1;
                        } else {
                            break;
                        }
                    }
                    if jl > ju {
                        step = Step::Pop;
                        continue;
                    }
                    indu[p] = jl - 1;
                }
                step = Step::While;
            }
            Step::Insertion => {
                if i == 1 {
                    step = Step::Outer;
                    continue;
                }
                // Straight insertion on i..=j; a(i - 1) is a sentinel.
                i -= 1;
                loop {
                    i += 1;
                    if i == j {
                        break;
                    }
                    let t = a[i];
                    if a[i - 1] > t {
                        let mut q = i;
                        loop {
                            a[q] = a[q - 1];
                            q -= 1;
                            if t >= a[q - 1] {
                                break;
                            }
                        }
                        a[q] = t;
                    }
                }
                step = Step::Pop;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_order_statistics_on_simple_input() {
        let mut a: Vec<f64> = (0..31).map(|i| f64::from((i * 17) % 31)).collect();
        psort(&mut a, &[16, 16]);
        assert_eq!(a[15], 15.0);
        let mut b = vec![3.0, 1.0, 2.0];
        psort(&mut b, &[2, 2]);
        assert_eq!(b[1], 2.0);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// Never panics on finite input and only permutes it.
        #[test]
        fn permutes_without_panicking(mut a in proptest::collection::vec(-1e6..1e6_f64, 0..400)) {
            let mut sorted = a.clone();
            sorted.sort_by(f64::total_cmp);
            let n = a.len();
            if n > 0 {
                let mid1 = n / 2 + 1;
                psort(&mut a, &[mid1, n - mid1 + 1]);
            }
            a.sort_by(f64::total_cmp);
            proptest::prop_assert_eq!(a, sorted);
        }
    }
}
