//! The parser of the text forms of a [`Count`]: leading phrases (`at least`, `about`, `between`),
//! numbers with thousands separators or written as words, ranges and explicit point estimates.

use core::str::FromStr;

use super::{Bad, Count, CountError, CountKind, midpoint};

/// What a leading phrase does to the number that follows it.
#[derive(Debug, Clone, Copy)]
enum Op {
    AtLeast,
    Over,
    AtMost,
    Under,
    About,
    Nearly,
    Between,
}

/// Leading phrases, longest first where one is a prefix of another.
const PHRASES: &[(&[&str], Op)] = &[
    (&["at", "least"], Op::AtLeast),
    (&["no", "fewer", "than"], Op::AtLeast),
    (&["no", "less", "than"], Op::AtLeast),
    (&["not", "less", "than"], Op::AtLeast),
    (&["a", "minimum", "of"], Op::AtLeast),
    (&["minimum"], Op::AtLeast),
    (&["more", "than"], Op::Over),
    (&["over"], Op::Over),
    (&["above"], Op::Over),
    (&["in", "excess", "of"], Op::Over),
    (&["at", "most"], Op::AtMost),
    (&["up", "to"], Op::AtMost),
    (&["no", "more", "than"], Op::AtMost),
    (&["not", "more", "than"], Op::AtMost),
    (&["a", "maximum", "of"], Op::AtMost),
    (&["maximum"], Op::AtMost),
    (&["fewer", "than"], Op::Under),
    (&["less", "than"], Op::Under),
    (&["under"], Op::Under),
    (&["below"], Op::Under),
    (&["about"], Op::About),
    (&["approximately"], Op::About),
    (&["approx."], Op::About),
    (&["approx"], Op::About),
    (&["around"], Op::About),
    (&["roughly"], Op::About),
    (&["some"], Op::About),
    (&["circa"], Op::About),
    (&["ca."], Op::About),
    (&["c."], Op::About),
    (&["an", "estimated"], Op::About),
    (&["estimated"], Op::About),
    (&["~"], Op::About),
    (&["nearly"], Op::Nearly),
    (&["almost"], Op::Nearly),
    (&["close", "to"], Op::Nearly),
    (&["just", "under"], Op::Nearly),
    (&["just", "below"], Op::Nearly),
    (&["between"], Op::Between),
];

/// Strips the words of `phrase` (separated by whitespace) from the front of `b`, case-insensitively,
/// and requires a word boundary after a final alphabetic word.
fn strip_phrase<'a>(mut b: &'a [u8], phrase: &[&str]) -> Option<&'a [u8]> {
    for (i, w) in phrase.iter().enumerate() {
        if i > 0 {
            let t = b.trim_ascii_start();
            if t.len() == b.len() {
                return None;
            }
            b = t;
        }
        let w = w.as_bytes();
        if b.len() < w.len() || !b[..w.len()].eq_ignore_ascii_case(w) {
            return None;
        }
        b = &b[w.len()..];
        if w.last().is_some_and(u8::is_ascii_alphabetic) && b.first().is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
    }
    Some(b.trim_ascii_start())
}

/// The byte length of a thousands separator at the front of `b` (`,`, space, no-break space,
/// narrow no-break space), or 0.
fn separator_len(b: &[u8]) -> usize {
    match b {
        [b',' | b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0xAF, ..] => 3,
        _ => 0,
    }
}

/// Numbers written as single words (statements say "more than ten"), longest first where one is a prefix of another.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("a hundred", 100),
    ("hundred", 100),
];

/// A non-negative whole number with optional thousands separators, or a number word, then the rest of the text.
fn number(b: &[u8]) -> Result<(u64, &[u8]), Bad> {
    match b {
        [d, ..] if d.is_ascii_digit() => {}
        [d, ..] if d.is_ascii_alphabetic() => {
            return NUMBER_WORDS
                .iter()
                .find_map(|&(w, n)| strip_phrase(b, &[w]).map(|rest| (n, rest)))
                .ok_or(Bad::Unrecognised("expected a number"));
        }
        [b'-', d, ..] if d.is_ascii_digit() => return Err(Bad::Negative),
        [] => return Err(Bad::Unrecognised("a number is missing")),
        _ => return Err(Bad::Unrecognised("expected a number")),
    }
    let mut value: u64 = 0;
    let mut i = 0;
    let mut group = 0;
    let mut sep: Option<&[u8]> = None;
    loop {
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d - b'0')))
                .ok_or(Bad::Overflow)?;
            i += 1;
            group += 1;
        }
        let n = separator_len(&b[i..]);
        if n == 0 || !b.get(i + n).is_some_and(u8::is_ascii_digit) {
            break;
        }
        let this = &b[i..i + n];
        // The first group has 1 to 3 digits, later ones exactly 3, and one separator throughout.
        match sep {
            None if group > 3 => return Err(Bad::Grouping),
            Some(_) if group != 3 => return Err(Bad::Grouping),
            Some(s) if s != this => return Err(Bad::Grouping),
            _ => {}
        }
        sep = Some(this);
        group = 0;
        i += n;
    }
    if sep.is_some() && group != 3 {
        return Err(Bad::Grouping);
    }
    Ok((value, b[i..].trim_ascii_start()))
}

