//! Issue 13, the input/output and validation classes: each test here failed before the
//! fix it names. Through the public API only.

#[cfg(feature = "csv")]
mod reading {
    use corridor::flow::{AgeGroup, FlowRecord, FlowTable, GroupName, Location, Nationality, Sex};
    use corridor::io::{
        Header, ReadError, ReadMode, ReadOptions, read_flows_csv, read_flows_csv_with, write_flows_csv,
    };
    use corridor::{Count, Country, Error, Period, Source, SourceError};

    fn read_err(text: &str) -> ReadError {
        match read_flows_csv(text.as_bytes()) {
            Err(Error::Read(e)) => e,
            other => panic!("expected a read error, got {other:?}"),
        }
    }

    fn lenient() -> ReadOptions {
        ReadOptions::new().mode(ReadMode::Lenient)
    }

    // ---- 1. A total and its breakdown are never summed together -----------------------------

    #[test]
    fn hxl_total_beside_its_sex_breakdown_is_counted_once() {
        let csv = "\
date,total,women,men
#date,#affected+total,#affected+f,#affected+m
2022-01,30,10,20
2022-02,about 50,20,31
";
        let t = read_flows_csv(csv.as_bytes()).unwrap();
        // The breakdown's records; the total is their sum, checked, never a third record.
        assert_eq!(t.len(), 4);
        assert_eq!(t.total().total().point(), 30 + 51);
        let sexes: Vec<_> = t.iter().map(|r| r.sex()).collect();
        assert_eq!(
            sexes,
            [Some(Sex::Female), Some(Sex::Male), Some(Sex::Female), Some(Sex::Male)]
        );
    }

