//! Finding the fact base's cue words in lowercase text, as whole words.
//!
//! A whole-word occurrence of a cue that starts with a letter or digit
//! starts a word of the text, and that word is exactly the cue's own first
//! word (its letters and digits up to the first other character, or all of
//! it): a shorter word would end inside the cue, a longer one would run past
//! the cue's first word or its end. So one lookup per word of the text, by
//! that word, finds every candidate, and nothing is built but a map: that is
//! how a few articles are searched, where building an automaton cost a cold
//! run 1.8 million instructions. A corpus gets a DFA, which searches faster
//! than the lookups (callgrind: 27.6 M against 38.8 M instructions for the
//! cues of 300 corpus articles), as does a cue set with a cue that starts
//! otherwise (or is empty).

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::automaton::Automaton;
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
    Words {
        patterns: Vec<String>,
        by_first_word: HashMap<String, Vec<usize>>,
        /// Whether some cue's first word starts with this byte: most words
        /// of a text are passed without hashing.
        first_bytes: Box<[bool; 256]>,
    },
    /// For cue sets the word lookup cannot serve.
    Automaton(AhoCorasick),
    /// For corpora: a DFA run by [`dfa_hits`], whose loop costs a third of
    /// the library's overlapping iterator, which returns to its caller at
    /// every match and keeps its state in memory.
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
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut first_bytes = Box::new([false; 256]);
        for (id, cue) in patterns.iter().enumerate() {
            let word = first_word(cue);
            if let Some(&b) = word.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
            by_first_word.entry(word.to_owned()).or_default().push(id);
        }
        CueSearch::Words {
            patterns,
            by_first_word,
            first_bytes,
        }
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
            CueSearch::Words {
                patterns,
                by_first_word,
                first_bytes,
            } => {
                for (start, word) in claims::mentions::words(lower) {
                    let first = word.as_bytes().first().copied().unwrap_or(0);
                    if !first_bytes[usize::from(first)] {
                        continue;
                    }
                    let Some(ids) = by_first_word.get(word) else {
                        continue;
                    };
                    for &cue in ids {
                        let Some(pattern) = patterns.get(cue) else {
                            continue;
                        };
                        let end = start + pattern.len();
                        if lower[start..].starts_with(pattern.as_str()) && whole_word_end(end) {
                            hits.push(CueHit {
                                span: start..end,
                                cue,
                            });
                        }
                    }
                }
            }
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

/// Whether a word character ends right before `at` (a char boundary).
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

/// Every whole-word match of `dfa` in `lower`, overlapping ones included:
/// what the library's overlapping iterator finds (matches at a position in
/// the same order), in one pass over the bytes.
fn dfa_hits(dfa: &DFA, lower: &str, hits: &mut Vec<CueHit>) {
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
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
    if dfa.is_match(sid) {
        report(sid, 0);
    }
    let bytes = lower.as_bytes();
    let mut at = 0;
    // The bytes between special states are passed in a tight loop.
    while let Some(k) = bytes.get(at..).and_then(|rest| {
        rest.iter().position(|&b| {
            sid = dfa.next_state(Anchored::No, sid, b);
            dfa.is_special(sid)
        })
    }) {
        at += k + 1;
        if dfa.is_dead(sid) {
            return;
        }
        if dfa.is_match(sid) {
            report(sid, at);
        }
    }
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

        /// The DFA loop finds what the library's overlapping iterator
        /// finds, for any cues: starting with punctuation or inside other
        /// cues. (An empty cue matches inside a character, which the
        /// iterator's caller cannot slice at.)
        #[test]
        fn dfa_loop_agrees_with_the_library(
            cues in proptest::collection::vec(proptest::sample::select(vec![
                "-led", "led", "profit", "net profit", "t p", " ", "é", "ü-", "x1", "1",
                "a", "ab", "b", "-", "(", "ceo",
            ]), 1..8),
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "profit", "net", " ", "-", "led", "ceo", "é", "ü", "x", "1", "a", "b", "(",
                ", ", "Ω",
            ]), 0..24),
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
