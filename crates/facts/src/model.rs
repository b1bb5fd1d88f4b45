//! The validated fact base.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::amount::{Amount, Unit};
use crate::date::{FactDate, Period};
use crate::titles::TitleTable;

/// Where a fact is defined: file, 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file's path as given to the loader.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A company, agency, party, foundation...
    Organization,
    /// A person.
    Person,
    /// A country, province, city...
    Place,
    /// A programme, campaign, initiative, event series...
    Program,
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EntityKind::Organization => "organization",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Program => "program",
        })
    }
}

/// A person, organisation, place or programme, with every correct name.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Unique id.
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// Canonical spelling.
    pub name: String,
    /// Other correct names.
    pub aliases: Vec<String>,
    /// Roles held (persons).
    pub roles: Vec<Role>,
    /// Evidence URL.
    pub source: Option<String>,
    /// Where it is defined.
    pub origin: Origin,
}

impl Entity {
    /// The canonical name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A role a person held, and when.
#[derive(Debug, Clone)]
pub struct Role {
    /// Canonical title (through the title table).
    pub title: String,
    /// The organisation or place, by entity id.
    pub of: Option<String>,
    /// Start, if known.
    pub from: Option<FactDate>,
    /// End; `None` means the role is still held.
    pub to: Option<FactDate>,
    /// Evidence URL.
    pub source: Option<String>,
}

impl Role {
    /// Whether the role was held at some time within `date` (a day, month or
    /// year). Boundaries known only to the month or year count as held.
    pub fn held_during(&self, date: &FactDate) -> bool {
        let started = self
            .from
            .is_none_or(|from| from.first_day() <= date.last_day());
        let not_ended = self.to.is_none_or(|to| to.last_day() > date.first_day());
        started && not_ended
    }

    /// Whether the role was certainly held for the whole of `date`.
    pub fn held_throughout(&self, date: &FactDate) -> bool {
        let started = self
            .from
            .is_none_or(|from| from.last_day() <= date.first_day());
        let not_ended = self.to.is_none_or(|to| to.first_day() > date.last_day());
        started && not_ended
    }

    /// Whether the role had certainly ended before `date` began.
    pub fn ended_before(&self, date: &FactDate) -> bool {
        self.to.is_some_and(|to| to.last_day() <= date.first_day())
    }
}

/// A figure: an amount of money, a count or a percentage.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// Unique id.
    pub id: String,
    /// The entity it is about.
    pub subject: String,
    /// A short description.
    pub what: Option<String>,
    /// Words that tie a sentence to this fact.
    pub cues: Vec<String>,
    /// The value.
    pub value: Amount,
    /// When it was announced, or as of when it holds.
    pub date: Option<FactDate>,
    /// The period it covers.
    pub period: Option<Period>,
    /// Other values that are also right.
    pub accept: Vec<Amount>,
    /// Ids of quantities that add up to this one.
    pub sum_of: Vec<String>,
    /// Evidence URL.
    pub source: Option<String>,
    /// Where it is defined.
    pub origin: Origin,
}

/// A dated event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// The entity it is about.
    pub subject: String,
    /// A short description.
    pub what: Option<String>,
    /// Words that tie a sentence to this event.
    pub cues: Vec<String>,
    /// When it happened.
    pub date: FactDate,
    /// Other dates that are also defensible.
    pub accept: Vec<FactDate>,
    /// Evidence URL.
    pub source: Option<String>,
    /// Where it is defined.
    pub origin: Origin,
}

impl Event {
    /// Its date, then its accepted dates.
    pub fn dates(&self) -> impl Iterator<Item = &FactDate> + Clone {
        std::iter::once(&self.date).chain(&self.accept)
    }
}

/// An exchange rate: `rate` units of `quote` for one unit of `base`.
#[derive(Debug, Clone)]
pub struct Rate {
    /// Id (given, or `base-quote-date`).
    pub id: String,
    /// Base currency.
    pub base: String,
    /// Quote currency.
    pub quote: String,
    /// Quote units per base unit.
    pub rate: Decimal,
    /// The day (or month) of the rate.
    pub on: FactDate,
    /// Relative tolerance (0.01 for 1%).
    pub tolerance: Decimal,
    /// Evidence URL.
    pub source: Option<String>,
    /// Where it is defined.
    pub origin: Origin,
}

/// The default relative tolerance of a rate when the facts give none.
pub fn default_tolerance() -> Decimal {
    Decimal::new(2, 2)
}

