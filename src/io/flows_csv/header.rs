//! The roles of a flow CSV's columns, from plain names or HXL hashtags, and their checked layout.

use super::super::ReadError;
use super::super::chunks::Rec;
use crate::flow::{AgeGroup, Sex};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Period,
    Count(Option<Sex>, Option<AgeGroup>),
    CountLower,
    CountUpper,
    NationalityCode,
    NationalityLabel,
    Location,
    LocationCountry,
    LocationKind,
    Direction,
    Sex,
    Age,
    SourcePublisher,
    SourceTitle,
    SourceDate,
    SourceAddress,
    SourceNote,
}

/// The role of a plain column name, or `None` when unknown.
fn plain_role(name: &str) -> Option<Role> {
    let key: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Some(match key.as_str() {
        "date" | "period" => Role::Period,
        "count" | "crossings" | "people" | "value" | "total" | "affected" => Role::Count(None, None),
        "count_lower" => Role::CountLower,
        "count_upper" => Role::CountUpper,
        "nationality_code" | "country_code" | "iso3" | "nationality_iso3" | "country_iso3" => Role::NationalityCode,
        "nationality" | "country" | "citizenship" => Role::NationalityLabel,
        "location" | "place" => Role::Location,
        "location_country" => Role::LocationCountry,
        "location_kind" => Role::LocationKind,
        "direction" => Role::Direction,
        "sex" | "gender" => Role::Sex,
        "age" | "age_group" => Role::Age,
        "source" | "publisher" => Role::SourcePublisher,
        "source_title" => Role::SourceTitle,
        "source_date" => Role::SourceDate,
        "source_address" | "source_url" => Role::SourceAddress,
        "source_note" => Role::SourceNote,
        _ => return None,
    })
}

/// The role of an HXL hashtag with attributes, or `None` when unknown.
fn hxl_role(tag: &str) -> Option<Role> {
    let lower = tag.trim().to_ascii_lowercase();
    let mut parts = lower.split('+').map(str::trim);
    let hashtag = parts.next()?;
    let attrs: Vec<&str> = parts.filter(|a| !a.is_empty()).collect();
    let has = |a: &str| attrs.contains(&a);
    let only = |allowed: &[&str]| attrs.iter().all(|a| allowed.contains(a));
    Some(match hashtag {
        "#date" if only(&["reported", "start", "month"]) => Role::Period,
        "#affected" if attrs == ["lower"] => Role::CountLower,
        "#affected" if attrs == ["upper"] => Role::CountUpper,
        "#affected" | "#inneed" | "#reached" | "#targeted" | "#population" => {
            if !only(&[
                "f", "m", "female", "male", "children", "adults", "ind", "num", "total", "all", "abs",
            ]) {
                return None;
            }
            let sex = if has("f") || has("female") {
                Some(Sex::Female)
            } else if has("m") || has("male") {
                Some(Sex::Male)
            } else {
                None
            };
            let age = if has("children") {
                Some(AgeGroup::Children)
            } else if has("adults") {
                Some(AgeGroup::Adults)
            } else {
                None
            };
            if (has("f") || has("female")) && (has("m") || has("male")) || has("children") && has("adults") {
                return None;
            }
            Role::Count(sex, age)
        }
        "#country" if has("code") && only(&["code", "iso3", "v_iso3", "nationality", "origin"]) => {
            Role::NationalityCode
        }
        "#country" if only(&["name", "nationality", "origin"]) => Role::NationalityLabel,
        "#loc" if has("country") && only(&["country", "code"]) => Role::LocationCountry,
        "#loc" if attrs == ["type"] => Role::LocationKind,
        "#loc" if only(&["name"]) => Role::Location,
        "#indicator" | "#meta" if attrs == ["direction"] => Role::Direction,
        "#meta" if attrs == ["sex"] => Role::Sex,
        "#meta" if attrs == ["age"] => Role::Age,
        "#meta" if attrs == ["source"] => Role::SourcePublisher,
        "#meta" if attrs == ["source", "title"] => Role::SourceTitle,
        "#meta" if attrs == ["source", "date"] => Role::SourceDate,
        "#meta" if attrs == ["source", "url"] => Role::SourceAddress,
        "#meta" if attrs == ["source", "note"] => Role::SourceNote,
        _ => return None,
    })
}

pub(super) fn is_hashtag_row(cells: Rec<'_>) -> bool {
    let mut any = false;
    for c in cells.iter() {
        let t = c.trim_ascii();
        if t.is_empty() {
            continue;
        }
        if t[0] != b'#' {
            return false;
        }
        any = true;
    }
    any
}

