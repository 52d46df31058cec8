//! The flow CSV writer's numeric count columns (`count_lower`, `count_upper`) and the reader's checks of
//! them, through the public API only.
#![cfg(feature = "csv")]

use crate::io_csv::arb_record;
use corridor::flow::{FlowRecord, FlowTable};
use corridor::io::{
    Header, ReadError, ReadOptions, WriteOptions, read_flows_csv, read_flows_csv_with, write_flows_csv_with,
};
use corridor::{Count, Error};
use proptest::prelude::*;

fn c(s: &str) -> Count {
    s.parse().unwrap()
}

fn table(counts: &[&str]) -> FlowTable {
    counts
        .iter()
        .map(|t| FlowRecord::new("2021-08".parse().unwrap(), c(t)).nationality("HTI".parse().unwrap()))
        .collect()
}

fn written(t: &FlowTable, header: Header) -> String {
    let mut out = Vec::new();
    write_flows_csv_with(t, &mut out, &WriteOptions::new().header(header).count_bounds(true)).unwrap();
    String::from_utf8(out).unwrap()
}

fn read_err(text: &str) -> ReadError {
    match read_flows_csv(text.as_bytes()) {
        Err(Error::Read(e)) => e,
        other => panic!("expected a read error, got {other:?}"),
    }
}

#[test]
fn every_kind_of_count_writes_its_bounds_and_reads_back_exactly() {
    let t = table(&[
        "60",
        "over 60",
        "up to 30",
        "about 1,200",
        "nearly 140,000",
        "21-24",
        "21-24 (point 22)",
        "at least 82 (point 84)",
    ]);
    let text = written(&t, Header::Plain);
    assert_eq!(
        text,
        "date,nationality,count,count_lower,count_upper\n\
         2021-08,HTI,60,60,60\n\
         2021-08,HTI,at least 61,61,\n\
         2021-08,HTI,at most 30,0,30\n\
         2021-08,HTI,about 1200,1080,1320\n\
         2021-08,HTI,nearly 140000,126000,140000\n\
         2021-08,HTI,21-24,21,24\n\
         2021-08,HTI,21-24 (point 22),21,24\n\
         2021-08,HTI,at least 82 (point 84),82,\n"
    );
    assert_eq!(read_flows_csv(text.as_bytes()).unwrap(), t);
    let hxl = written(&t, Header::Hxl);
    assert!(hxl.starts_with(
        "date,nationality,count,count_lower,count_upper\n#date,#country+name,#affected,#affected+lower,#affected+upper\n"
    ));
    assert_eq!(read_flows_csv(hxl.as_bytes()).unwrap(), t);
    // Without the option the file is as before.
    let mut plain = Vec::new();
    write_flows_csv_with(&t, &mut plain, &WriteOptions::new()).unwrap();
    assert!(
        String::from_utf8(plain)
            .unwrap()
            .starts_with("date,nationality,count\n")
    );
}

#[test]
fn a_file_pandas_wrote_back_reads() {
    // pandas 3.1.1: `pd.read_csv("flows.csv").to_csv("pandas.csv", index=False)` on the writer's output
    // turns the upper bounds into float64 (no null in an int64 column): "24.0".
    let text =
        "date,nationality,count,count_lower,count_upper\n2021-08,HTI,at least 61,61,\n2021-08,CUB,21-24,21,24.0\n";
    let t = read_flows_csv(text.as_bytes()).unwrap();
    let counts: Vec<Count> = t.iter().map(|r| r.count()).collect();
    assert_eq!(counts, [c("over 60"), c("21-24")]);
}

#[test]
fn bounds_alone_make_the_counts() {
    // A frame written without its text column: the point of a range is its midpoint.
    let text = "date,count_lower,count_upper\n2021-08,61,\n2021-09,21,24\n2021-10,5,5\n";
    let counts: Vec<Count> = read_flows_csv(text.as_bytes())
        .unwrap()
        .iter()
        .map(|r| r.count())
        .collect();
    assert_eq!(
        counts,
        [Count::at_least(61), Count::between(21, 24).unwrap(), Count::exact(5)]
    );
    let e = read_err("date,count_lower,count_upper\n2021-08,,3\n");
    assert!(matches!(&e, ReadError::BadCell { line: 2, column: 2, .. }), "{e}");
    let e = read_err("date,count_lower,count_upper\n2021-08,9,3\n");
    assert!(matches!(&e, ReadError::BadCell { line: 2, column: 2, .. }), "{e}");
    assert!(e.to_string().contains("runs down from 9 to 3"), "{e}");
}

#[test]
fn disagreeing_bounds_name_line_and_column() {
    let head = "date,count,count_lower,count_upper\n";
    let cases = [
        (
            "2021-08,over 60,60,\n",
            3,
            "count_lower does not agree with the count \"at least 61\" in column 2",
        ),
        ("2021-08,over 60,61,61\n", 4, "no upper bound: the cell must be empty"),
        ("2021-08,21-24,21,\n", 4, "upper bound 24"),
        ("2021-08,21-24,21,25\n", 4, "upper bound 24"),
        ("2021-08,21-24,,24\n", 3, "lower bound 21"),
        ("2021-08,5,five,5\n", 3, "not a whole number of people"),
        ("2021-08,5,5,5.5\n", 4, "not a whole number of people"),
        ("2021-08,5,-5,5\n", 3, "not a whole number of people"),
        (
            "2021-08,5,99999999999999999999,5\n",
            3,
            "larger than 18446744073709551615",
        ),
    ];
    for (row, column, says) in cases {
        let text = format!("{head}2021-07,1,1,1\n{row}");
        let e = read_err(&text);
        assert!(
            matches!(&e, ReadError::BadCell { line: 3, column: col, .. } if *col == column),
            "{row}: {e}"
        );
        assert!(e.to_string().contains(says), "{row}: {e}");
    }
    // A count column beside the lower bound only: the lower bound is still checked.
    let e = read_err("date,count,count_lower\n2021-08,over 60,60\n");
    assert!(matches!(&e, ReadError::BadCell { line: 2, column: 3, .. }), "{e}");
    assert_eq!(
        read_flows_csv("date,count,count_lower\n2021-08,over 60,61\n".as_bytes())
            .unwrap()
            .get(0)
            .unwrap()
            .count(),
        c("over 60")
    );
}

#[test]
fn bad_bound_headers_are_errors() {
    assert!(matches!(
        read_err("date,count,count_upper\n2021-08,5,5\n"),
        ReadError::MissingColumn {
            name: "count_lower",
            ..
        }
    ));
    assert!(matches!(
        read_err("date,count_lower,count_lower\n2021-08,5,5\n"),
        ReadError::DuplicateColumn { column: 3, .. }
    ));
    let e =
        read_err("date,affected,affected,count_lower\n#date,#affected+f,#affected+m,#affected+lower\n2021-08,1,2,3\n");
    assert!(
        matches!(&e, ReadError::ConflictingColumns { line: 2, column: 4, .. }),
        "{e}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn round_trip_with_bounds(records in prop::collection::vec(arb_record(), 0..30), hxl in any::<bool>()) {
        let t: FlowTable = records.into_iter().collect();
        let text = written(&t, if hxl { Header::Hxl } else { Header::Plain });
        let options = ReadOptions::new().groups(["Haiti (plus Brazil and Chile)"]);
        let back = read_flows_csv_with(text.as_bytes(), &options).unwrap().into_table();
        prop_assert_eq!(back, t);
    }
}