/// A reference to any fact by kind and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactRef {
    /// An entity.
    Entity(usize),
    /// A quantity.
    Quantity(usize),
    /// An event.
    Event(usize),
    /// A rate.
    Rate(usize),
}

/// A hasher for the fact base's ids (FxHash's mixing, eight bytes a step),
/// for maps keyed by them: ids are looked up for every role, citation,
/// subject and matched fact, and SipHash made each lookup cost about 280
/// instructions. The ids are the fact base's own, and such maps must only
/// be looked up, never iterated, so neither resistance to chosen keys nor
/// order matters.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The whole, validated fact base.
#[derive(Debug, Clone, Default)]
pub struct FactBase {
    /// Entities in load order (files sorted by path).
    pub entities: Vec<Entity>,
    /// Quantities.
    pub quantities: Vec<Quantity>,
    /// Events.
    pub events: Vec<Event>,
    /// Exchange rates.
    pub rates: Vec<Rate>,
    /// Title synonyms, built-in plus those of the facts.
    pub titles: TitleTable,
    /// Id to fact.
    pub(crate) ids: HashMap<String, FactRef, BuildHasherDefault<IdHasher>>,
}

impl FactBase {
    /// Looks up any fact by id.
    pub fn get(&self, id: &str) -> Option<FactRef> {
        self.ids.get(id).copied()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        match self.get(id)? {
            FactRef::Entity(i) => self.entities.get(i),
            _ => None,
        }
    }

    /// The quantity with this id.
    pub fn quantity(&self, id: &str) -> Option<&Quantity> {
        match self.get(id)? {
            FactRef::Quantity(i) => self.quantities.get(i),
            _ => None,
        }
    }

    /// The source URL and origin of any fact, for explanations.
    pub fn provenance(&self, id: &str) -> Option<(Option<&str>, &Origin)> {
        Some(match self.get(id)? {
            FactRef::Entity(i) => {
                let e = self.entities.get(i)?;
                (e.source.as_deref(), &e.origin)
            }
            FactRef::Quantity(i) => {
                let q = self.quantities.get(i)?;
                (q.source.as_deref(), &q.origin)
            }
            FactRef::Event(i) => {
                let e = self.events.get(i)?;
                (e.source.as_deref(), &e.origin)
            }
            FactRef::Rate(i) => {
                let r = self.rates.get(i)?;
                (r.source.as_deref(), &r.origin)
            }
        })
    }

    /// Every (name, entity id) pair, canonical names and aliases alike.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entities
            .iter()
            .flat_map(|e| e.names().map(move |n| (n, e.id.as_str())))
    }

    /// The number of quantities and events.
    pub fn fact_count(&self) -> usize {
        self.quantities.len() + self.events.len()
    }

    /// Rates that convert between `a` and `b`, in either direction.
    pub fn rates_between(&self, a: &str, b: &str) -> Vec<&Rate> {
        self.rates
            .iter()
            .filter(|r| (r.base == a && r.quote == b) || (r.base == b && r.quote == a))
            .collect()
    }

    /// Currencies used by the facts' amounts, most used first (for resolving
    /// ambiguous symbols such as `¥`).
    pub fn currencies(&self) -> Vec<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for q in &self.quantities {
            if let Unit::Currency(code) = &q.value.unit {
                *counts.entry(code).or_default() += 1;
            }
        }
        let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list.into_iter().map(|(c, _)| c.to_owned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(from: Option<&str>, to: Option<&str>) -> Role {
        Role {
            title: "chairman".into(),
            of: None,
            from: from.map(|d| FactDate::parse(d).unwrap()),
            to: to.map(|d| FactDate::parse(d).unwrap()),
            source: None,
        }
    }

    #[test]
    fn role_held_during_dates_of_any_precision() {
        let chair = role(Some("1999"), Some("2019-09-10"));
        let sept_2021 = FactDate::parse("2021-09").unwrap();
        assert!(!chair.held_during(&sept_2021));
        assert!(chair.ended_before(&sept_2021));
        assert!(chair.held_during(&FactDate::parse("2019-09").unwrap()));
        assert!(chair.held_throughout(&FactDate::parse("2005").unwrap()));
        let current = role(Some("2019-09-10"), None);
        assert!(current.held_during(&sept_2021));
        assert!(current.held_throughout(&sept_2021));
        assert!(!current.held_during(&FactDate::parse("2018").unwrap()));
    }
}
