//! Finding the fact base's cue words in lowercase text, as whole words.
//!
//! A whole-word occurrence of a cue that starts with a letter or digit
//! starts a word of the text, and that word is exactly the cue's own first
//! word (its letters and digits up to the first other character, or all of
//! it): a shorter word would end inside the cue, a longer one would run past
//! the cue's first word or its end. So one lookup per word of the text, by
//! that word, finds every candidate, and nothing is built but a table of
//! first words: that is how a few articles are searched, where building an
//! automaton cost a cold run 1.8 million instructions. A corpus gets a DFA,
//! which searches faster than the lookups (callgrind: 8.3 M against 19.5 M
//! instructions for the sentences of 300 corpus articles: a fifth of the
//! words of news text start some cue), as does a cue set with a cue that
//! starts otherwise (or is empty).
//!
//! The word lookup and the DFA fold ASCII case as they read, so a sentence
//! whose lowercase is its ASCII lowercase (most are: quotes and dashes have
//! no case) is searched without being lowercased first.

use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, Anchored, MatchKind};
use claims::Workload;

/// A whole-word occurrence of a cue, in bytes of the text searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CueHit {
    pub span: Range<usize>,
    pub cue: usize,
}

/// The search for one cue set (lowercase cues, indexed by position).
#[derive(Debug, Default)]
pub(crate) enum CueSearch {
    /// No cues.
    #[default]
    Nothing,
    /// Cues by their first word.
    Words(Box<WordIndex>),
    /// For cue sets the word lookup cannot serve.
    Automaton(AhoCorasick),
    /// For corpora: a DFA run by [`dfa_hits`], whose loop costs a third of
    /// the library's overlapping iterator, which returns to its caller at
    /// every match and keeps its state in memory. The loop lowercases
    /// ASCII letters as it reads them (a table lookup a byte, cheaper than
    /// lowercasing the text first).
    Dfa(Box<DFA>),
}

fn first_word(cue: &str) -> &str {
    let end = cue
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(cue.len(), |(i, _)| i);
    &cue[..end]
}

fn is_word_start_cue(cue: &str) -> bool {
    cue.chars().next().is_some_and(char::is_alphanumeric)
}

impl CueSearch {
    /// The search for `patterns` (lowercase); `workload` shapes the
    /// automaton when one is needed.
    pub fn new(patterns: Vec<String>, workload: Workload) -> CueSearch {
        if patterns.is_empty() {
            return CueSearch::Nothing;
        }
        // A corpus pays for a DFA once and searches faster with it than by
        // word lookups; a few articles are done before it would be built.
        if workload == Workload::Few && patterns.iter().all(|p| is_word_start_cue(p)) {
            return CueSearch::by_words(patterns);
        }
        CueSearch::automaton(&patterns, workload)
    }

    fn by_words(patterns: Vec<String>) -> CueSearch {
        let mut index = WordIndex {
            patterns: Vec::new(),
            lengths: Box::new([0; BUCKETS]),
            buckets: (0..BUCKETS).map(|_| Vec::new()).collect(),
        };
        for (id, cue) in patterns.iter().enumerate() {
            let word = first_word(cue).as_bytes();
            let key = bucket(word);
            index.lengths[key] |= length_bit(word.len());
            let Some(entries) = index.buckets.get_mut(key) else {
                continue;
            };
            match entries.iter_mut().find(|(w, _)| **w == *word) {
                Some((_, ids)) => ids.push(id),
                None => entries.push((word.into(), vec![id])),
            }
        }
        index.patterns = patterns;
        CueSearch::Words(Box::new(index))
    }

    /// Whether the search folds ASCII case: text that differs only in the
    /// case of ASCII letters gets the same hits, so an ASCII sentence need
    /// not be lowercased first.
    pub fn folds_ascii_case(&self) -> bool {
        matches!(self, CueSearch::Words(_) | CueSearch::Dfa(_))
    }

    fn automaton(patterns: &[String], workload: Workload) -> CueSearch {
        if workload == Workload::Many {
            // No prefilter: `dfa_hits` does not use one (with cue words
            // common in news text it would rarely skip far).
            return DFA::builder()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(patterns)
                .map_or(CueSearch::Nothing, |dfa| CueSearch::Dfa(Box::new(dfa)));
        }
        workload
            .automaton_builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .map_or(CueSearch::Nothing, CueSearch::Automaton)
    }

