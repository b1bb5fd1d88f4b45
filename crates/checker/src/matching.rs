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

/// A set of cue ids, a bit each: clearing ~300 cues for each claim is
/// five words, not an allocation of 300 flags.
#[derive(Debug, Default, Clone)]
struct CueSet(Vec<u64>);

impl CueSet {
    /// Empties the set, sized for `len` cues.
    fn reset(&mut self, len: usize) {
        self.0.clear();
        self.0.resize(len.div_ceil(64), 0);
    }

    fn insert(&mut self, id: usize) {
        if let Some(word) = self.0.get_mut(id / 64) {
            *word |= 1 << (id % 64);
        }
    }

    fn contains(&self, id: usize) -> bool {
        self.0
            .get(id / 64)
            .is_some_and(|word| (word >> (id % 64)) & 1 == 1)
    }
}

/// Lowercases `sentence` into `out` as [`str::to_lowercase`] does (runs of
/// ASCII a byte at a time, without a fresh string per sentence), and tells
/// whether every character was mapped on its own to text of the same
/// length: the lowercase sentence then keeps every byte offset, and a
/// phrase of it lowercases to its part of the lowercase sentence.
fn lowercase_into(sentence: &str, out: &mut String) -> bool {
    out.clear();
    if sentence.contains('Σ') {
        // Its lowercase depends on its neighbours.
        out.push_str(&sentence.to_lowercase());
        return false;
    }
    let mut kept = true;
    let mut rest = sentence;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let from = out.len();
        out.push_str(run);
        out[from..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            let before = out.len();
            out.extend(c.to_lowercase());
            kept &= out.len() - before == c.len_utf8();
        }
        rest = chars.as_str();
    }
    kept
}

/// The cues of one sentence, found once for all its claims; its buffers
/// serve every sentence of an article.
#[derive(Debug, Default)]
struct SentenceCues {
    /// Which sentence the cues are of.
    sentence: Option<usize>,
    /// Whether the lowercase sentence keeps the sentence's byte offsets
    /// (see [`lowercase_into`]): the cues of a phrase inside it are
    /// then the hits inside the phrase, and the phrase need not be
    /// lowercased and searched again.
    offsets_kept: bool,
    hits: Vec<CueHit>,
    found: CueSet,
    /// The lowercase sentence.
    lower: String,
}

impl SentenceCues {
    fn fill(&mut self, index: &FactIndex, number: usize, sentence: &str) {
        self.sentence = Some(number);
        self.hits.clear();
        self.offsets_kept = lowercase_into(sentence, &mut self.lower);
        index.cue_search.hits_into(&self.lower, &mut self.hits);
        let len = index.cue_words.len();
        self.found.reset(len);
        for hit in &self.hits {
            if hit.cue < len {
                self.found.insert(hit.cue);
            }
        }
    }

