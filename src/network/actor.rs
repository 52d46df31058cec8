//! Actors of a smuggling network: people and organisations with roles, stages, fees and capacity.

use std::fmt;

use super::NetworkError;
use super::extra::{self, Extra, Extras};
use crate::Country;

/// Stable identifier of an actor inside one [`SmugglingNetwork`](super::SmugglingNetwork).
///
/// Ids are handed out by [`NetworkBuilder::add_actor`](super::NetworkBuilder::add_actor) in insertion
/// order: the first actor is index 0, the second index 1, and so on. Every view of a network
/// (`by_kind`, `during`, `organisation`) and a [`merge`](super::SmugglingNetwork::merge) into it keeps the
/// ids of its parent.
///
/// An id handed out by a builder (or by a network: `actors`, `ties`, `find`, the measures) remembers
/// that builder. The builder, the network it builds and that network's views and merges accept it; any
/// other builder or network rejects it as [`NetworkError::UnknownActor`], even when its index is in range,
/// so an id cannot silently name another network's actor. An id made from a bare index with
/// [`ActorId::new`] (or deserialised: serde writes only the index) belongs to no network and is accepted
/// by every network as "the actor with this index".
///
/// Ids compare, order and hash by index alone, so an id from `ActorId::new(2)` equals the id of the third
/// actor of any network. An `ActorId` is 8 bytes and `Copy`.
///
/// # Examples
///
/// ```
/// use corridor::network::{Actor, NetworkError, SmugglingNetwork, Tie, TieKind};
///
/// let mut b = SmugglingNetwork::builder();
/// let a = b.add_actor(Actor::person("A"));
/// let c = b.add_actor(Actor::person("C"));
/// assert_eq!((a.index(), c.index()), (0, 1));
///
/// // Ids of one builder are refused by another, index in range or not.
/// let mut other = SmugglingNetwork::builder();
/// let x = other.add_actor(Actor::person("X"));
/// let y = other.add_actor(Actor::person("Y"));
/// let err = other.add_tie(x, c, Tie::undirected(TieKind::Kinship)).unwrap_err();
/// assert_eq!(err, NetworkError::UnknownActor { id: 1 });
/// other.add_tie(x, y, Tie::undirected(TieKind::Kinship))?;
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ActorId {
    index: u32,
    /// The builder that handed the id out; 0 for none (accepted everywhere).
    tag: u32,
}

/// Tags for builders, so that ids of one builder are refused by another. Only identity is taken from
/// it: no result depends on its value. 0 is never handed out.
static NEXT_TAG: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A tag no other live builder has (tags repeat only after 4 294 967 295 builders).
pub(crate) fn fresh_tag() -> u32 {
    loop {
        let t = NEXT_TAG.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if t != 0 {
            return t;
        }
    }
}

impl PartialEq for ActorId {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl Eq for ActorId {}

impl std::hash::Hash for ActorId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl PartialOrd for ActorId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ActorId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index.cmp(&other.index)
    }
}

impl ActorId {
    /// The id with the given index, belonging to no network (every network accepts it; no check that
    /// such an actor exists: lookups return `None` or an error for unknown ids).
    ///
    /// # Panics
    ///
    /// Panics if `index` does not fit in a `u32` (more than 4 294 967 295 actors).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::ActorId;
    /// assert_eq!(ActorId::new(7).index(), 7);
    /// ```
    #[must_use]
    pub fn new(index: usize) -> Self {
        Self::tagged(index, 0)
    }

    /// The id with the given index handed out by the builder or network with `tag`.
    pub(crate) fn tagged(index: usize, tag: u32) -> Self {
        Self {
            index: u32::try_from(index).expect("actor index fits in u32"),
            tag,
        }
    }

    /// The 0-based insertion index of the actor.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::ActorId;
    /// assert_eq!(ActorId::new(3).index(), 3);
    /// ```
    #[must_use]
    pub fn index(self) -> usize {
        self.index as usize
    }

    pub(crate) fn raw(self) -> u32 {
        self.index
    }