/// A count column: its position, the sex and age group its attributes name, and the
/// people it covers as a set of the four sex × age cells (a bit each), so that a total
/// covers its breakdown.
#[derive(Debug, Clone, Copy)]
pub(super) struct CountCol {
    pub(super) col: usize,
    pub(super) sex: Option<Sex>,
    pub(super) age: Option<AgeGroup>,
    pub(super) cells: u8,
}

impl CountCol {
    fn new(col: usize, sex: Option<Sex>, age: Option<AgeGroup>) -> Self {
        let sexes: u8 = match sex {
            None => 0b11,
            Some(Sex::Female) => 0b01,
            Some(Sex::Male) => 0b10,
        };
        let ages: u8 = match age {
            None => 0b11,
            Some(AgeGroup::Children) => 0b01,
            Some(AgeGroup::Adults) => 0b10,
        };
        // Bit 2 × sex + age.
        let mut cells = 0;
        for s in 0..2 {
            for a in 0..2 {
                if sexes >> s & 1 == 1 && ages >> a & 1 == 1 {
                    cells |= 1 << (2 * s + a);
                }
            }
        }
        Self { col, sex, age, cells }
    }

    /// Whether this column counts everyone `other` counts and more.
    pub(super) fn covers(&self, other: &CountCol) -> bool {
        self.cells != other.cells && self.cells & other.cells == other.cells
    }

    pub(super) fn overlaps(&self, other: &CountCol) -> bool {
        self.cells & other.cells != 0
    }
}

/// Column positions of each role, checked.
#[derive(Debug, Default)]
pub(super) struct Layout {
    pub(super) period: usize,
    /// The count columns, in file order.
    pub(super) counts: Vec<CountCol>,
    /// Whether some count column covers another (a total beside its breakdown).
    pub(super) nested: bool,
    /// The numeric bound columns `count_lower` and `count_upper`, when present.
    pub(super) bounds: Option<(usize, Option<usize>)>,
    pub(super) nationality: Option<(usize, bool)>,
    pub(super) location: Option<usize>,
    pub(super) location_country: Option<usize>,
    pub(super) location_kind: Option<usize>,
    pub(super) direction: Option<usize>,
    pub(super) sex: Option<usize>,
    pub(super) age: Option<usize>,
    pub(super) source: [Option<usize>; 5],
    pub(super) width: usize,
}

impl Layout {
    /// `names` are the plain names or the hashtags; `labels` the plain names above a
    /// hashtag row, used in messages where a hashtag cell is empty.
    pub(super) fn new(
        names: Rec<'_>,
        labels: Option<Rec<'_>>,
        hxl: bool,
        line: u64,
        ignore: bool,
        ignored: &mut Vec<String>,
    ) -> crate::Result<Self> {
        let mut roles: Vec<(usize, Role)> = Vec::new();
        for (i, raw) in names.iter().enumerate() {
            let tag = String::from_utf8_lossy(raw).into_owned();
            let role = if hxl { hxl_role(&tag) } else { plain_role(&tag) };
            let name = match labels.and_then(|l| l.field(i)) {
                Some(label) if tag.trim().is_empty() => String::from_utf8_lossy(label).into_owned(),
                _ => tag,
            };
            let Some(role) = role else {
                super::super::unknown_column(ignore, ignored, line, i + 1, name)?;
                continue;
            };
            let clash = roles.iter().any(|(_, r)| {
                *r == role
                    || matches!(
                        (r, role),
                        (
                            Role::NationalityCode | Role::NationalityLabel,
                            Role::NationalityCode | Role::NationalityLabel
                        )
                    )
            });
            if clash {
                return Err(ReadError::DuplicateColumn {
                    line,
                    column: i + 1,
                    name,
                }
                .into());
            }
            roles.push((i, role));
        }
        let mut l = Layout {
            width: names.len(),
            ..Layout::default()
        };
        let mut period = None;
        let (mut lower, mut upper) = (None, None);
        for (i, role) in roles {
            match role {
                Role::Period => period = Some(i),
                Role::Count(s, a) => l.counts.push(CountCol::new(i, s, a)),
                Role::CountLower => lower = Some(i),
                Role::CountUpper => upper = Some(i),
                Role::NationalityCode => l.nationality = Some((i, true)),
                Role::NationalityLabel => l.nationality = Some((i, false)),
                Role::Location => l.location = Some(i),
                Role::LocationCountry => l.location_country = Some(i),
                Role::LocationKind => l.location_kind = Some(i),
                Role::Direction => l.direction = Some(i),
                Role::Sex => l.sex = Some(i),
                Role::Age => l.age = Some(i),
                Role::SourcePublisher => l.source[0] = Some(i),
                Role::SourceTitle => l.source[1] = Some(i),
                Role::SourceDate => l.source[2] = Some(i),
                Role::SourceAddress => l.source[3] = Some(i),
                Role::SourceNote => l.source[4] = Some(i),
            }
        }
        l.period = period.ok_or(ReadError::MissingColumn {
            name: "date",
            expected: "\"date\", \"period\" or #date",
        })?;
        l.set_bounds(lower, upper, names, line)?;
        if l.counts.is_empty() && l.bounds.is_none() {
            return Err(ReadError::MissingColumn {
                name: "count",
                expected: "\"count\", \"crossings\", #affected, or \"count_lower\" with \"count_upper\"",
            }
            .into());
        }
        // A sex or age column beside disaggregated count columns (or a count column that
        // names its own sex or age group) would say it twice.
        let by_sex = l.counts.len() > 1 || l.counts.iter().any(|c| c.sex.is_some());
        let by_age = l.counts.len() > 1 || l.counts.iter().any(|c| c.age.is_some());
        if let Some(i) = l.sex.filter(|_| by_sex).or(l.age.filter(|_| by_age)) {
            let name = String::from_utf8_lossy(names.get(i)).into_owned();
            return Err(ReadError::DuplicateColumn {
                line,
                column: i + 1,
                name,
            }
            .into());
        }
        l.check_breakdown(names, line)?;
        if l.location.is_none() && (l.location_country.is_some() || l.location_kind.is_some()) {
            return Err(ReadError::MissingColumn {
                name: "location",
                expected: "\"location\" or #loc+name (a location country or kind describes a location)",
            }
            .into());
        }
        Ok(l)
    }