    /// Every whole-word occurrence of every cue in `lower` (lowercase
    /// text), overlapping ones included, in no particular order.
    #[cfg(test)]
    pub fn hits(&self, lower: &str) -> Vec<CueHit> {
        let mut hits = Vec::new();
        self.hits_into(lower, &mut hits);
        hits
    }

    /// Like [`CueSearch::hits`], appending to `hits` (a buffer reused
    /// across sentences).
    pub fn hits_into(&self, lower: &str, hits: &mut Vec<CueHit>) {
        let whole_word_end = |end: usize| {
            !lower[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        };
        match self {
            CueSearch::Nothing => {}
            CueSearch::Words(index) => index.hits_into(lower, hits),
            CueSearch::Dfa(dfa) => dfa_hits(dfa, lower, hits),
            CueSearch::Automaton(ac) => {
                for m in ac.find_overlapping_iter(lower) {
                    let before = lower[..m.start()].chars().next_back();
                    if !before.is_some_and(char::is_alphanumeric) && whole_word_end(m.end()) {
                        hits.push(CueHit {
                            span: m.start()..m.end(),
                            cue: m.pattern().as_usize(),
                        });
                    }
                }
            }
        }
    }
}

/// Buckets of first words, by five bits of each of their first two bytes.
const BUCKETS: usize = 1 << 10;

/// The bucket of a word (of at least one byte): the low five bits of a
/// byte are the same for an ASCII letter in either case.
fn bucket(word: &[u8]) -> usize {
    let first = word.first().map_or(0, |b| b & 31);
    let second = word.get(1).map_or(0, |b| b & 31);
    usize::from(first) << 5 | usize::from(second)
}

/// A word length's bit in [`WordIndex::lengths`] (63 for any longer).
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// What a byte is to the word scan: [`SEPARATOR`], [`WORD`] or
/// [`OTHER`] (a byte of a non-ASCII character, which is decoded).
const BYTE_KINDS: [u8; 256] = {
    let mut kinds = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        kinds[b] = if (b as u8).is_ascii_alphanumeric() {
            WORD
        } else {
            SEPARATOR
        };
        b += 1;
    }
    kinds
};
const SEPARATOR: u8 = 0;
const WORD: u8 = 1;
const OTHER: u8 = 2;

/// Cues that start with a letter or digit, by their first word (see the
/// module doc). A word of the text is looked for only when some first word
/// shares its bucket and length, which most words of news text do not.
#[derive(Debug)]
pub(crate) struct WordIndex {
    patterns: Vec<String>,
    /// Per bucket, the [`length_bit`]s of its first words.
    lengths: Box<[u64; BUCKETS]>,
    /// Per bucket, its first words with the ids of the cues they start.
    buckets: Vec<Vec<FirstWord>>,
}

/// A first word (lowercase) and the ids of the cues it starts.
type FirstWord = (Box<[u8]>, Vec<usize>);

/// Whether `text` lowercased in ASCII is `lower`.
fn eq_folded(text: &[u8], lower: &[u8]) -> bool {
    text.len() == lower.len()
        && text
            .iter()
            .zip(lower)
            .all(|(t, l)| t.to_ascii_lowercase() == *l)
}

