//! Fuzzes the edge-list reader: it must never panic, the lenient reader (unknown columns skipped) must
//! accept whatever the strict one accepts and give the same network, and whatever it accepts must survive
//! a write/read round trip unchanged.
#![no_main]

use corridor::io::{EdgeListOptions, read_edge_list, read_edge_list_with, write_edge_list};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let strict = read_edge_list(data);
    let lenient = read_edge_list_with(data, &EdgeListOptions::new().ignore_unknown_columns(true));
    if let Ok(net) = &strict {
        let report = lenient.as_ref().expect("the lenient reader accepts what the strict one does");
        assert_eq!(report.network(), net);
        assert!(report.ignored_columns().is_empty());
    }
    if let Ok(report) = lenient {
        let net = report.into_network();
        let mut out = Vec::new();
        write_edge_list(&net, &mut out).expect("writing to a Vec cannot fail");
        let back = read_edge_list(out.as_slice()).expect("a written edge list reads back");
        assert_eq!(back, net);
    }
});