    /// Records the numeric bound columns: an upper bound needs a lower one, and bounds go with at most
    /// one count column.
    fn set_bounds(
        &mut self,
        lower: Option<usize>,
        upper: Option<usize>,
        names: Rec<'_>,
        line: u64,
    ) -> crate::Result<()> {
        match (lower, upper) {
            (None, Some(_)) => {
                return Err(ReadError::MissingColumn {
                    name: "count_lower",
                    expected: "\"count_lower\" or #affected+lower (an upper bound needs its lower bound)",
                }
                .into());
            }
            (Some(lo), up) => {
                if self.counts.len() > 1 {
                    return Err(ReadError::ConflictingColumns {
                        line,
                        column: lo + 1,
                        name: String::from_utf8_lossy(names.get(lo)).into_owned(),
                        reason: "numeric count bounds go with a single count column, not a breakdown".to_owned(),
                    }
                    .into());
                }
                self.bounds = Some((lo, up));
            }
            (None, None) => {}
        }
        Ok(())
    }

    /// Checks that the count columns can be read as records without counting anyone
    /// twice: the finest columns (those that cover no other) must not overlap, and each
    /// total or subtotal must be exactly the sum of the finest columns it covers, which
    /// become the records while the total is checked against their sum row by row.
    fn check_breakdown(&mut self, names: Rec<'_>, line: u64) -> crate::Result<()> {
        let counts = &self.counts;
        let name = |c: &CountCol| String::from_utf8_lossy(names.get(c.col)).into_owned();
        let finest: Vec<&CountCol> = counts.iter().filter(|c| !counts.iter().any(|o| c.covers(o))).collect();
        for (k, b) in finest.iter().enumerate() {
            if let Some(a) = finest[..k].iter().find(|a| a.overlaps(b)) {
                return Err(ReadError::ConflictingColumns {
                    line,
                    column: b.col + 1,
                    name: name(b),
                    reason: format!(
                        "overlaps column {} ({:?}): the people in both would be counted twice; give the joint \
                         columns (such as +f+children) or one breakdown only",
                        a.col + 1,
                        name(a)
                    ),
                }
                .into());
            }
        }
        for t in counts.iter().filter(|t| counts.iter().any(|o| t.covers(o))) {
            self.nested = true;
            let tiled = finest.iter().filter(|f| t.covers(f)).fold(0, |acc, f| acc | f.cells);
            if tiled != t.cells {
                return Err(ReadError::ConflictingColumns {
                    line,
                    column: t.col + 1,
                    name: name(t),
                    reason: "is broken down only in part by the other count columns: reading it beside them \
                             would count people twice (give every part, such as both +f and +m, or the \
                             total alone)"
                        .to_owned(),
                }
                .into());
            }
        }
        Ok(())
    }
}
