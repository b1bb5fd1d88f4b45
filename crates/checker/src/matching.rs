//! Matching claims to facts.
//!
//! Every quantity (for amounts) or event (for dates) is scored against a
//! claim by subject, unit, period, date and the fact's cue words near the
//! claim. Only candidates tied to the claim's subject and cued by the
//! sentence are considered. The checks act on a contradiction only when the
//! best candidate wins clearly and no close runner-up agrees with the claim:
//! a false alarm costs an editor's trust more than a miss.

use std::collections::HashMap;

use std::ops::Range;

use claims::{Amount, Claim, ClaimKind, DateKind, Extraction, Link, Resolved, Workload};
use facts::{EntityKind, FactBase, FactDate, Period, Quantity, Unit};

use crate::cues::{CueHit, CueSearch};
use crate::numbers::{self, Interval};

/// What kind of fact a claim matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// A quantity (`base.quantities[i]`).
    Quantity(usize),
    /// An event (`base.events[i]`).
    Event(usize),
}

/// The fact a claim was matched to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The winning fact's id.
    pub fact: String,
    /// Which fact.
    pub kind: FactKind,
    /// Its score.
    pub score: i32,
    /// Whether it beats every other candidate by a clear margin.
    pub clear: bool,
    /// Whether the claim agrees with the fact's value or date.
    pub agrees: bool,
    /// Whether it agrees only through the fact's `accept` list.
    pub accepted_only: bool,
    /// Whether a close runner-up agrees with the claim.
    pub other_agrees: bool,
}

impl Match {
    /// Whether the claim is contradicted: a clear winner disagrees and no
    /// close candidate agrees.
    pub fn contradicts(&self) -> bool {
        self.clear && !self.agrees && !self.other_agrees
    }

    /// Whether the claim is confirmed.
    pub fn confirms(&self) -> bool {
        self.agrees || self.other_agrees
    }
}

/// The cues of one sentence, found once for all its claims.
struct SentenceCues {
    /// Whether the sentence is ASCII: lowercasing it then keeps every byte
    /// offset, so the cues of a phrase inside it are the hits inside the
    /// phrase, and the phrase need not be lowercased and searched again.
    ascii: bool,
    hits: Vec<CueHit>,
    found: Vec<bool>,
}

impl SentenceCues {
    fn of(index: &FactIndex, sentence: &str) -> SentenceCues {
        let hits = index.cue_hits(&sentence.to_lowercase());
        let mut found = vec![false; index.cue_words.len()];
        for hit in &hits {
            if let Some(slot) = found.get_mut(hit.cue) {
                *slot = true;
            }
        }
        SentenceCues {
            ascii: sentence.is_ascii(),
            hits,
            found,
        }
    }

    /// The cues of `phrase`, a range of the sentence's own bytes that starts
    /// and ends at a sentence edge, a break character or a space (what
    /// [`claims::phrase`] returns): a whole word inside it is a whole word
    /// in the sentence and the other way round.
    fn within(&self, index: &FactIndex, sentence: &str, phrase: Range<usize>) -> Vec<bool> {
        if !self.ascii {
            return index.cues_in(&sentence.get(phrase).unwrap_or("").to_lowercase());
        }
        let mut found = vec![false; self.found.len()];
        for hit in &self.hits {
            if hit.span.start >= phrase.start && hit.span.end <= phrase.end {
                if let Some(slot) = found.get_mut(hit.cue) {
                    *slot = true;
                }
            }
        }
        found
    }
}

/// Facts by subject, built once per run, so a claim is compared with the
/// facts about the entities its sentence names rather than with every fact.
#[derive(Debug, Default)]
pub struct FactIndex {
    quantities: HashMap<String, Vec<usize>>,
    events: HashMap<String, Vec<usize>>,
    /// Organisations each person held a role at.
    orgs_of: HashMap<String, Vec<String>>,
    /// Every cue of every fact, so a sentence is scanned once for all of
    /// them.
    cue_search: CueSearch,
    /// Words in each cue (a multi-word cue is stronger evidence).
    cue_words: Vec<i32>,
    /// Cue ids of each quantity and each event.
    quantity_cues: Vec<Vec<usize>>,
    event_cues: Vec<Vec<usize>>,
}

impl FactIndex {
    /// Indexes a fact base.
    pub fn new(base: &FactBase) -> FactIndex {
        FactIndex::for_workload(base, Workload::Few)
    }

