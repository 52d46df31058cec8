//! Fuzzes the CSV/HXL flow reader: it must never panic, a reader that hands out one byte
//! at a time must give the same outcome as the whole slice, and whatever it accepts must
//! survive a write/read round trip unchanged.
#![no_main]

use corridor::io::{Header, ReadMode, ReadOptions, read_flows_csv, read_flows_csv_with, write_flows_csv};
use libfuzzer_sys::fuzz_target;

/// Hands out at most one byte per `read`, to exercise every buffer boundary.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let lenient = ReadOptions::new().mode(ReadMode::Lenient).ignore_unknown_columns(true);
    let whole = read_flows_csv_with(data, &lenient);
    let trickled = read_flows_csv_with(Trickle(data), &lenient);
    assert_eq!(format!("{whole:?}"), format!("{trickled:?}"));
    let strict = read_flows_csv(data);
    assert_eq!(format!("{strict:?}"), format!("{:?}", read_flows_csv(Trickle(data))));
    if let Ok(table) = strict {
        for header in [Header::Plain, Header::Hxl] {
            let mut out = Vec::new();
            write_flows_csv(&table, &mut out, header).expect("writing to a Vec cannot fail");
            let back = read_flows_csv(out.as_slice()).expect("written table reads back");
            assert_eq!(back, table);
        }
    }
});
