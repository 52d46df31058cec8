//! Integration tests for `corridor::Count` through the public API.
//!
//! The expected values follow the conventions documented on `corridor::count` (over n = at
//! least n + 1; fewer than n = at most n − 1; about n = n ± ⌈n/10⌉; nearly n = n − ⌈n/10⌉..=n;
//! range point = midpoint rounded half up); the phrases are the kinds found in official
//! statements ("over 60 arrested", "nearly 140,000 crossed", "21–24 rescued").

use corridor::CountKind;
use corridor::{Count, CountError};

fn c(s: &str) -> Count {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

#[test]
fn worded_counts() {
    let cases: &[(&str, u64, Option<u64>, u64, CountKind)] = &[
        ("60", 60, Some(60), 60, CountKind::Exact),
        ("over 60", 61, None, 61, CountKind::AtLeast),
        ("more than 10", 11, None, 11, CountKind::AtLeast),
        ("At Least 5", 5, None, 5, CountKind::AtLeast),
        ("60+", 60, None, 60, CountKind::AtLeast),
        ("nearly 140,000", 126_000, Some(140_000), 140_000, CountKind::Nearly),
        ("about 1,200", 1080, Some(1320), 1200, CountKind::About),
        ("approximately 1200", 1080, Some(1320), 1200, CountKind::About),
        ("~1,200", 1080, Some(1320), 1200, CountKind::About),
        ("around 50", 45, Some(55), 50, CountKind::About),
        ("some 300", 270, Some(330), 300, CountKind::About),
        ("about 5", 4, Some(6), 5, CountKind::About),
        ("up to 30", 0, Some(30), 30, CountKind::AtMost),
        ("fewer than 30", 0, Some(29), 29, CountKind::AtMost),
        ("less than 30", 0, Some(29), 29, CountKind::AtMost),
        ("under 30", 0, Some(29), 29, CountKind::AtMost),
        ("at most 30", 0, Some(30), 30, CountKind::AtMost),
        ("21-24", 21, Some(24), 23, CountKind::Between),
        ("21–24", 21, Some(24), 23, CountKind::Between),
        ("21 to 24", 21, Some(24), 23, CountKind::Between),
        ("1 200", 1200, Some(1200), 1200, CountKind::Exact),
    ];
    for &(text, lower, upper, point, kind) in cases {
        let x = c(text);
        assert_eq!(
            (x.lower(), x.upper(), x.point(), x.kind()),
            (lower, upper, point, kind),
            "{text}"
        );
        assert_eq!(c(&x.to_string()), x, "{text} -> {x}");
    }
}

#[test]
fn canonical_text() {
    for (text, canonical) in [
        ("over 60", "at least 61"),
        ("1,200", "1200"),
        ("~1,200", "about 1200"),
        ("nearly 140,000", "nearly 140000"),
        ("under 30", "at most 29"),
        ("21 to 24", "21-24"),
        ("21-24 (Point 22)", "21-24 (point 22)"),
    ] {
        assert_eq!(c(text).to_string(), canonical);
    }
}

#[test]
fn bad_text_is_an_error_that_names_it() {
    for (text, want) in [
        ("", "empty count \"\""),
        ("-5", "invalid count \"-5\": a number of people cannot be negative"),
        (
            "12abc",
            "unrecognised count \"12abc\": unexpected text after the number",
        ),
        ("over", "unrecognised count \"over\": a number is missing"),
        ("24-21", "invalid count \"24-21\": the range runs down from 24 to 21"),
        (
            "1,20",
            "invalid count \"1,20\": thousands separators must split the number into groups of three digits",
        ),
        (
            "99999999999999999999",
            "invalid count \"99999999999999999999\": the number is larger than 18446744073709551615",
        ),
        (
            "21-24 (point 25)",
            "invalid count \"21-24 (point 25)\": the point estimate 25 is outside the bounds 21..=24",
        ),
    ] {
        let e = text.parse::<Count>().unwrap_err();
        assert_eq!(e.to_string(), want);
        let _: corridor::Error = e.into();
    }
    assert!(matches!(
        Count::between(3, 2),
        Err(CountError::Descending { lower: 3, upper: 2, .. })
    ));
}

#[test]
fn sums_propagate_bounds() {
    // Arrests by state from a joint operation: "over 60" + 12 + "21-24".
    let total: Count = ["over 60", "12", "21-24"].iter().map(|s| c(s)).sum();
    assert_eq!((total.lower(), total.upper(), total.point()), (94, None, 96));
    assert_eq!(total.to_string(), "at least 94 (point 96)");
    let bounded = c("about 100") + c("up to 30");
    assert_eq!(
        (bounded.lower(), bounded.upper(), bounded.point()),
        (90, Some(140), 130)
    );
    assert_eq!(bounded.to_string(), "90-140 (point 130)");
    assert_eq!(c(&bounded.to_string()), bounded);
    let exact: Count = [Count::exact(1), Count::exact(2)].iter().sum();
    assert!(exact.is_exact());
    assert_eq!(Count::exact(u64::MAX).checked_add(Count::exact(1)), None);
}

#[cfg(feature = "serde")]
#[test]
fn serde_through_text() {
    let x = c("nearly 140,000");
    assert_eq!(serde_json::to_string(&x).unwrap(), "\"nearly 140000\"");
    assert_eq!(serde_json::from_str::<Count>("\"nearly 140000\"").unwrap(), x);
    assert!(serde_json::from_str::<Count>("\"24-21\"").is_err());
}

#[test]
fn public_types_are_send_sync_debug_clone() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug + 'static>() {}
    check::<Count>();
    check::<CountKind>();
    check::<CountError>();
    check::<corridor::Source>();
}