    /// Like [`FactIndex::new`], with the cue automaton built for `workload`.
    pub fn for_workload(base: &FactBase, workload: Workload) -> FactIndex {
        let mut index = FactIndex::default();
        for (i, q) in base.quantities.iter().enumerate() {
            index
                .quantities
                .entry(q.subject.clone())
                .or_default()
                .push(i);
        }
        for (i, e) in base.events.iter().enumerate() {
            index.events.entry(e.subject.clone()).or_default().push(i);
        }
        for e in &base.entities {
            let orgs: Vec<String> = e.roles.iter().filter_map(|r| r.of.clone()).collect();
            if !orgs.is_empty() {
                index.orgs_of.insert(e.id.clone(), orgs);
            }
        }
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut cue_ids = |cues: &[String]| -> Vec<usize> {
            cues.iter()
                .map(|cue| {
                    let next = patterns.len();
                    *ids.entry(cue.clone()).or_insert_with(|| {
                        patterns.push(cue.clone());
                        next
                    })
                })
                .collect()
        };
        index.quantity_cues = base.quantities.iter().map(|q| cue_ids(&q.cues)).collect();
        index.event_cues = base.events.iter().map(|e| cue_ids(&e.cues)).collect();
        index.cue_words = patterns
            .iter()
            .map(|p| i32::try_from(p.split_whitespace().count()).unwrap_or(1))
            .collect();
        index.cue_search = CueSearch::new(patterns, workload);
        index
    }

    /// Which cues occur in `lower` (lowercase text) as whole words.
    fn cues_in(&self, lower: &str) -> Vec<bool> {
        let mut found = vec![false; self.cue_words.len()];
        for hit in self.cue_hits(lower) {
            if let Some(slot) = found.get_mut(hit.cue) {
                *slot = true;
            }
        }
        found
    }

    /// Every whole-word occurrence of every cue in `lower` (lowercase text),
    /// overlapping ones included.
    fn cue_hits(&self, lower: &str) -> Vec<CueHit> {
        self.cue_search.hits(lower)
    }