    /// The cues of `phrase`, a range of the sentence's own bytes that starts
    /// and ends at a sentence edge, a break character or a space (what
    /// [`claims::phrase`] returns): a whole word inside it is a whole word
    /// in the sentence and the other way round.
    fn within(&self, index: &FactIndex, sentence: &str, phrase: Range<usize>, near: &mut CueSet) {
        if !self.offsets_kept {
            index.cues_into(
                &sentence.get(phrase).unwrap_or("").to_lowercase(),
                &mut Vec::new(),
                near,
            );
            return;
        }
        let len = index.cue_words.len();
        near.reset(len);
        for hit in &self.hits {
            if hit.span.start >= phrase.start && hit.span.end <= phrase.end && hit.cue < len {
                near.insert(hit.cue);
            }
        }
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
    #[cfg(test)]
    fn cues_in(&self, lower: &str) -> CueSet {
        let mut found = CueSet::default();
        self.cues_into(lower, &mut Vec::new(), &mut found);
        found
    }

    /// Which cues occur in `lower` (lowercase text) as whole words, into
    /// `found`; `hits` is a scratch buffer.
    fn cues_into(&self, lower: &str, hits: &mut Vec<CueHit>, found: &mut CueSet) {
        let len = self.cue_words.len();
        found.reset(len);
        hits.clear();
        self.cue_search.hits_into(lower, hits);
        for hit in hits.iter() {
            if hit.cue < len {
                found.insert(hit.cue);
            }
        }
    }

    /// The subjects a claim can be about: its own, those its sentence names,
    /// and the organisations of a person subject; into `out`.
    fn subjects_into<'a>(
        &'a self,
        claim: &'a Claim,
        in_sentence: &[&'a claims::Mention],
        out: &mut Vec<&'a str>,
    ) {
        out.clear();
        if let Some(s) = &claim.subject {
            out.push(&s.entity);
            if let Some(orgs) = self.orgs_of.get(&s.entity) {
                out.extend(orgs.iter().map(String::as_str));
            }
        }
        out.extend(in_sentence.iter().map(|m| m.entity.as_str()));
        out.sort_unstable();
        out.dedup();
    }

    /// The facts of `map` about any of `subjects`, ascending, into `out`.
    fn candidates_into(
        &self,
        map: &HashMap<String, Vec<usize>>,
        subjects: &[&str],
        out: &mut Vec<usize>,
    ) {
        out.clear();
        for facts in subjects.iter().filter_map(|s| map.get(*s)) {
            out.extend_from_slice(facts);
        }
        out.sort_unstable();
        out.dedup();
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
fn cue_score(ids: &[usize], words: &[i32], near: &CueSet, sentence: &CueSet) -> i32 {
    let mut local = 0;
    let mut elsewhere = false;
    for &id in ids {
        if near.contains(id) {
            local += 3 * words.get(id).copied().unwrap_or(1);
        } else if sentence.contains(id) {
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
            // `rates_between` without collecting the rates.
            let rate = |r: &&facts::Rate| {
                (r.base == *a && r.quote == *b) || (r.base == *b && r.quote == *a)
            };
            (a == b || base.rates.iter().any(|r| rate(&r))).then_some(0)
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
    amount_agrees_with(base, numbers::stated_interval(stated), stated, q, date)
}

/// [`amount_agrees`] with the stated interval already computed: a claim
/// is compared with many quantities.
fn amount_agrees_with(
    base: &FactBase,
    claim: Option<Interval>,
    stated: &Amount,
    q: &Quantity,
    date: Option<&FactDate>,
) -> (bool, bool, bool) {
    let Some(claim) = claim else {
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
    let mut scratch = Scratch::default();
    extraction
        .claims
        .iter()
        .map(|claim| {
            match_claim(
                base,
                index,
                text,
                extraction,
                &mentions,
                claim,
                &mut scratch,
            )
        })
        .collect()
}

/// Buffers that serve every claim of an article.
#[derive(Default)]
struct Scratch<'a> {
    in_sentence: Vec<&'a claims::Mention>,
    subjects: Vec<&'a str>,
    candidates: Vec<usize>,
    /// Candidates tied to the claim, with the score so far.
    tied: Vec<(usize, i32)>,
    scored: Vec<(i32, usize, bool, bool)>,
    near: CueSet,
    /// The cues of the last sentence searched: claims come in text order,
    /// so a sentence's claims share them.
    cues: SentenceCues,
}

/// Matches one claim. The cues are looked for last, and only when some
/// candidate is tied to the claim's subject (and unit): the other scores
/// are as cheap and prune most claims.
#[allow(clippy::too_many_arguments)] // One call site; a struct would only rename them.
fn match_claim<'a>(
    base: &FactBase,
    index: &'a FactIndex,
    text: &str,
    extraction: &Extraction,
    mentions: &[&'a claims::Mention],
    claim: &'a Claim,
    scratch: &mut Scratch<'a>,
) -> Option<Match> {
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
    let in_sentence = &mut scratch.in_sentence;
    in_sentence.clear();
    in_sentence.extend(
        mentions[from..]
            .iter()
            .copied()
            .take_while(|m| m.span.start < sentence.span.end)
            .filter(|m| m.span.end <= sentence.span.end),
    );
    index.subjects_into(claim, in_sentence, &mut scratch.subjects);
    let map = if date.is_none() {
        &index.quantities
    } else {
        &index.events
    };
    index.candidates_into(map, &scratch.subjects, &mut scratch.candidates);
    let tied = &mut scratch.tied;
    tied.clear();
    let stated = match date {
        None => {
            let stated = stated_amount(claim)?;
            // An amount too large to reason about is compared with nothing:
            // it stays unverified rather than agreeing with any fact.
            let interval = numbers::stated_interval(stated)?;
            for &i in &scratch.candidates {
                let Some(q) = base.quantities.get(i) else {
                    continue;
                };
                let Some(subject) = subject_score(base, claim, &q.subject, in_sentence) else {
                    continue;
                };
                let Some(unit) = unit_score(base, stated.unit.as_ref(), &q.value.unit, &q.cues)
                else {
                    continue;
                };
                tied.push((i, subject + unit));
            }
            Some((stated, interval))
        }
        Some(_) => {
            for &i in &scratch.candidates {
                let Some(e) = base.events.get(i) else {
                    continue;
                };
                if let Some(subject) = subject_score(base, claim, &e.subject, in_sentence) {
                    tied.push((i, subject));
                }
            }
            None
        }
    };
    if tied.is_empty() {
        return None;
    }
    let sentence_text = text.get(sentence.span.clone()).unwrap_or("");
    let cues = &mut scratch.cues;
    if cues.sentence != Some(claim.sentence) {
        cues.fill(index, claim.sentence, sentence_text);
    }
    let near_cues = &mut scratch.near;
    let mut phrase_cues = || {
        let near = window(text, &sentence.span, &claim.span);
        cues.within(
            index,
            sentence_text,
            near.start.saturating_sub(sentence.span.start)
                ..near.end.saturating_sub(sentence.span.start),
            near_cues,
        );
    };
    match (date, stated) {
        (None, Some((stated, interval))) => {
            phrase_cues();
            match_amount(
                base,
                index,
                extraction,
                claim,
                (stated, interval),
                tied,
                &mut scratch.scored,
                near_cues,
                &cues.found,
            )
        }
        (Some((d, written)), _) => {
            // A calendar date or weekday often stands apart from its
            // verb ("On August 24, X released ..."): the sentence is
            // its phrase. A relative expression qualifies its own
            // phrase only ("compared to last year's 2.7 billion").
            let near = if matches!(written, DateKind::Relative(_)) {
                phrase_cues();
                &*near_cues
            } else {
                &cues.found
            };
            match_event(base, index, d, tied, &mut scratch.scored, near, &cues.found)
        }
        (None, None) => None,
    }
}

fn pick<T>(
    scored: &mut Vec<(i32, T, bool, bool)>,
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

/// Scores the quantities `tied` to an amount claim (with their subject
/// and unit scores) and picks one.
#[allow(clippy::too_many_arguments)] // One call site; a struct would only rename them.
fn match_amount(
    base: &FactBase,
    index: &FactIndex,
    extraction: &Extraction,
    claim: &Claim,
    (stated, interval): (&Amount, Interval),
    tied: &[(usize, i32)],
    scored: &mut Vec<(i32, usize, bool, bool)>,
    near: &CueSet,
    sentence: &CueSet,
) -> Option<Match> {
    let published = extraction.published;
    scored.clear();
    for &(i, tie) in tied {
        let Some(q) = base.quantities.get(i) else {
            continue;
        };
        let ids = index.quantity_cues.get(i).map_or(&[][..], Vec::as_slice);
        let cues = cue_score(ids, &index.cue_words, near, sentence);
        if cues == 0 {
            continue;
        }
        let Some(time) = time_score(claim, q, published.as_ref()) else {
            continue;
        };
        let date = rate_date(Some(q), claim, published);
        let (agrees, accepted_only, _) =
            amount_agrees_with(base, Some(interval), stated, q, date.as_ref());
        scored.push((tie + cues + time, i, agrees, accepted_only));
    }
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

/// Scores the events `tied` to a date claim (with their subject scores)
/// and picks one.
fn match_event(
    base: &FactBase,
    index: &FactIndex,
    resolved: &FactDate,
    tied: &[(usize, i32)],
    scored: &mut Vec<(i32, usize, bool, bool)>,
    near: &CueSet,
    sentence: &CueSet,
) -> Option<Match> {
    scored.clear();
    for &(i, subject) in tied {
        let Some(e) = base.events.get(i) else {
            continue;
        };
        let ids = index.event_cues.get(i).map_or(&[][..], Vec::as_slice);
        let cues = cue_score(ids, &index.cue_words, near, sentence);
        if cues < 2 {
            continue;
        }
        let (agrees, accepted_only) = date_agrees(resolved, e);
        scored.push((subject + cues, i, agrees, accepted_only));
    }
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
        let none = index.cues_in("nonprofit");
        assert!(!none.contains(0) && !none.contains(1));
    }

    fn cue_index(workload: Workload) -> FactIndex {
        let base = facts::load_strs([(
            "f.yaml",
            "entities:\n  - { id: acme, kind: organization, name: Acme }\nquantities:\n  - { id: op, subject: acme, cues: [operating profit, profit, über, straße, σας, i, k, net], value: 2 billion CNY }\n",
        )])
        .unwrap();
        FactIndex::for_workload(&base, workload)
    }

    proptest::proptest! {
        /// Lowercasing into the buffer is `to_lowercase`.
        #[test]
        fn lowercase_into_is_to_lowercase(text in "[a-zA-Z ,İKΣσßẞÜüé—“]{0,24}") {
            let mut out = String::from("stale");
            let kept = lowercase_into(&text, &mut out);
            proptest::prop_assert_eq!(&out, &text.to_lowercase());
            if kept {
                proptest::prop_assert_eq!(out.len(), text.len());
            }
        }

        /// The cues of a phrase taken from its sentence's hits are those
        /// found by lowercasing and searching the phrase alone.
        #[test]
        fn phrase_cues_agree_with_a_search_of_the_phrase(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "operating", "profit", "Profit", "PROFIT", "über", "ÜBER", "Über", "net",
                "STRASSE", "straße", "STRAẞE", "ΣΑΣ", "σας", "İ", "i", "I", "K", "k", "\u{212A}",
                " ", " ", ", ", " and ", "—", "–", "(", ")", ";", ":", "“", "é", "2",
            ]), 0..20),
            at in 0usize..40,
            len in 0usize..10,
            many in proptest::bool::ANY,
        ) {
            let index = cue_index(if many { Workload::Many } else { Workload::Few });
            let text: String = parts.concat();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = bounds[at % bounds.len()];
            let end = bounds[(at + len) % bounds.len()].max(start);
            let sentence = 0..text.len();
            let phrase = window(&text, &sentence, &(start..end));
            let mut cues = SentenceCues::default();
            cues.fill(&index, 0, &text);
            let mut near = CueSet::default();
            cues.within(&index, &text, phrase.clone(), &mut near);
            let slow_near = index.cues_in(&text[phrase].to_lowercase());
            let slow_sentence = index.cues_in(&text.to_lowercase());
            for id in 0..index.cue_words.len() {
                proptest::prop_assert_eq!(near.contains(id), slow_near.contains(id));
                proptest::prop_assert_eq!(cues.found.contains(id), slow_sentence.contains(id));
            }
        }
    }
}
