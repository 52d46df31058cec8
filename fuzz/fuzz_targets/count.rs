//! Fuzzes the `Count` parser: no panic; accepted text round-trips through `Display`.
#![no_main]

use corridor::Count;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(c) = text.parse::<Count>() {
            let back: Count = c.to_string().parse().expect("displayed count parses");
            assert_eq!(back, c);
            assert!(c.lower() <= c.point());
            assert!(c.upper().is_none_or(|u| c.point() <= u));
        }
    }
});