    /// The subjects a claim can be about: its own, those its sentence names,
    /// and the organisations of a person subject.
    fn subjects<'a>(
        &'a self,
        claim: &'a Claim,
        in_sentence: &[&'a claims::Mention],
    ) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        if let Some(s) = &claim.subject {
            out.push(&s.entity);
            if let Some(orgs) = self.orgs_of.get(&s.entity) {
                out.extend(orgs.iter().map(String::as_str));
            }
        }
        out.extend(in_sentence.iter().map(|m| m.entity.as_str()));
        out.sort_unstable();
        out.dedup();
        out
    }

    fn candidates(&self, map: &HashMap<String, Vec<usize>>, subjects: &[&str]) -> Vec<usize> {
        let mut out: Vec<usize> = subjects
            .iter()
            .filter_map(|s| map.get(*s))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The lowest score a candidate needs: tied to the subject and cued.
const THRESHOLD: i32 = 4;
/// How far ahead the winner must be.
const MARGIN: i32 = 2;

/// The claim's own phrase (see [`claims::phrase`]).
pub fn window(text: &str, sentence: &Range<usize>, span: &Range<usize>) -> Range<usize> {
    claims::phrase(text, sentence, span)
}

/// Cue score: words of cues found in the claim's own phrase count three
/// times; cues elsewhere in the sentence add one point in all, so that a
/// figure's own label ("revenue of 23 billion") outweighs its neighbours'.
fn cue_score(ids: &[usize], words: &[i32], near: &[bool], sentence: &[bool]) -> i32 {
    let mut local = 0;
    let mut elsewhere = false;
    for &id in ids {
        if near.get(id).copied().unwrap_or(false) {
            local += 3 * words.get(id).copied().unwrap_or(1);
        } else if sentence.get(id).copied().unwrap_or(false) {
            elsewhere = true;
        }
    }
    local + i32::from(elsewhere)
}

/// How strongly the claim is tied to `subject`, or `None` if not at all.
fn subject_score(
    base: &FactBase,
    claim: &Claim,
    subject: &str,
    in_sentence: &[&claims::Mention],
) -> Option<i32> {
    if let Some(s) = &claim.subject {
        if s.entity == subject {
            return Some(match s.link {
                Link::Clause => 4,
                Link::Sentence => 3,
                Link::Earlier => 2,
            });
        }
    }
    if in_sentence.iter().any(|m| m.entity == subject) {
        return Some(2);
    }
    // A person speaking for an organisation they lead ("Chen Lei said ...").
    if let Some(s) = &claim.subject {
        if s.kind == EntityKind::Person {
            let leads = base
                .entity(&s.entity)
                .is_some_and(|p| p.roles.iter().any(|r| r.of.as_deref() == Some(subject)));
            if leads {
                return Some(2);
            }
        }
    }
    None
}

/// The claim's time: its period, else its date.
fn claim_period(claim: &Claim) -> Option<Period> {
    claim.period.as_ref().map(|(p, _)| *p)
}

fn overlaps_period(date: &FactDate, period: &Period) -> bool {
    date.first_day() <= period.last_day() && period.first_day() <= date.last_day()
}

/// Time score of a quantity, or `None` when the periods differ.
fn time_score(claim: &Claim, q: &Quantity, published: Option<&FactDate>) -> Option<i32> {
    if let (Some(d), Some(p)) = (&q.date, published) {
        if d.first_day() > p.last_day() {
            return None;
        }
    }
    let mut score = 0;
    match (claim_period(claim), q.period) {
        (Some(a), Some(b)) if a == b => score += 3,
        (Some(_), Some(_)) => return None,
        // Without a stated period, a figure for a period that ended over a
        // year before publication is an unlikely referent.
        (None, Some(b)) => {
            if let Some(p) = published {
                if let Ok(year_before) = p.first_day().checked_sub(jiff::Span::new().years(1)) {
                    if b.last_day() < year_before {
                        score -= 2;
                    }
                }
            }
        }
        _ => {}
    }
    if let Some((when, _)) = &claim.when {
        let hit = match (&q.date, &q.period) {
            (Some(d), _) => Some(d.overlaps(when)),
            (None, Some(p)) => Some(overlaps_period(when, p)),
            _ => None,
        };
        match hit {
            Some(true) => score += 2,
            Some(false) => score -= 1,
            None => {}
        }
    }
    Some(score)
}

/// Whether a claim's unit can be compared with a fact's.
fn unit_score(base: &FactBase, claim: Option<&Unit>, fact: &Unit, cues: &[String]) -> Option<i32> {
    match (claim, fact) {
        (Some(Unit::Currency(a)), Unit::Currency(b)) => {
            (a == b || !base.rates_between(a, b).is_empty()).then_some(0)
        }
        (Some(Unit::Percent), Unit::Percent) => Some(0),
        (Some(Unit::Noun(a)), Unit::Noun(b)) => {
            Some(if a == b || cues.contains(a) { 1 } else { 0 })
        }
        (None, _) => Some(-1),
        _ => None,
    }
}

/// The date used to pick exchange rates for a claim about `q`.
pub fn rate_date(
    q: Option<&Quantity>,
    claim: &Claim,
    published: Option<FactDate>,
) -> Option<FactDate> {
    q.and_then(|q| q.date)
        .or_else(|| q.and_then(|q| q.period.map(|p| FactDate::from_date(p.last_day()))))
        .or(claim.when.as_ref().map(|(d, _)| *d))
        .or(published)
}

/// A fact amount as an interval in `unit`, converting currencies through
/// the rates near `date`. The flag is true when the nearest rate is too far
/// away to call a disagreement.
pub fn fact_interval(
    base: &FactBase,
    amount: &facts::Amount,
    unit: Option<&Unit>,
    date: Option<&FactDate>,
) -> Option<(Interval, bool)> {
    let value = Interval::exact(amount.value()?);
    match (unit, &amount.unit) {
        (Some(Unit::Currency(to)), Unit::Currency(from)) if to != from => {
            let (rates, far) = numbers::rates_near(base, from, to, date);
            Some((numbers::convert(value, from, to, &rates)?, far))
        }
        _ => Some((value, false)),
    }
}

/// Whether a stated amount agrees with a quantity (value or accepted
/// values): (agrees, only through `accept`, too far from any rate to say).
pub fn amount_agrees(
    base: &FactBase,
    stated: &Amount,
    q: &Quantity,
    date: Option<&FactDate>,
) -> (bool, bool, bool) {
    let Some(claim) = numbers::stated_interval(stated) else {
        return (true, false, true);
    };
    let unit = stated.unit.as_ref();
    let Some((value, far)) = fact_interval(base, &q.value, unit, date) else {
        return (true, false, true);
    };
    if claim.meets(&value) {
        return (true, false, far);
    }
    let accepted = q
        .accept
        .iter()
        .any(|a| fact_interval(base, a, unit, date).is_some_and(|(i, _)| claim.meets(&i)));
    (accepted, accepted, far)
}

fn date_agrees(resolved: &FactDate, event: &facts::Event) -> (bool, bool) {
    if resolved.overlaps(&event.date) {
        (true, false)
    } else {
        let accepted = event.accept.iter().any(|d| resolved.overlaps(d));
        (accepted, accepted)
    }
}

/// The amount a claim states for matching: the amount, or the first half of
/// a conversion, or a malformed amount.
pub fn stated_amount(claim: &Claim) -> Option<&Amount> {
    match &claim.kind {
        ClaimKind::Amount(a) => Some(a),
        ClaimKind::Conversion { from, .. } => Some(from),
        ClaimKind::Malformed { amount, .. } => Some(amount),
        _ => None,
    }
}

/// Matches every claim of an article to at most one fact.
pub fn match_all(
    base: &FactBase,
    index: &FactIndex,
    text: &str,
    extraction: &Extraction,
) -> Vec<Option<Match>> {
    let mentions: Vec<&claims::Mention> = extraction
        .claims
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Mention(m) => Some(m),
            _ => None,
        })
        .collect();
    // The cues each sentence holds, found once per sentence and only when a
    // claim needs them.
    let mut sentence_cues: Vec<Option<SentenceCues>> = Vec::new();
    sentence_cues.resize_with(extraction.sentences.len(), || None);
    extraction
        .claims
        .iter()
        .map(|claim| {
            let is_amount = matches!(
                claim.kind,
                ClaimKind::Amount(_) | ClaimKind::Conversion { .. } | ClaimKind::Malformed { .. }
            );
            let date = match &claim.kind {
                ClaimKind::Date {
                    resolved: Resolved::Date(d),
                    written,
                } if !matches!(written, DateKind::Period(_)) => Some((d, written)),
                _ => None,
            };
            if !is_amount && date.is_none() {
                return None;
            }
            let sentence = extraction.sentences.get(claim.sentence)?;
            // Mentions come in text order: the sentence's are found by search.
            let from = mentions.partition_point(|m| m.span.start < sentence.span.start);
            let in_sentence: Vec<&claims::Mention> = mentions[from..]
                .iter()
                .copied()
                .take_while(|m| m.span.start < sentence.span.end)
                .filter(|m| m.span.end <= sentence.span.end)
                .collect();
            let near = window(text, &sentence.span, &claim.span);
            let sentence_text = text.get(sentence.span.clone()).unwrap_or("");
            let cues = sentence_cues
                .get_mut(claim.sentence)?
                .get_or_insert_with(|| SentenceCues::of(index, sentence_text));
            let near_cues = cues.within(
                index,
                sentence_text,
                near.start.saturating_sub(sentence.span.start)
                    ..near.end.saturating_sub(sentence.span.start),
            );
            let sentence_cues = cues.found.as_slice();
            let subjects = index.subjects(claim, &in_sentence);
            match date {
                None => {
                    let candidates = index.candidates(&index.quantities, &subjects);
                    match_amount(
                        base,
                        index,
                        extraction,
                        claim,
                        &candidates,
                        &in_sentence,
                        &near_cues,
                        sentence_cues,
                    )
                }
                Some((d, written)) => {
                    // A calendar date or weekday often stands apart from its
                    // verb ("On August 24, X released ..."): the sentence is
                    // its phrase. A relative expression qualifies its own
                    // phrase only ("compared to last year's 2.7 billion").
                    let near = if matches!(written, DateKind::Relative(_)) {
                        near_cues.as_slice()
                    } else {
                        sentence_cues
                    };
                    let candidates = index.candidates(&index.events, &subjects);
                    match_event(
                        base,
                        index,
                        claim,
                        d,
                        &candidates,
                        &in_sentence,
                        near,
                        sentence_cues,
                    )
                }
            }
        })
        .collect()
}

