//! Claim extraction: an article's text in, typed claims with exact byte spans
//! out.
//!
//! This crate knows nothing about truth and nothing about any story: it is
//! given the entity names of the fact base (for mentions), the title synonym
//! table (for role phrases) and the text. For every claim, `&text[span]` is
//! exactly the words that make it.
//!
//! ```
//! use claims::{Extractor, Format, KnownName};
//! use facts::{EntityKind, TitleTable};
//!
//! let names = [KnownName { name: "Acme".into(), entity: "acme".into(), kind: EntityKind::Organization }];
//! let extractor = Extractor::new(names, &TitleTable::default());
//! let text = "---\npublished: 2021-09-04\n---\nAcme said it will invest $15.5 billion.\n";
//! let extraction = extractor.extract(text, Format::Text, None);
//! assert_eq!(extraction.published.unwrap().to_string(), "2021-09-04");
//! assert!(extraction.claims.iter().any(|c| &text[c.span.clone()] == "Acme"));
//! ```

pub mod amounts;
pub mod dates;
pub mod document;
pub mod mentions;
pub mod roles;
pub mod sentences;

use std::ops::Range;
use std::sync::Arc;

use facts::{EntityKind, FactBase, FactDate, Period, TitleTable};

pub use amounts::{Amount, Hedge};
pub use dates::{DateKind, Resolved};
pub use document::{Format, FrontMatterError};
pub use mentions::{KnownName, Mention, Misspelling};
pub use roles::{OrgRef, RoleClaim, Tense};
pub use sentences::Sentence;

/// How a claim's subject was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Link {
    /// An entity named in the same clause.
    Clause,
    /// The first entity named in the sentence.
    Sentence,
    /// Carried over from an earlier sentence ("the company", "it", or no
    /// entity at all).
    Earlier,
}

/// The entity a claim is about, with the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The entity id, shared with the mention's (cloning is cheap).
    pub entity: Arc<str>,
    /// What the entity is.
    pub kind: EntityKind,
    /// The mention that names it.
    pub span: Range<usize>,
    /// How it was linked.
    pub link: Link,
}

/// What a claim states.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimKind {
    /// An amount of money, a count, a percentage or a bare scaled number.
    Amount(Amount),
    /// "X (Y)": an amount and its conversion into another currency.
    Conversion {
        /// The first amount.
        from: Amount,
        /// Its conversion.
        to: Amount,
    },
    /// One number with two currencies ("$20 billion yuan").
    Malformed {
        /// The amount, in the currency written after the number.
        amount: Amount,
        /// The currencies, in written order.
        currencies: Vec<String>,
    },
    /// A date, weekday, relative expression or period, resolved against the
    /// publication date where possible.
    Date {
        /// As written.
        written: DateKind,
        /// As resolved.
        resolved: Resolved,
    },
    /// A role phrase, with its pronoun or anaphor resolved where possible.
    Role {
        /// The phrase.
        role: RoleClaim,
        /// The person's entity id, after resolving a pronoun.
        person: Option<Arc<str>>,
        /// The organisation's entity id, after resolving "the company" or
        /// "its".
        org: Option<Arc<str>>,
    },
    /// A mention of a known entity.
    Mention(Mention),
    /// A near miss of a known name.
    Misspelling(Misspelling),
}

/// A claim with its place in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Byte range in the file: `&text[span]` is the claim's words.
    pub span: Range<usize>,
    /// Index into [`Extraction::sentences`].
    pub sentence: usize,
    /// What it states.
    pub kind: ClaimKind,
    /// What it is about.
    pub subject: Option<Subject>,
    /// The period that qualifies an amount ("Q2 ... revenue").
    pub period: Option<(Period, Range<usize>)>,
    /// Whether the amount is compared with a year earlier ("year-on-year").
    pub year_earlier: bool,
    /// The date the sentence gives for an amount or a role.
    pub when: Option<(FactDate, Range<usize>)>,
}

impl Claim {
    /// The claim kind's name in reports: money, conversion,
    /// malformed-amount, count, percent, number, date, weekday,
    /// relative-date, period, role, mention, misspelling.
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            ClaimKind::Amount(a) => match &a.unit {
                Some(facts::Unit::Currency(_)) => "money",
                Some(facts::Unit::Percent) => "percent",
                Some(facts::Unit::Noun(_)) => "count",
                None => "number",
            },
            ClaimKind::Conversion { .. } => "conversion",
            ClaimKind::Malformed { .. } => "malformed-amount",
            ClaimKind::Date { written, .. } => match written {
                DateKind::Calendar { .. } | DateKind::DayOnly { .. } => "date",
                DateKind::Weekday(_) => "weekday",
                DateKind::Relative(_) => "relative-date",
                DateKind::Period(_) => "period",
            },
            ClaimKind::Role { .. } => "role",
            ClaimKind::Mention(_) => "mention",
            ClaimKind::Misspelling(_) => "misspelling",
        }
    }
}

/// Everything extracted from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The publication date (flag, else front matter).
    pub published: Option<FactDate>,
    /// The outlet, from the front matter.
    pub outlet: Option<String>,
    /// A front matter that could not be read.
    pub front_matter_error: Option<FrontMatterError>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Claims, in span order.
    pub claims: Vec<Claim>,
}

/// How much text a run will search, which decides how its automata are
/// built: a DFA searches fastest but takes about 3 ms to build, a
/// contiguous NFA builds in a fraction of that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Workload {
    /// A few articles: an editor's save. Cheap to build.
    #[default]
    Few,
    /// Many articles: a corpus or a stream. Fast to search.
    Many,
}

impl Workload {
    /// The workload of a run over `sources` articles.
    pub fn of_sources(sources: usize) -> Workload {
        if sources > 32 {
            Workload::Many
        } else {
            Workload::Few
        }
    }

    /// An Aho-Corasick builder for this workload. A few articles get the
    /// automaton cheapest to build and search once: a non-contiguous NFA
    /// (copying it into a contiguous one cost more at start-up than it saves
    /// on a few kilobytes of text), dense only two levels deep (no dense
    /// states at all made its searches slower than that saved). Many
    /// articles get a DFA, the fastest to search.
    pub fn automaton_builder(self) -> aho_corasick::AhoCorasickBuilder {
        let mut builder = aho_corasick::AhoCorasickBuilder::new();
        match self {
            Workload::Few => builder
                .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                .dense_depth(2),
            Workload::Many => builder.kind(Some(aho_corasick::AhoCorasickKind::DFA)),
        };
        builder
    }
}

/// Extracts claims; built once per run and shared across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: mentions::Gazetteer,
    titles: roles::TitleMatcher,
    /// Places the facts state figures or events of, sorted: one that
    /// opens a sentence as the doer of its verb is its subject.
    places_with_facts: Vec<String>,
}

impl Extractor {
    /// An extractor for these names and titles.
    pub fn new(names: impl IntoIterator<Item = KnownName>, titles: &TitleTable) -> Extractor {
        Extractor::for_workload(names, titles, Workload::Few)
    }

    /// Like [`Extractor::new`], with automata built for `workload`.
    pub fn for_workload(
        names: impl IntoIterator<Item = KnownName>,
        titles: &TitleTable,
        workload: Workload,
    ) -> Extractor {
        Extractor {
            gazetteer: mentions::Gazetteer::for_workload(names, workload),
            titles: roles::TitleMatcher::for_workload(titles, workload),
            places_with_facts: Vec::new(),
        }
    }

    /// An extractor for every name and title of a fact base.
    pub fn for_facts(base: &FactBase) -> Extractor {
        Extractor::for_facts_and_workload(base, Workload::Few)
    }

    /// Like [`Extractor::for_facts`], with automata built for `workload`.
    pub fn for_facts_and_workload(base: &FactBase, workload: Workload) -> Extractor {
        let names = base.entities.iter().flat_map(|e| {
            e.names().map(move |n| KnownName {
                name: n.to_owned(),
                entity: e.id.clone(),
                kind: e.kind,
            })
        });
        let surnames = surnames(base).map(|(surname, e)| KnownName {
            name: surname.to_owned(),
            entity: e.id.clone(),
            kind: e.kind,
        });
        let possessives = possessives(base);
        let mut extractor = Extractor::for_workload(
            names.chain(surnames).chain(possessives),
            &base.titles,
            workload,
        );
        let place = |id: &str| base.entity(id).is_some_and(|e| e.kind == EntityKind::Place);
        let subjects = (base.quantities.iter().map(|q| q.subject.as_str()))
            .chain(base.events.iter().map(|e| e.subject.as_str()));
        let mut places: Vec<String> = subjects.filter(|s| place(s)).map(str::to_owned).collect();
        places.sort_unstable();
        places.dedup();
        extractor.places_with_facts = places;
        extractor
    }

    /// Extracts every claim of `text`. `published` overrides the front
    /// matter's date.
    pub fn extract(&self, text: &str, format: Format, published: Option<FactDate>) -> Extraction {
        let doc = document::prepare(text, format);
        let published = published.or(doc.published);
        let analysis = doc.analysis.as_str();
        let sentences = sentences::split(analysis, doc.body_start, format);
        let mut mentions = self.gazetteer.mentions(analysis);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
        let misspellings = self.gazetteer.misspellings(analysis, &mentions, &starts);

        let sentence_of = SentenceOf::new(&starts);
        let sentence_of = |offset: usize| sentence_of.of(offset);
        let bare = |span: Range<usize>, kind: ClaimKind| Claim {
            sentence: sentence_of(span.start),
            span,
            kind,
            subject: None,
            period: None,
            year_earlier: false,
            when: None,
        };

        // Each kind's claims come out in span order (or are sorted on their
        // own), so one merge puts them in the order a stable sort of all of
        // them would.
        // Dates first: amounts and roles take their period and date from them.
        let found_dates = dates::find(analysis);
        let mut dated = Vec::with_capacity(found_dates.len());
        let mut context: Option<FactDate> = None;
        // The last date written with its year, and where it ends.
        let mut dated_passage: Option<(FactDate, usize)> = None;
        // "in January last year": the month of the year named next (rare:
        // found before the loop, which then moves each mention once).
        let mut years_named_next: Vec<(usize, Resolved)> = found_dates
            .windows(2)
            .enumerate()
            .filter_map(|(k, pair)| {
                let [month, next] = pair else { return None };
                Some((k, dates::year_of_month(analysis, month, next, published)?))
            })
            .collect();
        years_named_next.reverse();
        // The relative year that gave a month its year ("June 2 last
        // year") is part of that date, no time of its own.
        let mut year_of_month = None;
        // The last year written alone, and where it ends.
        let mut year_said: Option<(i16, usize)> = None;
        for (k, mention) in found_dates.into_iter().enumerate() {
            if mention.span.start < doc.body_start || year_of_month == Some(k) {
                continue;
            }
            // "As recently as 2021, when it signed a pledge on November 2":
            // a day after a year and "when" in its sentence is of that year.
            let of_the_year_said = match mention.kind {
                DateKind::Calendar {
                    year: None,
                    month: Some(month),
                    day,
                } if years_named_next.last().is_none_or(|(at, _)| *at != k) => year_said
                    .filter(|&(_, end)| {
                        analysis
                            .get(end..mention.span.start)
                            .is_some_and(|between| {
                                between.len() <= 120
                                    && !between.contains(['.', ';', '!', '?', '\n'])
                                    && between.split([' ', ',']).any(|w| w == "when")
                            })
                    })
                    .map(|(year, _)| DateKind::Calendar {
                        year: Some(year),
                        month: Some(month),
                        day,
                    }),
                _ => None,
            };
            if let DateKind::Calendar {
                year: Some(year),
                month: None,
                ..
            } = mention.kind
            {
                year_said = Some((year, mention.span.end));
            }
            let resolved = match years_named_next.last() {
                _ if of_the_year_said.is_some() => of_the_year_said
                    .as_ref()
                    .map_or(Resolved::Unresolved, |kind| {
                        dates::resolve(kind, published, context)
                    }),
                Some((at, _)) if *at == k => match years_named_next.pop() {
                    Some((_, resolved)) => {
                        year_of_month = Some(k + 1);
                        resolved
                    }
                    None => continue,
                },
                _ => match mention.kind {
                    DateKind::Weekday(day)
                        if tail_before(analysis, mention.span.start, 5)
                            .eq_ignore_ascii_case("next ") =>
                    {
                        dates::resolve_next(day, published)
                    }
                    DateKind::Weekday(day) if future_before(analysis, mention.span.start) => {
                        dates::resolve_ahead(day, published)
                    }
                    DateKind::Weekday(day)
                        if tail_before(analysis, mention.span.start, 5)
                            .eq_ignore_ascii_case("last ") =>
                    {
                        dates::resolve_last(day, published)
                    }
                    ref kind => dates::resolve_upcoming(kind, published)
                        .filter(|_| {
                            future_before(analysis, mention.span.start)
                                || opens_a_clause_to_come(analysis, &mention.span)
                        })
                        .or_else(|| {
                            // In a later sentence of the paragraph of a
                            // date with its year ("two months after he won
                            // the November 3 election" looks back).
                            let (earlier, end) = dated_passage?;
                            let between = analysis.get(end..mention.span.start)?;
                            let later_sentence = between.as_bytes().windows(3).any(|w| {
                                matches!(w[0], b'.' | b'!' | b'?')
                                    && w[1] == b' '
                                    && w[2].is_ascii_uppercase()
                            });
                            (later_sentence && !between.contains("\n\n"))
                                .then(|| dates::after_dated(kind, earlier))
                                .flatten()
                        })
                        .unwrap_or_else(|| dates::resolve(kind, published, context)),
                },
            };
            // A day told with its year, before publication: a narrative's
            // start ("on Oct. 2, 2023"), not a bound ("the year to March 2025").
            if let (
                DateKind::Calendar {
                    year: Some(_),
                    month: Some(_),
                    day: Some(_),
                },
                Resolved::Date(d),
            ) = (&mention.kind, &resolved)
            {
                if published.is_none_or(|p| d.first_day() <= p.last_day()) {
                    dated_passage = Some((*d, mention.span.end));
                }
            }
            if let (DateKind::Calendar { month: Some(_), .. }, Resolved::Date(d)) =
                (&mention.kind, &resolved)
            {
                context = Some(*d);
            }
            dated.push(bare(
                mention.span,
                ClaimKind::Date {
                    written: mention.kind,
                    resolved,
                },
            ));
        }
        years_by_weekday(analysis, &mut dated, published);
        let found_amounts = amounts::find(analysis);
        let mut amounted = Vec::with_capacity(found_amounts.len());
        for finding in found_amounts {
            let claim = match finding {
                amounts::Finding::Amount(a) => bare(a.span.clone(), ClaimKind::Amount(a)),
                amounts::Finding::Conversion { span, from, to } => {
                    bare(span, ClaimKind::Conversion { from, to })
                }
                amounts::Finding::Malformed {
                    span,
                    amount,
                    currencies,
                } => bare(span, ClaimKind::Malformed { amount, currencies }),
            };
            if claim.span.start >= doc.body_start {
                amounted.push(claim);
            }
        }
        // Fractions in words ("more than half of"), where no amount is.
        let before_fractions = amounted.len();
        for fraction in amounts::fractions(analysis) {
            let span = fraction.span.clone();
            let taken = amounted[..before_fractions]
                .iter()
                .any(|c| c.span.start < span.end && span.start < c.span.end);
            if span.start >= doc.body_start && !taken {
                amounted.push(bare(span, ClaimKind::Amount(fraction)));
            }
        }
        let mut roled = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            // The mentions inside the sentence. Sorted mentions that do not
            // overlap end in order too, so those ending inside are a prefix
            // of those starting inside and are lent, not copied; otherwise
            // they are picked out.
            let starting = mentions_in(&mentions, &sentence.span);
            let ends_inside = |m: &Mention| m.span.end <= sentence.span.end;
            let prefix = starting.iter().take_while(|m| ends_inside(m)).count();
            let picked: Vec<Mention>;
            let inside: &[Mention] = match starting.get(prefix..) {
                Some(rest) if rest.iter().any(ends_inside) => {
                    picked = starting
                        .iter()
                        .filter(|m| ends_inside(m))
                        .cloned()
                        .collect();
                    &picked
                }
                _ => starting.get(..prefix).unwrap_or_default(),
            };
            for role in roles::find(analysis, sentence.span.clone(), inside, &self.titles) {
                let mut claim = bare(
                    role.span.clone(),
                    ClaimKind::Role {
                        person: role.person.as_ref().map(|p| p.entity.clone()),
                        org: match &role.org {
                            Some(OrgRef::Entity { id, .. }) => Some(id.clone()),
                            _ => None,
                        },
                        role,
                    },
                );
                claim.sentence = index;
                roled.push(claim);
            }
        }
        let (dated, amounted, roled) = (sorted(dated), sorted(amounted), sorted(roled));
        let mut linked = Vec::with_capacity(dated.len() + amounted.len() + roled.len());
        let mut runs = [dated.into_iter(), amounted.into_iter(), roled.into_iter()];
        while let Some(run) = next_run(runs.each_ref().map(|r| r.as_slice().first().map(span_key)))
        {
            // Pushed, not extended by an `Option`: that copied each claim
            // (360 bytes) once more.
            if let Some(claim) = runs.get_mut(run).and_then(Iterator::next) {
                linked.push(claim);
            }
        }
        // Linking reads mentions but never changes a mention's or a
        // misspelling's claim, so it runs before those join the list, and
        // the mentions move into their claims instead of being copied.
        // "the fire" after the Brookfield fire was named refers to it.
        let descriptions = self.gazetteer.descriptions(analysis, &mentions);
        if misspellings.is_empty() && descriptions.is_empty() {
            link(
                analysis,
                &sentences,
                &mentions,
                &self.places_with_facts,
                &mut linked,
            );
        } else {
            // A misspelt name is still a reference to its entity.
            let mut named = mentions.clone();
            named.extend(
                misspellings
                    .iter()
                    .filter_map(|m| self.gazetteer.as_mention(m)),
            );
            named.extend(descriptions);
            named.sort_by_key(|m| (m.span.start, m.span.end));
            link(
                analysis,
                &sentences,
                &named,
                &self.places_with_facts,
                &mut linked,
            );
        }
        let mut misspellings = misspellings;
        if !misspellings.is_sorted_by_key(|m| (m.span.start, m.span.end)) {
            misspellings.sort_by_key(|m| (m.span.start, m.span.end));
        }
        let mut claims = Vec::with_capacity(linked.len() + mentions.len() + misspellings.len());
        let mut linked = linked.into_iter();
        let mut mentions = mentions.into_iter();
        let mut misspellings = misspellings.into_iter();
        while let Some(run) = next_run([
            linked.as_slice().first().map(span_key),
            mentions
                .as_slice()
                .first()
                .map(|m| (m.span.start, m.span.end)),
            misspellings
                .as_slice()
                .first()
                .map(|m| (m.span.start, m.span.end)),
        ]) {
            match run {
                0 => {
                    if let Some(claim) = linked.next() {
                        claims.push(claim);
                    }
                }
                1 => {
                    if let Some(m) = mentions.next() {
                        claims.push(bare(m.span.clone(), ClaimKind::Mention(m)));
                    }
                }
                _ => {
                    if let Some(m) = misspellings.next() {
                        claims.push(bare(m.span.clone(), ClaimKind::Misspelling(m)));
                    }
                }
            }
        }