    /// Whether the builder or network with `tag` accepts this id (its own, or one of no network).
    pub(crate) fn belongs_to(self, tag: u32) -> bool {
        self.tag == 0 || self.tag == tag
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ActorId {
    /// The index alone, as a number.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.index)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ActorId {
    /// An index, as an id of no network (see the type docs).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <u32 as serde::Deserialize>::deserialize(deserializer).map(|index| Self { index, tag: 0 })
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.index)
    }
}

word_enum! {
    /// Whether an actor is a single person or an organisation (a cartel, a gang, a transport company).
    ///
    /// Text form (Display / `FromStr` / serde): `person`, `organisation` (also parsed: `organization`).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::ActorKind;
    /// assert_eq!(ActorKind::Organisation.as_str(), "organisation");
    /// assert_eq!("Organization".parse::<ActorKind>()?, ActorKind::Organisation);
    /// # Ok::<(), corridor::network::NetworkError>(())
    /// ```
    pub enum ActorKind {
        /// A natural person.
        Person => "person",
        /// An organisation; its members are linked to it by [`TieKind::Membership`](super::TieKind::Membership) ties.
        Organisation => "organisation" | "organization",
    }
    error: NetworkError = |text| NetworkError::UnknownName { what: "actor kind", text: text.to_owned() };
}

word_enum! {
    /// What an actor does in the smuggling chain.
    ///
    /// Text form (Display / `FromStr` / serde): snake case, e.g. `boat_operator`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::Role;
    /// assert_eq!(Role::BoatOperator.as_str(), "boat_operator");
    /// assert_eq!("Boat_Operator".parse::<Role>()?, Role::BoatOperator);
    /// # Ok::<(), corridor::network::NetworkError>(())
    /// ```
    pub enum Role {
        /// Heads an organisation or a line.
        Leader => "leader",
        /// Organises a stage ("jefe de línea", "coyote" coordinating others).
        Coordinator => "coordinator",
        /// Finds and signs up migrants.
        Recruiter => "recruiter",
        /// Walks migrants along trails.
        Guide => "guide",
        /// Runs boats (e.g. Necoclí → Acandí/Capurganá).
        BoatOperator => "boat_operator",
        /// Moves migrants by land vehicle.
        Transporter => "transporter",
        /// Houses migrants between stages.
        Lodging => "lodging",
        /// Forges or sells documents.
        DocumentForger => "document_forger",
        /// Collects, moves or launders money.
        Financier => "financier",
        /// An official who is paid to look away or help.
        CorruptOfficial => "corrupt_official",
        /// Watches for the authorities.
        Lookout => "lookout",
        /// Any other role.
        Other => "other",
    }
    error: NetworkError = |text| NetworkError::UnknownName { what: "role", text: text.to_owned() };
}

/// A stage of the corridor an actor serves: an ordered index and a place name.
///
/// Stages are ordered by index (then name). The network's first stage is the lowest index any actor
/// serves, its last stage the highest (see [`disruption`](super::SmugglingNetwork::disrupt)).
///
/// Not a corridor's [`flow::Stage`](crate::flow::Stage), which is a [`Location`](crate::flow::Location)
/// with its typical transit days: a stage served is only a position and a place name, as the sources
/// on a network give them.
///
/// # Examples
///
/// ```
/// use corridor::network::StageServed;
///
/// let s = StageServed::new(0, "Necoclí/Turbo");
/// assert_eq!((s.index(), s.name()), (0, "Necoclí/Turbo"));
/// assert!(s < StageServed::new(1, "Capurganá/Acandí"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StageServed {
    index: u32,
    name: String,
}

impl StageServed {
    /// A stage with its position along the corridor (0 = first) and its name.
    ///
    /// The name is checked (non-empty after trimming) when the network is built.
    #[must_use]
    pub fn new(index: u32, name: impl Into<String>) -> Self {
        Self {
            index,
            name: name.into(),
        }
    }

    /// Position along the corridor (0 = first).
    #[must_use]
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Place name of the stage.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for StageServed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.index, self.name)
    }
}

/// A fee per migrant: a finite, non-negative amount in an ISO 4217 currency.
///
/// # Examples
///
/// ```
/// use corridor::network::Fee;
///
/// let fee = Fee::new(400.0, "usd")?;
/// assert_eq!((fee.amount(), fee.currency()), (400.0, "USD"));
/// assert!(Fee::new(-1.0, "USD").is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "serde_repr::FeeRepr", into = "serde_repr::FeeRepr")
)]
pub struct Fee {
    amount: f64,
    currency: [u8; 3],
}

