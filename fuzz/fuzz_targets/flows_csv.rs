//! Fuzzes the CSV/HXL flow reader: it must never panic, and whatever it accepts must
//! survive a write/read round trip unchanged.
#![no_main]

use corridor::io::{Header, ReadMode, ReadOptions, read_flows_csv, read_flows_csv_with, write_flows_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lenient = ReadOptions::new().mode(ReadMode::Lenient).ignore_unknown_columns(true);
    let _ = read_flows_csv_with(data, &lenient);
    if let Ok(table) = read_flows_csv(data) {
        for header in [Header::Plain, Header::Hxl] {
            let mut out = Vec::new();
            write_flows_csv(&table, &mut out, header).expect("writing to a Vec cannot fail");
            let back = read_flows_csv(out.as_slice()).expect("written table reads back");
            assert_eq!(back, table);
        }
    }
});