impl WordIndex {
    /// Every whole-word occurrence of a cue in `text`, lowercase but for
    /// ASCII letters, which are folded.
    fn hits_into(&self, text: &str, hits: &mut Vec<CueHit>) {
        let bytes = text.as_bytes();
        // Whether the character at `at` (a char boundary) is a word
        // character, and its length.
        let char_at = |at: usize, kind: u8| -> (bool, usize) {
            if kind != OTHER {
                return (kind == WORD, 1);
            }
            text.get(at..)
                .and_then(|t| t.chars().next())
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
        };
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            let (word, len) = char_at(at, BYTE_KINDS[usize::from(b)]);
            if !word {
                at += len;
                continue;
            }
            let start = at;
            at += len;
            while let Some(&b) = bytes.get(at) {
                let (word, len) = char_at(at, BYTE_KINDS[usize::from(b)]);
                if !word {
                    break;
                }
                at += len;
            }
            self.word_hits(text, start..at, hits);
        }
    }

    /// The hits of the cues whose first word is the word at `word`.
    fn word_hits(&self, text: &str, word: Range<usize>, hits: &mut Vec<CueHit>) {
        let bytes = text.as_bytes();
        let Some(w) = bytes.get(word.clone()) else {
            return;
        };
        let key = bucket(w);
        if self.lengths[key] & length_bit(w.len()) == 0 {
            return;
        }
        let Some(entries) = self.buckets.get(key) else {
            return;
        };
        for (first, ids) in entries {
            if !eq_folded(w, first) {
                continue;
            }
            for &cue in ids {
                let Some(pattern) = self.patterns.get(cue) else {
                    continue;
                };
                let end = word.start + pattern.len();
                if bytes
                    .get(word.start..end)
                    .is_some_and(|t| eq_folded(t, pattern.as_bytes()))
                    && !word_at(text, end)
                {
                    hits.push(CueHit {
                        span: word.start..end,
                        cue,
                    });
                }
            }
        }
    }
}