impl Fee {
    /// A fee of `amount` in `currency` (three ASCII letters, stored upper-case).
    ///
    /// # Errors
    ///
    /// [`NetworkError::InvalidFee`] if `amount` is negative, NaN or infinite;
    /// [`NetworkError::InvalidCurrency`] if `currency` is not three ASCII letters.
    pub fn new(amount: f64, currency: &str) -> crate::network::Result<Self> {
        if !amount.is_finite() || amount < 0.0 {
            return Err(NetworkError::InvalidFee { amount });
        }
        let code = alpha3(currency).ok_or_else(|| NetworkError::InvalidCurrency {
            code: currency.to_owned(),
        })?;
        Ok(Self { amount, currency: code })
    }

    /// The amount per migrant.
    #[must_use]
    pub fn amount(&self) -> f64 {
        self.amount
    }

    /// The ISO 4217 currency code, upper-case.
    #[must_use]
    pub fn currency(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.currency).unwrap_or("???")
    }
}

impl fmt::Display for Fee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency())
    }
}

/// Three ASCII letters, upper-cased, or `None`.
fn alpha3(code: &str) -> Option<[u8; 3]> {
    let b = code.trim().as_bytes();
    if b.len() == 3 && b.iter().all(u8::is_ascii_alphabetic) {
        Some([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ])
    } else {
        None
    }
}

/// A person or organisation in a smuggling network.
///
/// An `Actor` is a description handed to [`NetworkBuilder::add_actor`](super::NetworkBuilder::add_actor);
/// the setters do not fail, and everything is checked by
/// [`NetworkBuilder::build`](super::NetworkBuilder::build): the name is non-empty, names and aliases are
/// unique in the network (compared trimmed and case-insensitively), stage names are non-empty.
///
/// # Examples
///
/// ```
/// use corridor::Country;
/// use corridor::network::{Actor, Fee, Role, StageServed};
///
/// let guide = Actor::person("El Baquiano")
///     .alias("Baquiano")
///     .role(Role::Guide)
///     .country(Country::COL)
///     .stage(StageServed::new(2, "Darién trails"))
///     .fee(Fee::new(350.0, "USD")?)
///     .capacity(400);
/// assert_eq!(guide.name(), "El Baquiano");
/// assert_eq!(guide.roles(), &[Role::Guide]);
/// assert_eq!(guide.based_in(), Some(Country::COL));
/// # Ok::<(), corridor::Error>(())
/// ```
///
/// With the `serde` feature an actor (de)serialises as a map `name`, `kind`, `aliases`, `roles`,
/// `country` (alpha-3), `stages`, `fee` (`amount`, `currency`), `capacity`; deserialising goes through
/// the setters, and [`SmugglingNetwork`](super::SmugglingNetwork) checks the rest when it is built.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(from = "serde_repr::ActorRepr", into = "serde_repr::ActorRepr")
)]
pub struct Actor {
    name: String,
    kind: ActorKind,
    aliases: Vec<String>,
    roles: Vec<Role>,
    country: Option<Country>,
    stages: Vec<StageServed>,
    fee: Option<Fee>,
    capacity: Option<u32>,
    extras: Extras,
}

impl Actor {
    fn new(name: impl Into<String>, kind: ActorKind) -> Self {
        Self {
            name: name.into().trim().to_owned(),
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
            country: None,
            stages: Vec::new(),
            fee: None,
            capacity: None,
            extras: Extras::new(),
        }
    }

    /// A person with the given name (trimmed).
    #[must_use]
    pub fn person(name: impl Into<String>) -> Self {
        Self::new(name, ActorKind::Person)
    }

    /// An organisation with the given name (trimmed).
    #[must_use]
    pub fn organisation(name: impl Into<String>) -> Self {
        Self::new(name, ActorKind::Organisation)
    }

