//! CSV / HXL flow input and output, through the public API only.
#![cfg(feature = "csv")]

use corridor::flow::{AgeGroup, Direction, FlowRecord, FlowTable, Location, LocationKind, Nationality, Sex};
use corridor::io::{Header, ReadError, ReadMode, ReadOptions, read_flows_csv, read_flows_csv_with, write_flows_csv};
use corridor::{Count, Error, Period, Source};
use proptest::prelude::*;

fn read_err(text: &str) -> ReadError {
    match read_flows_csv(text.as_bytes()) {
        Err(Error::Read(e)) => e,
        other => panic!("expected a read error, got {other:?}"),
    }
}

#[test]
fn plain_header_with_all_columns() {
    let csv = "\
date,nationality,location,location_country,location_kind,direction,sex,age,count,source,source_title,source_date,source_address,source_note
2021-08-15,HTI,Bajo Chiquito,PAN,reception_station,northbound,f,children,over 60,SNM,Monthly report,2021-09-01,https://example.org/snm,provisional
2021-W33,Haiti (plus Brazil and Chile),,,,,,,21-24,,,,,
";
    // A nationality group must be declared.
    let e = read_err(csv);
    assert!(
        e.to_string()
            .starts_with("line 3, column 2: unknown nationality \"Haiti (plus Brazil and Chile)\""),
        "{e}"
    );
    let report = read_flows_csv_with(
        csv.as_bytes(),
        &ReadOptions::new().groups(["Haiti (plus Brazil and Chile)"]),
    )
    .unwrap();
    assert_eq!(report.groups().len(), 1);
    let t = report.into_table();
    assert_eq!(t.len(), 2);
    let r = t.get(0).unwrap();
    assert_eq!(r.period().to_string(), "2021-08-15");
    assert_eq!(r.nationality().unwrap().to_string(), "HTI");
    let l = r.location().unwrap();
    assert_eq!(
        (l.name(), l.country().unwrap().alpha3(), l.location_kind()),
        ("Bajo Chiquito", "PAN", LocationKind::ReceptionStation)
    );
    assert_eq!(
        (r.direction(), r.sex(), r.age()),
        (Some(Direction::Northbound), Some(Sex::Female), Some(AgeGroup::Children))
    );
    assert_eq!((r.count().lower(), r.count().upper()), (61, None));
    let s = r.source().unwrap();
    assert_eq!((s.publisher(), s.title()), ("SNM", "Monthly report"));
    let r = t.get(1).unwrap();
    assert!(matches!(r.nationality(), Some(Nationality::Group(_))));
    assert_eq!(r.location(), None);
    assert_eq!(r.source(), None);
}

#[test]
fn hxl_wide_columns_become_records() {
    let csv = "\
Date,Nationality,Place,Women,Men,Girls and boys,Note
#date,#country+code,#loc+name,#affected+f+adults,#affected+m+adults,#affected+children,
2022-01,VEN,Lajas Blancas,10,20,about 30,untagged columns are not data
";
    let err = read_flows_csv(csv.as_bytes()).unwrap_err();
    assert!(
        matches!(err, Error::Read(ReadError::UnknownColumn { column: 7, .. })),
        "{err}"
    );
    let report = read_flows_csv_with(csv.as_bytes(), &ReadOptions::new().ignore_unknown_columns(true)).unwrap();
    assert_eq!(report.header(), Header::Hxl);
    assert_eq!(report.ignored_columns(), ["Note"]);
    let t = report.table();
    assert_eq!(t.len(), 3);
    let sexes: Vec<_> = t.iter().map(|r| (r.sex(), r.age())).collect();
    assert_eq!(
        sexes,
        [
            (Some(Sex::Female), Some(AgeGroup::Adults)),
            (Some(Sex::Male), Some(AgeGroup::Adults)),
            (None, Some(AgeGroup::Children))
        ]
    );
    assert_eq!(t.total().total().point(), 60);
}

#[test]
fn hashtag_row_alone() {
    let t = read_flows_csv("#date,#affected\n2021,5\n".as_bytes()).unwrap();
    assert_eq!(t.len(), 1);
}

#[test]
fn every_read_error_variant() {
    // BadCell: names line, column and text.
    let e = read_err("date,count\n2021-08,12\n2021-13,5\n");
    assert!(
        matches!(&e, ReadError::BadCell { line: 3, column: 1, text, .. } if text == "2021-13"),
        "{e}"
    );
    let e = read_err("date,count\n2021-08,\n");
    assert_eq!(
        e.to_string(),
        "line 2, column 2: empty count (a missing value is not zero): \"\""
    );
    let e = read_err("date,country_code,count\n2021-08,XX,1\n");
    assert!(
        matches!(&e, ReadError::BadCell { line: 2, column: 2, text, .. } if text == "XX"),
        "{e}"
    );
    // Empty.
    assert_eq!(read_err(""), ReadError::Empty);
    // MissingColumn.
    assert!(matches!(
        read_err("date,nationality\n2021,HTI\n"),
        ReadError::MissingColumn { name: "count", .. }
    ));
    assert!(matches!(
        read_err("nationality,count\nHTI,1\n"),
        ReadError::MissingColumn { name: "date", .. }
    ));
    // UnknownColumn.
    assert_eq!(
        read_err("date,count,colour\n2021,1,red\n"),
        ReadError::UnknownColumn {
            line: 1,
            column: 3,
            name: "colour".into()
        }
    );
    // DuplicateColumn.
    assert!(matches!(
        read_err("date,count,crossings\n2021,1,2\n"),
        ReadError::DuplicateColumn { column: 3, .. }
    ));
    // RowLength.
    assert_eq!(
        read_err("date,count\n2021,1,9\n"),
        ReadError::RowLength {
            line: 2,
            expected: 2,
            got: 3
        }
    );
}