/// Whether a word character ends right before `at` (a char boundary).
#[inline]
fn word_before(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at.wrapping_sub(1)) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..at)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether a word character starts at `at` (a char boundary).
#[inline]
fn word_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Each byte's ASCII lowercase.
const ASCII_LOWER: [u8; 256] = {
    let mut lower = [0; 256];
    let mut b = 0;
    while b < 256 {
        lower[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    lower
};

/// Every whole-word match of `dfa` in `lower` (read as its ASCII
/// lowercase), overlapping ones included:
/// what the library's overlapping iterator finds (matches at a position in
/// the same order), in one pass over the bytes.
///
/// Each byte's step waits for the last one's load from the transition
/// table: that wait, not the instructions, is most of the search's time.
/// So a sentence long enough is searched as two halves at once, two chains
/// of loads the processor overlaps. The second half's walk starts the
/// longest cue's length before the first half's end: the DFA's state after a text is
/// the longest end of the text that begins a cue, no longer than a cue,
/// so from that end on the walk is in the states of a walk from the start,
/// and it reports the matches that end after it; the first reports those
/// that end there or before.
fn dfa_hits(dfa: &DFA, lower: &str, hits: &mut Vec<CueHit>) {
    let Ok(start) = dfa.start_state(Anchored::No) else {
        return;
    };
    let mut report = |sid, end: usize| {
        // Every cue matched here ends at `end`: one look after it serves
        // them all, and rules out most matches inside longer words.
        if word_at(lower, end) {
            return;
        }
        for k in 0..dfa.match_len(sid) {
            let pattern = dfa.match_pattern(sid, k);
            let start = end - dfa.pattern_len(pattern);
            if !word_before(lower, start) {
                hits.push(CueHit {
                    span: start..end,
                    cue: pattern.as_usize(),
                });
            }
        }
    };
    // An empty cue matches before any byte.
    if dfa.is_match(start) {
        report(start, 0);
    }
    let bytes = lower.as_bytes();
    let overlap = dfa.max_pattern_len();
    // The two walks read as many bytes each.
    let mid = (bytes.len() + overlap) / 2;
    let mut first = Walk {
        sid: start,
        at: 0,
        end: bytes.len(),
        reports_after: 0,
    };
    // A text little longer than the overlap is not worth splitting.
    if bytes.len() >= overlap + 32 {
        first.end = mid;
        let mut second = Walk {
            sid: start,
            at: mid - overlap,
            end: bytes.len(),
            reports_after: mid,
        };
        while first.at + 4 <= first.end && second.at + 4 <= second.end {
            let (a, b) = (first.step4(dfa, bytes), second.step4(dfa, bytes));
            // A dead first walk ends the search; a dead second one, its own.
            if a && !first.one_by_one(dfa, bytes, 4, &mut report) {
                return;
            }
            if b && !second.one_by_one(dfa, bytes, 4, &mut report) {
                second.at = second.end;
            }
        }
        second.rest(dfa, bytes, &mut report);
    }
    first.rest(dfa, bytes, &mut report);
}

/// One walk of the DFA over `at..end` of the bytes, reporting the matches
/// that end after `reports_after`.
struct Walk {
    sid: StateID,
    at: usize,
    end: usize,
    reports_after: usize,
}

impl Walk {
    /// Four steps when no special state (match or dead) is met in them,
    /// which is most of the time: then true, and the walk has not moved
    /// (the four bytes are read again one at a time).
    #[inline(always)]
    fn step4(&mut self, dfa: &DFA, bytes: &[u8]) -> bool {
        let Some(&[a, b, c, d]) = bytes.get(self.at..self.at + 4) else {
            return false;
        };
        let s1 = next(dfa, self.sid, a);
        let s2 = next(dfa, s1, b);
        let s3 = next(dfa, s2, c);
        let s4 = next(dfa, s3, d);
        if dfa.is_special(s1) | dfa.is_special(s2) | dfa.is_special(s3) | dfa.is_special(s4) {
            return true;
        }
        self.sid = s4;
        self.at += 4;
        false
    }

    /// Steps over (at most) `count` bytes one at a time, reporting matches;
    /// false once the DFA is dead.
    #[inline(always)]
    fn one_by_one(
        &mut self,
        dfa: &DFA,
        bytes: &[u8],
        count: usize,
        report: &mut impl FnMut(StateID, usize),
    ) -> bool {
        let stop = (self.at + count).min(self.end);
        for &byte in bytes.get(self.at..stop).unwrap_or_default() {
            self.sid = next(dfa, self.sid, byte);
            self.at += 1;
            if dfa.is_special(self.sid) {
                if dfa.is_dead(self.sid) {
                    return false;
                }
                if dfa.is_match(self.sid) && self.at > self.reports_after {
                    report(self.sid, self.at);
                }
            }
        }
        true
    }

    /// The walk to its end, four bytes a step where no special state is met.
    fn rest(&mut self, dfa: &DFA, bytes: &[u8], report: &mut impl FnMut(StateID, usize)) {
        while self.at + 4 <= self.end {
            if self.step4(dfa, bytes) && !self.one_by_one(dfa, bytes, 4, report) {
                return;
            }
        }
        self.one_by_one(dfa, bytes, self.end - self.at, report);
    }
}

/// The DFA's state after `sid` on `byte`, read as its ASCII lowercase.
#[inline(always)]
fn next(dfa: &DFA, sid: StateID, byte: u8) -> StateID {
    dfa.next_state(Anchored::No, sid, ASCII_LOWER[usize::from(byte)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(cues: &[&str], text: &str) -> (Vec<CueHit>, Vec<CueHit>) {
        let patterns: Vec<String> = cues.iter().map(|c| (*c).to_owned()).collect();
        let mut words = CueSearch::by_words(patterns.clone()).hits(text);
        let mut automaton = CueSearch::automaton(&patterns, Workload::Few).hits(text);
        let mut dfa = CueSearch::automaton(&patterns, Workload::Many).hits(text);
        let key = |h: &CueHit| (h.span.start, h.span.end, h.cue);
        words.sort_by_key(key);
        automaton.sort_by_key(key);
        dfa.sort_by_key(key);
        assert_eq!(
            dfa, automaton,
            "the DFA loop finds what the library's iterator finds"
        );
        (words, automaton)
    }

    #[test]
    fn cues_are_found_as_whole_words_only() {
        let cues = ["profit", "net profit", "anti-monopoly", "app store", "ceo"];
        let (words, automaton) = both(
            &cues,
            "nonprofit net profit, anti-monopoly fine; app stores app store ceo-led",
        );
        assert_eq!(words, automaton);
        let found: Vec<usize> = words.iter().map(|h| h.cue).collect();
        assert_eq!(found, [1, 0, 2, 3, 4]);
    }

    #[test]
    fn a_cue_that_starts_with_punctuation_is_searched_by_automaton() {
        let search = CueSearch::new(vec!["-led".into(), "profit".into()], Workload::Few);
        assert!(matches!(search, CueSearch::Automaton(_)));
        assert_eq!(search.hits("ceo -led profit").len(), 2);
        let search = CueSearch::new(vec!["profit".into()], Workload::Few);
        assert!(matches!(search, CueSearch::Words { .. }));
        let search = CueSearch::new(vec!["profit".into()], Workload::Many);
        assert!(matches!(search, CueSearch::Dfa(_)));
        let search = CueSearch::new(vec!["-led".into(), "profit".into()], Workload::Many);
        assert_eq!(search.hits("ceo -led profit").len(), 2);
    }

    proptest::proptest! {
        /// The word lookup finds exactly what the automaton finds.
        #[test]
        fn word_lookup_agrees_with_the_automaton(
            cues in proptest::collection::vec(proptest::sample::select(vec![
                "profit", "net profit", "operating profit", "a year earlier", "year",
                "ceo", "anti-monopoly", "anti", "app store", "app", "store", "2025",
                "by 2025", "über", "über-app", "x1", "é",
            ]), 1..8),
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "profit", "net", "operating", "a", "year", "earlier", "ceo", "anti",
                "monopoly", "app", "store", "stores", "2025", "by", "über", "x1", "é",
                "net profit", "a year earlier", "app store", "anti-monopoly", "by 2025",
                "über-app", "operating profit",
                " ", " ", ", ", "-", ".", "'", "", "x", "1", "(", "ü",
            ]), 0..24),
        ) {
            let cues: Vec<&str> = cues;
            let text: String = parts.concat();
            let (words, automaton) = both(&cues, &text);
            proptest::prop_assert_eq!(words, automaton);
        }

        /// The word lookup and the DFA fold ASCII case: mixed-case text
        /// gets the hits of its ASCII lowercase.
        #[test]
        fn searches_fold_ascii_case(
            cues in proptest::collection::vec(proptest::sample::select(vec![
                "profit", "net profit", "ceo", "anti-monopoly", "app store", "über", "x1", "k",
            ]), 1..6),
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Profit", "NET", "net", "ProFit", "CEO", "Anti", "-", "Monopoly", "App", "STORE",
                "über", "X1", "K", "k", " ", ", ", "é", "“",
            ]), 0..16),
        ) {
            let patterns: Vec<String> = cues.iter().map(|c| (*c).to_owned()).collect();
            let text: String = parts.concat();
            let lower = text.to_ascii_lowercase();
            let key = |h: &CueHit| (h.span.start, h.span.end, h.cue);
            for search in [
                CueSearch::by_words(patterns.clone()),
                CueSearch::automaton(&patterns, Workload::Many),
            ] {
                proptest::prop_assert!(search.folds_ascii_case());
                let mut folded = search.hits(&text);
                let mut plain = search.hits(&lower);
                folded.sort_by_key(key);
                plain.sort_by_key(key);
                proptest::prop_assert_eq!(folded, plain);
            }
        }

        /// The DFA loop finds what the library's overlapping iterator
        /// finds, for any cues: starting with punctuation or inside other
        /// cues, and in texts long enough to be searched as two halves.
        /// (An empty cue matches inside a character, which the iterator's
        /// caller cannot slice at.)
        #[test]
        fn dfa_loop_agrees_with_the_library(
            cues in proptest::collection::vec(proptest::sample::select(vec![
                "-led", "led", "profit", "net profit", "t p", " ", "é", "ü-", "x1", "1",
                "a", "ab", "b", "-", "(", "ceo",
            ]), 1..8),
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "profit", "net", " ", "-", "led", "ceo", "é", "ü", "x", "1", "a", "b", "(",
                ", ", "Ω",
            ]), 0..80),
        ) {
            let patterns: Vec<String> = cues.iter().map(|c| (*c).to_owned()).collect();
            let text: String = parts.concat();
            let key = |h: &CueHit| (h.span.start, h.span.end, h.cue);
            let mut library = CueSearch::automaton(&patterns, Workload::Few).hits(&text);
            let mut dfa = CueSearch::automaton(&patterns, Workload::Many).hits(&text);
            library.sort_by_key(key);
            dfa.sort_by_key(key);
            proptest::prop_assert_eq!(dfa, library);
        }
    }
}
