//! Shared kernels of the Kendall family: S by inversion counting, tie groups, average ranks.

/// Number of strict inversions (pairs `i < j` with `xs[i] > xs[j]`), by merge sort.
///
/// `O(n log n)` time, `O(n)` extra memory (Knight 1966). `xs` must hold no NaN.
pub(super) fn strict_inversions<T: Copy + Default + PartialOrd>(xs: &[T]) -> u64 {
    let mut a = xs.to_vec();
    let mut buf = vec![T::default(); a.len()];
    merge_count(&mut a, &mut buf, |l, r| l > r)
}

/// Number of pairs `i < j` with `keys[i] >= keys[j]` (ties count), by merge sort.
pub(super) fn weak_inversions<T: Copy + Default + PartialOrd>(keys: &[T]) -> u64 {
    let mut a = keys.to_vec();
    let mut buf = vec![T::default(); a.len()];
    merge_count(&mut a, &mut buf, |l, r| l >= r)
}

/// Bottom-up merge sort that counts pairs `(left, right)` with `inverted(left, right)`.
///
/// `inverted` must be `>` or `>=`: when the right head is taken, every remaining left element is
/// inverted with it.
fn merge_count<T: Copy + PartialOrd>(a: &mut [T], buf: &mut [T], inverted: impl Fn(&T, &T) -> bool) -> u64 {
    let n = a.len();
    let mut count = 0u64;
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if inverted(&a[i], &a[j]) {
                    buf[k] = a[j];
                    count += (mid - i) as u64;
                    j += 1;
                } else {
                    buf[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            buf[k..k + end - j].copy_from_slice(&a[j..end]);
            start = end;
        }
        a.copy_from_slice(buf);
        width *= 2;
    }
    count
}

/// Sizes of the groups of equal values (groups of size 1 included), from a sorted copy.
pub(super) fn tie_groups(xs: &[f64]) -> Vec<u64> {
    let mut sorted = xs.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    let mut groups = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        groups.push((j - i) as u64);
        i = j;
    }
    groups
}

/// Kendall's S, `sum_{i<j} sign(x_j - x_i)`, and the tie groups of `xs`.
///
/// `S = N - T - 2Q` with `N = n(n-1)/2` pairs, `T` tied pairs and `Q` strict inversions.
pub(super) fn s_and_ties(xs: &[f64]) -> (i64, Vec<u64>) {
    let n = xs.len() as u64;
    let pairs = n * n.saturating_sub(1) / 2;
    let groups = tie_groups(xs);
    let tied: u64 = groups.iter().map(|&t| t * (t - 1) / 2).sum();
    let q = strict_inversions(xs);
    let s = pairs as i64 - tied as i64 - 2 * q as i64;
    (s, groups)
}

/// Var(S) with the tie correction: `(n(n-1)(2n+5) - sum t(t-1)(2t+5)) / 18`.
pub(super) fn var_s(n: usize, groups: &[u64]) -> f64 {
    let n = n as u128;
    let total = n * n.saturating_sub(1) * (2 * n + 5);
    let ties: u128 = groups
        .iter()
        .map(|&t| {
            let t = u128::from(t);
            t * (t - 1) * (2 * t + 5)
        })
        .sum();
    (total - ties) as f64 / 18.0
}

/// The continuity-corrected z score: `(S - sign(S)) / sqrt(Var S)`, 0 when `S = 0`.
pub(super) fn z_score(s: i64, var_s: f64) -> f64 {
    match s.signum() {
        1 => (s - 1) as f64 / var_s.sqrt(),
        -1 => (s + 1) as f64 / var_s.sqrt(),
        _ => 0.0,
    }
}

/// Two-sided normal p-value `erfc(|z| / sqrt 2)`: no cancellation, no underflow before 1e-300.
pub(super) fn two_sided_p(z: f64) -> f64 {
    crate::stats::distributions::normal_two_sided_p(z)
}

/// Average ranks (1-based; ties get the mean of their ranks), as R `rank` and scipy `rankdata`.
pub(super) fn average_ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut ranks = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i + 1;
        while j < order.len() && xs[order[j]] == xs[order[i]] {
            j += 1;
        }
        let avg = (i + 1 + j) as f64 / 2.0;
        for &k in &order[i..j] {
            ranks[k] = avg;
        }
        i = j;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_s(xs: &[f64]) -> i64 {
        let mut s = 0;
        for i in 0..xs.len() {
            for j in i + 1..xs.len() {
                s += (xs[j] - xs[i]).partial_cmp(&0.0).map_or(0, |o| o as i64);
            }
        }
        s
    }

    #[test]
    fn s_matches_naive_with_ties() {
        let xs = [3.0, 1.0, 2.0, 2.0, 5.0, 1.0, 3.0, 3.0, 0.0, 7.0];
        assert_eq!(s_and_ties(&xs).0, naive_s(&xs));
        assert_eq!(weak_inversions(&[2.0, 1.0, 1.0]), 3);
        assert_eq!(strict_inversions(&[2.0, 1.0, 1.0]), 2);
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(average_ranks(&[10.0, 20.0, 10.0, 5.0]), vec![2.5, 4.0, 2.5, 1.0]);
    }

    proptest::proptest! {
        #[test]
        fn s_equals_naive(xs in proptest::collection::vec(0u8..6, 0..60)) {
            let xs: Vec<f64> = xs.into_iter().map(f64::from).collect();
            proptest::prop_assert_eq!(s_and_ties(&xs).0, naive_s(&xs));
        }
    }
}