        Extraction {
            published,
            outlet: doc.outlet,
            front_matter_error: doc.front_matter_error,
            sentences,
            claims,
        }
    }
}

/// The sentence holding an offset (the last starting at or before it, else
/// the first), for offsets that mostly come in rising order: each kind's
/// claims come in span order, so the sentence of the last offset asked, or
/// the next one, is most often the answer, found without a search.
struct SentenceOf<'s> {
    /// The sentences' starts, rising.
    starts: &'s [usize],
    /// The last answer.
    last: std::cell::Cell<usize>,
}

impl<'s> SentenceOf<'s> {
    fn new(starts: &'s [usize]) -> SentenceOf<'s> {
        SentenceOf {
            starts,
            last: std::cell::Cell::new(0),
        }
    }

    /// Whether sentence `k` holds `offset`.
    fn holds(&self, k: usize, offset: usize) -> bool {
        self.starts.get(k).is_some_and(|&s| s <= offset)
            && self.starts.get(k + 1).is_none_or(|&s| s > offset)
    }

    fn of(&self, offset: usize) -> usize {
        let k = self.last.get();
        let found = if self.holds(k, offset) {
            k
        } else if self.holds(k + 1, offset) {
            k + 1
        } else {
            self.starts
                .partition_point(|&s| s <= offset)
                .saturating_sub(1)
        };
        self.last.set(found);
        found
    }
}

/// The mentions starting inside `range` (callers drop those running past
/// its end); `mentions` is sorted by start.
fn mentions_in<'a>(mentions: &'a [Mention], range: &Range<usize>) -> &'a [Mention] {
    let from = mentions.partition_point(|m| m.span.start < range.start);
    let to = mentions.partition_point(|m| m.span.start < range.end);
    mentions.get(from..to).unwrap_or(&[])
}

/// An en or em dash is E2 80 93 or E2 80 94 in UTF-8: its bytes spell
/// nothing else, so scans on bytes find the same breaks as on characters.
/// Whether `bytes[i..]` starts with an en or em dash.
fn dash_at(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some([0xE2, 0x80, 0x93 | 0x94]))
}

/// The order of claims in an [`Extraction`].
fn span_key(claim: &Claim) -> (usize, usize) {
    (claim.span.start, claim.span.end)
}

/// `claims` in span order, keeping the order of ties: left as they are when
/// already sorted, as the scanners leave them.
fn sorted(mut claims: Vec<Claim>) -> Vec<Claim> {
    if !claims.is_sorted_by_key(span_key) {
        claims.sort_by_key(span_key);
    }
    claims
}

/// Which of several runs in span order holds the next claim of their merge:
/// the one whose first claim (`None` once used up) comes first, ties to the
/// earliest run, which gives the order a stable sort of the runs one after
/// another would.
fn next_run<const N: usize>(firsts: [Option<(usize, usize)>; N]) -> Option<usize> {
    let mut best: Option<(usize, (usize, usize))> = None;
    for (run, first) in firsts.into_iter().enumerate() {
        if let Some(key) = first {
            if best.is_none_or(|(_, k)| key < k) {
                best = Some((run, key));
            }
        }
    }
    best.map(|(run, _)| run)
}

/// Clause boundaries inside a sentence: a value's clause is the text between
/// the nearest of these on either side. Scanned on bytes: the boundaries are
/// ASCII or dashes, and a dash is told by its first byte (E2), which memchr
/// finds with the two ASCII ones in one SIMD pass; an E2 that starts another
/// character is passed over. A dash ending inside the text before the claim
/// starts inside it too, and no other boundary lies within a dash's bytes, so
/// the last boundary found by its first byte is the last one.
// Slicing the `str` keeps the char version's boundary checks.
#[allow(clippy::sliced_string_as_bytes)]
fn clause(text: &str, sentence: &Range<usize>, span: &Range<usize>) -> Range<usize> {
    let before = text[sentence.start..span.start.max(sentence.start)].as_bytes();
    let mut start = sentence.start;
    let mut i = before.len();
    while let Some(k) = memchr::memrchr3(b';', b':', 0xE2, &before[..i]) {
        if before[k] != 0xE2 {
            start = sentence.start + k + 1;
            break;
        }
        if dash_at(before, k) {
            start = sentence.start + k + 3;
            break;
        }
        i = k;
    }
    let from = span.end.clamp(sentence.start, sentence.end);
    let after = text[from..sentence.end].as_bytes();
    let mut end = sentence.end;
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b';', b':', 0xE2, &after[i..]) {
        let k = i + k;
        if after[k] != 0xE2 || dash_at(after, k) {
            end = from + k;
            break;
        }
        i = k + 1;
    }
    start..end
}

/// The bytes [`phrase`] stops at: its ASCII breaks, the first byte of a
/// dash and the 'd' of " and ", rarer than its spaces.
const PHRASE_STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let set = b",;:()\xE2dg";
    let mut k = 0;
    while k < set.len() {
        table[set[k] as usize] = true;
        k += 1;
    }
    table
};

/// The words around a claim up to the nearest comma, semicolon, colon,
/// bracket or dash, or " and " or " against ": the claim's own phrase
/// ("operating profit of 2 billion yuan").
///
/// Found on bytes in one pass each way, stopping at the breaks (a dash told
/// by its first byte, as in `clause`) and at each 'd' to check for " and "
/// and each 'g' for " against ".
/// No byte of " and " is a break, so the first break or " and " met on the
/// way out from the claim bounds the phrase. Phrases are short: a plain loop
/// costs less than starting SIMD searches.
// Slicing the `str` keeps the char version's boundary checks.
#[allow(clippy::sliced_string_as_bytes)]
pub fn phrase(text: &str, sentence: &Range<usize>, span: &Range<usize>) -> Range<usize> {
    let start_from = span.start.clamp(sentence.start, sentence.end);
    let before = text[sentence.start..start_from].as_bytes();
    let mut start = sentence.start;
    let mut i = before.len();
    while let Some(k) = before[..i]
        .iter()
        .rposition(|&b| PHRASE_STOPS[usize::from(b)])
    {
        match before[k] {
            b'd' => {
                if k >= 3
                    && before.get(k - 3..k + 2) == Some(b" and ")
                    && !joins_between(before, k - 3)
                {
                    start = sentence.start + k + 2;
                    break;
                }
            }
            b'g' => {
                if k >= 2 && before.get(k - 2..k + 7) == Some(b" against ") {
                    start = sentence.start + k + 7;
                    break;
                }
            }
            0xE2 => {
                if dash_at(before, k) {
                    start = sentence.start + k + 3;
                    break;
                }
            }
            _ => {
                start = sentence.start + k + 1;
                break;
            }
        }
        i = k;
    }
    let end_from = span.end.clamp(start_from, sentence.end);
    let after = text[end_from..sentence.end].as_bytes();
    let mut end = sentence.end;
    let mut i = 0;
    while let Some(k) = after[i..]
        .iter()
        .position(|&b| PHRASE_STOPS[usize::from(b)])
    {
        let k = i + k;
        let stops = match after[k] {
            b'd' => {
                k >= 3 && after.get(k - 3..k + 2) == Some(b" and ") && !joins_between(after, k - 3)
            }
            b'g' => k >= 2 && after.get(k - 2..k + 7) == Some(b" against "),
            0xE2 => dash_at(after, k),
            _ => true,
        };
        if stops {
            end = end_from
                + match after[k] {
                    b'd' => k - 3,
                    b'g' => k - 2,
                    _ => k,
                };
            break;
        }
        i = k + 1;
    }
    start..end
}

/// Whether the " and " at `at` of `bytes` joins the two ends of a
/// "between" ("a season ticket between Foxton and Barley costs £4,275"):
/// one phrase, not two.
fn joins_between(bytes: &[u8], at: usize) -> bool {
    let head = bytes.get(at.saturating_sub(48)..at).unwrap_or_default();
    let Some(from) = head
        .windows(9)
        .rposition(|w| w.eq_ignore_ascii_case(b" between "))
    else {
        return false;
    };
    let inner = head.get(from + 9..).unwrap_or_default();
    !inner
        .iter()
        .any(|&b| matches!(b, b',' | b';' | b':' | b'.'))
        && inner.iter().filter(|&&b| b == b' ').count() <= 3
}

/// Whether a relative expression names a point in time an amount can be
/// dated by ("last month"), rather than a range or deadline ("since 2018",
/// "before 2025").
fn is_point(kind: &DateKind) -> bool {
    match kind {
        DateKind::Relative(r) => !matches!(
            r,
            dates::Relative::Since { .. }
                | dates::Relative::Before { .. }
                | dates::Relative::PastYears(_)
                | dates::Relative::DaysAfter(_)
                | dates::Relative::Recently
        ),
        _ => true,
    }
}

type Qualifier = (usize, Range<usize>, Resolved, DateKind);

/// Whether a place names where the claim before it happened, after "in"
/// and at most two other words, when the claim opens its clause (`from`)
/// as what the clause is about: "Thirteen people died in Eastport" (not "is
/// building a 10 billion euro plant in Dresden").
fn happened_in(text: &str, from: usize, claim: &Range<usize>, place: &Mention) -> bool {
    let opens = text
        .get(from..claim.start)
        .is_some_and(|before| before.split_whitespace().count() <= 1);
    let Some(between) = text.get(claim.end..place.span.start).filter(|_| opens) else {
        return false;
    };
    let mut words = between.split_whitespace().rev();
    words.next().is_some_and(|w| w == "in") && words.count() <= 2 && !between.contains([',', ';'])
}