    /// Adds an alias (trimmed; an alias equal to the name or to an earlier alias is ignored).
    #[must_use]
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        let a = alias.into().trim().to_owned();
        if !same_name(&a, &self.name) && !self.aliases.iter().any(|x| same_name(x, &a)) {
            self.aliases.push(a);
        }
        self
    }

    /// Adds a role (roles are kept sorted and distinct).
    #[must_use]
    pub fn role(mut self, role: Role) -> Self {
        insert_sorted(&mut self.roles, role);
        self
    }

    /// Sets the country the actor is based in (a person's nationality or an organisation's home).
    #[must_use]
    pub fn country(mut self, country: Country) -> Self {
        self.country = Some(country);
        self
    }

    /// Adds a corridor stage the actor serves (stages are kept sorted and distinct).
    #[must_use]
    pub fn stage(mut self, stage: StageServed) -> Self {
        insert_sorted(&mut self.stages, stage);
        self
    }

    /// Sets the fee the actor charges per migrant.
    #[must_use]
    pub fn fee(mut self, fee: Fee) -> Self {
        self.fee = Some(fee);
        self
    }

    /// Sets the capacity in migrants per month.
    #[must_use]
    pub fn capacity(mut self, migrants_per_month: u32) -> Self {
        self.capacity = Some(migrants_per_month);
        self
    }

    /// Sets an extra attribute: one corridor has no field for, such as a community number or a colour
    /// read from a `GraphML` file (see [`Extra`]). Setting a name again replaces its value.
    ///
    /// The name is checked by [`NetworkBuilder::build`](super::NetworkBuilder::build): non-empty, and not
    /// one of the attribute names [`write_graphml`](crate::io::write_graphml) gives the actor's own fields
    /// (`name`, `kind`, `aliases`, `roles`, `country`, `stages`, `fee`, `fee_currency`, `capacity`).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, Extra};
    /// let a = Actor::person("Ana").extra("community", 3_i64);
    /// assert_eq!(a.extras().get("community"), Some(&Extra::Int(3)));
    /// ```
    #[must_use]
    pub fn extra(mut self, name: impl Into<String>, value: impl Into<Extra>) -> Self {
        self.extras.insert(name.into(), value.into());
        self
    }

    /// The extra attributes, by name.
    #[must_use]
    pub fn extras(&self) -> &std::collections::BTreeMap<String, Extra> {
        &self.extras
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Person or organisation.
    #[must_use]
    pub fn kind(&self) -> ActorKind {
        self.kind
    }

    /// The aliases, in the order given.
    #[must_use]
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The roles, sorted.
    #[must_use]
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Whether the actor has `role`.
    #[must_use]
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.binary_search(&role).is_ok()
    }

    /// The country the actor is based in, if known.
    #[must_use]
    pub fn based_in(&self) -> Option<Country> {
        self.country
    }

    /// The corridor stages served, sorted by index.
    #[must_use]
    pub fn stages(&self) -> &[StageServed] {
        &self.stages
    }

    /// The fee per migrant, if known.
    #[must_use]
    pub fn fee_per_migrant(&self) -> Option<Fee> {
        self.fee
    }

    /// The capacity in migrants per month, if known.
    #[must_use]
    pub fn monthly_capacity(&self) -> Option<u32> {
        self.capacity
    }

    /// Every name the actor is known by: the name, then the aliases.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Checks the parts the setters could not.
    pub(crate) fn validate(&self, index: usize) -> Result<(), NetworkError> {
        if self.name.is_empty() {
            return Err(NetworkError::EmptyName { id: index });
        }
        if self.aliases.iter().any(String::is_empty) {
            return Err(NetworkError::EmptyName { id: index });
        }
        if self.stages.iter().any(|s| s.name.trim().is_empty()) {
            return Err(NetworkError::EmptyStageName {
                actor: self.name.clone(),
            });
        }
        extra::check_names(&self.extras, &extra::ACTOR_FIELDS)
    }

    /// Folds `other` (the same actor seen in another network) into `self`.
    pub(crate) fn absorb(&mut self, other: &Actor) -> Result<(), NetworkError> {
        if self.kind != other.kind {
            return Err(NetworkError::MergeConflict {
                actor: self.name.clone(),
                field: "kind",
            });
        }
        match (&self.country, &other.country) {
            (Some(a), Some(b)) if a != b => {
                return Err(NetworkError::MergeConflict {
                    actor: self.name.clone(),
                    field: "country",
                });
            }
            (None, Some(b)) => self.country = Some(*b),
            _ => {}
        }
        for n in other.names() {
            if !self.names().any(|m| same_name(m, n)) {
                self.aliases.push(n.to_owned());
            }
        }
        for &r in &other.roles {
            insert_sorted(&mut self.roles, r);
        }
        for s in &other.stages {
            insert_sorted(&mut self.stages, s.clone());
        }
        if self.fee.is_none() {
            self.fee = other.fee;
        }
        if self.capacity.is_none() {
            self.capacity = other.capacity;
        }
        extra::absorb(&mut self.extras, &other.extras);
        Ok(())
    }
}