/// A range separator (`-`, en dash, em dash, `to`, `and` after `between`) at the front of `b`.
fn strip_range_separator(b: &[u8], between: bool) -> Option<&[u8]> {
    if between {
        return strip_phrase(b, &["and"]);
    }
    let ([b'-', rest @ ..] | [0xE2, 0x80, 0x93 | 0x94, rest @ ..]) = b else {
        return strip_phrase(b, &["to"]);
    };
    Some(rest.trim_ascii_start())
}

fn parse_body(b: &[u8]) -> Result<Count, Bad> {
    let (op, rest) = if b.first().is_some_and(u8::is_ascii_digit) {
        (None, b)
    } else {
        match PHRASES
            .iter()
            .find_map(|(words, op)| strip_phrase(b, words).map(|r| (*op, r)))
        {
            Some((op, r)) => (Some(op), r),
            None => (None, b),
        }
    };
    let (n, rest) = number(rest)?;
    let trailing = |rest: &[u8]| {
        if rest.is_empty() {
            Ok(())
        } else {
            Err(Bad::Unrecognised("unexpected text after the number"))
        }
    };
    let stated = match op {
        None | Some(Op::Between) => None,
        Some(Op::AtLeast) => Some(Count::at_least(n)),
        Some(Op::Over) => Some(Count::at_least(n.checked_add(1).ok_or(Bad::Overflow)?)),
        Some(Op::AtMost) => Some(Count::at_most(n)),
        Some(Op::Under) => Some(Count::at_most(n.checked_sub(1).ok_or(Bad::Negative)?)),
        Some(Op::About) => Some(Count::about(n)),
        Some(Op::Nearly) => Some(Count::nearly(n)),
    };
    if let Some(count) = stated {
        trailing(rest)?;
        return Ok(count);
    }
    let between = op.is_some();
    if !between {
        if rest.is_empty() {
            return Ok(Count::exact(n));
        }
        if let [b'+'] = rest {
            return Ok(Count::at_least(n));
        }
    }
    let Some(rest) = strip_range_separator(rest, between) else {
        return Err(Bad::Unrecognised(if between {
            "expected \"between a and b\""
        } else {
            "unexpected text after the number"
        }));
    };
    let (m, rest) = number(rest)?;
    trailing(rest)?;
    if m < n {
        return Err(Bad::Descending { lower: n, upper: m });
    }
    Ok(Count {
        lower: n,
        upper: Some(m),
        point: midpoint(n, m),
        kind: CountKind::Between,
    })
}

fn parse(b: &[u8]) -> Result<Count, Bad> {
    if b.is_empty() {
        return Err(Bad::Empty);
    }
    // An explicit point estimate: "... (point 22)".
    if let [body @ .., b')'] = b {
        let Some(open) = body.iter().rposition(|&c| c == b'(') else {
            return Err(Bad::Unrecognised("unmatched \")\""));
        };
        let inner = strip_phrase(body[open + 1..].trim_ascii(), &["point"])
            .ok_or(Bad::Unrecognised("expected \"(point n)\""))?;
        let (point, rest) = number(inner)?;
        if !rest.is_empty() {
            return Err(Bad::Unrecognised("expected \"(point n)\""));
        }
        let base = parse_body(body[..open].trim_ascii())?;
        return match base.kind {
            CountKind::AtLeast | CountKind::Between => Count::bounds_inner(base.lower, base.upper, point),
            _ => Err(Bad::Unrecognised(
                "a point estimate may follow only a range or a lower bound",
            )),
        };
    }
    parse_body(b)
}

impl FromStr for Count {
    type Err = CountError;

    /// Parses the text forms listed on [`Count`]. Does not allocate unless the text is invalid.
    ///
    /// # Errors
    ///
    /// [`CountError::Empty`] for blank text; [`CountError::Unrecognised`] for text in no count form
    /// (`12abc`, `over`); [`CountError::Negative`] (`-5`, `fewer than 0`); [`CountError::Grouping`]
    /// (`1,20`); [`CountError::Overflow`] (more than `u64::MAX`); [`CountError::Descending`] (`24-21`);
    /// [`CountError::PointOutOfRange`] (`21-24 (point 30)`).
    fn from_str(s: &str) -> Result<Count, CountError> {
        parse(s.trim().as_bytes()).map_err(|b| b.into_error(s.to_owned()))
    }
}