/// Whether the name at `name` owns the claim at `claim` by a possessive a
/// few lowercase words before it: "Eastport's median was $1.16
/// million" is Eastport's, where a place is otherwise no subject.
fn owns(text: &str, name: &Range<usize>, claim: &Range<usize>) -> bool {
    let Some(between) = text.get(name.end..claim.start) else {
        return false;
    };
    let Some(rest) = between
        .strip_prefix("'s ")
        .or_else(|| between.strip_prefix("’s "))
    else {
        return false;
    };
    let words = rest.split(' ').filter(|w| !w.is_empty());
    words.clone().count() <= 3
        && words
            .into_iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

/// Attaches to an amount or role the period and the date that qualify it:
/// those in its own phrase first, else the nearest before it (dates within
/// its clause, periods anywhere earlier in the sentence). A date after the
/// claim in another phrase belongs to something else.
fn qualify(
    text: &str,
    sentence: &Range<usize>,
    clause: &Range<usize>,
    claim: &mut Claim,
    qualifiers: &[Qualifier],
) {
    // Without a date or period in the sentence nothing qualifies the claim.
    if qualifiers.is_empty() {
        claim.year_earlier = false;
        return;
    }
    let own = phrase(text, sentence, &claim.span);
    let inside = |s: &Range<usize>, r: &Range<usize>| s.start >= r.start && s.end <= r.end;
    // "rose to 43.2 years from 40.9 years in 2015": a time after a figure
    // the change starts from is that figure's.
    // Nor is one of a figure a change started from before the claim ("rose
    // to €318 million from €225.5 million in 2024, while its loss narrowed
    // to €12 million").
    let of_a_figure_from = |q: &&Qualifier| {
        if q.1.start > claim.span.end {
            return from_a_figure(text.get(claim.span.end..q.1.start).unwrap_or("")).is_some();
        }
        q.1.end <= claim.span.start && dates_a_figure_from(text, q.1.start)
    };
    // A time that owns a noun is that noun's ("fined it $5 million for
    // last November's spill, and ordered it to pay $9 million"), unless
    // the claim is in its phrase after it ("last year's $5 million loss").
    let possessive_elsewhere = |q: &&Qualifier| {
        (q.1.start >= claim.span.end || !inside(&q.1, &own))
            && text
                .get(q.1.end..)
                .is_some_and(|rest| rest.starts_with("'s ") || rest.starts_with("’s "))
    };
    // "accounted for 18% of output last year, and the company estimates the
    // shutdown will cost about 15,000 tonnes": a time gone by dates no
    // figure of what will be.
    let past_before_a_future = |q: &&Qualifier| {
        use dates::Relative as R;
        matches!(
            q.3,
            DateKind::Relative(
                R::Yesterday
                    | R::LastWeek
                    | R::LastMonth
                    | R::EarlierThisMonth
                    | R::LastYear
                    | R::EarlierThisYear
                    | R::LastNamedMonth(_)
                    | R::PastYears(_)
            )
        ) && q.1.end <= claim.span.start
            && text.get(q.1.end..claim.span.start).is_some_and(|between| {
                between.split_whitespace().any(|w| w == "will")
                    // "... last year, and its boss says the new £285
                    // million terminal will let it grow": a later clause
                    // whose verb after the figure is to come.
                    || (between.contains(',')
                        && head_after(text, claim.span.end, 64)
                            .split([',', ';', '.'])
                            .next()
                            .is_some_and(|clause| {
                                clause.split_whitespace().take(6).any(|w| w == "will")
                            }))
            })
    };
    // "64 percent more than the $1.15 billion budget approved in 2019": a
    // time past a figure the claim is compared with is that figure's.
    let past_a_compared_figure = |q: &&Qualifier| {
        q.1.start >= claim.span.end
            && text.get(claim.span.end..q.1.start).is_some_and(|between| {
                between.find(" than ").is_some_and(|at| {
                    between
                        .get(at..)
                        .is_some_and(|rest| rest.bytes().any(|b| b.is_ascii_digit()))
                })
            })
    };
    // "sold 7.46 million tickets between March 2024 and its final night on
    // August 30": either end of a range is no time of the whole.
    let opens_a_range = |q: &Qualifier| {
        let mut at = q.1.start;
        one_of(word_before(text, &mut at), &["between"])
            && text
                .get(q.1.end..)
                .is_some_and(|rest| rest.starts_with(" and "))
    };
    let in_a_range = |q: &&Qualifier| {
        opens_a_range(q)
            || qualifiers.iter().any(|first| {
                first.1.end < q.1.start
                    && q.1.start - first.1.end < 64
                    && opens_a_range(first)
                    && text.get(first.1.end..q.1.start).is_some_and(|between| {
                        !between.contains([',', ';']) && between.split_whitespace().count() <= 6
                    })
            })
    };
    let pick = |want_period: bool| {
        let fits = |q: &&Qualifier| {
            q.1 != claim.span
                && !past_before_a_future(q)
                && !in_a_range(q)
                && match &q.2 {
                    Resolved::Period(_) => want_period,
                    Resolved::Date(_) => !want_period && is_point(&q.3),
                    Resolved::Unresolved => false,
                }
                && !compared_time(text, &q.1)
                && !of_a_figure_from(q)
                && !possessive_elsewhere(q)
                && !past_a_compared_figure(q)
        };
        qualifiers
            .iter()
            .filter(|q| inside(&q.1, &own))
            .filter(fits)
            .min_by_key(|q| q.1.start.abs_diff(claim.span.start))
            .or_else(|| {
                // Not a bound before it ("a contract running until June
                // 2031, ... and will earn £185,000 a week").
                let bound = |q: &&Qualifier| {
                    let mut at = q.1.start;
                    one_of(word_before(text, &mut at), &["until", "till", "through"])
                };
                // Nor a time before a "then" that opens the claim's step
                // ("6% for this year, retroactive to July 1, 2024, then
                // 4% next year"): the step after it is later.
                let a_step_before = |q: &&Qualifier| {
                    text.get(q.1.end..claim.span.start).is_some_and(|between| {
                        between.len() <= 160
                            && between
                                .split(|c: char| !c.is_ascii_alphabetic())
                                .any(|w| w == "then")
                    })
                };
                // Nor the time that ends an opening phrase of a sum of its
                // own ("Net of the $600 million in cash it held at the end
                // of last year, the deal carries ..."): that sum's.
                let ends_an_opening_sum = |q: &&Qualifier| {
                    text.get(sentence.start..q.1.start).is_some_and(|opening| {
                        opening.len() <= 160
                            && !opening.contains([',', ';'])
                            && opening.contains(['$', '€', '£', '¥'])
                    }) && text
                        .get(q.1.end..claim.span.start)
                        .is_some_and(|after| after.starts_with(','))
                };
                qualifiers
                    .iter()
                    .filter(|q| q.1.end <= claim.span.start)
                    .filter(|q| want_period || inside(&q.1, clause))
                    .filter(|q| !bound(q))
                    .filter(|q| !a_step_before(q))
                    .filter(|q| !ends_an_opening_sum(q))
                    .filter(fits)
                    .max_by_key(|q| q.1.start)
                    // Asked of the nearest only: a long sentence's claims
                    // would each read back to every time before them.
                    .filter(|q| !in_an_aside(text, sentence, &q.1, &claim.span))
            })
    };
    if let Some((_, span, Resolved::Period(p), _)) = pick(true) {
        claim.period = Some((*p, span.clone()));
    }
    // "since 2019, when it recalled 2.1 million cars": the clause "when"
    // opens is of the time before it.
    let when_clause = || {
        qualifiers
            .iter()
            .filter(|q| matches!(q.2, Resolved::Date(_)) && q.1.end <= claim.span.start)
            .max_by_key(|q| q.1.start)
            .filter(|q| {
                let between = text.get(q.1.end..claim.span.start).unwrap_or("");
                between
                    .strip_prefix(", when ")
                    .is_some_and(|rest| !rest.contains([',', ';']))
            })
    };
    if let Some((_, span, Resolved::Date(d), _)) = when_clause().or_else(|| pick(false)) {
        claim.when = Some((*d, span.clone()));
    }
    claim.year_earlier = qualifiers.iter().any(|(_, span, _, written)| {
        matches!(written, DateKind::Period(dates::PeriodRef::YearEarlier)) && inside(span, &own)
    });
}

/// Whether the time at `time` is in a relative clause set off by commas
/// that ends before the claim at `claim`: "President X, who took office in
/// July 2022, said the university would set aside $6.2 million" dates the
/// person, not the figure; so does a participle's aside the sentence goes
/// on after ("Globex Bank, founded in 1921, has 412 branches").
fn in_an_aside(
    text: &str,
    sentence: &Range<usize>,
    time: &Range<usize>,
    claim: &Range<usize>,
) -> bool {
    if !text
        .get(time.end..claim.start)
        .is_some_and(|w| w.contains(','))
    {
        return false;
    }
    // The clause's comma is a few words back: a short tail is searched.
    let before = tail_before(
        text,
        time.start,
        (time.start - sentence.start.min(time.start)).min(120),
    );
    let Some(comma) = before.rfind(", ") else {
        return false;
    };
    let opens = before.get(comma + 2..).unwrap_or("");
    // "Globex Bank, founded in 1921, has 412 branches", "X, pushed back by
    // four months last year, sold ...": a participle's aside too, when
    // the sentence goes on after it (in "X, chairman of Y, announced on
    // the 24th that ..., and all proceeds ..." the verb is the sentence's).
    let after = text.get(time.end..claim.start).unwrap_or("");
    let goes_on = after.split_once(',').is_some_and(|(_, rest)| {
        let next = rest.split_whitespace().next().unwrap_or("");
        !one_of(
            next,
            &[
                "and", "but", "or", "while", "as", "which", "who", "when", "where", "with",
            ],
        )
    });
    // Of a name ("Globex Bank,", "\"Sunrise\","), not of a thing
    // the figure may be the value of ("the previous record, set in 1987,
    // was 187 mm").
    let last_word = before.get(..comma).and_then(|b| b.rsplit(' ').next());
    let of_a_name = last_word
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) || w.ends_with(['"', '”', ')']));
    let participle = goes_on
        && of_a_name
        && opens.split(' ').next().is_some_and(|w| {
            w.len() > 4 && w.ends_with("ed") || one_of(w, &["built", "born", "set", "begun"])
        });
    // "Jane Roe, its chief executive since April 2023, said": the start
    // of a tenure in an aside after a name.
    let tenure = goes_on
        && of_a_name
        && before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("since"));
    participle
        || tenure
        || ["who ", "which ", "whose "]
            .iter()
            .any(|w| opens.starts_with(w))
}

/// Whether the time at `start` follows a figure a change starts from, in
/// the same clause: "from €225.5 million in 2024".
fn dates_a_figure_from(text: &str, start: usize) -> bool {
    let before = tail_before(text, start, 48);
    before.rfind(" from ").is_some_and(|at| {
        let rest = before.get(at + 6..).unwrap_or("");
        // "up from 40% at the same point last year"; not a time of the
        // figure a change went to ("from $5 million to $7 million in").
        // A comma between digits ("287,000") is no break.
        starts_a_figure(past_a_figure_noun(rest))
            && !rest.contains([';', '(', ')'])
            && !rest.contains(", ")
            && rest.split_whitespace().count() <= 6
            && !rest.split_whitespace().any(|w| one_of(w, &["to", "and"]))
    })
}

/// `words` past a noun the figure after it is "of" ("a peak of 27,950",
/// "a record high of $4.1 billion"): at most three lowercase words, the
/// last "of".
fn past_a_figure_noun(words: &str) -> &str {
    let mut rest = words;
    for _ in 0..3 {
        let Some((word, after)) = rest.split_once(' ') else {
            break;
        };
        if !word.bytes().all(|b| b.is_ascii_lowercase()) || word.is_empty() {
            break;
        }
        if word == "of" {
            return after;
        }
        rest = after;
    }
    words
}

/// Whether `words` start with a figure: a digit or a currency sign.
fn starts_a_figure(words: &str) -> bool {
    let figure =
        |w: &str| w.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥'));
    // Or a currency's letters before it: "CHF 290.4 million", "A$2.9
    // billion", "US$1.9 billion".
    let letters = words.len()
        - words
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let rest = words.get(letters..).unwrap_or("");
    figure(words)
        || ((1..=3).contains(&letters)
            && (rest.starts_with('$')
                || (letters == 3 && rest.strip_prefix(' ').is_some_and(figure))))
}

/// The first bytes of `text` from `at`, at most `len` of them and ending
/// on a character: where the words just after a claim are read.
pub(crate) fn head_after(text: &str, at: usize, len: usize) -> &str {
    let mut to = at.saturating_add(len).min(text.len());
    while to > at && !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(at..to).unwrap_or("")
}

/// The (up to) `len` bytes of `text` before `at`, from a character
/// boundary.
pub(crate) fn tail_before(text: &str, at: usize, len: usize) -> &str {
    let mut from = at.saturating_sub(len);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..at).unwrap_or("")
}

/// Where `words` (those after a figure) say " from " before another
/// figure, the start of a change ("to 43.2 years from 40.9 years").
pub fn from_a_figure(words: &str) -> Option<usize> {
    words
        .find(" from ")
        .filter(|&at| starts_a_figure(words.get(at + 6..).unwrap_or("").trim_start()))
}

/// Whether the "on" that ends at `at` measures a change from the time at
/// `span` ("up 18% on last year", "down on the previous quarter"): a time
/// gone by, after a percentage or a word of change; not a day the change
/// was on ("rose 5% on Monday").
fn a_change_on(text: &str, at: usize, span: &Range<usize>) -> bool {
    let time = text.get(span.clone()).unwrap_or("");
    let gone_by = ["last ", "the previous ", "a year ", "the year before"]
        .iter()
        .any(|w| time.starts_with(w))
        || (time.len() == 4 && time.bytes().all(|b| b.is_ascii_digit()));
    let head = tail_before(text, at, 32).trim_end();
    let mut back = at;
    gone_by
        && (head.ends_with('%')
            || one_of(
                word_before(text, &mut back),
                &["up", "down", "higher", "lower"],
            ))
}

/// Whether the time at `span` is what something is compared with: "two
/// fewer than in 2023", "6% ahead of last year", "compared with 2024";
/// not when it owns what follows ("compared to last year's 4.55 billion"
/// dates that figure).
pub fn compared_time(text: &str, span: &Range<usize>) -> bool {
    // "8% ahead of last year's." owns nothing.
    let after = text.get(span.end..).unwrap_or("");
    let owner = (after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s")))
    .is_some_and(|rest| rest.starts_with(' '));
    if owner {
        return false;
    }
    let bytes = text.as_bytes();
    let mut at = span.start;
    let mut last = word_before(text, &mut at);
    if one_of(last, &["on"]) && a_change_on(text, at, span) {
        return true;
    }
    if one_of(last, &["in", "on", "at", "during"]) {
        last = word_before(text, &mut at);
    }
    if one_of(last, &["than", "versus", "vs", "behind"]) {
        return true;
    }
    // "down 37% from last year", "up from 2024": a change measured from it.
    if one_of(last, &["from"]) {
        let head = text.get(..at).unwrap_or("").trim_end();
        let mut back = at;
        return head.ends_with('%')
            || one_of(
                word_before(text, &mut back),
                &["up", "down", "higher", "lower"],
            );
    }
    // "from the same weekend last year": the period compared with.
    if one_of(
        last,
        &[
            "weekend", "week", "month", "quarter", "period", "time", "day",
        ],
    ) {
        let mut back = at;
        return one_of(word_before(text, &mut back), &["same"]);
    }
    // Only "of", "with" and "to" go on: most times end here.
    if !matches!(bytes.get(at), Some(b'o' | b'w' | b't' | b'O' | b'W' | b'T')) {
        return false;
    }
    let before = word_before(text, &mut at);
    one_of(last, &["of"]) && one_of(before, &["ahead"])
        || one_of(last, &["with", "to"]) && one_of(before, &["compared", "compare", "comparison"])
}

/// The ASCII word that ends before `*at` (past spaces and punctuation),
/// moving `*at` to its start; "" at a non-ASCII byte or the text's start.
fn word_before<'t>(text: &'t str, at: &mut usize) -> &'t str {
    let bytes = text.as_bytes();
    let mut end = *at;
    while end > 0
        && bytes
            .get(end - 1)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
    {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_alphanumeric) {
        start -= 1;
    }
    *at = start;
    text.get(start..end).unwrap_or("")
}

/// Common Chinese family names, which a name in Chinese order gives first
/// ("Zhao Minghui"), sorted. Not those that are also English words or given
/// names ("Sun", "Pan", "Lin").
const FAMILY_NAMES_FIRST: [&str; 50] = [
    "Cai", "Cao", "Chen", "Cheng", "Deng", "Ding", "Dong", "Du", "Feng", "Gao", "Guo", "He", "Hu",
    "Huang", "Jiang", "Lei", "Li", "Liang", "Liu", "Lu", "Luo", "Ma", "Peng", "Qian", "Qin", "Ren",
    "Shen", "Su", "Tang", "Tian", "Wang", "Wei", "Wu", "Xi", "Xiao", "Xie", "Xu", "Xue", "Yang",
    "Yao", "Ye", "Yu", "Yuan", "Zeng", "Zhang", "Zhao", "Zheng", "Zhong", "Zhou", "Zhu",
];

/// The surname each person goes by after the first mention ("Tanabe
/// said", of Hideo Tanabe), when the facts do not list it: the last word
/// of the name (before "Jr." and the like), of three letters or more, that
/// no other name holds as a word (another person's surname, an
/// organisation's "Tanabe Robotics", though not a body named in the
/// person's honour, "the Tanabe Institute") and no dictionary has.
fn surnames(base: &FactBase) -> impl Iterator<Item = (&str, &facts::Entity)> {
    const SUFFIXES: [&str; 6] = ["Jr.", "Jr", "Sr.", "Sr", "II", "III"];
    #[allow(clippy::items_after_statements)]
    fn last_word(name: &str) -> Option<&str> {
        // "Zhao Minghui", "Gao Wen": a Chinese name gives the family name
        // first.
        let first = name.split_whitespace().next()?;
        if name.split_whitespace().count() == 2 && FAMILY_NAMES_FIRST.binary_search(&first).is_ok()
        {
            return Some(first);
        }
        let mut words = name.split_whitespace().rev();
        let last = words.next()?;
        let last = if SUFFIXES.contains(&last) {
            words.next()?
        } else {
            last
        };
        Some(last.trim_end_matches(','))
    }
    // "the Tanzmann Institute", "the Kessler Prize": a body named in a
    // person's honour goes by its full name, never by the surname alone.
    const HONOURS: [&str; 14] = [
        "Institute",
        "Foundation",
        "Centre",
        "Center",
        "School",
        "College",
        "Prize",
        "Award",
        "Hall",
        "Library",
        "Museum",
        "Stadium",
        "Building",
        "Scholarship",
    ];
    // The names holding each word, so that a surname is compared with the
    // few names that hold it rather than with every name of the base.
    let mut holding: std::collections::HashMap<&str, Vec<(&facts::Entity, &str)>> =
        std::collections::HashMap::new();
    for e in &base.entities {
        for n in e.names() {
            for w in n.split_whitespace() {
                holding.entry(w).or_default().push((e, n));
            }
        }
    }
    let held_elsewhere = move |surname: &str, own: &str| {
        holding.get(surname).is_some_and(|names| {
            names.iter().any(|&(e, n)| {
                let in_honour = e.kind != EntityKind::Person
                    && n != surname
                    && n.split_whitespace().any(|w| HONOURS.contains(&w));
                (e.id != own || n == surname) && !in_honour
            })
        })
    };
    base.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(move |e| {
            let surname = last_word(&e.name)?;
            let usable = e.name.contains(' ')
                && surname.chars().count() >= 3
                && surname.chars().next().is_some_and(char::is_uppercase)
                && surname
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !held_elsewhere(surname, &e.id)
                && !mentions::is_dictionary_word(surname);
            usable.then_some((surname, e))
        })
}