fn insert_sorted<T: Ord>(v: &mut Vec<T>, x: T) {
    if let Err(at) = v.binary_search(&x) {
        v.insert(at, x);
    }
}

/// The key under which names and aliases are compared: trimmed, lower-case.
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

#[cfg(feature = "serde")]
mod serde_repr {
    //! Plain shapes that (de)serialise through the validating constructors and setters.
    use super::{Actor, ActorKind, Extras, Fee, Role, StageServed};
    use crate::Country;

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct FeeRepr {
        amount: f64,
        currency: String,
    }

    impl TryFrom<FeeRepr> for Fee {
        type Error = crate::network::NetworkError;

        fn try_from(r: FeeRepr) -> crate::network::Result<Fee> {
            Fee::new(r.amount, &r.currency)
        }
    }

    impl From<Fee> for FeeRepr {
        fn from(f: Fee) -> Self {
            Self {
                amount: f.amount,
                currency: f.currency().to_owned(),
            }
        }
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct ActorRepr {
        name: String,
        kind: ActorKind,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        roles: Vec<Role>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<Country>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        stages: Vec<StageServed>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fee: Option<Fee>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        capacity: Option<u32>,
        #[serde(default, skip_serializing_if = "Extras::is_empty")]
        extras: Extras,
    }

    impl From<ActorRepr> for Actor {
        fn from(r: ActorRepr) -> Self {
            let mut a = Actor::new(r.name, r.kind);
            for x in r.aliases {
                a = a.alias(x);
            }
            for x in r.roles {
                a = a.role(x);
            }
            for x in r.stages {
                a = a.stage(x);
            }
            a.country = r.country;
            a.fee = r.fee;
            a.capacity = r.capacity;
            a.extras = r.extras;
            a
        }
    }

    impl From<Actor> for ActorRepr {
        fn from(a: Actor) -> Self {
            Self {
                name: a.name,
                kind: a.kind,
                aliases: a.aliases,
                roles: a.roles,
                country: a.country,
                stages: a.stages,
                fee: a.fee,
                capacity: a.capacity,
                extras: a.extras,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_text_round_trips() {
        for r in Role::ALL {
            assert_eq!(r.to_string().parse::<Role>().unwrap(), r);
        }
        assert!(matches!("pilot".parse::<Role>(), Err(NetworkError::UnknownName { .. })));
        assert_eq!("Organization".parse::<ActorKind>().unwrap(), ActorKind::Organisation);
        assert!("gang".parse::<ActorKind>().is_err());
    }

    #[test]
    fn fee_is_checked() {
        assert!(matches!(
            Fee::new(f64::NAN, "USD"),
            Err(NetworkError::InvalidFee { .. })
        ));
        assert!(matches!(
            Fee::new(10.0, "US"),
            Err(NetworkError::InvalidCurrency { .. })
        ));
        assert_eq!(Fee::new(0.0, "cop").unwrap().currency(), "COP");
    }

    #[test]
    fn setters_keep_sets_sorted_and_distinct() {
        let a = Actor::person(" X ")
            .alias("x")
            .alias("Y")
            .alias("y")
            .role(Role::Guide)
            .role(Role::Leader)
            .role(Role::Guide)
            .stage(StageServed::new(2, "b"))
            .stage(StageServed::new(0, "a"))
            .stage(StageServed::new(2, "b"));
        assert_eq!(a.name(), "X");
        assert_eq!(a.aliases(), &["Y".to_owned()]);
        assert_eq!(a.roles(), &[Role::Leader, Role::Guide]);
        assert_eq!(a.stages().len(), 2);
        assert_eq!(a.stages()[0].index(), 0);
    }
}
