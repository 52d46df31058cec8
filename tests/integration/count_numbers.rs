//! `Count::numbers` / `Count::from_numbers` and their serde forms: every count gives back itself, the
//! point follows the documented convention (at least n: n; a range a-b: a + ⌈(b − a)/2⌉), and numbers
//! that are not a count's are refused.

#[cfg(feature = "serde")]
use corridor::CountNumbers;
use corridor::{Count, CountError, CountKind};
use proptest::prelude::*;

fn c(s: &str) -> Count {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

#[test]
fn numbers_of_each_kind() {
    // (text, lower, point, upper, kind), from the table of text forms on `Count`.
    let cases = [
        ("60", 60, 60, Some(60), CountKind::Exact),
        ("over 60", 61, 61, None, CountKind::AtLeast),
        ("at least 82 (point 84)", 82, 84, None, CountKind::AtLeast),
        ("up to 30", 0, 30, Some(30), CountKind::AtMost),
        ("about 1,200", 1080, 1200, Some(1320), CountKind::About),
        ("nearly 140,000", 126_000, 140_000, Some(140_000), CountKind::Nearly),
        ("21-24", 21, 23, Some(24), CountKind::Between),
        ("21-24 (point 22)", 21, 22, Some(24), CountKind::Between),
    ];
    for (text, lower, point, upper, kind) in cases {
        let n = c(text).numbers();
        assert_eq!(
            (n.lower(), n.point(), n.upper(), n.kind()),
            (lower, point, upper, kind),
            "{text}"
        );
        assert_eq!(n.to_count(), c(text), "{text}");
        assert_eq!(Count::from(n), c(text), "{text}");
        assert_eq!(
            Count::from_numbers(lower, Some(point), upper, Some(kind)).unwrap(),
            c(text),
            "{text}"
        );
    }
}

#[test]
fn missing_point_and_kind_follow_the_convention() {
    assert_eq!(Count::from_numbers(61, None, None, None).unwrap(), c("over 60"));
    assert_eq!(Count::from_numbers(21, None, Some(24), None).unwrap(), c("21-24"));
    assert_eq!(Count::from_numbers(60, None, Some(60), None).unwrap(), Count::exact(60));
    // "about 1200" has a range's numbers: without its kind it reads back as that range.
    let range = Count::from_numbers(1080, Some(1200), Some(1320), None).unwrap();
    assert_eq!(range.kind(), CountKind::Between);
    assert_eq!(range.to_string(), "1080-1320");
}

#[test]
fn numbers_that_are_no_count_are_errors() {
    assert!(matches!(
        Count::from_numbers(24, None, Some(21), None),
        Err(CountError::Descending {
            lower: 24,
            upper: 21,
            ..
        })
    ));
    assert!(matches!(
        Count::from_numbers(21, Some(30), Some(24), None),
        Err(CountError::PointOutOfRange { point: 30, .. })
    ));
    for (lower, point, upper, kind) in [
        (1000, 1200, Some(1320), CountKind::About),
        (59, 60, Some(60), CountKind::Exact),
        (5, 30, Some(30), CountKind::AtMost),
        (61, 61, Some(100), CountKind::AtLeast),
        (61, 61, None, CountKind::Between),
        (0, 140_000, Some(140_000), CountKind::Nearly),
    ] {
        let e = Count::from_numbers(lower, Some(point), upper, Some(kind)).unwrap_err();
        assert!(matches!(e, CountError::Unrecognised { .. }), "{kind:?}: {e}");
        assert!(e.to_string().contains("not those of a count of this kind"), "{e}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_numbers_and_the_field_adapter() {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Row {
        #[serde(with = "corridor::count_as_numbers")]
        arrested: Count,
        #[serde(with = "corridor::count_as_numbers::option", default)]
        rescued: Option<Count>,
    }
    use serde_json::json;
    assert_eq!(
        serde_json::to_value(c("over 60").numbers()).unwrap(),
        json!({"lower": 61, "point": 61, "upper": null, "kind": "at_least"})
    );
    // The Count itself keeps its text form.
    assert_eq!(serde_json::to_value(c("over 60")).unwrap(), json!("at least 61"));
    // Read from columns a dataframe holds: no point, no kind.
    let n: CountNumbers = serde_json::from_value(json!({"lower": 21, "upper": 24})).unwrap();
    assert_eq!(n.to_count(), c("21-24"));
    let n: CountNumbers = serde_json::from_value(json!({"lower": 61, "upper": null})).unwrap();
    assert_eq!(n.to_count(), c("over 60"));
    for bad in [
        json!({"lower": 24, "upper": 21}),
        json!({"lower": 1000, "point": 1200, "upper": 1320, "kind": "about"}),
        json!({"lower": 1, "kind": "roughly"}),
        json!({"lower": 1, "upper": 2, "extra": 3}),
        json!({"upper": 2}),
    ] {
        assert!(serde_json::from_value::<CountNumbers>(bad.clone()).is_err(), "{bad}");
    }
    let row = Row {
        arrested: c("over 60"),
        rescued: Some(c("21-24")),
    };
    let v = serde_json::to_value(&row).unwrap();
    assert_eq!(
        v["rescued"],
        json!({"lower": 21, "point": 23, "upper": 24, "kind": "between"})
    );
    assert_eq!(serde_json::from_value::<Row>(v).unwrap(), row);
    let none: Row = serde_json::from_value(json!({"arrested": {"lower": 5}})).unwrap();
    assert_eq!(
        none,
        Row {
            arrested: Count::at_least(5),
            rescued: None
        }
    );
}

fn any_count() -> impl Strategy<Value = Count> {
    prop_oneof![
        any::<u64>().prop_map(Count::exact),
        any::<u64>().prop_map(Count::at_least),
        any::<u64>().prop_map(Count::at_most),
        any::<u64>().prop_map(Count::about),
        any::<u64>().prop_map(Count::nearly),
        (any::<u64>(), any::<u64>()).prop_map(|(a, b)| Count::between(a.min(b), a.max(b)).unwrap()),
    ]
}

proptest! {
    #[test]
    fn numbers_round_trip(a in any_count(), b in any_count()) {
        for x in [a, b, a.checked_add(b).unwrap_or(a)] {
            let n = x.numbers();
            prop_assert_eq!(n.to_count(), x);
            prop_assert_eq!(Count::from_numbers(n.lower(), Some(n.point()), n.upper(), Some(n.kind())).unwrap(), x);
            prop_assert!(n.lower() <= n.point() && n.upper().is_none_or(|u| n.point() <= u));
            #[cfg(feature = "serde")]
            {
                let json = serde_json::to_string(&n).unwrap();
                prop_assert_eq!(serde_json::from_str::<CountNumbers>(&json).unwrap(), n);
            }
        }
    }
}