/// Whether a sentence opens with words for a person named before: "He",
/// "She", "The 23-year-old".
fn opens_with_a_person(text: &str, sentence: &Range<usize>) -> bool {
    let words = text.get(sentence.clone()).unwrap_or("").trim_start();
    let mut first = words.split(' ');
    match (first.next(), first.next()) {
        (Some("He" | "She"), _) => true,
        (Some("The"), Some(age)) => age
            .trim_end_matches(',')
            .strip_suffix("-year-old")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        _ => false,
    }
}

/// Whether the name at `name` opens its sentence (after an opening quote
/// at most) and a lowercase word that is no preposition or conjunction
/// follows it: the doer of the sentence's verb ("Oakham was ordered
/// evacuated"), not a dateline ("OAKHAM, July 23") nor a place the
/// sentence is set in ("Paris in spring").
fn opens_before_its_verb(text: &str, sentence: &Range<usize>, name: &Range<usize>) -> bool {
    const NOT_VERBS: [&str; 14] = [
        "of", "in", "and", "or", "to", "for", "on", "at", "by", "from", "with", "as", "but", "than",
    ];
    let before = text.get(sentence.start..name.start).unwrap_or("x");
    if !before
        .trim_start_matches(['"', '“', '\'', '‘', ' '])
        .is_empty()
    {
        return false;
    }
    let Some(after) = text.get(name.end..).and_then(|a| a.strip_prefix(' ')) else {
        return false;
    };
    let word = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) && !NOT_VERBS.contains(&word)
}

/// The words of a sentence that name the source of an attribution: from
/// "according to" to the end of the source's name, with a gloss of it
/// ("according to the state forestry department, known as SFD").
fn attribution(text: &str, sentence: &Range<usize>) -> Option<Range<usize>> {
    // Built once: asked of every sentence.
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"ccording to "));
    let words = text.get(sentence.clone())?;
    // "ccording to " matches both cases of the first letter.
    let at = FINDER.find(words.as_bytes())?.checked_sub(1)?;
    let rest = words.get(at..)?;
    // The source's name ends at a comma, unless a gloss of it follows, or
    // at a clause about it ("a union estimate that Acme has not confirmed").
    let mut end = 0;
    loop {
        let stop = [",", ";", " that ", " which ", " who "]
            .iter()
            .filter_map(|stop| rest.get(end..)?.find(stop))
            .min()
            .map(|found| end + found);
        match stop {
            Some(comma)
                if rest.get(comma..).is_some_and(|after| {
                    [", known as ", ", also known as ", ", called "]
                        .iter()
                        .any(|gloss| after.starts_with(gloss))
                }) =>
            {
                end = comma + 2;
            }
            Some(stop) => {
                end = stop;
                break;
            }
            None => {
                end = rest.len();
                break;
            }
        }
    }
    let start = sentence.start + at;
    Some(start..start + end)
}

/// Whether the name at `start` belongs to the sentence's attribution.
fn attributes(attribution: Option<&Range<usize>>, start: usize) -> bool {
    attribution.is_some_and(|words| words.contains(&start))
}

fn subject_of(m: &Mention, link: Link) -> Subject {
    Subject {
        entity: m.entity.clone(),
        kind: m.kind,
        span: m.span.clone(),
        link,
    }
}

/// Links each claim to its subject, period and date, and resolves pronouns
/// and "the company" in role phrases.
/// Whether "than" stands between a claim ending at `from` and a name at
/// `to`: the name is then what the claim is compared with. Not the "than"
/// of a hedge right before a figure ("more than 68.7 million users").
fn compared_past(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to).filter(|_| to > from) else {
        return false;
    };
    let mut words = between.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let figure = words.peek().is_some_and(|next| {
            next.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))
        });
        if word == "than" && !figure {
            return true;
        }
    }
    false
}

/// Whether a name after a claim ending at `from` stands apart from the
/// claim's phrase: past "than" ([`compared_past`]), or a person quoted at
/// the end ("$18 million will go in direct payments, said Agriculture
/// Minister X"), who says the figure rather than owns it, or one right
/// after "by" ("The festival, founded in 2013 by X"), who did what the
/// thing before was done.
fn named_apart(text: &str, from: usize, m: &Mention) -> bool {
    let by = || m.kind == EntityKind::Person && text.get(from..m.span.start) == Some(" by ");
    let said = || {
        m.kind == EntityKind::Person
            && text
                .get(from..m.span.start)
                .filter(|_| m.span.start > from)
                .and_then(|between| between.rsplit(", ").next())
                .is_some_and(|last| last.starts_with("said ") || last.starts_with("says "))
    };
    compared_past(text, from, m.span.start) || said() || by()
}

fn link(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    places_with_facts: &[String],
    claims: &mut [Claim],
) {
    // The story so far, lent from the mentions: copied only into claims.
    let mut earlier: Option<&Mention> = None;
    let mut earlier_person: Option<&Mention> = None;
    let mut earlier_org: Option<&Arc<str>> = None;
    // The last organisation named that may be "the company".
    let mut earlier_company: Option<&Arc<str>> = None;
    // Each sentence's claims, found once: the claims' indices by sentence
    // (a stable sort, so in claim order within each; already sorted when
    // claims are), walked with one cursor.
    let mut order: Vec<usize> = Vec::with_capacity(claims.len());
    order.extend(
        (0..claims.len()).filter(|&i| claims.get(i).is_some_and(|c| c.sentence < sentences.len())),
    );
    order.sort_by_key(|&i| claims.get(i).map_or(0, |c| c.sentence));
    let mut next = 0;
    // Buffers reused across sentences.
    let mut inside: Vec<&Mention> = Vec::with_capacity(16);
    let mut qualifiers: Vec<Qualifier> = Vec::with_capacity(8);
    let mut told_before: Option<Resolved> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        let from = next;
        while order
            .get(next)
            .and_then(|&i| claims.get(i))
            .is_some_and(|c| c.sentence == index)
        {
            next += 1;
        }
        let mine = order.get(from..next).unwrap_or_default();
        inside.clear();
        inside.extend(
            mentions_in(mentions, &sentence.span)
                .iter()
                .filter(|m| m.span.end <= sentence.span.end),
        );
        // The source of an attribution ("..., according to Cal Fire") is
        // not what the sentence is about.
        let source = attribution(text, &sentence.span);
        // "Oakham was ordered evacuated on Sunday", "The fire has
        // destroyed 68 homes": a place with facts that opens the sentence
        // before its verb does what the sentence says.
        let with_facts = |m: &Mention| {
            m.kind == EntityKind::Place
                && places_with_facts
                    .binary_search_by(|p| p.as_str().cmp(&m.entity))
                    .is_ok()
        };
        let acts =
            |m: &Mention| with_facts(m) && opens_before_its_verb(text, &sentence.span, &m.span);
        // "working the fire, which was 18% contained": a place owns the
        // figure of the "which" clause right after it; one without facts
        // leaves it unmatched ("Port Arlow, which hosted its first orbital
        // launch in 2019, ...").
        let described_by = |m: &Mention, claim: &Range<usize>| {
            m.kind == EntityKind::Place
                && text
                    .get(m.span.end..claim.start)
                    .and_then(|between| between.strip_prefix(", which "))
                    .is_some_and(|clause| !clause.contains([',', ';', '(']))
        };
        let first = inside
            .iter()
            .find(|m| {
                (m.kind != EntityKind::Place || acts(m))
                    && !attributes(source.as_ref(), m.span.start)
            })
            .copied();
        // Periods and dates stated in this sentence.
        qualifiers.clear();
        qualifiers.extend(
            mine.iter()
                .filter_map(|&i| claims.get(i).map(|c| (i, c)))
                .filter_map(|(i, c)| match &c.kind {
                    ClaimKind::Date { written, resolved } => {
                        Some((i, c.span.clone(), resolved.clone(), written.clone()))
                    }
                    _ => None,
                }),
        );

        // "At the time, fossil fuels made up 5.6% of its assets": a
        // sentence with no time of its own that opens on the time told
        // before is of that time (the last sentence's that had one).
        let then = qualifiers
            .is_empty()
            .then(|| opens_at_the_time(text, &sentence.span))
            .flatten()
            .and_then(|opening| Some((told_before.clone()?, opening)));
        let mut has_boundary: Option<bool> = None;
        let mut names_another: Option<bool> = None;
        // Whether the sentence opens with words for a person: asked once.
        let mut opens_with_one: Option<bool> = None;
        for &i in mine {
            let Some(claim) = claims.get_mut(i) else {
                continue;
            };
            if matches!(
                claim.kind,
                ClaimKind::Mention(_) | ClaimKind::Misspelling(_)
            ) {
                continue;
            }
            // The clause serves to find an entity (there is none when the
            // sentence has no first one) and a date (none without
            // qualifiers); a sentence without clause boundaries is one
            // clause.
            let unneeded = first.is_none() && qualifiers.is_empty();
            let whole = unneeded
                || (claim.span.start <= sentence.span.end
                    && !*has_boundary.get_or_insert_with(|| {
                        memchr::memchr3(b';', b':', 0xE2, text[sentence.span.clone()].as_bytes())
                            .is_some()
                    }));
            let local = if whole {
                sentence.span.clone()
            } else {
                clause(text, &sentence.span, &claim.span)
            };
            // A name whose whole the claim is a part of, right after it
            // ("2.7 million of Beta's 5.2 million"); else the nearest
            // entity before the claim in its clause, else after.
            let owner_after = inside
                .iter()
                .find(|m| {
                    m.kind != EntityKind::Place
                        && m.span.start == claim.span.end + 4
                        && text.get(claim.span.end..m.span.start) == Some(" of ")
                        && text
                            .get(m.span.end..)
                            .is_some_and(|t| t.starts_with("'s ") || t.starts_with("’s "))
                })
                .copied();
            let in_clause = owner_after.or_else(|| {
                inside
                    .iter()
                    .filter(|m| m.span.start >= local.start && m.span.end <= local.end)
                    .filter(|m| {
                        m.kind != EntityKind::Place
                            || owns(text, &m.span, &claim.span)
                            || acts(m)
                            || described_by(m, &claim.span)
                    })
                    .rfind(|m| m.span.end <= claim.span.start)
                    .or_else(|| {
                        inside
                            .iter()
                            .filter(|m| m.span.start >= local.start && m.span.end <= local.end)
                            .find(|m| {
                                (m.kind != EntityKind::Place
                                    || happened_in(text, local.start, &claim.span, m))
                                    && m.span.start >= claim.span.end
                                    && !attributes(source.as_ref(), m.span.start)
                                    && !named_apart(text, claim.span.end, m)
                            })
                    })
                    .copied()
            });
            // "The 24-year-old, who scored 32 goals for Northwind": a sentence
            // that opens with words for the person named last, and names
            // no one before the claim, is that person's (a role keeps the
            // body it names).
            let mut person_opens = || {
                !matches!(claim.kind, ClaimKind::Role { .. })
                    && *opens_with_one
                        .get_or_insert_with(|| opens_with_a_person(text, &sentence.span))
                    && !inside.iter().any(|m| m.span.end <= claim.span.start)
            };
            let opener = earlier_person.filter(|_| person_opens());
            // "Its revenue last year was €2.9 billion, ..., X
            // said": a sentence that opens with "its", and names no one
            // before the claim, is the story's subject so far (not a
            // person).
            let its = earlier.filter(|m| {
                m.kind != EntityKind::Person
                    && !matches!(claim.kind, ClaimKind::Role { .. })
                    && opens_with_its(text, &sentence.span)
                    && !inside.iter().any(|m| m.span.end <= claim.span.start)
            });
            claim.subject = match (in_clause, first, earlier) {
                _ if opener.is_some() => opener.map(|p| subject_of(p, Link::Earlier)),
                _ if its.is_some() => its.map(|o| subject_of(o, Link::Earlier)),
                (Some(m), _, _) => Some(subject_of(m, Link::Clause)),
                (None, Some(m), _) if !named_apart(text, claim.span.end, m) => {
                    Some(subject_of(m, Link::Sentence))
                }
                // "about €60.88, nearly 17% lower than the €73.10 average at
                // Globex": the only name past "than" is the compared
                // figure's (or one quoted: "..., said X"), and the story's
                // subject is the claim's.
                (None, Some(_), Some(m)) => Some(subject_of(m, Link::Earlier)),
                (None, Some(_), None) => None,
                (None, None, Some(m))
                    if !*names_another.get_or_insert_with(|| {
                        opens_with_another_name(text, &sentence.span, &inside)
                            || opens_with_a_wider_scope(text, &sentence.span)
                    }) =>
                {
                    // "The 23-year-old has signed ...": the person named
                    // last.
                    let person =
                        earlier_person.filter(|_| opens_with_a_person(text, &sentence.span));
                    Some(subject_of(person.unwrap_or(m), Link::Earlier))
                }
                (None, None, _) => None,
            };
            if let ClaimKind::Amount(_)
            | ClaimKind::Conversion { .. }
            | ClaimKind::Malformed { .. }
            | ClaimKind::Role { .. } = claim.kind
            {
                qualify(text, &sentence.span, &local, claim, &qualifiers);
                if let (ClaimKind::Amount(_), Some((time, opening))) = (&claim.kind, &then) {
                    match time {
                        Resolved::Period(p) => claim.period = Some((*p, opening.clone())),
                        Resolved::Date(d) => claim.when = Some((*d, opening.clone())),
                        Resolved::Unresolved => {}
                    }
                }
            }
            if let ClaimKind::Role { role, person, org } = &mut claim.kind {
                if person.is_none() {
                    *person = earlier_person.map(|p| p.entity.clone());
                }
                if org.is_none() {
                    if let Some(OrgRef::Anaphor { span }) = &role.org {
                        // "The company's finance director": a company, not
                        // the chamber of commerce named last.
                        let a_company = (text.get(span.clone()).unwrap_or(""))
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| one_of(w, &["company", "firm"]));
                        // Nor a place ("left Eastport ..., with X, the
                        // company's chief executive").
                        let fits = |m: &&&Mention| {
                            !(a_company
                                && (m.kind == EntityKind::Place
                                    || a_public_body(text.get(m.span.clone()).unwrap_or(""))))
                        };
                        *org = inside
                            .iter()
                            .filter(fits)
                            .rfind(|m| m.kind != EntityKind::Person && m.span.end <= span.start)
                            .map(|m| &m.entity)
                            .or(if a_company {
                                earlier_company
                            } else {
                                earlier_org
                            })
                            .cloned();
                    }
                }
            }
        }
        // A sentence without entities continues the story of the last one
        // named, so the earlier subject is kept until another is named; a
        // source named alone is the last one named for the sentences after;
        // a place that does what its sentence says does so there only.
        let named = (first.filter(|m| m.kind != EntityKind::Place))
            .or_else(|| inside.iter().find(|m| m.kind != EntityKind::Place).copied());
        if let Some(m) = named {
            earlier = Some(m);
        }
        // The time told: the sentence's first ("As recently as 2021, when
        // it signed a pledge on November 2, ...").
        let told = qualifiers.iter().find(|q| match q.2 {
            Resolved::Period(_) => true,
            Resolved::Date(_) => is_point(&q.3),
            Resolved::Unresolved => false,
        });
        if let Some(q) = told {
            told_before = Some(q.2.clone());
        }
        if let Some(p) = inside.iter().rev().find(|m| m.kind == EntityKind::Person) {
            earlier_person = Some(p);
        }
        if let Some(o) = inside
            .iter()
            .rev()
            .find(|m| matches!(m.kind, EntityKind::Organization))
        {
            earlier_org = Some(&o.entity);
            if let Some(c) = (inside.iter().rev()).find(|m| {
                matches!(m.kind, EntityKind::Organization)
                    && !a_public_body(text.get(m.span.clone()).unwrap_or(""))
            }) {
                earlier_company = Some(&c.entity);
            }
        } else if opens_with_an_unknown_body(text, &sentence.span, &inside) {
            // "The Commission fined nine operators. Jo Abara, its
            // director of enforcement, ...": "its" is no organisation
            // named before that sentence.
            earlier_org = None;
        }
    }
}

