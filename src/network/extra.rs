//! Extra attributes of actors and ties: what a file carried that corridor has no type for.

use std::collections::BTreeMap;
use std::fmt;

use super::NetworkError;

/// The value of an extra attribute of an [`Actor`](super::Actor) or a [`Tie`](super::Tie).
///
/// Files written by other tools carry attributes corridor has no field for (a Gephi colour, an igraph
/// community number, a networkx `label`). [`read_graphml`](crate::io::read_graphml) keeps them as
/// extras with the type their `GraphML` key declares, and [`write_graphml`](crate::io::write_graphml)
/// writes them back with that type:
///
/// | `GraphML` `attr.type` | value |
/// |---|---|
/// | `boolean` | [`Extra::Bool`] |
/// | `int`, `long` | [`Extra::Int`] |
/// | `float`, `double` | [`Extra::Float`] |
/// | `string` | [`Extra::Text`] |
///
/// With the `serde` feature an extra (de)serialises as the bare JSON value (`true`, `3`, `2.5`, `"x"`).
///
/// # Examples
///
/// ```
/// use corridor::network::{Actor, Extra};
///
/// let a = Actor::person("Ana").extra("community", Extra::Int(3)).extra("label", "Ana M.");
/// assert_eq!(a.extras()["community"], Extra::Int(3));
/// assert_eq!(a.extras()["label"].to_string(), "Ana M.");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(untagged))]
pub enum Extra {
    /// A boolean.
    Bool(bool),
    /// A signed integer.
    Int(i64),
    /// A floating-point number (any `f64`, NaN and infinities included: extras are kept as read).
    Float(f64),
    /// Text.
    Text(String),
}

impl Extra {
    /// The `GraphML` `attr.type` this value is written with: `boolean`, `long`, `double` or `string`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::Extra;
    /// assert_eq!(Extra::Float(0.5).graphml_type(), "double");
    /// ```
    #[must_use]
    pub fn graphml_type(&self) -> &'static str {
        match self {
            Extra::Bool(_) => "boolean",
            Extra::Int(_) => "long",
            Extra::Float(_) => "double",
            Extra::Text(_) => "string",
        }
    }
}

impl fmt::Display for Extra {
    /// `true`/`false`, the number (shortest form that reads back exactly), or the text as is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Extra::Bool(b) => write!(f, "{b}"),
            Extra::Int(i) => write!(f, "{i}"),
            Extra::Float(x) => write!(f, "{x}"),
            Extra::Text(s) => f.write_str(s),
        }
    }
}

impl From<bool> for Extra {
    fn from(b: bool) -> Self {
        Extra::Bool(b)
    }
}

impl From<i64> for Extra {
    fn from(i: i64) -> Self {
        Extra::Int(i)
    }
}

impl From<f64> for Extra {
    fn from(x: f64) -> Self {
        Extra::Float(x)
    }
}

impl From<&str> for Extra {
    fn from(s: &str) -> Self {
        Extra::Text(s.to_owned())
    }
}

impl From<String> for Extra {
    fn from(s: String) -> Self {
        Extra::Text(s)
    }
}

/// Extra attributes by name, sorted.
pub(crate) type Extras = BTreeMap<String, Extra>;

/// The attribute names of an actor that corridor writes to `GraphML` itself; an extra may not take one.
pub(crate) const ACTOR_FIELDS: [&str; 9] = [
    "name",
    "kind",
    "aliases",
    "roles",
    "country",
    "stages",
    "fee",
    "fee_currency",
    "capacity",
];

/// The attribute names of a tie that corridor writes to `GraphML` itself; an extra may not take one.
pub(crate) const TIE_FIELDS: [&str; 6] = ["kind", "weight", "first_seen", "last_seen", "directed", "sources"];

/// Checks extra names: non-empty and not one of `fields`.
pub(crate) fn check_names(extras: &Extras, fields: &[&str]) -> Result<(), NetworkError> {
    for name in extras.keys() {
        if name.trim().is_empty() || fields.contains(&name.as_str()) {
            return Err(NetworkError::ReservedExtra { name: name.clone() });
        }
    }
    Ok(())
}

/// Adds the extras of `other` that `into` lacks (the values `into` has win).
pub(crate) fn absorb(into: &mut Extras, other: &Extras) {
    for (k, v) in other {
        into.entry(k.clone()).or_insert_with(|| v.clone());
    }
}