#[test]
fn lenient_mode_keeps_good_rows_and_lists_every_bad_one() {
    let csv = "date,count\n2021-01,1\n2021-02,x\n2021-03,3\n2021-14,4\n2021-05\n";
    assert!(read_flows_csv(csv.as_bytes()).is_err());
    let report = read_flows_csv_with(csv.as_bytes(), &ReadOptions::new().mode(ReadMode::Lenient)).unwrap();
    assert_eq!(report.table().len(), 2);
    let lines: Vec<String> = report.errors().iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("line 3, column 2:"), "{}", lines[0]);
    assert!(lines[1].starts_with("line 5, column 1:"), "{}", lines[1]);
    assert_eq!(lines[2], "line 6: 1 cells where the header has 2");
}

#[test]
fn default_source_and_delimiter() {
    let src = Source::new("UNHCR", "Test").unwrap();
    let report = read_flows_csv_with(
        "date;count\n2021;7\n".as_bytes(),
        &ReadOptions::new().delimiter(b';').default_source(src.clone()),
    )
    .unwrap();
    assert_eq!(report.table().get(0).unwrap().source(), Some(&src));
}

#[test]
fn io_errors_pass_through() {
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    assert!(matches!(read_flows_csv(Broken), Err(Error::Io(_))));
}

pub(crate) fn arb_record() -> impl Strategy<Value = FlowRecord> {
    let period = prop_oneof![
        (2000i32..2030, 1u8..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
        (2000i32..2030).prop_map(|y| Period::year(y).unwrap()),
        (2000i32..2030, 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
    ];
    let count = prop_oneof![
        (0u64..10_000_000).prop_map(Count::exact),
        (0u64..10_000).prop_map(Count::at_least),
        (0u64..10_000).prop_map(Count::at_most),
        (0u64..10_000).prop_map(Count::about),
        (0u64..1000, 0u64..1000).prop_map(|(a, b)| Count::between(a, a + b).unwrap()),
    ];
    let nat = prop_oneof![
        Just(None),
        prop::sample::select(vec!["VEN", "HTI", "ECU", "CHN", "IND"])
            .prop_map(|c| Some(c.parse::<Nationality>().unwrap())),
        Just(Some(Nationality::Other)),
        Just(Some(Nationality::group("Haiti (plus Brazil and Chile)").unwrap())),
    ];
    let loc = prop_oneof![
        Just(None),
        Just(Some(
            Location::new("Bajo Chiquito")
                .unwrap()
                .in_country("PAN".parse().unwrap())
                .kind(LocationKind::ReceptionStation)
        )),
        Just(Some(Location::new("Necoclí, \"Urabá\"").unwrap())),
    ];
    let src = prop_oneof![
        Just(None),
        Just(Some(
            Source::new("SNM", "Irregular transit, by month")
                .unwrap()
                .address("https://www.migracion.gob.pa")
        )),
    ];
    (
        period,
        count,
        nat,
        loc,
        src,
        prop::option::of(prop::sample::select(Direction::ALL.to_vec())),
        prop::option::of(prop::sample::select(Sex::ALL.to_vec())),
    )
        .prop_map(|(p, c, n, l, s, d, sex)| {
            let mut r = FlowRecord::new(p, c);
            if let Some(n) = n {
                r = r.nationality(n);
            }
            if let Some(l) = l {
                r = r.location(l);
            }
            if let Some(s) = s {
                r = r.source(s);
            }
            if let Some(d) = d {
                r = r.direction(d);
            }
            if let Some(sex) = sex {
                r = r.sex(sex);
            }
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn csv_round_trip(records in prop::collection::vec(arb_record(), 0..40), hxl in any::<bool>()) {
        let table: FlowTable = records.into_iter().collect();
        let mut out = Vec::new();
        write_flows_csv(&table, &mut out, if hxl { Header::Hxl } else { Header::Plain }).unwrap();
        let options = ReadOptions::new().groups(["Haiti (plus Brazil and Chile)"]);
        let back = read_flows_csv_with(out.as_slice(), &options).unwrap();
        prop_assert_eq!(back.groups().len(), usize::from(table.nationalities().iter().any(|n| matches!(n, Nationality::Group(_)))));
        prop_assert_eq!(back.table().sources(), table.sources());
        prop_assert_eq!(back.into_table(), table);
    }

    #[test]
    fn reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_flows_csv(bytes.as_slice());
        let _ = read_flows_csv_with(bytes.as_slice(), &ReadOptions::new().mode(ReadMode::Lenient).ignore_unknown_columns(true));
    }
}
