//! Fuzzes the Arrow IPC readers (feature `arrow`): on any bytes, `io::read_ipc` and `FlowTable::read_ipc`
//! return a value or an error, never panic; when both read a table (the batches through
//! `FlowTable::from_record_batch`), the two tables are equal. Seed the corpus with a file corridor wrote,
//! e.g. `CORRIDOR_ARROW_FILE=corpus/ipc/darien.arrow cargo test --all-features --test integration
//! arrow::round_trip_darien` (run from the crate's root with the path adjusted).
//!
//! corridor turns the panics arrow-rs's decoder still raises on some malformed messages into errors
//! (`catch_unwind` in `src/io/arrow/ipc.rs`), but libfuzzer-sys's panic hook aborts on every panic. The
//! hook is replaced by one that lets a panic raised inside an arrow crate unwind to corridor's guard and
//! aborts (a finding) on any other, corridor's own included.
#![no_main]

use std::io::Cursor;

use corridor::flow::FlowTable;
use corridor::io::read_ipc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        std::panic::set_hook(Box::new(|info| {
            let in_arrow = info.location().is_some_and(|l| l.file().contains("/arrow-"));
            if !in_arrow {
                eprintln!("{info}");
                std::process::abort();
            }
        }));
    },
    |data: &[u8]| {
    let direct = FlowTable::read_ipc(Cursor::new(data));
    let by_batches = read_ipc(Cursor::new(data)).and_then(|batches| {
        let mut t = FlowTable::new();
        for b in &batches {
            t.append(FlowTable::from_record_batch(b)?);
        }
        Ok(t)
    });
    if let (Ok(a), Ok(b)) = (&direct, &by_batches) {
        assert_eq!(a, b, "FlowTable::read_ipc and the batch path disagree");
    }
    }
);