fn pick<T>(
    mut scored: Vec<(i32, T, bool, bool)>,
    id: impl Fn(&T) -> String,
    kind: impl Fn(&T) -> FactKind,
) -> Option<Match> {
    scored.retain(|(s, ..)| *s >= THRESHOLD);
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| id(&a.1).cmp(&id(&b.1))));
    let (best_score, best, agrees, accepted_only) = scored.first()?;
    let runner_up = scored.get(1).map(|(s, ..)| *s);
    let clear = runner_up.is_none_or(|r| best_score - r >= MARGIN);
    let other_agrees = scored
        .iter()
        .skip(1)
        .any(|(s, _, agrees, _)| *agrees && best_score - s < MARGIN + 1);
    Some(Match {
        fact: id(best),
        kind: kind(best),
        score: *best_score,
        clear,
        agrees: *agrees,
        accepted_only: *accepted_only,
        other_agrees,
    })
}

#[allow(clippy::too_many_arguments)] // One call site; a struct would only rename them.
fn match_amount(
    base: &FactBase,
    index: &FactIndex,
    extraction: &Extraction,
    claim: &Claim,
    candidates: &[usize],
    in_sentence: &[&claims::Mention],
    near: &[bool],
    sentence: &[bool],
) -> Option<Match> {
    let stated = stated_amount(claim)?;
    // An amount too large to reason about is compared with nothing: it
    // stays unverified rather than agreeing with any fact.
    numbers::stated_interval(stated)?;
    let published = extraction.published;
    let scored: Vec<(i32, usize, bool, bool)> = candidates
        .iter()
        .filter_map(|&i| base.quantities.get(i).map(|q| (i, q)))
        .filter_map(|(i, q)| {
            let subject = subject_score(base, claim, &q.subject, in_sentence)?;
            let unit = unit_score(base, stated.unit.as_ref(), &q.value.unit, &q.cues)?;
            let ids = index.quantity_cues.get(i).map_or(&[][..], Vec::as_slice);
            let cues = cue_score(ids, &index.cue_words, near, sentence);
            if cues == 0 {
                return None;
            }
            let time = time_score(claim, q, published.as_ref())?;
            let date = rate_date(Some(q), claim, published);
            let (agrees, accepted_only, _) = amount_agrees(base, stated, q, date.as_ref());
            Some((subject + cues + unit + time, i, agrees, accepted_only))
        })
        .collect();
    pick(
        scored,
        |i| {
            base.quantities
                .get(*i)
                .map(|q| q.id.clone())
                .unwrap_or_default()
        },
        |i| FactKind::Quantity(*i),
    )
}