/// The span of "At the time" or "At that time" (or "Back then") when the
/// sentence at `span` opens with it, set off by a comma.
fn opens_at_the_time(text: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let opening = text.get(span.clone())?;
    let quoted = opening.len() - opening.trim_start_matches(['"', '\u{201c}']).len();
    let opening = opening.get(quoted..)?;
    let words = ["At the time,", "At that time,", "Back then,"]
        .into_iter()
        .find(|w| opening.starts_with(w))?;
    let start = span.start + quoted;
    Some(start..start + words.len() - 1)
}

/// Whether the sentence at `span` opens with "Its" or "Their" (after an
/// opening quote, if any).
fn opens_with_its(text: &str, span: &Range<usize>) -> bool {
    let opening = text.get(span.clone()).unwrap_or("");
    let opening = opening.trim_start_matches(['"', '\u{201c}', '\'', '\u{2018}']);
    ["Its ", "Their "].iter().any(|w| opening.starts_with(w))
}

/// The possessive forms of the names of bodies that open with the name of
/// a place of the facts: "Ruritania State Government" is also written
/// "Ruritania's state government" (and so with a typographic apostrophe or
/// its words capitalised).
fn possessives(base: &FactBase) -> impl Iterator<Item = KnownName> + '_ {
    let places: Vec<&str> = (base.entities.iter())
        .filter(|e| e.kind == EntityKind::Place)
        .flat_map(|e| e.names())
        .filter(|n| !n.contains(' '))
        .collect();
    base.entities
        .iter()
        .filter(|e| !matches!(e.kind, EntityKind::Place | EntityKind::Person))
        .flat_map(move |e| {
            let mut forms = Vec::new();
            for name in e.names() {
                let Some((first, rest)) = name.split_once(' ') else {
                    continue;
                };
                if !places.contains(&first) || rest.is_empty() {
                    continue;
                }
                for apostrophe in ["'s", "\u{2019}s"] {
                    for rest in [rest.to_owned(), rest.to_lowercase()] {
                        let form = format!("{first}{apostrophe} {rest}");
                        if !forms.contains(&form) {
                            forms.push(form);
                        }
                    }
                }
            }
            forms.into_iter().map(|name| KnownName {
                name,
                entity: e.id.clone(),
                kind: e.kind,
            })
        })
}

/// Whether a name is that of a public or non-profit body, which "the
/// company" does not stand for ("the Acme Chamber of Commerce", "the Jane
/// Roe Foundation").
fn a_public_body(name: &str) -> bool {
    const BODIES: [&str; 24] = [
        "chamber",
        "commission",
        "council",
        "foundation",
        "ministry",
        "department",
        "administration",
        "service",
        "agency",
        "authority",
        "union",
        "university",
        "government",
        "court",
        "committee",
        "association",
        "institute",
        "board",
        "parliament",
        "assembly",
        "regulator",
        "tribunal",
        "charity",
        "police",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| one_of(w, &BODIES))
}

/// Whether `word` is one of `list` (lowercase words starting with a letter
/// or digit), in any ASCII case, without lowercasing it into a new string.
/// Most words differ from every listed one in length or first letter.
/// Inlined: the checker's matching calls it per word, across the crates.
#[inline]
pub fn one_of(word: &str, list: &[&str]) -> bool {
    let first = word.as_bytes().first().map(|b| b | 0x20);
    list.iter().any(|w| {
        w.len() == word.len()
            && w.as_bytes().first().copied() == first
            && w.eq_ignore_ascii_case(word)
    })
}

/// Words of what is to come when the word after them is the first of the
/// pair: "ordered to report", "to be approved at the meeting", "a hearing
/// set for Monday, June 22", a deadline ("policyholders have until March
/// 31"), "the new prices take effect on April 1", "come into force".
const FUTURE_PAIRS: [(&str, &[&str]); 6] = [
    ("to", &FUTURE_BEFORE_TO),
    ("be", &["to"]),
    ("for", &["set", "slated"]),
    ("until", &["have", "has"]),
    ("effect", &["take"]),
    ("into", &["come", "comes"]),
];

/// Words before a participle that make it no past tense of its own ("will
/// be announced", "has been delayed", "to get approved").
const AUXILIARIES: [&str; 13] = [
    "be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "get", "gets", "got",
];

/// Words before a participle that make it an adjective ("for the affected
/// staff next month").
const DETERMINERS: [&str; 13] = [
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that", "these", "those",
];

/// Words that put what follows them in the future ("will", "is due to").
const FUTURE_WORDS: [&str; 28] = [
    "aims",
    // The present of what is scheduled: "which takes effect on Jan. 1",
    // "fiscal 2027, which begins on July 1", "which becomes Acme Field on
    // January 1".
    "becomes",
    "begins",
    "continues",
    "resumes",
    "starts",
    "takes",
    "expires",
    "can",
    "could",
    "due",
    "expect",
    "expected",
    "expects",
    // What lies ahead of someone: "faces re-election on Nov. 3".
    "faces",
    "forecast",
    "forecasts",
    "going",
    "might",
    "must",
    "planned",
    "plans",
    "scheduled",
    "shall",
    "should",
    "will",
    "won't",
    "would",
];
/// Words that put what follows them in the future when "to" follows
/// them ("was ordered to report to prison on Jan. 12", "is set to open").
const FUTURE_BEFORE_TO: [&str; 14] = [
    "agreed", "hopes", "intend", "intends", "ordered", "pledged", "poised", "promised", "required",
    "set", "slated", "subject", "vowed", "wants",
];

/// Whether a past participle or past tense right before "on" dates what
/// was done at the weekday at `at` ("The joint venture, signed on
/// Thursday, January 15, ..."), with no word of what is to come before it:
/// a day gone by, which no weekday moves to the next year.
fn done_on(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    let Some(before) = before.strip_suffix(" on") else {
        return false;
    };
    let verb = before.rsplit(' ').next().unwrap_or("");
    verb.len() > 4
        && verb.ends_with("ed")
        && verb.bytes().all(|b| b.is_ascii_lowercase())
        && !future_before(text, at)
}

/// Moves a date written without its year to the next year when the
/// weekday beside it falls there (see [`dates::year_by_weekday`]). A
/// weekday right before a date is that date's; else the one it follows.
fn years_by_weekday(text: &str, dated: &mut [Claim], published: Option<FactDate>) {
    for k in 0..dated.len() {
        let Some(Claim {
            kind:
                ClaimKind::Date {
                    written: DateKind::Weekday(weekday),
                    ..
                },
            span,
            ..
        }) = dated.get(k)
        else {
            continue;
        };
        let (weekday, span) = (*weekday, span.clone());
        let gap_to = |j: usize, joins: fn(&str) -> bool, ahead: bool| {
            let c = dated.get(j)?;
            let gap = if ahead {
                text.get(span.end..c.span.start)
            } else {
                text.get(c.span.end..span.start)
            };
            gap.is_some_and(joins).then_some(j)
        };
        let date_at = gap_to(k + 1, dates::weekday_gap, true).or_else(|| {
            gap_to(
                k.checked_sub(1)?,
                |g| dates::weekday_gap(g) || dates::weekday_apposed(g),
                false,
            )
        });
        if let Some(Claim {
            kind:
                ClaimKind::Date {
                    written:
                        DateKind::Calendar {
                            year: None,
                            month: Some(_),
                            day: Some(_),
                        },
                    resolved,
                },
            ..
        }) = date_at.and_then(|j| dated.get_mut(j))
        {
            if let Resolved::Date(d) = resolved {
                if done_on(text, span.start) {
                    continue;
                }
                if let Some(moved) = dates::year_by_weekday(*d, weekday, published) {
                    *resolved = Resolved::Date(moved);
                }
            }
        }
    }
}

/// Words that report what was said or done, after which a weekday is past
/// again ("will ..., it said on Friday" is cut at the comma anyway).
const REPORTING_WORDS: [&str; 6] = ["announced", "said", "says", "told", "reported", "added"];

/// Whether the date at `span` opens its sentence, with at most one word
/// before it, and the clause after its comma is to come: "From May 1,
/// parking in the centre will cost £3.20 an hour".
fn opens_a_clause_to_come(text: &str, span: &Range<usize>) -> bool {
    let head = tail_before(text, span.start, 24);
    let Some(at) = head.rfind(['\n', '.', '!', '?']) else {
        return false;
    };
    let lead = head.get(at + 1..).unwrap_or("").trim_start();
    let opens =
        lead.split_whitespace().count() <= 1 && lead.chars().next().is_none_or(char::is_uppercase);
    let Some(after) = head_after(text, span.end, 120).strip_prefix(", ") else {
        return false;
    };
    let clause = after.split([',', ';', '.']).next().unwrap_or("");
    let mut words = clause.split_whitespace();
    opens
        && (words.clone().any(|w| w == "will")
            || words.any(|w| one_of(w, &["is", "are"]))
                && clause.split_whitespace().any(|w| w == "to" || w == "due"))
}

/// Whether the words before byte `at` of `text`, back to the nearest
/// comma, semicolon, colon or sentence end and at most twelve words, put a
/// weekday at `at` in the future: a future word, with no reporting word
/// between it and the weekday ("will report on Thursday", "said it will
/// ..., and said on Friday" is past).
pub fn future_before(text: &str, at: usize) -> bool {
    // Sixteen words are read: the phrase is looked for within the last
    // few hundred bytes, not back to a break a huge sentence lacks.
    let before = tail_before(text, at, 512);
    // A comma or a point inside a number ("$1.9 billion") ends no phrase.
    // Nor does the comma after a weekday that names the date's day ("would
    // start on Monday, June 15"), nor one that sets the date's own "on"
    // apart ("could make his debut at the stadium, on Jan. 17").
    let bytes = before.as_bytes();
    let own_on = |i: usize| {
        let between = before.get(i + 1..).unwrap_or("").trim();
        one_of(between, &["on", "by"])
    };
    let weekday_before = |i: usize| {
        let head = before.get(..i).unwrap_or("");
        let word = head
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        (dates::WEEKDAYS.iter()).any(|(day, _)| day.eq_ignore_ascii_case(word))
    };
    // Nor does a comma in a list ("results on age, education and
    // housing in June").
    let listed = |i: usize| {
        let mut after = before.get(i + 1..).unwrap_or("").split_whitespace();
        after
            .next()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
            && after.next().is_some_and(|w| w == "and" || w == "or")
    };
    // Nor one before a clause of time that carries the tense of the one
    // before it ("will open on June 16, after trial operations starting on
    // April 13").
    let of_time = |i: usize| {
        let after = before.get(i + 1..).unwrap_or("").trim_start();
        ["after ", "before ", "following ", "ahead of "]
            .iter()
            .any(|w| after.starts_with(w))
    };
    let phrase = bytes
        .iter()
        .enumerate()
        .rev()
        .find(|&(i, &b)| {
            matches!(b, b';' | b':' | b'!' | b'?' | b'\n')
                || (matches!(b, b',' | b'.')
                    && !bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                    && !(b == b',' && (weekday_before(i) || own_on(i) || listed(i) || of_time(i))))
        })
        .map_or(before, |(i, _)| before.get(i + 1..).unwrap_or(""));
    // The nearest of a future and a reporting word decides, within 16
    // words (a body's long name may come between: "plans to file with the
    // Medicines and Healthcare Standards Agency (MHSA) in September").
    let mut words = phrase
        .split_whitespace()
        .rev()
        .take(16)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
    // The word after the one read (words are read back to front).
    let mut next: Option<&str> = None;
    while let Some(word) = words.next() {
        if one_of(word, &REPORTING_WORDS) {
            return false;
        }
        // "will rise next fall after the board voted unanimously on
        // Tuesday": a verb in the past, no auxiliary before it, tells a
        // clause of its own that is past.
        let past = word.len() > 4
            && word.ends_with("ed")
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && !one_of(word, &FUTURE_WORDS)
            && !FUTURE_PAIRS.iter().any(|(_, before)| one_of(word, before))
            && words.clone().next().is_some_and(|before| {
                before.bytes().all(|b| b.is_ascii_alphabetic())
                    && !one_of(before, &AUXILIARIES)
                    && !one_of(before, &DETERMINERS)
                    && !one_of(before, &FUTURE_WORDS)
            });
        if past {
            return false;
        }
        let to_come = next.is_some_and(|n| {
            FUTURE_PAIRS
                .iter()
                .any(|(after, words)| one_of(n, &[after]) && one_of(word, words))
        });
        // "should have been released in June": a modal's perfect is past.
        let perfect = one_of(word, &["should", "would", "could", "might", "must"])
            && next.is_some_and(|n| n.eq_ignore_ascii_case("have"));
        if perfect {
            return false;
        }
        next = Some(word);
        // "beating the 1.1 percent forecast": a noun, of no time to come
        // (someone's forecast is still of one: "raised his forecast").
        let a_noun = one_of(word, &["forecast", "forecasts"])
            && words.clone().next().is_some_and(|before| {
                one_of(before, &["the", "a", "percent", "%"])
                    || before.ends_with(|c: char| c.is_ascii_digit() || c == '%')
            });
        if a_noun {
            continue;
        }
        if to_come || one_of(word, &FUTURE_WORDS) || word.ends_with("'ll") {
            // "had been scheduled to launch on 26 June", "had planned": a
            // future that has passed.
            // Adverbs aside: "had originally been scheduled".
            let mut earlier = words.clone().filter(|w| !w.ends_with("ly")).take(2);
            let had = |w: Option<&str>| w.is_some_and(|w| w.eq_ignore_ascii_case("had"));
            let (first, second) = (earlier.next(), earlier.next());
            let been = first.is_some_and(|w| w.eq_ignore_ascii_case("been"));
            return !(had(first) || (been && had(second)));
        }
    }
    false
}

/// Capitalised words that open sentences without naming anyone:
/// articles, pronouns, prepositions, conjunctions (sorted, to read).
const OPENERS: [&str; 39] = [
    "a",
    "according",
    "after",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "during",
    "for",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "next",
    "on",
    "our",
    "shares",
    "she",
    "since",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "though",
    "we",
    "when",
    "while",
    "with",
];