    #[test]
    fn hxl_total_beside_its_age_breakdown_is_counted_once() {
        let csv = "#date,#affected+children,#affected+total,#affected+adults\n2022-01,4,10,6\n";
        let t = read_flows_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.total().total().point(), 10);
        let ages: Vec<_> = t.iter().map(|r| r.age()).collect();
        assert_eq!(ages, [Some(AgeGroup::Children), Some(AgeGroup::Adults)]);
    }

    #[test]
    fn a_total_that_disagrees_with_its_breakdown_is_an_error() {
        let csv = "#date,#affected+total,#affected+f,#affected+m\n2022-01,30,10,20\n2022-02,100,10,20\n";
        let e = read_err(csv);
        assert_eq!(
            e.to_string(),
            "line 3, column 2: the total disagrees with the sum of its breakdown, 30 (columns 3, 4): \"100\""
        );
        // Lenient: the row is reported and left out, the others kept.
        let report = read_flows_csv_with(csv.as_bytes(), &lenient()).unwrap();
        assert_eq!(report.table().len(), 2);
        assert_eq!(report.errors().len(), 1);
        // Bounds that meet agree: a total "over 25" and an exact breakdown of 30.
        let t = read_flows_csv("#date,#affected+total,#affected+f,#affected+m\n2022-01,over 25,10,20\n".as_bytes())
            .unwrap();
        assert_eq!(t.total().total().point(), 30);
    }

    #[test]
    fn nested_breakdowns_give_the_finest_records_and_check_every_total() {
        let csv = "\
#date,#affected+total,#affected+f,#affected+m,#affected+f+children,#affected+f+adults,#affected+m+children,#affected+m+adults
2022-01,100,40,60,10,30,25,35
2022-02,7,3,4,,,,
2022-03,100,40,60,10,31,25,35
";
        let report = read_flows_csv_with(csv.as_bytes(), &lenient()).unwrap();
        let t = report.table();
        // Four joint records for January; two by sex for February, whose joint cells are empty.
        assert_eq!(t.len(), 6);
        assert_eq!(t.total().total().point(), 107);
        assert_eq!(
            (t.get(0).unwrap().sex(), t.get(0).unwrap().age()),
            (Some(Sex::Female), Some(AgeGroup::Children))
        );
        assert_eq!(
            (t.get(4).unwrap().sex(), t.get(4).unwrap().age()),
            (Some(Sex::Female), None)
        );
        // March: the women's adults make the parts 101, which the total (checked first) is not.
        assert_eq!(report.errors().len(), 1);
        assert!(
            report.errors()[0].to_string().starts_with(
                "line 4, column 2: the total disagrees with the sum of its breakdown, 101 (columns 5, 6, 7, 8)"
            ),
            "{}",
            report.errors()[0]
        );
    }

    #[test]
    fn empty_breakdown_cells_only_under_a_given_total() {
        // The whole breakdown empty: the total is the record.
        let t = read_flows_csv("#date,#affected+total,#affected+f,#affected+m\n2022-01,9,,\n".as_bytes()).unwrap();
        assert_eq!((t.len(), t.get(0).unwrap().sex()), (1, None));
        assert_eq!(t.total().total().point(), 9);
        // Part of it empty: incomplete, an error (neither summed nor dropped).
        let e = read_err("#date,#affected+total,#affected+f,#affected+m\n2022-01,9,4,\n");
        assert!(
            e.to_string().starts_with(
                "line 2, column 2: the breakdown of this total is incomplete in this row (column 4 is empty)"
            ),
            "{e}"
        );
        // No total given: an empty cell is a missing value, as before.
        let e = read_err("#date,#affected+total,#affected+f,#affected+m\n2022-01,,4,\n");
        assert!(e.to_string().starts_with("line 2, column 2: empty count"), "{e}");
    }

    #[test]
    fn breakdowns_that_cannot_be_read_without_double_counting_are_header_errors() {
        // A total broken down only in part.
        let e = read_err("#date,#affected+total,#affected+children\n2022-01,10,4\n");
        assert!(
            matches!(&e, ReadError::ConflictingColumns { line: 1, column: 2, .. }),
            "{e}"
        );
        // Two breakdowns of the same people (by sex and by age) without the joint cells.
        let e = read_err("#date,#affected+f,#affected+m,#affected+children,#affected+adults\n2022-01,1,2,1,2\n");
        assert!(
            matches!(&e, ReadError::ConflictingColumns { line: 1, column: 4, .. }),
            "{e}"
        );
        assert!(e.to_string().contains("overlaps column 2"), "{e}");
        // A sex column beside a count column that names its sex says it twice.
        let e = read_err("#date,#meta+sex,#affected+f\n2022-01,m,4\n");
        assert!(matches!(&e, ReadError::DuplicateColumn { column: 2, .. }), "{e}");
    }

    // ---- 2. An unterminated quote never swallows the rest of the file ----------------------

    #[test]
    fn an_unterminated_quote_is_an_error_where_it_opens() {
        let csv = "date,location,count\n2021-08,Bajo,1\n2021-09,\"Lajas Blancas,2\n2021-10,Bajo,3\n2021-11,Bajo,4\n";
        let e = read_err(csv);
        assert_eq!(e, ReadError::UnterminatedQuote { line: 3, column: 2 });
        assert_eq!(
            e.to_string(),
            "line 3, column 2: a quote opens this field and is never closed (the rest of the input would be one cell)"
        );
        // Lenient: that row is reported; the rows after it are kept.
        let report = read_flows_csv_with(csv.as_bytes(), &lenient()).unwrap();
        let counts: Vec<u64> = report.table().iter().map(|r| r.count().point()).collect();
        assert_eq!(counts, [1, 3, 4]);
        assert_eq!(report.errors().len(), 1);
        assert!(matches!(
            report.errors()[0],
            Error::Read(ReadError::UnterminatedQuote { line: 3, column: 2 })
        ));
    }

    #[test]
    fn an_unterminated_quote_in_the_header_or_after_a_multiline_cell() {
        assert_eq!(
            read_err("date,\"count\n2021,1\n"),
            ReadError::UnterminatedQuote { line: 1, column: 2 }
        );
        // The record starts on line 2 with a closed multi-line cell; the bad quote opens on line 3.
        let csv = "date,location,count\n2021,\"a\nb\",\"1\n2022,c,2\n";
        assert_eq!(read_err(csv), ReadError::UnterminatedQuote { line: 3, column: 3 });
        let report = read_flows_csv_with(csv.as_bytes(), &lenient()).unwrap();
        assert_eq!(report.table().len(), 1);
        assert_eq!(report.table().get(0).unwrap().count().point(), 2);
        // The first data row (read while looking for a hashtag row) too.
        let report = read_flows_csv_with("date,count\n\"2021,1\n2022,2\n".as_bytes(), &lenient()).unwrap();
        assert_eq!(report.table().len(), 1);
        assert!(matches!(
            report.errors()[0],
            Error::Read(ReadError::UnterminatedQuote { line: 2, column: 1 })
        ));
    }

    // ---- 3. Carriage returns alone end lines ----------------------------------------------

    #[test]
    fn line_numbers_with_cr_only_line_ends() {
        let e = read_err("date,count\r2021-08,1\r2021-13,5\r");
        assert!(e.to_string().starts_with("line 3, column 1:"), "{e}");
        // Mixed line ends, blank lines and a quoted cell with a bare CR inside.
        let e = read_err("date,location,count\r\n2021,\"a\rb\",1\r\r2021,c,x\n");
        assert!(e.to_string().starts_with("line 5, column 3:"), "{e}");
        let report = read_flows_csv_with("date,count\r2021,1\r2021,x\r2022,y\r".as_bytes(), &lenient()).unwrap();
        let lines: Vec<String> = report.errors().iter().map(|e| e.to_string()[..7].to_owned()).collect();
        assert_eq!(lines, ["line 3,", "line 4,"]);
        // Header errors count them too.
        let e = read_err("\r\rdate,count,colour\r");
        assert!(e.to_string().starts_with("line 3, column 3:"), "{e}");
    }

    // ---- 4. Sources: keyed by their cells, read back as written ----------------------------

    #[test]
    fn sources_with_a_separator_byte_do_not_collide() {
        let csv = "date,count,source,source_title\n2021,1,\"a\x1fb\",\n2021,2,a,\"b\x1f\"\n";
        let t = read_flows_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.sources().len(), 2);
        let s1 = t.get(1).unwrap().source().unwrap();
        assert_eq!((s1.publisher(), s1.title()), ("a", "b\x1f"));
        // The same for places with a country or kind column.
        let csv = "date,count,location,location_kind\n2021,1,\"x\x1fcity\",\n2021,2,x,city\n";
        let t = read_flows_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.locations().len(), 2);
        assert_eq!(t.get(1).unwrap().location().unwrap().name(), "x");
    }

    #[test]
    fn written_sources_read_back_the_same() {
        let sources = [
            Source::new(" SNM ", "  Monthly\t").unwrap().note(" provisional\r\n"),
            Source::new("IOM", "").unwrap().address("https://dtm.iom.int/"),
            Source::new("a\x1fb", "c,\"d\"\r\ne").unwrap(),
            Source::new("a", "b\x1fc").unwrap().note("\u{3000}"),
        ];
        let table: FlowTable = sources
            .iter()
            .map(|s| FlowRecord::new(Period::year(2021).unwrap(), Count::exact(1)).source(s.clone()))
            .collect();
        for header in [Header::Plain, Header::Hxl] {
            let mut out = Vec::new();
            write_flows_csv(&table, &mut out, header).unwrap();
            let back = read_flows_csv(out.as_slice()).unwrap();
            assert_eq!(back.sources(), table.sources());
            assert_eq!(back, table);
        }
        assert_eq!(sources[0].publisher(), "SNM");
        assert_eq!(sources[3].note_str(), None);
    }

    #[test]
    fn an_empty_source_is_an_error_at_construction() {
        assert!(matches!(
            Source::new("", "Title"),
            Err(SourceError::EmptyPublisher { .. })
        ));
        assert!(matches!(
            Source::new(" \t", ""),
            Err(SourceError::EmptyPublisher { .. })
        ));
        let e: Error = Source::new("", "").unwrap_err().into();
        assert!(matches!(
            SourceError::try_from(e),
            Ok(SourceError::EmptyPublisher { .. })
        ));
        // A source cell of Unicode white space only is no source (as the writer never writes one).
        let t = read_flows_csv("date,count,source\n2021,1,\u{3000}\n".as_bytes()).unwrap();
        assert_eq!(t.get(0).unwrap().source(), None);
        // A title without a publisher names its cell.
        let e = read_err("date,count,source,source_title\n2021,1,,T\n");
        assert!(
            e.to_string()
                .starts_with("line 2, column 4: source detail without a publisher"),
            "{e}"
        );
    }

    // ---- 5. Nationality labels never become silent groups ----------------------------------

    #[test]
    fn code_shaped_and_misspelt_labels_are_errors() {
        let e = read_err("date,nationality,count\n2021,XX,1\n");
        assert_eq!(
            e.to_string(),
            "line 2, column 2: \"XX\" is shaped like a country code but is none (nor a country name): \"XX\""
        );
        let e = read_err("date,nationality,count\n2021,Venezula,1\n");
        assert!(
            e.to_string()
                .starts_with("line 2, column 2: unknown nationality \"Venezula\""),
            "{e}"
        );
        // A code column: any non-code is an error, as before.
        let e = read_err("date,country_code,count\n2021,ZZZ,1\n");
        assert!(
            e.to_string().starts_with("line 2, column 2: unknown country code"),
            "{e}"
        );
    }

    #[test]
    fn labels_are_matched_in_nfc() {
        let csv = "date,nationality,count\n2021,Co\u{302}te d'Ivoire,1\n2021,Côte d’Ivoire,2\n";
        let t = read_flows_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.nationalities(), [Nationality::Country(Country::CIV)]);
        // A declared group matches however it was encoded, and reads as one group.
        let csv =
            "date,nationality,count\n2021,Hai\u{308}ti (plus Bre\u{301}sil),1\n2021,Ha\u{ef}ti (plus Br\u{e9}sil),2\n";
        let report = read_flows_csv_with(
            csv.as_bytes(),
            &ReadOptions::new().groups(["Ha\u{ef}ti (plus Br\u{e9}sil)"]),
        )
        .unwrap();
        assert_eq!(report.table().nationalities().len(), 1);
        assert_eq!(report.groups().len(), 1);
    }

    #[test]
    fn groups_are_declared_or_accepted_and_always_listed() {
        let csv =
            "date,nationality,count\n2021,Haiti (plus Brazil and Chile),1\n2021,Other countries,2\n2021,Sudamérica,3\n";
        let e = read_err(csv);
        assert!(
            e.to_string().starts_with("line 2, column 2: unknown nationality"),
            "{e}"
        );
        let options = ReadOptions::new().groups(["Haiti (plus Brazil and Chile)"]);
        let report = read_flows_csv_with(csv.as_bytes(), &options.clone().mode(ReadMode::Lenient)).unwrap();
        assert_eq!(report.table().len(), 2);
        assert_eq!(report.errors().len(), 1);
        let names: Vec<&str> = report.groups().iter().map(GroupName::as_str).collect();
        assert_eq!(names, ["Haiti (plus Brazil and Chile)"]);
        let report = read_flows_csv_with(csv.as_bytes(), &options.accept_new_groups(true)).unwrap();
        let names: Vec<&str> = report.groups().iter().map(GroupName::as_str).collect();
        assert_eq!(names, ["Haiti (plus Brazil and Chile)", "Sudamérica"]);
        assert_eq!(report.table().get(1).unwrap().nationality(), Some(&Nationality::Other));
        // A declared group that is a country or code-shaped is refused before reading.
        for bad in ["Cuba", "XX", " "] {
            let err = read_flows_csv_with(csv.as_bytes(), &ReadOptions::new().groups([bad])).unwrap_err();
            assert!(matches!(err, Error::Flow(_)), "{bad:?}: {err}");
        }
    }

    #[test]
    fn kosovo_reads_by_its_user_assigned_codes_and_name() {
        let csv = "date,nationality,count\n2021,XK,1\n2021,XKX,2\n2021,Kosovo,3\n";
        let t = read_flows_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.nationalities(), [Nationality::Country(Country::XKX)]);
        let t = read_flows_csv("#date,#country+code,#affected\n2021,XKX,1\n".as_bytes()).unwrap();
        assert_eq!(
            t.get(0).unwrap().nationality(),
            Some(&Nationality::Country(Country::XKX))
        );
    }

    #[test]
    fn the_darien_groups_are_declared() {
        use corridor::datasets::darien;
        let t = darien::by_nationality();
        let groups: Vec<&str> = t
            .nationalities()
            .iter()
            .filter_map(|n| match n {
                Nationality::Group(g) => Some(g.as_str()),
                _ => None,
            })
            .collect();
        assert!(groups.iter().all(|g| darien::GROUPS.contains(g)), "{groups:?}");
        assert!(!groups.is_empty());
        // Written out, the table reads back with those groups declared.
        let mut out = Vec::new();
        write_flows_csv(&t, &mut out, Header::Plain).unwrap();
        let back = read_flows_csv_with(out.as_slice(), &ReadOptions::new().groups(darien::GROUPS)).unwrap();
        assert_eq!(back.into_table(), t);
    }

    // ---- Write → read round trips keep every value -------------------------------------------

    #[test]
    fn round_trip_with_odd_cells() {
        let place = |n: &str| Location::new(n).unwrap();
        let table: FlowTable = [
            FlowRecord::new(Period::month(2021, 8).unwrap(), Count::exact(5))
                .location(place("a\rb"))
                .nationality(Nationality::group("Haiti \"plus\", Chile").unwrap()),
            FlowRecord::new(Period::month(2021, 8).unwrap(), Count::exact(6)).location(place("\"")),
            FlowRecord::new(Period::month(2021, 9).unwrap(), Count::at_least(7)).location(place("x\x1f")),
        ]
        .into_iter()
        .collect();
        let mut out = Vec::new();
        write_flows_csv(&table, &mut out, Header::Hxl).unwrap();
        let back = read_flows_csv_with(out.as_slice(), &ReadOptions::new().accept_new_groups(true)).unwrap();
        assert_eq!(back.into_table(), table);
    }
}