#[allow(clippy::too_many_arguments)] // One call site; a struct would only rename them.
fn match_event(
    base: &FactBase,
    index: &FactIndex,
    claim: &Claim,
    resolved: &FactDate,
    candidates: &[usize],
    in_sentence: &[&claims::Mention],
    near: &[bool],
    sentence: &[bool],
) -> Option<Match> {
    let scored: Vec<(i32, usize, bool, bool)> = candidates
        .iter()
        .filter_map(|&i| base.events.get(i).map(|e| (i, e)))
        .filter_map(|(i, e)| {
            let subject = subject_score(base, claim, &e.subject, in_sentence)?;
            let ids = index.event_cues.get(i).map_or(&[][..], Vec::as_slice);
            let cues = cue_score(ids, &index.cue_words, near, sentence);
            if cues < 2 {
                return None;
            }
            let (agrees, accepted_only) = date_agrees(resolved, e);
            Some((subject + cues, i, agrees, accepted_only))
        })
        .collect();
    pick(
        scored,
        |i| {
            base.events
                .get(*i)
                .map(|e| e.id.clone())
                .unwrap_or_default()
        },
        |i| FactKind::Event(*i),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_stop_at_punctuation_and_and() {
        let text = "with revenue of 23 billion yuan (the same below), a rise of 89%; operating profit of 2 billion yuan and net profit of 2.4 billion yuan.";
        let span = |w: &str| {
            let i = text.find(w).unwrap();
            i..i + w.len()
        };
        let all = 0..text.len();
        let w = |s: &str| &text[window(text, &all, &span(s))];
        assert_eq!(w("23 billion yuan"), "with revenue of 23 billion yuan ");
        assert_eq!(w("2 billion yuan"), " operating profit of 2 billion yuan");
        assert_eq!(w("2.4 billion yuan"), "net profit of 2.4 billion yuan.");
    }

    #[test]
    fn cues_near_the_claim_count_most() {
        let base = facts::load_strs([(
            "f.yaml",
            "entities:\n  - { id: acme, kind: organization, name: Acme }\nquantities:\n  - { id: op, subject: acme, cues: [operating profit, profit], value: 2 billion CNY }\n",
        )])
        .unwrap();
        let index = FactIndex::new(&base);
        let ids = &index.quantity_cues[0];
        let near = index.cues_in("operating profit of 2");
        assert_eq!(cue_score(ids, &index.cue_words, &near, &near), 9);
        let near = index.cues_in("of 2");
        let sentence = index.cues_in("net profit of 2");
        assert_eq!(cue_score(ids, &index.cue_words, &near, &sentence), 1);
        assert_eq!(index.cues_in("nonprofit"), vec![false, false]);
    }
}