/// Title words: a name after one is a person's, who may speak for the
/// story's company (sorted, to read).
const TITLE_WORDS: [&str; 30] = [
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "co-founder",
    "coo",
    "cto",
    "deputy",
    "director",
    "dr",
    "executive",
    "finance",
    "founder",
    "governor",
    "head",
    "manager",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "president",
    "prime",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Whether the sentence at `span` opens with a name the facts do not know,
/// as its subject: a capitalised word among its first three, up to a comma
/// ("Chipmaker Globex Labs, which ...", "Shares of Initech ...", "Globex Labs
/// rose ..."), not a month, weekday, title or opener, not inside a known
/// name (`known`: "In China, ..."), and not after a title (a person). The
/// first word is capitalised anyway: a name there needs a second
/// capitalised word, unless it is an acronym or a word of five letters or
/// more that no dictionary knows ("TSMC holds", "Globex holds").
/// Whether a sentence opens with "The" and a capitalised noun the facts do
/// not know ("The Commission fined ...", "The Regulator said"): a body
/// that "its" in the next sentences may stand for.
fn opens_with_an_unknown_body(text: &str, span: &Range<usize>, known: &[&Mention]) -> bool {
    let sentence = text.get(span.clone()).unwrap_or("");
    let mut words = sentence.split_whitespace();
    let (Some("The"), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    let at = span.start + (noun.as_ptr() as usize).saturating_sub(sentence.as_ptr() as usize);
    noun.chars().next().is_some_and(char::is_uppercase)
        && noun.chars().all(char::is_alphabetic)
        && !known.iter().any(|m| m.span.contains(&at))
        && !dates::names_a_time(noun)
}

fn opens_with_another_name(text: &str, span: &Range<usize>, known: &[&Mention]) -> bool {
    let sentence = text.get(span.clone()).unwrap_or("");
    #[derive(Clone, Copy, PartialEq)]
    enum Word {
        Name,
        Title,
        Other,
    }
    let mut words = [Word::Other; 3];
    let mut n = 0;
    for (slot, raw) in words.iter_mut().zip(sentence.split_whitespace()) {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        // "Stuttgart-based", "Paris-listed": an adjective, not a name.
        let adjective = word
            .rsplit_once('-')
            .is_some_and(|(_, last)| !last.is_empty() && last.chars().all(char::is_lowercase));
        // "The A$250 million penalty": an amount, not a name.
        let amount = word.contains(|c: char| c.is_ascii_digit());
        let capital = word.chars().next().is_some_and(char::is_uppercase) && !adjective && !amount;
        // The word's offset in the text, from where its slice starts.
        let at = span.start + (raw.as_ptr() as usize).saturating_sub(sentence.as_ptr() as usize);
        *slot = if one_of(word, &TITLE_WORDS) {
            Word::Title
        } else if capital
            && !known.iter().any(|m| m.span.contains(&at))
            && !one_of(word, &OPENERS)
            && !one_of(word, &REGION_WORDS)
            && !dates::names_a_time(word)
        {
            Word::Name
        } else {
            Word::Other
        };
        n += 1;
        if raw.ends_with(',') {
            break;
        }
    }
    let words_read = words.get(..n).unwrap_or_default();
    // A first word that cannot be an ordinary word capitalised to open the
    // sentence is a name by itself: an acronym ("TSMC holds ...") or a word
    // of five letters or more that no dictionary knows ("Globex holds
    // ..."); not before a comma, where a dateline's place stands.
    let first_is_a_name = words_read.first() == Some(&Word::Name)
        && sentence.split_whitespace().next().is_some_and(|raw| {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let acronym = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
            let unknown = word.len() >= 5
                && word.chars().skip(1).all(char::is_lowercase)
                && !mentions::is_dictionary_word(word);
            !raw.ends_with(',') && (acronym || unknown)
        });
    first_is_a_name
        || words_read.iter().enumerate().any(|(at, &w)| {
            w == Word::Name
                && match at.checked_sub(1).and_then(|b| words_read.get(b)) {
                    None => words_read.get(1) == Some(&Word::Name),
                    Some(&before) => before != Word::Title,
                }
        })
}

/// Whether a sentence opens by widening its scope beyond the story's
/// subject ("Across the province, municipal turnout averaged about 39%",
/// "Globally, ..."): what it says is not the subject's.
fn opens_with_a_wider_scope(text: &str, span: &Range<usize>) -> bool {
    const WIDER: [&str; 8] = [
        "across",
        "elsewhere",
        "globally",
        "internationally",
        "nationally",
        "nationwide",
        "regionally",
        "worldwide",
    ];
    let sentence = text.get(span.clone()).unwrap_or("");
    let Some(first) = sentence.split_whitespace().next() else {
        return false;
    };
    let word = first.trim_end_matches(',');
    // "Across the province," and "Elsewhere in Europe," run to a comma;
    // the others stand alone before one. "Across its stores" is the
    // subject's own.
    let own = sentence
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| one_of(w, &["its", "their", "his", "her", "our"]));
    one_of(word, &WIDER)
        && (first.ends_with(',')
            || (one_of(word, &["across", "elsewhere"])
                && !own
                && sentence.find(',').is_some_and(|comma| comma < 48)))
}

/// Words of the world's regions ("North America was the largest market",
/// "Europe accounted for ..."): places, which name no one a sentence is
/// about instead of the story's subject. Sorted.
const REGION_WORDS: [&str; 16] = [
    "africa",
    "america",
    "americas",
    "asia",
    "central",
    "east",
    "eastern",
    "europe",
    "latin",
    "middle",
    "north",
    "northern",
    "south",
    "southeast",
    "southern",
    "west",
];

/// A deterministic xorshift generator for the tests that build long
/// random texts: the same texts on every run, no dependency.
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;
    use facts::TitleTable;
    use proptest::prelude::*;

    #[test]
    fn times_something_is_compared_with() {
        let compared = |text: &str, time: &str| {
            let start = text.find(time).unwrap();
            compared_time(text, &(start..start + time.len()))
        };
        assert!(compared("two fewer than in 2023, as", "2023"));
        assert!(compared("running 6% ahead of last year", "last year"));
        assert!(compared("running 8% ahead of last year's.", "last year"));
        assert!(!compared(
            "compared to last year's 4.55 billion",
            "last year"
        ));
        assert!(compared("up 4% compared with 2024", "2024"));
        assert!(compared(
            "up 18% from the same weekend last year",
            "last year"
        ));
        assert!(!compared("revenue for the quarter last year", "last year"));
        assert!(!compared(
            "a new high compared to last year's 4.55 billion",
            "last year"
        ));
        assert!(compared("a harvest down 37% from last year", "last year"));
        assert!(compared("sales were up from 2024", "2024"));
        assert!(!compared("held from Aug. 27 to Sept. 6", "Aug. 27"));
        assert!(!compared("won 46 seats in 2023", "2023"));
        assert!(!compared("the most since 2019", "2019"));
    }

    /// The character-based definitions the byte scans must agree with.
    fn clause_chars(text: &str, sentence: &Range<usize>, span: &Range<usize>) -> Range<usize> {
        let is_boundary = |c: char| matches!(c, ';' | ':' | '—' | '–');
        let before = &text[sentence.start..span.start.max(sentence.start)];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| is_boundary(*c))
            .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
        let from = span.end.clamp(sentence.start, sentence.end);
        let after = &text[from..sentence.end];
        let end = after.find(is_boundary).map_or(sentence.end, |i| from + i);
        start..end
    }

    fn phrase_chars(text: &str, sentence: &Range<usize>, span: &Range<usize>) -> Range<usize> {
        let is_break = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
        let start_from = span.start.clamp(sentence.start, sentence.end);
        let mut start = text[sentence.start..start_from]
            .char_indices()
            .rev()
            .find(|(_, c)| is_break(*c))
            .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
        let words = [" and ", " against "];
        let after_word = (words.iter())
            .filter_map(|w| {
                text[start..start_from]
                    .rfind(w)
                    .map(|i| start + i + w.len())
            })
            .max();
        start = after_word.unwrap_or(start);
        let end_from = span.end.clamp(start_from, sentence.end);
        let mut end = text[end_from..sentence.end]
            .find(is_break)
            .map_or(sentence.end, |i| end_from + i);
        let before_word = (words.iter())
            .filter_map(|w| text[end_from..end].find(w).map(|i| end_from + i))
            .min();
        end = before_word.unwrap_or(end);
        start..end
    }

    /// Text made of pieces that are breaks, near misses of them (other
    /// characters sharing the dashes' bytes), " and ", " against " and
    /// their fragments.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            ",",
            ";",
            ":",
            "(",
            ")",
            "—",
            "–",
            "‒",
            "―",
            "…",
            "“",
            "’",
            "€",
            "a",
            "x",
            " ",
            " and ",
            "and",
            " an",
            "d ",
            " and and ",
            " against ",
            "against",
            " ag",
            "ainst ",
            "g",
            "é",
            "日本",
            "2 billion",
            ".",
        ]);
        proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    /// Char-boundary offsets `a <= b <= c <= d` of `text`, some out of order
    /// on purpose for the clamps.
    fn ranges(text: &str, picks: &[usize; 4]) -> (Range<usize>, Range<usize>) {
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut p: Vec<usize> = picks.iter().map(|k| cuts[k % cuts.len()]).collect();
        let swap = picks[0] % 7 == 0;
        p.sort_unstable();
        let sentence = p[0]..p[3];
        let span = if swap { p[2]..p[1] } else { p[1]..p[2] };
        (sentence, span)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn byte_phrase_and_clause_match_chars(text in pieces(), picks in any::<[usize; 4]>()) {
            let (sentence, span) = ranges(&text, &picks);
            prop_assert_eq!(phrase(&text, &sentence, &span), phrase_chars(&text, &sentence, &span));
            prop_assert_eq!(clause(&text, &sentence, &span), clause_chars(&text, &sentence, &span));
            // A span starting before the sentence, as the clamps allow.
            let early = 0..span.end.max(sentence.start);
            prop_assert_eq!(phrase(&text, &sentence, &early), phrase_chars(&text, &sentence, &early));
            prop_assert_eq!(clause(&text, &sentence, &early), clause_chars(&text, &sentence, &early));
        }
    }

    proptest! {
        /// The sentence of an offset, asked in any order, is the one a
        /// binary search finds.
        #[test]
        fn sentence_of_matches_a_search(
            gaps in proptest::collection::vec(1usize..5, 0..12),
            offsets in proptest::collection::vec(0usize..50, 0..40)
        ) {
            let starts: Vec<usize> = gaps.iter().scan(0, |at, g| { *at += g; Some(*at) }).collect();
            let sentence_of = SentenceOf::new(&starts);
            for offset in offsets {
                let expected = starts.partition_point(|&s| s <= offset).saturating_sub(1);
                prop_assert_eq!(sentence_of.of(offset), expected);
            }
        }
    }

    proptest! {
        #[test]
        fn merging_runs_is_a_stable_sort(
            runs in proptest::collection::vec(proptest::collection::vec((0usize..6, 0usize..3), 0..8), 3..4)
        ) {
            // Runs sorted on their own, then merged, against one stable sort.
            // (key, run, place in run)
            type Item = ((usize, usize), usize, usize);
            let mut tagged: Vec<Item> = Vec::new();
            let mut sorted_runs: Vec<Vec<Item>> = Vec::new();
            for (r, run) in runs.iter().enumerate() {
                let items: Vec<_> = run.iter().enumerate().map(|(k, &(a, b))| ((a, a + b), r, k)).collect();
                tagged.extend(items.iter().copied());
                let mut items = items;
                items.sort_by_key(|x| x.0);
                sorted_runs.push(items);
            }
            tagged.sort_by_key(|x| x.0);
            let mut at = [0usize; 3];
            let mut merged = Vec::new();
            while let Some(r) = next_run([0, 1, 2].map(|r| sorted_runs[r].get(at[r]).map(|x| x.0))) {
                merged.push(sorted_runs[r][at[r]]);
                at[r] += 1;
            }
            prop_assert_eq!(merged, tagged);
        }
    }

    fn extractor() -> Extractor {
        let names = [
            ("Acme Corp", "acme", EntityKind::Organization),
            ("Acme", "acme", EntityKind::Organization),
            ("Jane Roe", "jane-roe", EntityKind::Person),
            ("John Doe", "john-doe", EntityKind::Person),
            ("Northwind", "northwind", EntityKind::Organization),
            ("Paris", "paris", EntityKind::Place),
        ];
        Extractor::new(
            names.into_iter().map(|(name, entity, kind)| KnownName {
                name: name.into(),
                entity: entity.into(),
                kind,
            }),
            &TitleTable::default(),
        )
    }

    /// The claims as built before linking, from the linked ones.
    fn unlinked(claim: &Claim) -> Claim {
        let mut claim = claim.clone();
        claim.subject = None;
        claim.period = None;
        claim.when = None;
        claim.year_earlier = false;
        if let ClaimKind::Role { role, person, org } = &mut claim.kind {
            *person = role.person.as_ref().map(|p| p.entity.clone());
            *org = match &role.org {
                Some(OrgRef::Entity { id, .. }) => Some(id.clone()),
                _ => None,
            };
        }
        claim
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Extraction links dates, amounts and roles before merging in the
        /// mentions and misspellings; the way it was done before, all
        /// claims sorted by a stable sort in kind order and linked
        /// together, gives the same claims.
        #[test]
        fn linking_before_mentions_join_changes_nothing(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Acme", "Acme Corp", "Jane Roe", "John Doe", "Northwind", "Nortwind", "Paris",
                "the company", "its", "he", "she", "said", "CEO of Acme", "chief executive",
                "$15.5 billion", "100 billion yuan ($15.5 billion)", "$20 billion yuan", "3%",
                "on Friday", "September 2, 2021", "last month", "the second quarter", "Q2",
                "year-on-year", "in 2020", "since 2018", ",", ";", ":", "—", " and ", ".", ". ",
                "\n", "\n\n", "revenue of", "rose", "(", ")", "Acme's founder Jane Roe",
            ]), 0..40)
        ) {
            let text = format!("---\npublished: 2021-09-04\n---\n{}", parts.join(" "));
            let extraction = extractor().extract(&text, Format::Text, None);
            let doc = document::prepare(&text, Format::Text);
            let ex = extractor();
            let mentions: Vec<Mention> = extraction.claims.iter().filter_map(|c| match &c.kind {
                ClaimKind::Mention(m) => Some(m.clone()),
                ClaimKind::Misspelling(m) => ex.gazetteer.as_mention(m),
                _ => None,
            }).collect();
            let group = |c: &Claim| match c.kind {
                ClaimKind::Date { .. } => 0,
                ClaimKind::Amount(_) | ClaimKind::Conversion { .. } | ClaimKind::Malformed { .. } => 1,
                ClaimKind::Role { .. } => 2,
                ClaimKind::Mention(_) => 3,
                ClaimKind::Misspelling(_) => 4,
            };
            let mut all: Vec<Claim> = extraction.claims.iter().map(unlinked).collect();
            all.sort_by_key(group);
            all.sort_by_key(|c| (c.span.start, c.span.end));
            link(&doc.analysis, &extraction.sentences, &mentions, &[], &mut all);
            prop_assert_eq!(all, extraction.claims);
        }
    }

    #[test]
    fn a_sentence_that_opens_with_an_unknown_name_is_not_the_story_s() {
        let text = "Acme's revenue rose 9% to $5 billion. \
                    Chipmaker Globex Labs, which listed this week, rose 72% on its debut. \
                    Rival Globex posted revenue of $3 billion. \
                    Shares of Initech fell 4%. \
                    In Paris, revenue rose 3%. \
                    Chief Executive Max Poe said revenue would reach $6 billion. \
                    On Monday, revenue rose 1%. \
                    The revenue rose 2%. \
                    The Ohio-based group's revenue rose 5%. \
                    TSMC holds 70% of the market. \
                    Globex holds 20% of it. \
                    Analysts expect 6%. \
                    The A$250 million fine is made up of A$185 million and A$65 million.";
        let extraction = extractor().extract(text, Format::Text, None);
        let subjects: Vec<(&str, Option<&str>)> = extraction
            .claims
            .iter()
            .filter(|c| matches!(c.kind, ClaimKind::Amount(_)))
            .map(|c| {
                (
                    &text[c.span.clone()],
                    c.subject.as_ref().map(|s| &*s.entity),
                )
            })
            .collect();
        assert_eq!(
            subjects,
            [
                ("9%", Some("acme")),
                ("$5 billion", Some("acme")),
                ("72%", None),
                ("$3 billion", None),
                ("4%", None),
                ("3%", Some("acme")),
                ("$6 billion", Some("acme")),
                ("1%", Some("acme")),
                ("2%", Some("acme")),
                ("5%", Some("acme")),
                // An acronym or a word no dictionary knows opens with a name.
                ("70%", None),
                ("20%", None),
                ("6%", Some("acme")),
                // An amount opens with a capital, and names no one.
                ("A$250 million", Some("acme")),
                ("A$185 million", Some("acme")),
                ("A$65 million", Some("acme")),
            ]
        );
        for list in [
            &OPENERS[..],
            &TITLE_WORDS[..],
            &REGION_WORDS[..],
            &FAMILY_NAMES_FIRST[..],
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted: {list:?}");
        }
    }

    #[test]
    fn a_person_goes_by_the_surname_the_facts_do_not_list() {
        let base = facts::load_strs([(
            "f.yaml",
            "entities:
  - { id: roe, kind: person, name: Jane Roe }
  - { id: kanbara, kind: person, name: Hideo Kanbara }
  - { id: zhao, kind: person, name: Zhao Minghui }
  - { id: king, kind: person, name: Ana Young }
  - { id: doe, kind: person, name: John Doe Jr. }
  - { id: mary-doe, kind: person, name: Mary Doe }
  - { id: acme, kind: organization, name: Kanbara Robotics }
  - { id: tanz, kind: person, name: Aurel Tanzmann }
  - { id: institute, kind: organization, name: Tanzmann Institute for Robotics }
",
        )])
        .unwrap_or_else(|e| panic!("{e:?}"));
        let extractor = Extractor::for_facts(&base);
        let mentioned = |text: &str| -> Vec<String> {
            let extraction = extractor.extract(text, Format::Text, None);
            (extraction.claims.iter())
                .filter_map(|c| match &c.kind {
                    ClaimKind::Mention(m) => Some(m.entity.to_string()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(mentioned("Roe said. Zhao said."), ["roe", "zhao"]);
        // A body named in the person's honour goes by its full name.
        assert_eq!(
            mentioned("Tanzmann said. The Tanzmann Institute for Robotics opens."),
            ["tanz", "institute"]
        );
        // An organisation's word, a dictionary word, a surname two people
        // share, and a word the name does not end with: not the person's.
        assert!(mentioned("Kanbara said. Young said. Doe said. Minghui said.").is_empty());
    }

    #[test]
    fn a_near_miss_after_another_first_name_is_another_person() {
        let base = facts::load_strs([(
            "f.yaml",
            "entities:
  - { id: rui, kind: person, name: Rui Castelhano }
  - { id: acme, kind: organization, name: Acme }
",
        )])
        .unwrap_or_else(|e| panic!("{e:?}"));
        let extractor = Extractor::for_facts(&base);
        let misspelled = |text: &str| -> Vec<String> {
            let extraction = extractor.extract(text, Format::Text, None);
            (extraction.claims.iter())
                .filter(|c| matches!(c.kind, ClaimKind::Misspelling(_)))
                .map(|c| text[c.span.clone()].to_owned())
                .collect()
        };
        assert!(misspelled("By Fiona Castellane\n\nThe club said so.").is_empty());
        for text in [
            "Rui Castellane said so.",
            "Coach Castellane said so.",
            "The club hired Acme Castellane.",
            "The club said Castellane would stay.",
        ] {
            assert_eq!(misspelled(text), ["Castellane"], "{text}");
        }
    }

    #[test]
    fn a_body_named_after_its_place_is_found_in_the_possessive() {
        let base = facts::load_strs([(
            "f.yaml",
            "entities:\n  - { id: ruritania, kind: place, name: Ruritania }\n  - { id: gov, kind: organization, name: Ruritania State Government }\n  - { id: acme, kind: organization, name: Acme Holdings }\n",
        )])
        .unwrap();
        // Not a name that opens with no place's.
        let text = "Ruritania's state government and Ruritania\u{2019}s State Government met Acme's holdings.";
        let extraction = Extractor::for_facts(&base).extract(text, Format::Text, None);
        let found: Vec<(&str, &str)> = (extraction.claims.iter())
            .filter_map(|c| match &c.kind {
                ClaimKind::Mention(m) => Some((&text[c.span.clone()], &*m.entity)),
                _ => None,
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Ruritania's state government", "gov"),
                ("Ruritania\u{2019}s State Government", "gov"),
            ]
        );
    }

    #[test]
    fn a_figure_a_change_starts_from_may_open_with_a_currencys_letters() {
        for words in [
            " from CHF 290.4 million a year earlier",
            " from A$2.9 billion",
            " from US$1.9 billion",
            " from 40.9 years",
        ] {
            assert_eq!(from_a_figure(words), Some(0), "{words}");
        }
        for words in [
            " from ACME 5 stores",
            " from Acme",
            " from CH 290",
            " from the US",
        ] {
            assert_eq!(from_a_figure(words), None, "{words}");
        }
    }

    #[test]
    fn a_date_opening_a_clause_to_come_is_ahead() {
        let published = FactDate::parse("2025-02-27").ok();
        let day = |text: &str| {
            let extraction = extractor().extract(text, Format::Text, published);
            (extraction.claims.iter()).find_map(|c| match &c.kind {
                ClaimKind::Date {
                    resolved: dates::Resolved::Date(d),
                    ..
                } => Some(d.to_string()),
                _ => None,
            })
        };
        let ahead = "Charges rise.\nFrom May 1, parking in the centre will cost £3.20 an hour.";
        assert_eq!(day(ahead).as_deref(), Some("2025-05-01"));
        let past = "Charges rose.\nFrom May 1, parking in the centre cost £3.20 an hour.";
        assert_eq!(day(past).as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn the_time_of_a_figure_a_change_starts_from_is_its_own() {
        let text = "Acme's revenue rose to €318 million last year from €225.5 million in 2024, \
                    while its net loss narrowed to €12 million from €47 million.";
        let published = FactDate::parse("2026-06-11").ok();
        let extraction = extractor().extract(text, Format::Text, published);
        let times: Vec<(&str, Option<String>)> = (extraction.claims.iter())
            .filter(|c| matches!(c.kind, ClaimKind::Amount(_)))
            .map(|c| {
                (
                    &text[c.span.clone()],
                    c.when.as_ref().map(|(d, _)| d.to_string()),
                )
            })
            .collect();
        let of = |figure: &str| {
            times
                .iter()
                .find(|(f, _)| *f == figure)
                .and_then(|(_, t)| t.clone())
        };
        assert_eq!(of("€318 million").as_deref(), Some("2025"), "{times:?}");
        assert_eq!(of("€12 million").as_deref(), Some("2025"), "{times:?}");
        // Past a few words of its own ("at the same point").
        let text = "Acme had hedged 55% of its needs, up from 40% at the same point last year, \
                    and would raise prices by 9%.";
        let extraction = extractor().extract(text, Format::Text, published);
        let nine = (extraction.claims.iter()).find(|c| &text[c.span.clone()] == "9%");
        assert_eq!(
            nine.and_then(|c| c.when.as_ref())
                .map(|(d, _)| d.to_string()),
            None
        );
        // Nor past a figure's thousands separator: "up from 287,000 in the
        // second quarter" gives no period to the total after it.
        let text = "Acme added 312,000 subscribers, up from 287,000 in the second quarter, \
                    bringing its total to 2.84 million at the end of September.";
        let extraction = extractor().extract(text, Format::Text, published);
        let total = (extraction.claims.iter()).find(|c| &text[c.span.clone()] == "2.84 million");
        assert!(total.is_some_and(|c| c.period.is_none()), "{total:?}");
        // Nor past the noun of the figure a change started from ("from a
        // peak of 27,950 in 2014").
        let text = "Acme had 21,480 staff, down from a peak of 27,950 in 2014, \
                    a drop of 23% in just over a decade.";
        let extraction = extractor().extract(text, Format::Text, published);
        let drop = (extraction.claims.iter()).find(|c| &text[c.span.clone()] == "23%");
        assert!(drop.is_some_and(|c| c.when.is_none()), "{drop:?}");
        // A time gone by dates no figure of what will be.
        let text = "Its mine gave 18% of output last year, and Acme says the shutdown will \
                    cost about 15,000 tonnes. Acme made 9,000 tonnes last year, and \
                    sold 8,000 tonnes.";
        let extraction = extractor().extract(text, Format::Text, published);
        let time_of = |figure: &str| {
            (extraction.claims.iter())
                .find(|c| &text[c.span.clone()] == figure)
                .map(|c| c.when.as_ref().map(|(d, _)| d.to_string()))
        };
        assert_eq!(time_of("15,000 tonnes"), Some(None));
        assert_eq!(time_of("8,000 tonnes"), Some(Some("2025".into())));
        // A time that owns a noun is that noun's, but for a figure in its
        // phrase after it.
        let text = "Regulators fined Acme €145 million for last November's spill, and \
                    ordered it to pay €612 million. Last year's €9 million loss was its first.";
        let extraction = extractor().extract(text, Format::Text, published);
        let time_of = |figure: &str| {
            (extraction.claims.iter())
                .find(|c| &text[c.span.clone()] == figure)
                .and_then(|c| c.when.as_ref())
                .map(|(d, _)| d.to_string())
        };
        assert_eq!(time_of("€145 million"), None);
        assert_eq!(time_of("€612 million"), None);
        assert_eq!(time_of("€9 million").as_deref(), Some("2025"));
    }

    /// Asserts the subject entity of each amount of `text`, in order.
    /// The subject of each amount `extractor` finds in `text`.
    fn amount_subjects(extractor: &Extractor, text: &str) -> Vec<Option<String>> {
        let extraction = extractor.extract(text, Format::Text, None);
        (extraction.claims.iter())
            .filter(|c| matches!(c.kind, ClaimKind::Amount(_)))
            .map(|c| c.subject.as_ref().map(|s| s.entity.to_string()))
            .collect()
    }

    fn assert_amount_subjects(text: &str, expected: &[Option<&str>]) {
        let extraction = extractor().extract(text, Format::Text, None);
        let subjects: Vec<Option<&str>> = (extraction.claims.iter())
            .filter(|c| matches!(c.kind, ClaimKind::Amount(_)))
            .map(|c| c.subject.as_ref().map(|s| &*s.entity))
            .collect();
        assert_eq!(subjects, expected, "{text}");
    }

    #[test]
    fn a_place_with_facts_that_opens_a_sentence_before_its_verb_is_its_subject() {
        let base = facts::load_strs([(
            "f.yaml",
            "entities:
  - { id: acme, kind: organization, name: Acme Authority }
  - { id: town, kind: place, name: Oakham }
  - { id: dale, kind: place, name: Dale }
  - { id: fire, kind: place, name: Ridge Creek fire, aliases: [Ridge Creek blaze] }
  - { id: lake, kind: place, name: North Lake }
  - { id: lake2, kind: place, name: South Lake }
  - { id: state, kind: place, name: State of Oakland }
quantities:
  - { id: homes, subject: fire, what: homes destroyed, cues: [destroyed], value: 86 homes }
  - { id: evacuees, subject: town, what: evacuees, cues: [evacuated], value: 8900 people }
  - { id: depth, subject: lake, what: depth, cues: [deep], value: 40 metres }
  - { id: depth2, subject: lake2, what: depth, cues: [deep], value: 30 metres }
  - { id: schools, subject: state, what: schools, cues: [schools], value: 300 schools }
",
        )])
        .unwrap_or_else(|e| panic!("{e:?}"));
        let extractor = Extractor::for_facts(&base);
        let subjects = |text: &str| amount_subjects(&extractor, text);
        let acme = || vec![Some("acme".to_owned())];
        assert_eq!(
            subjects("Acme Authority spoke. Oakham saw 8,900 people evacuated."),
            [Some("town".to_owned())]
        );
        // "the fire" after the Ridge Creek fire was named.
        assert_eq!(
            subjects(
                "Acme Authority fought the Ridge Creek fire. The fire has destroyed 68 homes."
            ),
            [Some("fire".to_owned())]
        );
        // The figure of the "which" clause right after it.
        assert_eq!(
            subjects("Acme Authority fought the Ridge Creek fire, which had destroyed 68 homes."),
            [Some("fire".to_owned())]
        );
        // Only in its own sentence.
        assert_eq!(
            subjects("Acme Authority spoke. Oakham was evacuated. It sent 1,140 firefighters."),
            acme()
        );
        // Not a place without facts, a dateline, a place a preposition
        // follows, a description before the name, a head two names share,
        // nor a name's first word.
        for text in [
            "Acme Authority spoke. Dale saw 8,900 people evacuated.",
            "Acme Authority spoke.\n\nOAKHAM, July 23 - 8,900 people were evacuated.",
            "Acme Authority spoke. Oakham in July had 8,900 people evacuated.",
            "Acme Authority spoke. The fire has destroyed 68 homes. The Ridge Creek fire grew.",
            "Acme Authority spoke of North Lake and South Lake. The lake is 35 metres deep.",
            "Acme Authority spoke of the State of Oakland. The state has 310 schools.",
        ] {
            assert_eq!(subjects(text), acme(), "{text}");
        }
    }

    #[test]
    fn a_name_past_than_is_the_compared_figures() {
        assert_amount_subjects(
            "Acme's revenue rose 9%. The price came to €60.88, nearly 17% lower than the \
             €73.10 average at Northwind. Northwind's price fell 4% against Acme's.",
            &[
                Some("acme"),
                Some("acme"),
                Some("acme"),
                Some("northwind"),
                Some("northwind"),
            ],
        );
        // The "than" of a hedge compares nothing.
        assert_amount_subjects(
            "Acme's revenue rose 9%. This year, more than 68.7 million users gave 3.5 billion yuan \
             to Northwind.",
            &[Some("acme"), Some("northwind"), Some("northwind")],
        );
        // Nor does a person quoted at the end own the figure.
        assert_amount_subjects(
            "Acme's revenue rose 9%. Of that, $18 million will go in payments, said Jane Roe, \
             who spoke. Then $2 million went to Jane Roe, she said.",
            &[Some("acme"), Some("acme"), Some("jane-roe")],
        );
        // Nor one right after "by" the subject of a date.
        let text = "Acme's revenue rose 9%. The fund, founded in 2013 by Jane Roe, grew.";
        let extraction = extractor().extract(text, Format::Text, None);
        let dated: Vec<Option<&str>> = (extraction.claims.iter())
            .filter(|c| matches!(c.kind, ClaimKind::Date { .. }))
            .map(|c| c.subject.as_ref().map(|s| &*s.entity))
            .collect();
        assert_eq!(dated, [Some("acme")]);
        // With no story before it, the figure has no subject.
        assert_amount_subjects(
            "The price came to €60.88, lower than the €73.10 average at Northwind.",
            &[None, Some("northwind")],
        );
    }

    #[test]
    fn a_region_opening_a_sentence_names_no_one_else() {
        assert_amount_subjects(
            "Acme's revenue rose 9%. North America was its largest market with 5,900 \
             units. Europe followed with 4,100. Globex sold 3,200.",
            &[Some("acme"), Some("acme"), Some("acme"), None],
        );
    }

    #[test]
    fn a_sentence_of_a_wider_scope_is_not_the_earlier_subjects() {
        let text = "Acme's revenue rose 9%. Across the province, turnout averaged 39%. \
                    Globally, sales rose 20%. Acme's profit rose 7%. Its margin rose 2%. \
                    Across its stores, sales fell 3%.";
        assert_amount_subjects(
            text,
            &[
                Some("acme"),
                None,
                None,
                Some("acme"),
                Some("acme"),
                Some("acme"),
            ],
        );
    }

    #[test]
    fn the_source_of_an_attribution_is_not_the_subject() {
        let text = "Acme's revenue rose 9%. The unit was 21% smaller, according to Northwind. \
                    Northwind's revenue rose 4%. Acme's profit rose 7%. The unit was 12% \
                    bigger, according to the trade register, known as Northwind. The unit \
                    grew 5%, according to the register, and Northwind grew 3%.";
        // A source glossed after the attribution is the source too; a clause
        // after it is not part of it.
        assert_amount_subjects(
            text,
            &[
                Some("acme"),
                Some("acme"),
                Some("northwind"),
                Some("acme"),
                Some("acme"),
                Some("northwind"),
                Some("northwind"),
            ],
        );
    }

    #[test]
    fn a_place_owns_a_figure_it_names_with_a_possessive() {
        let extractor = extractor();
        let subjects = |text: &str| amount_subjects(&extractor, text);
        assert_eq!(
            subjects("Acme's median rose. Paris's median was $1.16 million."),
            [Some("paris".to_owned())]
        );
        // Where a count happened, with nothing named before it.
        assert_eq!(
            subjects("Acme's median rose. Thirteen people died in Paris, officials said."),
            [Some("paris".to_owned())]
        );
        // Not where a figure the clause does not open is.
        assert_eq!(
            subjects("Acme is building a $10 billion plant in Paris."),
            [Some("acme".to_owned())]
        );
        // A place is otherwise where, not who.
        assert_eq!(
            subjects("Acme's median rose. In Paris, the median was $1.16 million."),
            [Some("acme".to_owned())]
        );
    }

    #[test]
    fn a_part_of_a_names_whole_is_that_names() {
        assert_amount_subjects(
            "In all 6.8 million lost service: 4.1 million of Acme's 7.9 million customers and 2.7 million of Northwind's 5.2 million.",
            &[
                Some("acme"),
                Some("acme"),
                Some("acme"),
                Some("northwind"),
                Some("northwind"),
            ],
        );
        // Not a place's: "11 of Paris's 17 districts" stays the agency's.
        assert_amount_subjects(
            "Acme put 11,000 of Paris's 17,000 homes on alert.",
            &[Some("acme"), Some("paris")],
        );
    }

    #[test]
    fn a_sentence_that_opens_with_a_person_named_before_is_theirs() {
        // Not the organisation named after the figure, nor before it.
        assert_amount_subjects(
            "Acme signed Jane Roe. The 24-year-old, who scored 32 goals for Northwind, \
             signed. The 24-year-old left Northwind after 32 goals.",
            &[
                Some("jane-roe"),
                Some("jane-roe"),
                Some("jane-roe"),
                Some("northwind"),
            ],
        );
    }

    #[test]
    fn a_sentence_that_opens_with_its_is_the_organisation_named_before() {
        // Not the speaker named after the figure; but a name before the
        // figure is its own.
        assert_amount_subjects(
            "Northwind had 4 million customers. Its revenue was $2.9 billion, Jane Roe said. \
             Its chief, Jane Roe, said revenue was $3 billion.",
            &[Some("northwind"), Some("northwind"), Some("jane-roe")],
        );
    }

    #[test]
    fn sentences_that_open_with_a_person_named_before() {
        let opens = |text: &str| opens_with_a_person(text, &(0..text.len()));
        assert!(opens("He said the fee was fair."));
        assert!(opens(" She will earn more."));
        assert!(opens("The 23-year-old has signed."));
        assert!(opens("The 24-year-old, who scored 32 goals, has signed."));
        assert!(!opens("The year-old record stands."));
        assert!(!opens("Heavy rain fell."));
        assert!(!opens("The club said so."));
    }

    /// What the dates of `text` that `keep` keeps resolve to, published on
    /// `published`.
    fn resolved_dates(
        text: &str,
        published: &str,
        keep: impl Fn(&DateKind) -> bool,
    ) -> Vec<String> {
        extractor()
            .extract(text, Format::Text, FactDate::parse(published).ok())
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Date { written, resolved } if keep(written) => match resolved {
                    Resolved::Date(d) => Some(d.to_string()),
                    Resolved::Period(p) => Some(p.to_string()),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    /// The days the weekdays of `text` resolve to, published on `published`.
    fn weekdays(text: &str, published: &str) -> Vec<String> {
        resolved_dates(text, published, |kind| matches!(kind, DateKind::Weekday(_)))
    }

    #[test]
    fn last_thursday_said_on_a_thursday_is_a_week_back() {
        let day = |text: &str| weekdays(text, "2024-10-24");
        assert_eq!(day("Acme's rocket broke up last Thursday."), ["2024-10-17"]);
        assert_eq!(day("Acme's rocket broke up on Thursday."), ["2024-10-24"]);
        assert_eq!(
            day("Acme's rocket broke up last Wednesday."),
            ["2024-10-23"]
        );
    }

    #[test]
    fn next_thursday_is_resolved_when_both_readings_meet() {
        // Published on a Friday (2025-07-18): the coming Thursday is next
        // week's.
        let day = |text: &str, published: &str| weekdays(text, published);
        assert_eq!(
            day("Acme reports results next Thursday.", "2025-07-18"),
            ["2025-07-24"]
        );
        assert_eq!(
            day("Acme reports results next Thursday.", "2025-07-17"),
            ["2025-07-24"]
        );
        // Published on a Tuesday: this week's Thursday or next week's.
        assert!(day("Acme reports results next Thursday.", "2025-07-15").is_empty());
        assert!(day("Acme reports results this coming Thursday.", "2025-07-18").is_empty());
    }

    #[test]
    fn weekdays_of_what_is_to_come_are_ahead() {
        let at = |text: &str| future_before(text, text.find("Friday").unwrap_or(0));
        assert!(at("Customers can pre-order the phones on Friday"));
        assert!(at("Acme said it will report results on Friday"));
        assert!(at("The deal is due to close on Friday"));
        assert!(at("Acme intends to break ground on Friday"));
        assert!(at("Acme hopes to break ground on Friday"));
        assert!(!at("Acme tends to break ground on Friday"));
        assert!(!at("Acme will grow, it said on Friday"));
        assert!(!at("Acme said on Friday it will grow"));
        assert!(at("He could make his debut on Friday"));
        assert!(at("Acme might sign him on Friday"));
        // A past verb tells a clause of its own; a participle after an
        // auxiliary or a determiner does not.
        assert!(!at(
            "Fees will rise after the board voted unanimously on Friday"
        ));
        assert!(at("The results will be published on Friday"));
        assert!(at("It will hold a fair for the affected staff on Friday"));
        // A weekday before the date belongs to its phrase.
        let on_date = |text: &str| future_before(text, text.find("June").unwrap_or(0));
        assert!(on_date("The first images should be released in June"));
        // A modal's perfect is past.
        assert!(!on_date(
            "The first images should have been released in June"
        ));
        assert!(!at("He would have signed on Friday"));
        assert!(on_date("bidding would start on Monday, June 15"));
        assert!(!on_date("bidding started on Monday, June 15"));
        assert!(!on_date("it will grow, and on June 15"));
        assert!(on_date(
            "he could make his debut at the stadium, on June 15"
        ));
        assert!(!on_date("he made his debut at the stadium, on June 15"));
        assert!(!on_date(
            "The meeting had originally been scheduled for Sunday, June 1"
        ));
        assert!(!at("Acme set a record on Friday"));
        // The present of what is scheduled.
        assert!(on_date(
            "the increase, which takes effect on Thursday, June 1"
        ));
        assert!(on_date("fiscal 2027, which begins on June 1"));
        assert!(on_date("the arena, which becomes Acme Field on June 1"));
        assert!(!on_date("the arena, which became Acme Field on June 1"));
        assert!(!on_date(
            "the increase, which took effect on Thursday, June 1"
        ));
        // A verb of what is to come before "to".
        assert!(on_date("He was ordered to report to prison on June 12"));
        assert!(at("The plant is set to reopen on Friday"));
        assert!(on_date("at a hearing set for Monday, June 22"));
        assert!(!on_date("at a hearing held on Monday, June 22"));
        assert!(on_date("The new prices take effect on June 1"));
        assert!(on_date("The rules come into force in June"));
        assert!(on_date("The mayor faces re-election on June 3"));
        assert!(at("The race continues on Friday with a flat stage"));
        assert!(!on_date("The new prices took effect on June 1"));
        // A deadline still open.
        assert!(on_date(
            "Policyholders have until Tuesday, June 30, to claim"
        ));
        assert!(!on_date(
            "Policyholders had until Tuesday, June 30, to claim"
        ));
        assert!(!at("He was ordered out of the court on Friday"));
        assert!(at("Groundbreaking is planned for Friday"));
        // "To be" and a participle, up to ten words back.
        assert!(on_date(
            "a dividend to be approved at the annual general meeting on Thursday, June 23"
        ));
        // Past a list's comma, and twelve words back.
        assert!(on_date(
            "Acme will publish results on age, education and housing in June"
        ));
        assert!(!on_date(
            "Acme published results on age, education and housing in June"
        ));
        assert!(on_date(
            "Acme would publish a full account of the attack by the end of June"
        ));
        assert!(on_date(
            "subject to approval at the annual general meeting on June 14"
        ));
        // A future that has passed.
        assert!(!at("The launch had been scheduled for Friday"));
        assert!(!at("Acme had planned to open on Friday"));
        let text = "Acme will report on Friday. Acme reported on Friday.";
        assert_eq!(weekdays(text, "2023-09-12"), ["2023-09-15", "2023-09-08"]);
    }

    #[test]
    fn months_days_and_quarters_of_what_is_to_come_are_ahead() {
        let resolved = |text: &str, published: &str| resolved_dates(text, published, |_| true);
        assert_eq!(
            resolved("The first images are expected in January.", "2024-11-15"),
            ["2025-01"]
        );
        assert_eq!(
            resolved("He must report to prison on June 10.", "2025-03-11"),
            ["2025-06-10"]
        );
        // Not after "forecast" as a noun.
        assert_eq!(
            resolved(
                "Growth beat the 1.1 percent forecast and was up from 0.9 percent in the second quarter.",
                "2025-11-14"
            ),
            ["2025-Q2"]
        );
        assert_eq!(
            resolved("Acme forecast a rise in the second quarter.", "2025-11-14"),
            ["2026-Q2"]
        );
        // Past a comma before a clause of time.
        assert_eq!(
            resolved(
                "Terminal 3 will open on June 16, after trial operations starting on April 13.",
                "2026-01-21"
            ),
            ["2026-06-16", "2026-04-13"]
        );
        // Past a long name.
        assert_eq!(
            resolved(
                "Acme plans to file for approval with the Medicines and Healthcare Standards Agency (MHSA) in September.",
                "2026-03-04"
            ),
            ["2026-09"]
        );
        assert_eq!(
            resolved(
                "Acme expects revenue of $1.9 billion in the first quarter.",
                "2024-03-06"
            ),
            ["2024-Q1"]
        );
        // Said of the past, they are the latest before publication.
        assert_eq!(
            resolved(
                "Revenue of $1.9 billion in the first quarter rose.",
                "2024-03-06"
            ),
            ["2023-Q1"]
        );
        assert_eq!(
            resolved("The images came in January.", "2024-11-15"),
            ["2024-01"]
        );
        // A day after a day told with its year, in its paragraph, follows it.
        assert_eq!(
            resolved(
                "They got in on Oct. 2, 2023. They were found on Nov. 14 and told on Dec. 5.",
                "2025-09-24"
            ),
            ["2023-10-02", "2023-11-14", "2023-12-05"]
        );
        // In its own sentence, a day may look back.
        assert_eq!(
            resolved(
                "He took office on Jan. 20, 2021, after he won on November 3.",
                "2021-01-21"
            ),
            ["2021-01-20", "2020-11-03"]
        );
        assert_eq!(
            resolved(
                "They got in on Oct. 2, 2023.\n\nThey told users on Dec. 5.",
                "2025-09-24"
            ),
            ["2023-10-02", "2024-12-05"]
        );
        // A bound is no narrative: "in February" of the year to March 2025.
        assert_eq!(
            resolved("The year to March 2025, set in February.", "2024-07-23"),
            ["2025-03", "2024-02"]
        );
    }

    #[test]
    fn phrase_stops_at_breaks_and_and() {
        // The span of `words` in `text`, and the whole of `text`.
        fn span(text: &str, words: &str) -> (Range<usize>, Range<usize>) {
            let i = text.find(words).unwrap_or(0);
            (i..i + words.len(), 0..text.len())
        }
        fn phrase_of<'t>(text: &'t str, words: &str) -> &'t str {
            let (span, all) = span(text, words);
            &text[phrase(text, &all, &span)]
        }
        let text = "with revenue of 23 billion yuan (the same below), a rise of 89%; operating profit of 2 billion yuan and net profit of 2.4 billion yuan — a record.";
        let p = |s: &str| phrase_of(text, s);
        assert_eq!(p("23 billion yuan"), "with revenue of 23 billion yuan ");
        assert_eq!(p("2 billion yuan"), " operating profit of 2 billion yuan");
        assert_eq!(p("2.4 billion yuan"), "net profit of 2.4 billion yuan ");
        let (last, all) = span(text, "2.4 billion yuan");
        assert_eq!(
            &text[clause(text, &all, &last)],
            " operating profit of 2 billion yuan and net profit of 2.4 billion yuan "
        );
        // "against" sets a figure beside another's.
        let text = "There were 14 cases in the vaccine group against 76 in the placebo group.";
        assert_eq!(
            phrase_of(text, "14 cases"),
            "There were 14 cases in the vaccine group"
        );
        assert_eq!(phrase_of(text, "76"), "76 in the placebo group.");
        // The "and" of a "between" joins its two ends, before or after.
        let text = "A season ticket between Foxton and Barley costs £4,275.";
        assert_eq!(phrase_of(text, "£4,275"), text);
        let text = "A season ticket costs £4,275 between Foxton and Barley.";
        assert_eq!(phrase_of(text, "£4,275"), text);
        let text = "Tickets sold between the two towns, and Barley costs £4,275.";
        assert_eq!(phrase_of(text, "£4,275"), "Barley costs £4,275.");
    }

    #[test]
    fn a_weekday_beside_a_date_picks_the_next_year() {
        let calendar_dates = |text: &str, published: &str| -> Vec<String> {
            extractor()
                .extract(text, Format::Text, FactDate::parse(published).ok())
                .claims
                .iter()
                .filter_map(|c| match &c.kind {
                    ClaimKind::Date {
                        written: DateKind::Calendar { .. },
                        resolved: Resolved::Date(d),
                    } => Some(d.to_string()),
                    _ => None,
                })
                .collect()
        };
        // 14 January 2026 was a Wednesday, 14 January 2025 a Tuesday.
        let hearing = "The judge set a hearing for Wednesday, Jan. 14.";
        assert_eq!(calendar_dates(hearing, "2025-11-20"), ["2026-01-14"]);
        let after = "The judge set a hearing for Jan. 14, a Wednesday.";
        assert_eq!(calendar_dates(after, "2025-11-20"), ["2026-01-14"]);
        // A weekday that fits neither year is left to be reported.
        let slip = "The judge set a hearing for Thursday, Jan. 14.";
        assert_eq!(calendar_dates(slip, "2025-11-20"), ["2025-01-14"]);
        // Nor is a date moved more than six months ahead.
        assert_eq!(calendar_dates(hearing, "2025-07-01"), ["2025-01-14"]);
        // 3 November 2025 was a Monday; the date would otherwise fall back
        // a year for being more than two months ahead.
        let resits = "The resits start on Monday, November 3.";
        assert_eq!(calendar_dates(resits, "2025-08-15"), ["2025-11-03"]);
        // What was done on that day is not moved ahead.
        let signed = "The venture, signed on Wednesday, Jan. 14, gives Acme 51%.";
        assert_eq!(calendar_dates(signed, "2025-11-20"), ["2025-01-14"]);
        let to_sign = "The venture will be signed on Wednesday, Jan. 14.";
        assert_eq!(calendar_dates(to_sign, "2025-11-20"), ["2026-01-14"]);
    }

    #[test]
    fn a_month_takes_the_relative_year_written_after_it() {
        let published = FactDate::parse("2023-10-14").ok();
        let text = "It agreed in January last year, met on March 3 this year and in June.";
        let extraction = extractor().extract(text, Format::Text, published);
        let dates: Vec<(String, String)> = extraction
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Date {
                    written: DateKind::Calendar { .. },
                    resolved: Resolved::Date(d),
                } => Some((text[c.span.clone()].to_owned(), d.to_string())),
                _ => None,
            })
            .collect();
        let expected = [
            ("January", "2022-01"),
            ("March 3", "2023-03-03"),
            ("June", "2023-06"),
        ];
        assert_eq!(
            dates,
            expected.map(|(w, d)| (w.to_owned(), d.to_owned())),
            "a month without a relative year keeps the publication's"
        );
        // The relative year is part of the month's date, no time of its own
        // for the sentence's other claims.
        let relative = (extraction.claims.iter())
            .filter(|c| {
                matches!(
                    c.kind,
                    ClaimKind::Date {
                        written: DateKind::Relative(_),
                        ..
                    }
                )
            })
            .count();
        assert_eq!(relative, 0);
    }
}