/// Item 7: deserialising goes through the constructors' checks. For every public type
/// whose constructor can fail, invalid JSON is rejected (and valid JSON accepted).
#[cfg(feature = "serde")]
mod deserialising {
    use corridor::flow::{AgeGroup, Corridor, Direction, FlowRecord, Location, LocationKind, Nationality, Sex, Stage};
    use corridor::network::{Actor, ActorKind, Fee, Role, SmugglingNetwork, Tie, TieKind};
    use corridor::{Count, Country, Granularity, Period, Region, Source, SubRegion};
    use serde::de::DeserializeOwned;

    /// `bad` is rejected with a message containing `why`; `good` is accepted.
    fn check<T: DeserializeOwned + std::fmt::Debug>(good: &str, bad: &str, why: &str) {
        if let Err(e) = serde_json::from_str::<T>(good) {
            panic!("{good} should deserialise: {e}");
        }
        match serde_json::from_str::<T>(bad) {
            Ok(v) => panic!("{bad} deserialised to {v:?}"),
            Err(e) => assert!(e.to_string().contains(why), "{bad}: {e}"),
        }
    }

    #[test]
    fn location_with_a_blank_name() {
        check::<Location>(
            r#"{"name":"Bajo Chiquito","country":"PAN","kind":"city"}"#,
            r#"{"name":"  ","country":null,"kind":"city"}"#,
            "location name is empty",
        );
        check::<Location>(r#"{"name":"x"}"#, r#"{"name":"x","colour":"red"}"#, "unknown field");
        // The name is trimmed as `Location::new` trims it.
        let l: Location = serde_json::from_str(r#"{"name":" Necoclí "}"#).unwrap();
        assert_eq!(l, Location::new("Necoclí").unwrap());
    }

    #[test]
    fn corridor_with_no_stages_one_stage_a_repeated_stage_or_no_name() {
        let stage = |n: &str| format!(r#"{{"location":{{"name":"{n}"}},"transit_days":1}}"#);
        let good = format!(r#"{{"name":"Darién","stages":[{},{}]}}"#, stage("a"), stage("b"));
        check::<Corridor>(&good, r#"{"name":"Darién","stages":[]}"#, "at least 2 stages, got 0");
        check::<Corridor>(
            &good,
            &format!(r#"{{"name":"Darién","stages":[{}]}}"#, stage("a")),
            "got 1",
        );
        check::<Corridor>(
            &good,
            &format!(r#"{{"name":"Darién","stages":[{},{}]}}"#, stage("a"), stage("a")),
            "appears twice",
        );
        check::<Corridor>(
            &good,
            &format!(r#"{{"name":" ","stages":[{},{}]}}"#, stage("a"), stage("b")),
            "corridor name is empty",
        );
        // A stage's place is checked too.
        check::<Stage>(&stage("a"), &stage(" "), "location name is empty");
        // What a corridor serialises to reads back.
        let c: Corridor = serde_json::from_str(&good).unwrap();
        assert_eq!(
            serde_json::from_str::<Corridor>(&serde_json::to_string(&c).unwrap()).unwrap(),
            c
        );
    }

    #[test]
    fn source_without_a_publisher() {
        check::<Source>(
            r#"{"publisher":"IOM","title":"DTM"}"#,
            r#"{"publisher":"","title":"DTM"}"#,
            "a source needs a publisher",
        );
        check::<Source>(
            r#"{"publisher":"IOM","title":""}"#,
            r#"{"publisher":"IOM","title":"DTM","date":"2022-02-30"}"#,
            "",
        );
    }

    #[test]
    fn nationality_shaped_like_a_code() {
        check::<Nationality>(r#""HTI""#, r#""XX""#, "shaped like a country code");
        check::<Nationality>(
            r#""Haiti (plus Brazil and Chile)""#,
            r#""""#,
            "nationality name is empty",
        );
    }

    #[test]
    fn country_period_granularity_count() {
        check::<Country>(r#""XK""#, r#""XY""#, "unknown country code");
        check::<Period>(r#""2021-08""#, r#""2021-13""#, "month 13");
        check::<Granularity>(r#""month""#, r#""fortnight""#, "");
        check::<Count>(r#""over 60""#, r#""between 9 and 3""#, "");
        check::<Region>(r#""Europe""#, r#""Atlantis""#, "unknown region");
        check::<SubRegion>(r#""Southern Europe""#, r#""Mars""#, "unknown sub-region");
    }

    #[test]
    fn words() {
        check::<Direction>(r#""north""#, r#""sideways""#, "unknown direction");
        check::<Sex>(r#""f""#, r#""x""#, "unknown sex");
        check::<AgeGroup>(r#""adults""#, r#""elderly""#, "unknown age group");
        check::<LocationKind>(r#""city""#, r#""moon""#, "unknown location kind");
        check::<ActorKind>(r#""person""#, r#""gang""#, "");
        check::<Role>(r#""guide""#, r#""pilot""#, "");
        check::<TieKind>(r#""kinship""#, r#""friendship""#, "");
    }

    #[test]
    fn flow_record_with_a_bad_part() {
        let good = r#"{"period":"2021-08","count":"12","nationality":"HTI","location":{"name":"Bajo"},"direction":null,"sex":null,"age":null,"source":null}"#;
        check::<FlowRecord>(
            good,
            &good.replace(r#"{"name":"Bajo"}"#, r#"{"name":""}"#),
            "location name is empty",
        );
        check::<FlowRecord>(
            good,
            &good.replace(r#""source":null"#, r#""source":{"publisher":" ","title":"t"}"#),
            "a source needs a publisher",
        );
        check::<FlowRecord>(good, &good.replace(r#""HTI""#, r#""ZZ""#), "shaped like a country code");
    }

    #[test]
    fn network_types() {
        check::<Fee>(
            r#"{"amount":400.0,"currency":"USD"}"#,
            r#"{"amount":-1.0,"currency":"USD"}"#,
            "",
        );
        check::<Fee>(
            r#"{"amount":400.0,"currency":"USD"}"#,
            r#"{"amount":1.0,"currency":"US"}"#,
            "",
        );
        check::<Tie>(
            r#"{"kind":"kinship","direction":"undirected","weight":1.0}"#,
            r#"{"kind":"kinship","direction":"undirected","weight":1.0,"first_seen":"2022-02-30"}"#,
            "",
        );
        check::<Actor>(
            r#"{"name":"a","kind":"person"}"#,
            r#"{"name":"a","kind":"person","fee":{"amount":-5.0,"currency":"USD"}}"#,
            "",
        );
        let net = |ties: &str| {
            format!(r#"{{"actors":[{{"name":"a","kind":"person"}},{{"name":"b","kind":"person"}}],"ties":[{ties}]}}"#)
        };
        let tie = |from: u32, to: u32, w: f64| {
            format!(r#"{{"from":{from},"to":{to},"tie":{{"kind":"kinship","direction":"undirected","weight":{w}}}}}"#)
        };
        let good = net(&tie(0, 1, 1.0));
        // A tie to an actor that is not there, a self tie, a weight that is not positive, a blank actor.
        check::<SmugglingNetwork>(&good, &net(&tie(0, 7, 1.0)), "");
        check::<SmugglingNetwork>(&good, &net(&tie(1, 1, 1.0)), "");
        check::<SmugglingNetwork>(&good, &net(&tie(0, 1, -2.0)), "");
        check::<SmugglingNetwork>(&good, &good.replace(r#"{"name":"b""#, r#"{"name":" ""#), "");
        // Actor's own constructors cannot fail (a blank name is checked when the network
        // is built): deserialising matches them.
        let a: Actor = serde_json::from_str(r#"{"name":" a ","kind":"person","aliases":["A"," b "]}"#).unwrap();
        assert_eq!(a, Actor::person("a").alias("b"));
    }
}
