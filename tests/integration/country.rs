//! Integration tests for `corridor::Country` through the public API only.
//!
//! Reference: tests/data/reference/country.json, written by
//! tests/reference-scripts/country_table.py from pycountry (ISO 3166-1) and the OCHA
//! countries and territories taxonomy in hdx-python-country (UN M49 regions); the
//! package versions are recorded inside the JSON.

use crate::common;
use common::load;

use std::collections::HashSet;

use corridor::AllCountries;
use corridor::{Country, CountryError, IntermediateRegion, Region, SubRegion};
use serde_json::Value;

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str()
}

fn opt_u16(v: &Value) -> Option<u16> {
    v.as_u64().map(|n| u16::try_from(n).expect("M49 code fits u16"))
}

#[test]
fn every_entry_matches_the_reference() {
    let reference = load("country.json");
    let rows = reference["countries"].as_array().expect("countries array");
    // 249 ISO 3166-1 entries and Kosovo (user-assigned XK / XKX, `iso: false`).
    assert_eq!(rows.len(), 250);
    assert_eq!(rows.iter().filter(|r| r["iso"] == Value::Bool(true)).count(), 249);
    assert_eq!(Country::all().len(), rows.len());
    let mut seen = HashSet::new();
    for row in rows {
        let alpha3 = row["alpha3"].as_str().unwrap();
        let c: Country = alpha3.parse().unwrap();
        assert!(seen.insert(c), "{alpha3} twice");
        assert_eq!(c.alpha3(), alpha3);
        assert_eq!(c.alpha2(), row["alpha2"].as_str().unwrap(), "{alpha3}");
        assert_eq!(c.numeric(), opt_u16(&row["numeric"]), "{alpha3}");
        assert_eq!(Value::Bool(c.is_iso()), row["iso"], "{alpha3}");
        assert_eq!(c.name(), row["name"].as_str().unwrap(), "{alpha3}");
        assert_eq!(
            c.region().map(|r| r.to_string()).as_deref(),
            opt_str(&row["region"]),
            "{alpha3}"
        );
        assert_eq!(c.region().map(Region::m49), opt_u16(&row["region_code"]), "{alpha3}");
        assert_eq!(
            c.sub_region().map(|r| r.to_string()).as_deref(),
            opt_str(&row["sub_region"]),
            "{alpha3}"
        );
        assert_eq!(
            c.sub_region().map(SubRegion::m49),
            opt_u16(&row["sub_region_code"]),
            "{alpha3}"
        );
        assert_eq!(
            c.intermediate_region().map(|r| r.to_string()).as_deref(),
            opt_str(&row["intermediate_region"]),
            "{alpha3}"
        );
        assert_eq!(
            c.intermediate_region().map(IntermediateRegion::m49),
            opt_u16(&row["intermediate_region_code"]),
            "{alpha3}"
        );
        // Every code form and every recorded name resolves to the same entry.
        assert_eq!(row["alpha2"].as_str().unwrap().to_lowercase().parse::<Country>(), Ok(c));
        if let Some(n) = c.numeric() {
            assert_eq!(Country::from_numeric(n), Ok(c));
        }
        for field in ["name", "official_name", "common_name", "m49_name"] {
            if let Some(name) = row[field].as_str() {
                assert_eq!(Country::from_name(name), Ok(c), "{field} {name:?}");
            }
        }
    }
    assert_eq!(seen.len(), 250);
}

#[test]
fn curated_aliases_resolve() {
    let reference = load("country.json");
    let aliases = reference["curated_aliases"].as_object().expect("aliases object");
    assert!(!aliases.is_empty());
    for (alpha3, names) in aliases {
        let want: Country = alpha3.parse().unwrap();
        for name in names.as_array().unwrap() {
            let name = name.as_str().unwrap();
            assert_eq!(Country::from_name(name), Ok(want), "{name:?}");
            assert_eq!(Country::parse_any(name), Ok(want), "{name:?}");
        }
    }
}

// Published values: ISO 3166-1 (codes, short names) and the UN M49 overview table.
#[test]
fn corridor_countries() {
    let cases = [
        (Country::COL, "CO", 170, Some(IntermediateRegion::SouthAmerica)),
        (Country::PAN, "PA", 591, Some(IntermediateRegion::CentralAmerica)),
        (Country::CRI, "CR", 188, Some(IntermediateRegion::CentralAmerica)),
        (Country::VEN, "VE", 862, Some(IntermediateRegion::SouthAmerica)),
        (Country::ECU, "EC", 218, Some(IntermediateRegion::SouthAmerica)),
        (Country::HTI, "HT", 332, Some(IntermediateRegion::Caribbean)),
        (Country::CUB, "CU", 192, Some(IntermediateRegion::Caribbean)),
        (Country::USA, "US", 840, None),
    ];
    for (c, alpha2, numeric, intermediate) in cases {
        assert_eq!(c.alpha2(), alpha2);
        assert_eq!(c.numeric(), Some(numeric));
        assert_eq!(c.region(), Some(Region::Americas));
        assert_eq!(c.intermediate_region(), intermediate);
    }
    assert_eq!(Country::USA.sub_region(), Some(SubRegion::NorthernAmerica));
    assert_eq!(Country::ATA.region(), None);
}

#[test]
fn argentina_by_every_code_form() -> corridor::Result<()> {
    for s in ["032", "32", " 32\t", "AR", "ar", "ARG", "aRg"] {
        assert_eq!(s.parse::<Country>()?, Country::ARG);
    }
    Ok(())
}

#[test]
fn errors_name_the_bad_value_and_convert() {
    fn read(code: &str) -> corridor::Result<Country> {
        Ok(code.parse::<Country>()?)
    }
    let err = read("XX").unwrap_err();
    assert_eq!(err.to_string(), r#"unknown country code "XX""#);
    assert!(matches!(err, corridor::Error::Country(CountryError::UnknownCode { ref code }) if code == "XX"));
    assert_eq!(
        Country::from_name("Atlantis").unwrap_err().to_string(),
        r#"unknown country name "Atlantis""#
    );
    assert_eq!(
        Country::parse_any("Atlantis").unwrap_err().to_string(),
        r#"unknown country code or name "Atlantis""#
    );
    assert_eq!(
        "Mars".parse::<SubRegion>().unwrap_err().to_string(),
        r#"unknown sub-region "Mars""#
    );
}

#[test]
fn display_round_trips_for_all() {
    for c in Country::all() {
        assert_eq!(c.to_string(), c.alpha3());
        assert_eq!(c.to_string().parse::<Country>(), Ok(c));
    }
    for r in SubRegion::ALL {
        assert_eq!(r.to_string().parse::<SubRegion>(), Ok(r));
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip() {
    let all: Vec<Country> = Country::all().collect();
    let json = serde_json::to_string(&all).unwrap();
    assert!(json.starts_with(r#"["ABW","AFG""#));
    let back: Vec<Country> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, all);
    assert!(serde_json::from_str::<Country>(r#""XX""#).is_err());
}

/// Compile-time check: public types are Send, Sync, Debug and Clone.
#[test]
fn public_types_are_send_sync_debug_clone() {
    fn check<T: Send + Sync + std::fmt::Debug + Clone + 'static>() {}
    check::<Country>();
    check::<CountryError>();
    check::<Region>();
    check::<SubRegion>();
    check::<IntermediateRegion>();
    check::<AllCountries>();
}
