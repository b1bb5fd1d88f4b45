//! Role phrases: who is said to hold which title at which organisation.
//!
//! A sentence is read as a short sequence of items (person and organisation
//! mentions, titles from the synonym table, commas, "of", "'s", verbs...) and
//! matched against the shapes news copy uses:
//!
//! - `Maria Lindqvist, chairman and CEO of Northwind`, `Jane Roe, the chief
//!   executive of Acme`, `Jane Roe, Acme's chairman`, `Jane Roe, its chairman`,
//!   `Jane Roe, the airport's chairman`, `Jane Roe, 47, the group's chairman`
//!   (appositive after the name, past an age; a noun's title is read without
//!   an organisation);
//! - `CEO Jane Roe`, `Acme's founder and chairman John Doe`, `Acme CEO Jane
//!   Roe`, `head of grocery service Freshly Tomas Berg`, `Acme's former CFO,
//!   Jane Roe` (title before the name);
//! - `Jane Roe is currently the CEO of Acme Group`,
//!   `took over as CEO of Acme Group in May 2015` (predicates).

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use facts::{EntityKind, TitleTable};

use crate::Workload;
use crate::mentions::Mention;

/// When the sentence says the role was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Held at the time of writing (appositives, "is", "serves as").
    Current,
    /// Taken up at the time the sentence gives ("became", "took over as").
    Started,
    /// Held at some past time ("served as", "was").
    Past,
}

/// The organisation of a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgRef {
    /// A known entity, mentioned by name.
    Entity {
        /// The entity id, shared with the mention's.
        id: Arc<str>,
        /// The mention.
        span: Range<usize>,
    },
    /// "the company", "its": resolved by subject linking.
    Anaphor {
        /// The words.
        span: Range<usize>,
    },
}

/// A role phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleClaim {
    /// The whole phrase.
    pub span: Range<usize>,
    /// The person (a mention), or `None` for a pronoun to resolve.
    pub person: Option<Mention>,
    /// The pronoun's span when `person` is `None`.
    pub pronoun: Option<Range<usize>>,
    /// Canonical titles (shared with the [`TitleMatcher`]), each with its
    /// span.
    pub titles: Vec<(Arc<str>, Range<usize>)>,
    /// The organisation, if the phrase names one.
    pub org: Option<OrgRef>,
    /// When the role is said to be held.
    pub tense: Tense,
    /// The sentence marks the role as a former one ("former", "ex-",
    /// "stepped down").
    pub former: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Item<'t> {
    Person(usize),
    Org(usize),
    /// A canonical title, borrowed from the [`TitleMatcher`].
    Title(&'t Arc<str>),
    Comma,
    And,
    Of,
    Possessive,
    Det,
    Anaphor,
    Verb(Tense),
    Adverb,
    Former,
    Word,
    Cap,
    Stop,
}

/// Matches title forms in text.
#[derive(Debug, Clone)]
pub struct TitleMatcher {
    /// Built when first searched: most sentences never need it (see
    /// [`TitleMatcher::find`]), and a cold run over one article often
    /// never does.
    automaton: OnceLock<Option<AhoCorasick>>,
    workload: Workload,
    /// The forms in ASCII lowercase: the automaton's patterns.
    lowercase: Vec<String>,
    forms: Vec<String>,
    /// The canonical title of each form, by pattern id: looked up once here
    /// rather than per match.
    canonical: Vec<Option<Arc<str>>>,
    /// For [`TitleMatcher::may_hold`]: by the first two bytes of a form
    /// (each mod 32, which ignores ASCII case), a bit per third byte (mod
    /// 32); every bit for forms shorter than three bytes.
    triples: Box<[u32; 1024]>,
    /// A bit per first byte (mod 32) of a form: most words are rejected
    /// by this alone.
    firsts: u32,
    /// By first byte `| 0x20`: the range of `heads` starting with it.
    buckets: [(usize, usize); 256],
    /// The forms' first eight bytes, sorted by first byte.
    heads: Vec<Head>,
    /// For the search without the automaton ([`TitleMatcher::scan`]):
    /// each pattern, sorted by first byte `| 0x20`, longest first, then
    /// by id.
    patterns: Vec<Pattern>,
    /// By first byte `| 0x20`: the range of `patterns` starting with it.
    pattern_buckets: [(usize, usize); 256],
    /// The patterns that hold a byte other than an ASCII letter or digit,
    /// as (their leading letters and digits, the byte after them), sorted
    /// by the last leading byte `| 0x20`: only such a pattern, starting
    /// inside a word, can run across the next word start and hide a title
    /// there from the automaton. Those with no leading letter are apart.
    spanning: Vec<(Box<[u8]>, u8)>,
    /// By the last leading byte `| 0x20`: the range of `spanning`.
    spanning_buckets: [(usize, usize); 256],
    /// The bytes after which a pattern may start inside a word.
    bare: Vec<u8>,
    /// By the last leading byte (mod 32), a bit per byte before it (mod
    /// 32): most word ends are rejected by this alone.
    tails: [u32; 32],
    /// The length of the longest pattern.
    longest_form: usize,
}

/// Sets bit 5 of every byte: ASCII letters of either case become equal.
const FOLD: u64 = 0x2020_2020_2020_2020;

/// `b` in every byte.
const fn bytes_of(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// Bit 7 of each byte of `x` (little-endian) that is not an ASCII letter or
/// digit. Each byte's 7 low bits plus less than 0x80 cannot carry into the
/// next byte.
fn boundaries(x: u64) -> u64 {
    const LOW: u64 = bytes_of(0x7f);
    const HIGH: u64 = bytes_of(0x80);
    let low = x & LOW;
    let digit = (low + bytes_of(0x80 - b'0')) & !(low + bytes_of(0x80 - b'9' - 1));
    let folded = (x | FOLD) & LOW;
    let letter = (folded + bytes_of(0x80 - b'a')) & !(folded + bytes_of(0x80 - b'z' - 1));
    let alnum = (digit | letter) & !x & HIGH;
    !alnum & HIGH
}

/// Calls `visit` with each position of `part` after a byte that is not an
/// ASCII letter or digit (a possible word start), in order, found eight
/// bytes at a time, until `visit` returns true; whether one did.
#[inline(always)]
fn after_boundaries(part: &[u8], mut visit: impl FnMut(usize) -> bool) -> bool {
    let mut chunks = part.chunks_exact(8);
    let mut base = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mut found = boundaries(u64::from_le_bytes(word));
        while found != 0 {
            let after = base + found.trailing_zeros() as usize / 8 + 1;
            found &= found - 1;
            if visit(after) {
                return true;
            }
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .enumerate()
        .any(|(i, b)| !b.is_ascii_alphanumeric() && visit(base + i + 1))
}

/// A lowercase pattern of the automaton, its id, and its head.
#[derive(Debug, Clone)]
struct Pattern {
    head: Head,
    bytes: Box<[u8]>,
    id: usize,
}

/// A form's first (up to) eight bytes, `| 0x20`, little-endian.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Head {
    bytes: u64,
    mask: u64,
    len: usize,
}

impl Head {
    fn of(pattern: &[u8]) -> Head {
        let n = pattern.len().min(8);
        let mut bytes = [0u8; 8];
        let mut mask = [0u8; 8];
        for i in 0..n {
            bytes[i] = pattern[i] | 0x20;
            mask[i] = 0xff;
        }
        Head {
            bytes: u64::from_le_bytes(bytes),
            mask: u64::from_le_bytes(mask),
            len: pattern.len(),
        }
    }
}

impl TitleMatcher {
    /// Builds the matcher from the synonym table.
    pub fn new(table: &TitleTable) -> TitleMatcher {
        TitleMatcher::for_workload(table, Workload::Few)
    }

    /// Like [`TitleMatcher::new`], with the automaton built for `workload`.
    pub fn for_workload(table: &TitleTable, workload: Workload) -> TitleMatcher {
        let forms: Vec<String> = table.forms().map(str::to_owned).collect();
        // Lowercase forms searched in ASCII-lowercased text: what ASCII
        // case folding would match, with a cheaper automaton to build.
        let patterns: Vec<String> = forms.iter().map(|f| f.to_ascii_lowercase()).collect();
        let canonical = forms
            .iter()
            .map(|f| table.canonical(f).map(Arc::from))
            .collect();
        let mut triples = Box::new([0u32; 1024]);
        let mut heads: Vec<Head> = Vec::new();
        for pattern in &patterns {
            let p = pattern.as_bytes();
            let Some(&first) = p.first() else { continue };
            let row = usize::from(first & 31) << 5;
            match (p.get(1), p.get(2)) {
                (Some(&second), Some(&third)) => {
                    triples[row | usize::from(second & 31)] |= 1 << (third & 31);
                }
                // A shorter form may be followed by anything.
                (Some(&second), None) => triples[row | usize::from(second & 31)] = u32::MAX,
                _ => triples[row..row + 32].fill(u32::MAX),
            }
            heads.push(Head::of(p));
        }
        let firsts = (0..32)
            .filter(|&first| {
                triples[first << 5..(first + 1) << 5]
                    .iter()
                    .any(|&t| t != 0)
            })
            .fold(0u32, |bits, first| bits | 1 << first);
        heads.sort_by_key(|h| (h.bytes & 0xff, h.bytes, h.len));
        heads.dedup();
        let mut buckets = [(0, 0); 256];
        for (key, bucket) in (0u64..).zip(buckets.iter_mut()) {
            *bucket = (
                heads.partition_point(|h| (h.bytes & 0xff) < key),
                heads.partition_point(|h| (h.bytes & 0xff) <= key),
            );
        }
        let mut sorted: Vec<Pattern> = patterns
            .iter()
            .enumerate()
            .map(|(id, p)| Pattern {
                head: Head::of(p.as_bytes()),
                bytes: Box::from(p.as_bytes()),
                id,
            })
            .collect();
        let first = |p: &Pattern| p.bytes.first().map(|b| b | 0x20);
        sorted.sort_by_key(|p| (first(p), std::cmp::Reverse(p.bytes.len()), p.id));
        let mut pattern_buckets = [(0, 0); 256];
        for (key, bucket) in (0u8..=255).zip(pattern_buckets.iter_mut()) {
            *bucket = (
                sorted.partition_point(|p| first(p) < Some(key)),
                sorted.partition_point(|p| first(p) <= Some(key)),
            );
        }
        let mut spanning: Vec<(Box<[u8]>, u8)> = Vec::new();
        let mut bare = Vec::new();
        let mut tails = [0u32; 32];
        for p in &patterns {
            let p = p.as_bytes();
            let lead = p.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            let Some(&sep) = p.get(lead) else { continue };
            match p[..lead] {
                [] => {
                    bare.push(sep);
                    tails = [u32::MAX; 32];
                }
                [last] => tails[usize::from(last & 31)] = u32::MAX,
                [.., before, last] => tails[usize::from(last & 31)] |= 1 << (before & 31),
            }
            if lead > 0 {
                spanning.push((Box::from(&p[..lead]), sep));
            }
        }
        let last = |lead: &[u8]| lead.last().map_or(0, |b| b | 0x20);
        spanning.sort_by(|a, b| (last(&a.0), a).cmp(&(last(&b.0), b)));
        spanning.dedup();
        let mut spanning_buckets = [(0, 0); 256];
        for (key, bucket) in (0u8..=255).zip(spanning_buckets.iter_mut()) {
            *bucket = (
                spanning.partition_point(|(p, _)| last(p) < key),
                spanning.partition_point(|(p, _)| last(p) <= key),
            );
        }
        TitleMatcher {
            automaton: OnceLock::new(),
            workload,
            forms,
            canonical,
            triples,
            firsts,
            buckets,
            heads,
            patterns: if patterns.iter().any(String::is_empty) {
                // An empty pattern matches everywhere: left to the automaton.
                Vec::new()
            } else {
                sorted
            },
            pattern_buckets,
            spanning,
            spanning_buckets,
            bare,
            tails,
            longest_form: patterns.iter().map(String::len).max().unwrap_or(0),
            lowercase: patterns,
        }
    }

    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                self.workload
                    .automaton_builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .prefilter(false)
                    .build(&self.lowercase)
                    .ok()
            })
            .as_ref()
    }

    /// Whether `text[range]` may hold a title [`TitleMatcher::find`] keeps: a
    /// form written at a word start and, if short, ending at a word end.
    /// Most sentences hold none, and this scan is far cheaper than the
    /// automaton. Never false when `find` would keep a match: a kept match
    /// is an occurrence of a form inside `range` with no alphanumeric
    /// character on either side; a non-ASCII neighbour counts as a possible
    /// boundary, and every comparison is on bytes `| 0x20`, which equal
    /// bytes compare equal on.
    fn may_hold(&self, text: &str, range: Range<usize>) -> bool {
        let bytes = text.as_bytes();
        let Some(part) = bytes.get(range.clone()) else {
            return false;
        };
        let before = range.start.checked_sub(1).and_then(|i| bytes.get(i));
        if !before.is_some_and(u8::is_ascii_alphanumeric) && self.may_start(part, bytes, &range, 0)
        {
            return true;
        }
        after_boundaries(part, |after| self.may_start(part, bytes, &range, after))
    }

    /// Whether a form may start at `part[at]` (`part` is `text[range]`),
    /// comparing its first three bytes mod 32 (bytes past `part` read as
    /// 0: only a form shorter than three bytes fits there, and those take
    /// any byte): the common case, inlined. A byte mod 32 is the same for
    /// either case of an ASCII letter, and for a byte and its ASCII
    /// lowercase.
    #[inline(always)]
    fn may_start(&self, part: &[u8], text: &[u8], range: &Range<usize>, at: usize) -> bool {
        let Some(&first) = part.get(at) else {
            return false;
        };
        if self.firsts & 1 << (first & 31) == 0 {
            return false;
        }
        let second = part.get(at + 1).copied().unwrap_or(0);
        let third = part.get(at + 2).copied().unwrap_or(0);
        let row = self.triples[usize::from(first & 31) << 5 | usize::from(second & 31)];
        row & (1 << (third & 31)) != 0
            && self.may_start_here(text, range.start + at, usize::from(first | 0x20))
    }

    /// Whether a form whose first byte `| 0x20` is `key` may start at
    /// `text[at]` and end at a word end (checked for forms of up to eight
    /// bytes), comparing its first eight bytes.
    #[inline(never)]
    fn may_start_here(&self, text: &[u8], at: usize, key: usize) -> bool {
        let mut window = [0u8; 8];
        match text.get(at..at + 8) {
            Some(eight) => window.copy_from_slice(eight),
            None => {
                for (w, &b) in window.iter_mut().zip(text.get(at..).unwrap_or(&[])) {
                    *w = b;
                }
            }
        }
        let word = u64::from_le_bytes(window) | FOLD;
        let (from, to) = self.buckets[key];
        self.heads[from..to].iter().any(|head| {
            word & head.mask == head.bytes
                && (head.len > 8
                    || !text
                        .get(at + head.len)
                        .is_some_and(u8::is_ascii_alphanumeric))
        })
    }

    /// Titles in `text[range]`: (span, canonical title).
    ///
    /// What the automaton finds (leftmost-longest over the lowercased
    /// text), found by trying the patterns only where a word starts, after
    /// a byte that is not an ASCII letter or digit: a match starting inside
    /// a word is never kept (a letter or digit precedes it). Such a match
    /// can still hide a title from the automaton by running across the
    /// next word start; only a pattern holding a byte other than a letter
    /// or digit can, and where one may (see [`TitleMatcher::may_hide`]) the
    /// automaton searches instead.
    #[inline(never)]
    fn find(&self, text: &str, range: Range<usize>) -> Vec<(Range<usize>, &Arc<str>)> {
        let Some(part) = text.get(range.clone()) else {
            return Vec::new();
        };
        if self.patterns.is_empty() {
            return self.find_automaton(text, range);
        }
        let mut out = Vec::new();
        let mut hidden = false;
        self.scan(part.as_bytes(), |span, id| {
            // Where no match inside a word runs onto a match found, the
            // automaton finds the same: the places it skips held no match.
            hidden = hidden || self.may_hide(part.as_bytes(), span.start);
            let span = range.start + span.start..range.start + span.end;
            if let Some(canonical) = self.keep(text, span.clone(), id) {
                out.push((span, canonical));
            }
        });
        if hidden {
            return self.find_automaton(text, range);
        }
        out
    }

    /// Calls `found` with the longest pattern (span in `part`, pattern id)
    /// at each word start of `part` (and at 0) that no earlier match
    /// covers, in order.
    fn scan(&self, part: &[u8], mut found: impl FnMut(Range<usize>, usize)) {
        let mut free = 0;
        let mut at = |q: usize| self.try_at(part, q, &mut free, &mut found);
        at(0);
        after_boundaries(part, |after| {
            at(after);
            false
        });
    }

    /// [`TitleMatcher::scan`] at `q`: unless a match found covers it
    /// (`free` is where the last one ends), the longest pattern there, if
    /// its first three bytes pass the tables.
    #[inline(always)]
    fn try_at(
        &self,
        part: &[u8],
        q: usize,
        free: &mut usize,
        found: &mut impl FnMut(Range<usize>, usize),
    ) {
        let Some(&first) = part.get(q) else {
            return;
        };
        if self.firsts & 1 << (first & 31) == 0 || q < *free {
            return;
        }
        let second = part.get(q + 1).copied().unwrap_or(0);
        let third = part.get(q + 2).copied().unwrap_or(0);
        let row = self.triples[usize::from(first & 31) << 5 | usize::from(second & 31)];
        if row & (1 << (third & 31)) == 0 {
            return;
        }
        if let Some(len) = self.longest_at(part, q, first, found) {
            *free = q + len;
        }
    }

    /// Calls `found` with the longest pattern starting at `part[q]` (whose
    /// byte is `first`), and returns its length.
    #[inline(never)]
    fn longest_at(
        &self,
        part: &[u8],
        q: usize,
        first: u8,
        found: &mut impl FnMut(Range<usize>, usize),
    ) -> Option<usize> {
        let mut window = [0u8; 8];
        match part.get(q..q + 8) {
            Some(eight) => window.copy_from_slice(eight),
            None => {
                for (w, &b) in window.iter_mut().zip(part.get(q..).unwrap_or_default()) {
                    *w = b;
                }
            }
        }
        let word = u64::from_le_bytes(window) | FOLD;
        let (from, to) = self.pattern_buckets[usize::from(first | 0x20)];
        // Longest first: the first that matches is the one the automaton
        // reports.
        let p = self
            .patterns
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .find(|p| {
                word & p.head.mask == p.head.bytes
                    && part
                        .get(q..q + p.bytes.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(&p.bytes))
            })?;
        found(q..q + p.bytes.len(), p.id);
        Some(p.bytes.len())
    }

    /// Whether a pattern may start inside a word of `part` (after an ASCII
    /// letter or digit) and run across a byte other than a letter or digit
    /// onto `part[h]`, hiding a match there from the automaton.
    fn may_hide(&self, part: &[u8], h: usize) -> bool {
        let from = h.saturating_sub(self.longest_form);
        (from..h).any(|b| {
            part.get(b).is_some_and(|x| !x.is_ascii_alphanumeric()) && self.hides(part, b, h)
        })
    }

    /// Whether a pattern holding `part[b]` (not an ASCII letter or digit)
    /// may start inside a word (after an ASCII letter or digit), run across
    /// `b` and reach `h`.
    fn hides(&self, part: &[u8], b: usize, h: usize) -> bool {
        let Some(&prev) = b.checked_sub(1).and_then(|i| part.get(i)) else {
            return false;
        };
        if !prev.is_ascii_alphanumeric() {
            return false;
        }
        let before = b.checked_sub(2).and_then(|i| part.get(i)).map_or(0, |&x| x);
        if self.tails[usize::from(prev & 31)] & 1 << (before & 31) == 0 {
            return false;
        }
        let Some(&sep) = part.get(b) else {
            return false;
        };
        if self.bare.contains(&sep) {
            return true;
        }
        let (from, to) = self.spanning_buckets[usize::from(prev | 0x20)];
        self.spanning
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .any(|(lead, s)| {
                *s == sep
                    && b > lead.len()
                    && part[b - lead.len() - 1].is_ascii_alphanumeric()
                    && part[b - lead.len()..b].eq_ignore_ascii_case(lead)
                    && b - lead.len() + self.longest_form > h
            })
    }

    /// The canonical title of a match of pattern `id` at `span`, if it is
    /// kept: not inside a word and, if short, written in capitals.
    fn keep(&self, text: &str, span: Range<usize>, id: usize) -> Option<&Arc<str>> {
        let before = text[..span.start].chars().next_back();
        let after = text[span.end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            return None;
        }
        let form = self.forms.get(id)?;
        // Short all-capital abbreviations ("CEO") must be written in
        // capitals; "ceo" in running text is rare and "coo" is a word.
        let written = &text[span.clone()];
        // ASCII is its own uppercase when it holds no lowercase letter.
        let capitals = if written.is_ascii() {
            !written.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            written == written.to_uppercase()
        };
        if form.len() <= 3 && !capitals {
            return None;
        }
        self.canonical.get(id)?.as_ref()
    }

    /// [`TitleMatcher::find`] by the automaton over a lowercase copy.
    fn find_automaton(&self, text: &str, range: Range<usize>) -> Vec<(Range<usize>, &Arc<str>)> {
        if !self.may_hold(text, range.clone()) {
            return Vec::new();
        }
        let Some(ac) = self.automaton() else {
            return Vec::new();
        };
        let Some(part) = text.get(range.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // The lowercase copy goes in this thread's buffer, kept across
        // sentences.
        let mut lower = LOWERCASE.take();
        lower.clear();
        lower.push_str(part);
        lower.make_ascii_lowercase();
        for m in ac.find_iter(&lower) {
            let span = range.start + m.start()..range.start + m.end();
            if let Some(canonical) = self.keep(text, span.clone(), m.pattern().as_usize()) {
                out.push((span, canonical));
            }
        }
        // A huge sentence's buffer is not kept.
        if lower.capacity() <= 1 << 16 {
            LOWERCASE.set(lower);
        }
        out
    }
}

thread_local! {
    static LOWERCASE: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// A word of up to 15 bytes as one number: its bytes, little-endian, and
/// its length in the top byte (so no two such words share a key); 0 for
/// longer words, which no keyword is.
const fn key(word: &[u8]) -> u128 {
    if word.len() > 15 {
        return 0;
    }
    let mut k = (word.len() as u128) << 120;
    let mut i = 0;
    while i < word.len() {
        k |= (word[i] as u128) << (8 * i);
        i += 1;
    }
    k
}

/// Keys of the words [`classify_word`] knows.
macro_rules! keys {
    ($($name:ident = $word:literal;)*) => {
        $(const $name: u128 = key($word);)*
    };
}

keys! {
    AND = b"and"; AMPERSAND = b"&";
    OF = b"of"; AT = b"at"; FOR = b"for";
    THE = b"the"; A = b"a"; AN = b"an";
    ITS = b"its"; THEIR = b"their"; COMPANY = b"company"; FIRM = b"firm"; GROUP = b"group";
    IS = b"is"; REMAINS = b"remains"; SERVES = b"serves"; CURRENTLY = b"currently";
    BECAME = b"became"; BECOMES = b"becomes"; TOOK = b"took"; NAMED = b"named";
    APPOINTED = b"appointed"; ELECTED = b"elected"; PROMOTED = b"promoted";
    WAS = b"was"; SERVED = b"served"; HAD = b"had";
    AS = b"as"; OVER = b"over"; ALSO = b"also"; NOW = b"now"; OFFICIALLY = b"officially";
    THEN = b"then"; STILL = b"still"; BEEN = b"been"; HAS = b"has";
    FORMER = b"former"; EX = b"ex"; FORMERLY = b"formerly"; OUTGOING = b"outgoing";
    RETIRED = b"retired";
}

fn classify_word(word: &str) -> Item<'static> {
    // Short words are keyed on the stack: the keywords are short ASCII,
    // and only non-ASCII words need the general (allocating) lowercase.
    let bytes = word.as_bytes();
    let k = if !word.is_ascii() {
        key(word.to_lowercase().as_bytes())
    } else if bytes.len() <= 15 {
        let mut lower = [0u8; 15];
        let slot = &mut lower[..bytes.len()];
        slot.copy_from_slice(bytes);
        slot.make_ascii_lowercase();
        key(slot)
    } else {
        0
    };
    keyword(k).unwrap_or_else(|| {
        if word.chars().next().is_some_and(char::is_uppercase) {
            Item::Cap
        } else if word.chars().all(|c| c.is_alphanumeric() || c == '-') {
            Item::Word
        } else {
            Item::Stop
        }
    })
}

/// Every keyword and its item.
const KEYWORDS: &[(u128, Item<'static>)] = {
    use Item::{Adverb, Anaphor, And, Det, Former, Of, Verb};
    use Tense::{Current, Past, Started};
    &[
        (AND, And),
        (AMPERSAND, And),
        (OF, Of),
        (AT, Of),
        (FOR, Of),
        (THE, Det),
        (A, Det),
        (AN, Det),
        (ITS, Anaphor),
        (THEIR, Anaphor),
        (COMPANY, Anaphor),
        (FIRM, Anaphor),
        (GROUP, Anaphor),
        (IS, Verb(Current)),
        (REMAINS, Verb(Current)),
        (SERVES, Verb(Current)),
        (CURRENTLY, Adverb),
        (BECAME, Verb(Started)),
        (BECOMES, Verb(Started)),
        (TOOK, Verb(Started)),
        (NAMED, Verb(Started)),
        (APPOINTED, Verb(Started)),
        (ELECTED, Verb(Started)),
        (PROMOTED, Verb(Started)),
        (WAS, Verb(Past)),
        (SERVED, Verb(Past)),
        (HAD, Verb(Past)),
        (AS, Adverb),
        (OVER, Adverb),
        (ALSO, Adverb),
        (NOW, Adverb),
        (OFFICIALLY, Adverb),
        (THEN, Adverb),
        (STILL, Adverb),
        (BEEN, Adverb),
        (HAS, Adverb),
        (FORMER, Former),
        (EX, Former),
        (FORMERLY, Former),
        (OUTGOING, Former),
        (RETIRED, Former),
    ]
};

/// The slot of a key in [`KEYWORD_SLOTS`] under a multiplier.
const fn slot(k: u128, multiplier: u64) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64);
    (x.wrapping_mul(multiplier) >> 56) as usize
}

/// A multiplier under which no two keywords share a slot, found at
/// compile time.
const MULTIPLIER: u64 = {
    let mut m: u64 = 0x9e37_79b9_7f4a_7c15;
    loop {
        let mut used = [false; 256];
        let mut i = 0;
        while i < KEYWORDS.len() {
            let s = slot(KEYWORDS[i].0, m);
            if used[s] {
                break;
            }
            used[s] = true;
            i += 1;
        }
        if i == KEYWORDS.len() {
            break m;
        }
        m = m.wrapping_add(0x2545_f491_4f6c_dd1e);
    }
};

/// Each keyword at its slot, with its item; 0 and none elsewhere (no word
/// has key 0 but those [`key`] gives 0 for, which are no keyword): a
/// keyword is found by one comparison.
const KEYWORD_SLOTS: [(u128, Option<Item<'static>>); 256] = {
    let mut slots = [(0, None); 256];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let (k, item) = KEYWORDS[i];
        slots[slot(k, MULTIPLIER)] = (k, Some(item));
        i += 1;
    }
    slots
};

/// By word length, a bit per first byte (mod 32) of a keyword that long:
/// most words are no keyword, and this rejects them in a few steps.
const MAY_BE_KEYWORD: [u32; 16] = {
    let mut table = [0u32; 16];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let k = KEYWORDS[i].0;
        table[(k >> 120) as usize & 15] |= 1 << (k as u32 & 31);
        i += 1;
    }
    table
};

/// The item of a lowercase word with this [`key`], if it is a keyword.
#[inline(always)]
fn keyword(k: u128) -> Option<Item<'static>> {
    if MAY_BE_KEYWORD[(k >> 120) as usize & 15] & 1 << (k as u32 & 31) == 0 {
        return None;
    }
    let (key, item) = KEYWORD_SLOTS[slot(k, MULTIPLIER)];
    if key == k { item } else { None }
}

/// What [`items`] makes of an ASCII byte.
const NOTHING: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 3;
const HYPHEN: u8 = 4;
const COMMA: u8 = 5;
const APOSTROPHE: u8 = 6;
const STOP: u8 = 7;
const NON_ASCII: u8 = 8;

/// [`items`]' class of each byte.
const CLASS: [u8; 256] = {
    let mut class = [NOTHING; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = match c {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'-' => HYPHEN,
            b',' => COMMA,
            b'\'' => APOSTROPHE,
            b'(' | b')' | b';' | b':' | b'.' | b'!' | b'?' | b'"' => STOP,
            0x80.. => NON_ASCII,
            _ => NOTHING,
        };
        b += 1;
    }
    class
};

/// Whether a byte of this class continues an ASCII word.
const fn in_word(class: u8) -> bool {
    matches!(class, LOWER | UPPER | DIGIT | HYPHEN)
}

/// The [`key`] of the lowercase of `bytes[from..from + len]`, all ASCII
/// letters, digits and hyphens (whose lowercase is the byte `| 0x20`).
fn word_key(bytes: &[u8], from: usize, len: usize) -> u128 {
    if len > 15 {
        return 0;
    }
    let raw = match bytes.get(from..from + 16) {
        Some(sixteen) => {
            let mut window = [0u8; 16];
            window.copy_from_slice(sixteen);
            u128::from_le_bytes(window)
        }
        None => {
            let mut window = [0u8; 16];
            for (w, &b) in window
                .iter_mut()
                .zip(bytes.get(from..from + len).unwrap_or(&[]))
            {
                *w = b;
            }
            u128::from_le_bytes(window)
        }
    };
    let mask = (1u128 << (8 * len)) - 1;
    ((raw | u128::from(FOLD) << 64 | u128::from(FOLD)) & mask) | (len as u128) << 120
}

/// The first index from `from` (up to `stop`) whose byte is not an ASCII
/// letter, digit or hyphen: eight bytes at a time, then one by one.
fn word_end_ascii(bytes: &[u8], mut from: usize, stop: usize) -> usize {
    while let Some(chunk) = bytes.get(from..from + 8).filter(|_| from + 8 <= stop) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let ends = boundaries(x) & !bytes_equal(x, bytes_of(b'-'));
        if ends != 0 {
            return from + ends.trailing_zeros() as usize / 8;
        }
        from += 8;
    }
    while from < stop
        && bytes
            .get(from)
            .is_some_and(|&b| in_word(CLASS[usize::from(b)]))
    {
        from += 1;
    }
    from
}

/// Reads a sentence into items with their spans. `titles` are in text
/// order, as [`TitleMatcher::find`] gives them. Stops `after_titles` items
/// after the last title (at the latest).
fn items<'t>(
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    titles: &[(Range<usize>, &'t Arc<str>)],
    after_titles: usize,
) -> Vec<(Item<'t>, Range<usize>)> {
    let bytes = text.as_bytes();
    // Where each mention starts, first mention first among equal starts:
    // positions only grow, so one cursor replaces a scan per position.
    // Mentions come sorted by start, each start once, as a rule: then the
    // list is the mentions themselves and is not built.
    let listed: Option<Vec<(usize, usize)>> = if mentions
        .windows(2)
        .all(|w| w[0].span.start < w[1].span.start)
    {
        None
    } else {
        let mut starts: Vec<(usize, usize)> = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.span.start, i))
            .collect();
        if !starts.is_sorted() {
            starts.sort_unstable();
        }
        starts.dedup_by_key(|&mut (start, _)| start);
        Some(starts)
    };
    let starts = |at: usize| match &listed {
        Some(starts) => starts.get(at).copied(),
        None => mentions.get(at).map(|m| (m.span.start, at)),
    };
    let (mut mention_at, mut title_at) = (0, 0);
    // The next mention and title starts: most positions start neither.
    let mention_start = |at: usize| starts(at).map_or(usize::MAX, |(start, _)| start);
    let title_start = |at: usize| titles.get(at).map_or(usize::MAX, |(s, _)| s.start);
    let (mut next_mention, mut next_title) = (mention_start(0), title_start(0));
    let stop = sentence.end.min(bytes.len());
    // About one item per four bytes of news copy: one allocation, mostly.
    let mut out = Vec::with_capacity(sentence.len() / 4 + 4);
    let mut pos = sentence.start;
    let last_title = titles.last().map_or(usize::MAX, |(s, _)| s.start);
    // Set where `pos` first reaches the last title: its item, if it has
    // one, comes next.
    let mut limit = usize::MAX;
    while pos < sentence.end {
        if pos >= last_title && limit == usize::MAX {
            limit = out.len().saturating_add(after_titles);
        }
        if out.len() >= limit {
            break;
        }
        if next_mention <= pos {
            while next_mention < pos {
                mention_at += 1;
                next_mention = mention_start(mention_at);
            }
            if next_mention == pos {
                if let Some((i, m)) =
                    starts(mention_at).and_then(|(_, i)| Some((i, mentions.get(i)?)))
                {
                    let item = match m.kind {
                        EntityKind::Person => Item::Person(i),
                        _ => Item::Org(i),
                    };
                    // An alias written with its possessive ("Acme's")
                    // is the name, then the possessive.
                    let span = m.span.clone();
                    let named = text.get(span.clone()).unwrap_or("");
                    let tail = ["'s", "\u{2019}s"]
                        .into_iter()
                        .find(|p| named.len() > p.len() && named.ends_with(p))
                        .map_or(0, str::len);
                    if tail > 0 {
                        out.push((item, span.start..span.end - tail));
                        out.push((Item::Possessive, span.end - tail..span.end));
                    } else {
                        out.push((item, span));
                    }
                    pos = m.span.end;
                    continue;
                }
            }
        }
        if next_title <= pos {
            while next_title < pos {
                title_at += 1;
                next_title = title_start(title_at);
            }
            if let Some((span, title)) = titles.get(title_at).filter(|(s, _)| s.start == pos) {
                out.push((Item::Title(title), span.clone()));
                pos = span.end;
                continue;
            }
        }
        let Some(&b) = bytes.get(pos) else {
            break;
        };
        let class = CLASS[usize::from(b)];
        match class {
            NOTHING => {
                pos += 1;
                continue;
            }
            LOWER | UPPER | DIGIT => {
                let mut end = word_end_ascii(bytes, pos + 1, stop);
                let item = if end < stop && bytes[end] >= 0x80 {
                    end = word_end(text, end, sentence.end);
                    classify_word(&text[pos..end])
                } else {
                    // An ASCII letter or digit, then letters, digits and
                    // hyphens: what `classify_word` gives, from the key.
                    keyword(word_key(bytes, pos, end - pos)).unwrap_or(if class == UPPER {
                        Item::Cap
                    } else {
                        Item::Word
                    })
                };
                out.push((item, pos..end));
                pos = end;
                continue;
            }
            COMMA => out.push((Item::Comma, pos..pos + 1)),
            STOP => out.push((Item::Stop, pos..pos + 1)),
            APOSTROPHE => {
                if possessive(text, pos, 1) {
                    out.push((Item::Possessive, pos..pos + 2));
                    pos += 2;
                    continue;
                }
            }
            HYPHEN => {}
            _ => {
                let Some(c) = text[pos..].chars().next() else {
                    break;
                };
                if c.is_alphanumeric() {
                    let end = word_end(text, pos, sentence.end);
                    let word = &text[pos..end];
                    out.push((classify_word(word), pos..end));
                    pos = end;
                    continue;
                }
                let item = match c {
                    '’' => {
                        if possessive(text, pos, c.len_utf8()) {
                            out.push((Item::Possessive, pos..pos + c.len_utf8() + 1));
                            pos += c.len_utf8() + 1;
                            continue;
                        }
                        None
                    }
                    '“' | '”' => Some(Item::Stop),
                    _ => None,
                };
                if let Some(item) = item {
                    out.push((item, pos..pos + c.len_utf8()));
                }
                pos += c.len_utf8();
                continue;
            }
        }
        pos += 1;
    }
    out
}

/// The end of the word (alphanumerics and hyphens) running on from `from`.
fn word_end(text: &str, from: usize, end: usize) -> usize {
    text[from..end]
        .find(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
        .map_or(end, |n| from + n)
}

/// Whether the apostrophe at `pos` (`len` bytes) starts a possessive: "'s"
/// not followed by a letter or digit.
fn possessive(text: &str, pos: usize, len: usize) -> bool {
    text[pos + len..].starts_with('s') && !text[pos + len + 1..].starts_with(char::is_alphanumeric)
}

/// Whether the title at `i` continues a run of titles ("chairman and CEO").
fn continues_titles(r: &Reader<'_>, i: usize) -> bool {
    let prev = |k: usize| i.checked_sub(k).and_then(|p| r.item(p));
    matches!(prev(1), Some(Item::Title(_)))
        || matches!(prev(1), Some(Item::And)) && matches!(prev(2), Some(Item::Title(_)))
}

/// Words that end the descriptors between "of" and an organisation.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "from", "with", "by", "across", "to", "into", "over", "under", "about", "than",
    "who", "which", "that", "where", "as",
];

/// An organisation as [`Reader::org_after_of`] finds it: a mention's index
/// or an anaphor, turned into an [`OrgRef`] only for a claim.
#[derive(Debug, Clone)]
enum Org {
    Entity(usize, Range<usize>),
    Anaphor(Range<usize>),
}

struct Reader<'a> {
    words: &'a str,
    items: &'a [(Item<'a>, Range<usize>)],
    mentions: &'a [Mention],
}

impl<'a> Reader<'a> {
    fn item(&self, i: usize) -> Option<&Item<'a>> {
        self.items.get(i).map(|(item, _)| item)
    }

    /// Titles joined by "and" from `i`: the index after them (`i` if
    /// there are none). Only a phrase that becomes a claim copies them out,
    /// with [`Reader::title_list`].
    fn titles(&self, mut i: usize) -> usize {
        while let Some(Item::Title(_)) = self.item(i) {
            i += 1;
            if matches!(self.item(i), Some(Item::And))
                && matches!(self.item(i + 1), Some(Item::Title(_)))
            {
                i += 1;
            }
        }
        i
    }

    /// The titles of items `from..to`, as [`Reader::titles`] read them.
    fn title_list(&self, from: usize, to: usize) -> Vec<(Arc<str>, Range<usize>)> {
        self.items
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter_map(|(item, span)| match item {
                Item::Title(t) => Some((Arc::clone(t), span.clone())),
                _ => None,
            })
            .collect()
    }

    /// The organisation `org_after_of` found, sharing the mention's id.
    fn org(&self, org: Org) -> OrgRef {
        match org {
            Org::Entity(m, span) => OrgRef::Entity {
                id: self
                    .mentions
                    .get(m)
                    .map(|m| m.entity.clone())
                    .unwrap_or_default(),
                span,
            },
            Org::Anaphor(span) => OrgRef::Anaphor { span },
        }
    }

    /// After "of": `[the|its] descriptor* ORG` or `the company` / `its`.
    /// Returns the organisation and the index after it.
    fn org_after_of(&self, mut i: usize) -> Option<(Org, usize)> {
        if let Some((Item::Anaphor, span)) = self.items.get(i) {
            // "of its Board", "of the company".
            return Some((Org::Anaphor(span.clone()), i + 1));
        }
        if matches!(self.item(i), Some(Item::Det)) {
            if let Some((Item::Anaphor, span)) = self.items.get(i + 1) {
                return Some((Org::Anaphor(span.clone()), i + 2));
            }
            i += 1;
        }
        let first = i;
        for _ in 0..8 {
            match self.items.get(i) {
                Some((Item::Org(m), span)) => {
                    let mention = self.mentions.get(*m)?;
                    // "President of China" names a place; "companies in the
                    // United States" only locates other things.
                    if mention.kind == EntityKind::Place && i != first {
                        return None;
                    }
                    return Some((Org::Entity(*m, span.clone()), i + 1));
                }
                Some((Item::Word, span)) => {
                    let word = self.words.get(span.clone()).unwrap_or("");
                    if PREPOSITIONS.contains(&word) {
                        return None;
                    }
                    i += 1;
                }
                Some((Item::Cap | Item::Det | Item::Anaphor, _)) => i += 1,
                _ => return None,
            }
        }
        None
    }

    /// Where the titles of an appositive start, from item `i` (after its
    /// comma), past an article, "former" and the organisation's
    /// possessive: "Jane Roe, the chairman of Acme", "Jane Roe, a former
    /// chairman", "Jane Roe, Acme's chairman", "Jane Roe, its chairman",
    /// "Jane Roe, the company's former chairman". Also the organisation
    /// so named, and whether "former" was read.
    fn before_titles(&self, mut i: usize) -> (usize, Option<Org>, bool) {
        let mut former = false;
        let mut skip_former = |i: &mut usize| {
            if matches!(self.item(*i), Some(Item::Former)) {
                former = true;
                *i += 1;
            }
        };
        if matches!(self.item(i), Some(Item::Det)) {
            i += 1;
        }
        skip_former(&mut i);
        let possessive = matches!(self.item(i + 1), Some(Item::Possessive));
        let owner = match self.items.get(i) {
            Some((Item::Org(m), span)) if possessive && self.mentions.get(*m).is_some() => {
                Some((Org::Entity(*m, span.clone()), i + 2))
            }
            Some((Item::Anaphor, span)) if possessive => Some((Org::Anaphor(span.clone()), i + 2)),
            Some((Item::Anaphor, span))
                if matches!(self.words.get(span.clone()), Some("its" | "their")) =>
            {
                Some((Org::Anaphor(span.clone()), i + 1))
            }
            _ => None,
        };
        let Some((owner, after)) = owner else {
            // "Jane Roe, the airport's chief financial officer": a noun
            // the role check cannot tie to a name owns the title; the
            // title is still read.
            let noun = matches!(self.item(i.wrapping_sub(1)), Some(Item::Det))
                && matches!(self.item(i), Some(Item::Word))
                && possessive;
            if noun {
                i += 2;
                skip_former(&mut i);
            }
            return (self.past_qualifier(i), None, former);
        };
        let mut i = after;
        skip_former(&mut i);
        (self.past_qualifier(i), Some(owner), former)
    }

    /// Past a qualifier right before a title ("Jane Roe, deputy director
    /// general of Acme"): the title is read, and the role check sees the
    /// qualifier before it.
    fn past_qualifier(&self, i: usize) -> usize {
        // "Acme's finance director": a director's field too; "X, the
        // housing minister": a minister's or a secretary's portfolio.
        let director = matches!(self.item(i + 1), Some(Item::Title(t)) if &***t == "director");
        let minister = matches!(self.item(i + 1), Some(Item::Title(t)) if matches!(&***t, "minister" | "secretary"));
        let qualifier = match self.items.get(i) {
            Some((Item::Word | Item::Cap, span)) => self.words.get(span.clone()).is_some_and(|w| {
                facts::titles::QUALIFIERS
                    .iter()
                    .chain(
                        director
                            .then_some(&facts::titles::DIRECTOR_FIELDS[..])
                            .into_iter()
                            .flatten(),
                    )
                    .chain(
                        minister
                            .then_some(&facts::titles::PORTFOLIOS[..])
                            .into_iter()
                            .flatten(),
                    )
                    .any(|q| q.eq_ignore_ascii_case(w))
            }),
            _ => false,
        };
        if qualifier && matches!(self.item(i + 1), Some(Item::Title(_))) {
            i + 1
        } else {
            i
        }
    }

    fn span(&self, from: usize, to_exclusive: usize) -> Range<usize> {
        let start = self.items.get(from).map_or(0, |(_, s)| s.start);
        let end = self
            .items
            .get(to_exclusive.saturating_sub(1))
            .map_or(start, |(_, s)| s.end);
        start..end
    }
}

/// Bit 7 of each byte of `x` that equals the byte of `b` (exact: no
/// borrow crosses bytes).
fn bytes_equal(x: u64, b: u64) -> u64 {
    const LOW: u64 = bytes_of(0x7f);
    let d = x ^ b;
    !(((d & LOW) + LOW) | d) & bytes_of(0x80)
}

/// Whether the sentence, lowercased, contains "stepped down", "steps
/// down", "former", "ex-", "retired", "who left", "resigned", "resigns",
/// "sacked", "dismissed", "ousted" or "quit" ("quits"). Compared ASCII-case-
/// insensitively on the bytes, without a lowercase copy: the same, because
/// no non-ASCII character lowercases to ASCII but 'K' (Kelvin, to "k", in
/// no word) and 'İ' (to "i" and a combining dot, and no word has an 'i'
/// that a non-ASCII character may follow).
fn says_former(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    // The first byte first (each word starts with a lowercase letter,
    // which only it and its capital equal `| 0x20`): most candidates
    // differ there.
    let at = |i: usize, back: usize, word: &[u8]| {
        i.checked_sub(back)
            .and_then(|from| bytes.get(from..from + word.len()))
            .is_some_and(|s| s[0] | 0x20 == word[0] && s.eq_ignore_ascii_case(word))
    };
    // Every word holds a rarer anchor letter: 'x' (ex-), 'f' (former, who
    // left), 'd' (retired, resigned, stepped down, sacked, dismissed,
    // ousted), 'q' (quit), 'g' (resigns). Only bytes that are one of
    // those, in either case, are compared, found eight at a time.
    let hit = |i: usize| match bytes[i] | 0x20 {
        b'x' => at(i, 1, b"ex-"),
        b'f' => at(i, 0, b"former") || at(i, 6, b"who left"),
        b'd' => {
            at(i, 6, b"retired")
                || at(i, 6, b"stepped down")
                || at(i, 6, b"steps down")
                || at(i, 7, b"resigned")
                || at(i, 5, b"sacked")
                || at(i, 0, b"dismissed")
                || at(i, 5, b"ousted")
        }
        b'q' => at(i, 0, b"quit"),
        b'g' => at(i, 4, b"resigns"),
        _ => false,
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) | FOLD;
        let mut found = bytes_equal(x, bytes_of(b'x'))
            | bytes_equal(x, bytes_of(b'f'))
            | bytes_equal(x, bytes_of(b'd'))
            | bytes_equal(x, bytes_of(b'q'))
            | bytes_equal(x, bytes_of(b'g'));
        while found != 0 {
            if hit(base + found.trailing_zeros() as usize / 8) {
                return true;
            }
            found &= found - 1;
        }
        base += 8;
    }
    (base..bytes.len()).any(hit)
}

/// Whether the first item of the sentence may be "He" or "She" (either
/// case of the first letter), the subject a role phrase without a person
/// mention needs. Bytes before the first ASCII letter, digit, comma or stop
/// make no item or one that is no such word, and a word starting at that
/// byte is the first item unless an item starting earlier covers it.
fn may_start_with_pronoun(text: &str, sentence: Range<usize>) -> bool {
    let Some(part) = text.as_bytes().get(sentence) else {
        return false;
    };
    let Some(first) = part
        .iter()
        .position(|&b| matches!(CLASS[usize::from(b)], LOWER | UPPER | DIGIT | COMMA | STOP))
    else {
        return false;
    };
    let rest = &part[first..];
    [&b"He"[..], b"he", b"She", b"she"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Role phrases in one sentence. `mentions` are those inside the sentence.
pub fn find(
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    titles: &TitleMatcher,
) -> Vec<RoleClaim> {
    // Every shape names a person: a person mention, or a pronoun as the
    // first item. Most sentences have neither, and need no title search.
    if !mentions.iter().any(|m| m.kind == EntityKind::Person)
        && !may_start_with_pronoun(text, sentence.clone())
    {
        return Vec::new();
    }
    read(text, sentence, mentions, titles)
}

/// How many items after the last title [`read`] needs (with a margin).
const AFTER_TITLES: usize = 16;

/// [`find`] without its test for a person.
fn read(
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    titles: &TitleMatcher,
) -> Vec<RoleClaim> {
    read_with(text, sentence, mentions, titles, AFTER_TITLES)
}

/// [`read`], with the items read up to `after_titles` past the last title.
fn read_with(
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    titles: &TitleMatcher,
    after_titles: usize,
) -> Vec<RoleClaim> {
    let title_spans = titles.find(text, sentence.clone());
    if title_spans.is_empty() {
        return Vec::new();
    }
    // Every shape holds a title, and reads at most 13 items past the last
    // title of its phrase (titles joined by "and", "of", a determiner and
    // eight words before the organisation, a comma, a person): items
    // further on make no claim.
    let items = items(text, sentence.clone(), mentions, &title_spans, after_titles);
    let r = Reader {
        words: text,
        items: &items,
        mentions,
    };
    // Only sentences with a claim need to know.
    let former_cell = OnceCell::new();
    let former_sentence =
        || *former_cell.get_or_init(|| says_former(text.get(sentence.clone()).unwrap_or("")));
    let mut out = Vec::new();
    let person = |i: usize| match r.item(i) {
        Some(Item::Person(m)) => mentions.get(*m).cloned(),
        _ => None,
    };
    for i in 0..items.len() {
        match r.item(i) {
            // PERSON , [the] [former] [ORG 's | its] TITLE+ [of ORG]
            Some(Item::Person(_)) if matches!(r.item(i + 1), Some(Item::Comma)) => {
                // "Lucas Roe, 47, the group's chief operating officer": an
                // age in commas before the appositive.
                let age = match r.items.get(i + 2) {
                    Some((Item::Word, span)) => r.words.get(span.clone()).is_some_and(|w| {
                        (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
                    }),
                    _ => false,
                };
                let after = if age && matches!(r.item(i + 3), Some(Item::Comma)) {
                    i + 4
                } else {
                    i + 2
                };
                let (first, owner, former) = r.before_titles(after);
                let next = r.titles(first);
                if next == first {
                    continue;
                }
                let (org, end) = match (owner, r.item(next)) {
                    (Some(owner), _) => (Some(owner), next),
                    (None, Some(Item::Of)) => match r.org_after_of(next + 1) {
                        Some((org, end)) => (Some(org), end),
                        None => (None, next),
                    },
                    _ => (None, next),
                };
                out.push(RoleClaim {
                    span: r.span(i, end),
                    person: person(i),
                    pronoun: None,
                    titles: r.title_list(first, next),
                    org: org.map(|o| r.org(o)),
                    tense: Tense::Current,
                    former: former_sentence() || former,
                });
            }
            // [ORG ['s]] TITLE+ [of ORG] [,] PERSON
            Some(Item::Title(_)) if !continues_titles(&r, i) => {
                let next = r.titles(i);
                let mut start = i;
                let mut org = None;
                let mut owned_by_its = false;
                // "Acme's former chief financial officer, Jane Roe".
                let former_title = matches!(r.item(i.wrapping_sub(1)), Some(Item::Former));
                let lead = if former_title { i - 1 } else { i };
                // "Acme's chairman Jane Roe", and "Acme chairman Jane Roe":
                // the organisation right before the title is its.
                let owner_at = if matches!(r.item(lead.wrapping_sub(1)), Some(Item::Possessive)) {
                    lead.checked_sub(2)
                } else {
                    lead.checked_sub(1)
                };
                if let Some(k) = owner_at {
                    match items.get(k) {
                        Some((Item::Org(m), span)) if mentions.get(*m).is_some() => {
                            org = Some(Org::Entity(*m, span.clone()));
                            start = k;
                        }
                        // "the company's chief executive, Jane Roe".
                        Some((Item::Anaphor, span))
                            if matches!(r.item(lead.wrapping_sub(1)), Some(Item::Possessive)) =>
                        {
                            org = Some(Org::Anaphor(span.clone()));
                            start = if matches!(r.item(k.wrapping_sub(1)), Some(Item::Det)) {
                                k - 1
                            } else {
                                k
                            };
                        }
                        // "Its president, Jane Roe, said": a title of some
                        // body, which one left open ("its" may be any the
                        // story has named).
                        Some((Item::Anaphor, span))
                            if r.words.get(span.clone()).is_some_and(|w| {
                                w.eq_ignore_ascii_case("its") || w.eq_ignore_ascii_case("their")
                            }) =>
                        {
                            owned_by_its = true;
                            start = k;
                        }
                        _ => {}
                    }
                }
                let mut j = next;
                if org.is_none() && matches!(r.item(j), Some(Item::Of)) {
                    if let Some((o, end)) = r.org_after_of(j + 1) {
                        org = Some(o);
                        j = end;
                    }
                }
                let comma = matches!(r.item(j), Some(Item::Comma));
                let p = if comma { j + 1 } else { j };
                // "the museum's director, Jane Roe": a noun the role check
                // cannot tie to a name owns the title.
                let noun_owner = org.is_none()
                    && matches!(r.item(lead.wrapping_sub(1)), Some(Item::Possessive))
                    && matches!(r.item(lead.wrapping_sub(2)), Some(Item::Word))
                    && matches!(r.item(lead.wrapping_sub(3)), Some(Item::Det));
                if noun_owner {
                    start = lead - 3;
                }
                // "TITLE of ORG, PERSON" needs the organisation; a bare
                // "CEO, Jane" is a list, not a role.
                if comma && org.is_none() && !noun_owner && !owned_by_its {
                    continue;
                }
                if let Some(found) = person(p) {
                    out.push(RoleClaim {
                        span: r.span(start, p + 1),
                        person: Some(found),
                        pronoun: None,
                        titles: r.title_list(i, next),
                        org: org.map(|o| r.org(o)),
                        tense: Tense::Current,
                        // "former CEO Jane Roe", "former Acme CEO Jane Roe".
                        former: former_sentence()
                            || former_title
                            || matches!(r.item(start.wrapping_sub(1)), Some(Item::Former)),
                    });
                }
            }
            // PERSON|He|She VERB [adverbs] [the] TITLE+ of ORG
            Some(Item::Verb(tense)) => {
                let tense = *tense;
                let mut j = i + 1;
                while matches!(r.item(j), Some(Item::Adverb | Item::Det)) {
                    j += 1;
                }
                if !matches!(r.item(j), Some(Item::Title(_))) {
                    continue;
                }
                let next = r.titles(j);
                let (org, end) = match r.item(next) {
                    Some(Item::Of) => match r.org_after_of(next + 1) {
                        Some((org, end)) => (Some(org), end),
                        None => (None, next),
                    },
                    _ => (None, next),
                };
                // The subject: the nearest person before the verb in this
                // sentence, else a pronoun at the sentence start.
                let subject = (0..i)
                    .rev()
                    .find(|&k| matches!(r.item(k), Some(Item::Person(_))));
                // "handed the role to Jane Roe and became chairman": a
                // person after a preposition is no subject.
                let object = subject.and_then(|k| items.get(k)).is_some_and(|(_, span)| {
                    let before = text.get(..span.start).unwrap_or("").trim_end();
                    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                    matches!(word, "to" | "from" | "by" | "with")
                });
                // "when Jane Roe took over and he became chairman": a
                // pronoun between the person and the verb is its subject.
                let pronoun_between =
                    subject.and_then(|k| items.get(k)).is_some_and(|(_, span)| {
                        let verb = items.get(i).map_or(span.end, |(_, v)| v.start);
                        text.get(span.end..verb)
                            .unwrap_or("")
                            .split_whitespace()
                            .any(|w| matches!(w, "he" | "she" | "He" | "She"))
                    });
                if object || pronoun_between {
                    continue;
                }
                let (found, pronoun, start) = match subject {
                    Some(k) => (person(k), None, k),
                    None => {
                        let first = items.first().map(|(_, s)| s.clone());
                        let is_pronoun = first
                            .as_ref()
                            .and_then(|s| text.get(s.clone()))
                            .is_some_and(|w| matches!(w, "He" | "She" | "he" | "she"));
                        if !is_pronoun {
                            continue;
                        }
                        (None, first, 0)
                    }
                };
                // A subject far from its verb ("X took over as ... and served
                // as ...") is not part of this phrase.
                let joined = (start..i).any(|k| matches!(r.item(k), Some(Item::And | Item::Comma)));
                let from = if found.is_some() && joined { i } else { start };
                let mut start_span = r.span(from, end);
                if found.is_none() {
                    start_span.start = pronoun.as_ref().map_or(start_span.start, |p| p.start);
                }
                out.push(RoleClaim {
                    span: start_span,
                    person: found,
                    pronoun,
                    titles: r.title_list(j, next),
                    org: org.map(|o| r.org(o)),
                    tense,
                    former: former_sentence(),
                });
                // "... and the Chairman of its Board of Directors".
                let mut k = end;
                while k < items.len() {
                    if matches!(r.item(k), Some(Item::And)) {
                        let mut t = k + 1;
                        while matches!(r.item(t), Some(Item::Det | Item::Adverb)) {
                            t += 1;
                        }
                        if matches!(r.item(t), Some(Item::Title(_))) {
                            let n2 = r.titles(t);
                            if let Some(Item::Of) = r.item(n2) {
                                if let Some((org2, e2)) = r.org_after_of(n2 + 1) {
                                    let person2 = out.last().and_then(|c| c.person.clone());
                                    out.push(RoleClaim {
                                        span: r.span(t, e2),
                                        person: person2,
                                        pronoun: None,
                                        titles: r.title_list(t, n2),
                                        org: Some(r.org(org2)),
                                        tense,
                                        former: former_sentence(),
                                    });
                                    k = e2;
                                    continue;
                                }
                            }
                        }
                    }
                    if matches!(r.item(k), Some(Item::Stop | Item::Verb(_))) {
                        break;
                    }
                    k += 1;
                }
            }
            _ => {}
        }
    }
    // One phrase may match two shapes; keep the first of identical claims.
    out.dedup_by(|a, b| a.span == b.span && a.person == b.person);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::{Gazetteer, KnownName};

    fn gazetteer() -> Gazetteer {
        let names = [
            ("Chen Lei", "chen-lei", EntityKind::Person),
            ("Lei Jun", "lei-jun", EntityKind::Person),
            ("Colin Huang", "colin-huang", EntityKind::Person),
            ("Wang Xing", "wang-xing", EntityKind::Person),
            ("Jack Ma", "jack-ma", EntityKind::Person),
            ("Daniel Zhang", "zhang-yong", EntityKind::Person),
            ("Zhang Yong", "zhang-yong", EntityKind::Person),
            ("Pinduoduo", "pdd", EntityKind::Organization),
            ("Xiaomi", "xiaomi", EntityKind::Organization),
            ("Meituan", "meituan", EntityKind::Organization),
            ("Alibaba", "alibaba", EntityKind::Organization),
            ("Alibaba Group", "alibaba", EntityKind::Organization),
            ("Intime Retail Group", "intime", EntityKind::Organization),
        ];
        Gazetteer::new(names.into_iter().map(|(name, entity, kind)| KnownName {
            name: name.into(),
            entity: entity.into(),
            kind,
        }))
    }

    fn check(text: &str, expected: &[&str]) {
        let g = gazetteer();
        let mentions = g.mentions(text);
        let matcher = TitleMatcher::new(&TitleTable::default());
        let found: Vec<String> = find(text, 0..text.len(), &mentions, &matcher)
            .into_iter()
            .map(|c| {
                let who = c
                    .person
                    .as_ref()
                    .map_or_else(|| "<pronoun>".to_owned(), |p| p.entity.to_string());
                let titles: Vec<String> = c.titles.iter().map(|(t, _)| t.to_string()).collect();
                let org = match &c.org {
                    Some(OrgRef::Entity { id, .. }) => id.to_string(),
                    Some(OrgRef::Anaphor { span }) => format!("<{}>", &text[span.clone()]),
                    None => "-".into(),
                };
                let former = if c.former { " former" } else { "" };
                format!(
                    "{who}: {} of {org} {:?}{former} \"{}\"",
                    titles.join("+"),
                    c.tense,
                    &text[c.span]
                )
            })
            .collect();
        assert_eq!(found, expected, "\n{text}");
    }

    #[test]
    fn an_alias_written_with_its_possessive_owns_the_title_after_it() {
        let names = [
            ("Jane Roe", "roe", EntityKind::Person),
            ("Acme", "acme", EntityKind::Organization),
            ("Acme's", "acme", EntityKind::Organization),
        ];
        let g = Gazetteer::new(names.into_iter().map(|(name, entity, kind)| KnownName {
            name: name.into(),
            entity: entity.into(),
            kind,
        }));
        let matcher = TitleMatcher::new(&TitleTable::default());
        for text in [
            "Jane Roe, Acme's chief executive since 2017, said so.",
            "Jane Roe, Acme\u{2019}s chief executive, said so.",
        ] {
            let mentions = g.mentions(text);
            let found = find(text, 0..text.len(), &mentions, &matcher);
            let org = found.first().and_then(|c| match &c.org {
                Some(OrgRef::Entity { id, .. }) => Some(id.to_string()),
                _ => None,
            });
            assert_eq!(org.as_deref(), Some("acme"), "{text}");
        }
    }

    #[test]
    fn a_person_after_a_preposition_is_no_subject_of_the_verb() {
        check(
            "In 2019 he handed the role to Colin Huang and became chairman of Pinduoduo.",
            &[],
        );
        check(
            "In 2019 Colin Huang became chairman of Pinduoduo.",
            &["colin-huang: chairman of pdd Started \"Colin Huang became chairman of Pinduoduo\""],
        );
        // A pronoun between the person and the verb is the verb's subject.
        check(
            "The founder ran it until 2020, when Colin Huang took over and he became chairman of Pinduoduo.",
            &[],
        );
    }

    #[test]
    fn appositive_after_the_name() {
        check(
            "Chen Lei, chairman and CEO of Pinduoduo, announced it.",
            &[
                "chen-lei: chairman+chief executive of pdd Current \"Chen Lei, chairman and CEO of Pinduoduo\"",
            ],
        );
        check(
            "Zhang Yong, CEO of Alibaba Group, as the team leader",
            &[
                "zhang-yong: chief executive of alibaba Current \"Zhang Yong, CEO of Alibaba Group\"",
            ],
        );
    }

    #[test]
    fn a_title_owned_before_a_former_or_by_a_noun() {
        check(
            "The case rested on Pinduoduo's former chief financial officer, Chen Lei, who testified.",
            &[
                "chen-lei: chief financial officer of pdd Current former \"Pinduoduo's former chief financial officer, Chen Lei\"",
            ],
        );
        // "Its" before the title: of some body, the title alone.
        check(
            "Its chief financial officer, Chen Lei, said so.",
            &[
                "chen-lei: chief financial officer of - Current \"Its chief financial officer, Chen Lei\"",
            ],
        );
        // A noun the role check cannot tie to a name: the title alone.
        check(
            "Chen Lei, the airport's chief financial officer, spoke.",
            &[
                "chen-lei: chief financial officer of - Current \"Chen Lei, the airport's chief financial officer\"",
            ],
        );
    }

    #[test]
    fn appositive_with_an_article_a_possessive_or_former() {
        check(
            "Chen Lei, the chairman of Pinduoduo, spoke.",
            &["chen-lei: chairman of pdd Current \"Chen Lei, the chairman of Pinduoduo\""],
        );
        check(
            "Chen Lei, Pinduoduo's chairman and CEO, spoke.",
            &[
                "chen-lei: chairman+chief executive of pdd Current \"Chen Lei, Pinduoduo's chairman and CEO\"",
            ],
        );
        // The qualifier is the role check's to read, before the span.
        check(
            "Chen Lei, deputy chairman of Pinduoduo, spoke.",
            &["chen-lei: chairman of pdd Current \"Chen Lei, deputy chairman of Pinduoduo\""],
        );
        check(
            "Chen Lei, Pinduoduo's Assistant CEO, spoke.",
            &["chen-lei: chief executive of pdd Current \"Chen Lei, Pinduoduo's Assistant CEO\""],
        );
        check(
            "Chen Lei, its chairman, spoke.",
            &["chen-lei: chairman of <its> Current \"Chen Lei, its chairman\""],
        );
        check(
            "Chen Lei, the company's former chairman, spoke.",
            &[
                "chen-lei: chairman of <company> Current former \"Chen Lei, the company's former chairman\"",
            ],
        );
        check(
            "Chen Lei, a former chairman of Pinduoduo, spoke.",
            &[
                "chen-lei: chairman of pdd Current former \"Chen Lei, a former chairman of Pinduoduo\"",
            ],
        );
        // Past an age in commas.
        check(
            "Chen Lei, 47, the company's chairman, spoke.",
            &["chen-lei: chairman of <company> Current \"Chen Lei, 47, the company's chairman\""],
        );
    }

    #[test]
    fn title_before_the_name() {
        check(
            "said Alibaba CEO Daniel Zhang in a statement",
            &["zhang-yong: chief executive of alibaba Current \"Alibaba CEO Daniel Zhang\""],
        );
        check(
            "said former Alibaba CEO Daniel Zhang in a statement",
            &["zhang-yong: chief executive of alibaba Current former \"Alibaba CEO Daniel Zhang\""],
        );
        check(
            "said CEO Daniel Zhang in a statement",
            &["zhang-yong: chief executive of - Current \"CEO Daniel Zhang\""],
        );
        check(
            "said the CEO of the company Daniel Zhang (Daniel Zhang).",
            &[
                "zhang-yong: chief executive of <company> Current \"CEO of the company Daniel Zhang\"",
            ],
        );
        // A noun or "the company" owns the title before the name's comma.
        check(
            "said the museum's CEO, Daniel Zhang, in a statement",
            &["zhang-yong: chief executive of - Current \"the museum's CEO, Daniel Zhang\""],
        );
        check(
            "said the company's CEO, Daniel Zhang, in a statement",
            &[
                "zhang-yong: chief executive of <company> Current \"the company's CEO, Daniel Zhang\"",
            ],
        );
        check("said the CEO, Daniel Zhang, in a statement", &[]);
        check(
            "Alibaba's founder and chairman Jack Ma, who stepped down in 2019, gave.",
            &[
                "jack-ma: founder+chairman of alibaba Current former \"Alibaba's founder and chairman Jack Ma\"",
            ],
        );
    }

    #[test]
    fn a_garbled_list_yields_every_attribution() {
        check(
            "Lei Jun, head of electronics manufacturer Xiaomi, Lei Jun, head of the largest agricultural trading platform Pinduoduo, Colin Huang, and head of the largest grocery delivery service Meituan Wang Xing donated billions.",
            &[
                "lei-jun: head of xiaomi Current \"Lei Jun, head of electronics manufacturer Xiaomi\"",
                "lei-jun: head of xiaomi Current \"head of electronics manufacturer Xiaomi, Lei Jun\"",
                "lei-jun: head of pdd Current \"Lei Jun, head of the largest agricultural trading platform Pinduoduo\"",
                "colin-huang: head of pdd Current \"head of the largest agricultural trading platform Pinduoduo, Colin Huang\"",
                "wang-xing: head of meituan Current \"head of the largest grocery delivery service Meituan Wang Xing\"",
            ],
        );
    }

    #[test]
    fn predicates_with_tense() {
        check(
            "Zhang Yong is currently the CEO of Alibaba Group and the Chairman of its Board of Directors.",
            &[
                "zhang-yong: chief executive of alibaba Current \"Zhang Yong is currently the CEO of Alibaba Group\"",
                "zhang-yong: chairman of <its> Current \"Chairman of its\"",
            ],
        );
        check(
            "Zhang Yong officially took over as CEO of Alibaba Group in May 2015 and served as Chairman of Intime Retail Group in September.",
            &[
                "zhang-yong: chief executive of alibaba Started \"Zhang Yong officially took over as CEO of Alibaba Group\"",
                "zhang-yong: chairman of intime Past \"served as Chairman of Intime Retail Group\"",
            ],
        );
        check(
            "He officially became Chairman of Alibaba Group Board of Directors on September 10, 2019.",
            &[
                "<pronoun>: chairman of alibaba Started \"He officially became Chairman of Alibaba Group\"",
            ],
        );
    }

    #[test]
    fn no_role_without_a_title_or_a_person() {
        check("Chen Lei said the plan will affect profit.", &[]);
        check("the head of state called for more.", &[]);
    }
}

/// The fast paths agree with the plain code they replace, kept here as the
/// reference, on the sources' text and on generated text holding every
/// title form in several cases.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod fast_paths {
    use super::*;
    use crate::document::Format;
    use crate::mentions::{Gazetteer, KnownName};

    /// The default table, and one extended with forms that are non-ASCII,
    /// one byte long, or share a head with others.
    fn tables() -> Vec<TitleTable> {
        let mut extended = TitleTable::default();
        extended.add("general secretary", ["party chief", "party leader"]);
        extended.add(
            "editor-in-chief",
            ["editor in chief", "rédactrice en chef", "x", "Éditeur"],
        );
        vec![TitleTable::default(), extended]
    }

    fn gazetteer() -> Gazetteer {
        let names = [
            ("Jane Roe", "jane-roe", EntityKind::Person),
            ("John Doe", "john-doe", EntityKind::Person),
            ("Roe", "jane-roe", EntityKind::Person),
            ("Acme", "acme", EntityKind::Organization),
            ("Acme Group", "acme", EntityKind::Organization),
            ("Northwind", "northwind", EntityKind::Organization),
            ("Ruritania", "ruritania", EntityKind::Place),
        ];
        Gazetteer::new(names.into_iter().map(|(name, entity, kind)| KnownName {
            name: name.into(),
            entity: entity.into(),
            kind,
        }))
    }

    /// The seed articles, and pseudo-random text made of every title form,
    /// every word the items know, names and near misses, in several cases,
    /// with separators (ASCII and not, letters and not).
    fn corpus() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sources");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        let mut base: Vec<String> = tables()
            .iter()
            .flat_map(|t| t.forms().map(str::to_owned).collect::<Vec<_>>())
            .collect();
        base.extend(
            [
                "and",
                "&",
                "of",
                "at",
                "for",
                "the",
                "a",
                "an",
                "its",
                "their",
                "company",
                "firm",
                "group",
                "is",
                "remains",
                "serves",
                "currently",
                "became",
                "becomes",
                "took",
                "named",
                "appointed",
                "elected",
                "promoted",
                "was",
                "served",
                "had",
                "as",
                "over",
                "also",
                "now",
                "officially",
                "then",
                "still",
                "been",
                "has",
                "former",
                "ex",
                "ex-",
                "formerly",
                "outgoing",
                "retired",
                "stepped down",
                "who left",
                "resigned",
                "he",
                "she",
                "Jane Roe",
                "John Doe",
                "Acme",
                "Acme Group",
                "Northwind",
                "Ruritania",
                "said",
                "in",
                "by",
                "chairmanship",
                "headquarters",
                "cooperate",
                "co",
                "vice",
                "xceo",
                "mischief",
                "xvice",
                "keyboard",
                "taco",
                "anon",
                "overhead",
                "subgeneral",
                "xparty",
                "exec",
                "chiefs",
                "presidential",
                "board",
                "executive",
                "officer",
                "reformer",
                "transformers",
                "extraordinarily",
                "internationalisation",
                "2019",
                "15.5",
                "no1",
                "a-b",
                "café",
                "naïve",
                "\u{212A}",
                "İS",
                "TOO\u{212A}",
                "retİred",
            ]
            .map(str::to_owned),
        );
        let mut words = Vec::new();
        for w in base {
            words.push(w.to_uppercase());
            let mut chars = w.chars();
            if let Some(c) = chars.next() {
                words.push(c.to_uppercase().chain(chars).collect());
            }
            words.push(w);
        }
        let separators = [
            " ", " ", " ", " ", " ", "", "-", ",", ", ", ". ", "'s ", "’s ", "'", "’", "\n",
            "\n\n", "(", ")", "[", "]", "_", "@", "`", "{", "~", "é", "\u{a0}", "“", "”", "\"",
            "🦀", "0", ";", "İ", "\u{212A}",
        ];
        let mut next = crate::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..6 {
            let mut text = String::new();
            for _ in 0..5_000 {
                text.push_str(&words[(next() % words.len() as u64) as usize]);
                text.push_str(separators[(next() % separators.len() as u64) as usize]);
            }
            texts.push(text);
        }
        texts
    }

    /// The sentences of `text`, and pseudo-random ranges between char
    /// boundaries (starting and ending anywhere, mid-word too).
    fn ranges(text: &str, seed: u64) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = crate::sentences::split(text, 0, Format::Text)
            .into_iter()
            .map(|s| s.span)
            .collect();
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut next = crate::xorshift(seed | 1);
        for _ in 0..1_500 {
            let seed = next();
            let start = (seed % bounds.len() as u64) as usize;
            let len = ((seed >> 32) % 120) as usize;
            let end = (start + len).min(bounds.len() - 1);
            out.push(bounds[start]..bounds[end]);
        }
        out.push(0..text.len());
        out
    }

    /// The title search as it was: the automaton over every sentence.
    fn titles_reference(
        m: &TitleMatcher,
        table: &TitleTable,
        text: &str,
        range: Range<usize>,
    ) -> Vec<(Range<usize>, String)> {
        let Some(ac) = m.automaton() else {
            return Vec::new();
        };
        let Some(part) = text.get(range.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for hit in ac.find_iter(&part.to_ascii_lowercase()) {
            let span = range.start + hit.start()..range.start + hit.end();
            let before = text[..span.start].chars().next_back();
            let after = text[span.end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(form) = m.forms.get(hit.pattern().as_usize()) else {
                continue;
            };
            let written = &text[span.clone()];
            if form.len() <= 3 && written != written.to_uppercase() {
                continue;
            }
            if let Some(canonical) = table.canonical(form) {
                out.push((span, canonical.to_owned()));
            }
        }
        out
    }

    fn classify_reference(word: &str) -> Item<'static> {
        match word.to_lowercase().as_str() {
            "and" | "&" => Item::And,
            "of" | "at" | "for" => Item::Of,
            "the" | "a" | "an" => Item::Det,
            "its" | "their" => Item::Anaphor,
            "company" | "firm" | "group" => Item::Anaphor,
            "is" | "remains" | "serves" => Item::Verb(Tense::Current),
            "currently" => Item::Adverb,
            "became" | "becomes" | "took" | "named" | "appointed" | "elected" | "promoted" => {
                Item::Verb(Tense::Started)
            }
            "was" | "served" | "had" => Item::Verb(Tense::Past),
            "as" | "over" | "also" | "now" | "officially" | "then" | "still" | "been" | "has" => {
                Item::Adverb
            }
            "former" | "ex" | "formerly" | "outgoing" | "retired" => Item::Former,
            _ => {
                if word.chars().next().is_some_and(char::is_uppercase) {
                    Item::Cap
                } else if word.chars().all(|c| c.is_alphanumeric() || c == '-') {
                    Item::Word
                } else {
                    Item::Stop
                }
            }
        }
    }

    /// The items as they were read: a scan of every mention and title at
    /// every position, chars decoded one by one.
    fn items_reference<'t>(
        text: &str,
        sentence: Range<usize>,
        mentions: &[Mention],
        titles: &[(Range<usize>, &'t Arc<str>)],
    ) -> Vec<(Item<'t>, Range<usize>)> {
        let mut out = Vec::new();
        let mut pos = sentence.start;
        while pos < sentence.end {
            if let Some((i, m)) = mentions
                .iter()
                .enumerate()
                .find(|(_, m)| m.span.start == pos)
            {
                let item = match m.kind {
                    EntityKind::Person => Item::Person(i),
                    _ => Item::Org(i),
                };
                out.push((item, m.span.clone()));
                pos = m.span.end;
                continue;
            }
            if let Some((span, title)) = titles.iter().find(|(s, _)| s.start == pos) {
                out.push((Item::Title(title), span.clone()));
                pos = span.end;
                continue;
            }
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            if c.is_alphanumeric() {
                let end = text[pos..sentence.end]
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
                    .map_or(sentence.end, |n| pos + n);
                let word = &text[pos..end];
                out.push((classify_reference(word), pos..end));
                pos = end;
                continue;
            }
            let item = match c {
                ',' => Some(Item::Comma),
                '\'' | '’' => {
                    let next = text[pos + c.len_utf8()..].chars().next();
                    if next == Some('s')
                        && !text[pos + c.len_utf8() + 1..].starts_with(char::is_alphanumeric)
                    {
                        out.push((Item::Possessive, pos..pos + c.len_utf8() + 1));
                        pos += c.len_utf8() + 1;
                        continue;
                    }
                    None
                }
                c if c.is_whitespace() => None,
                '(' | ')' | ';' | ':' | '.' | '!' | '?' | '"' | '“' | '”' => Some(Item::Stop),
                _ => None,
            };
            if let Some(item) = item {
                out.push((item, pos..pos + c.len_utf8()));
            }
            pos += c.len_utf8();
        }
        out
    }

    fn former_reference(sentence: &str) -> bool {
        let lower = sentence.to_lowercase();
        [
            "stepped down",
            "steps down",
            "former",
            "ex-",
            "retired",
            "who left",
            "resigned",
            "resigns",
            "sacked",
            "dismissed",
            "ousted",
            "quit",
        ]
        .iter()
        .any(|w| lower.contains(w))
    }

    #[test]
    fn the_title_pretest_never_hides_a_title() {
        let texts = corpus();
        let mut found = 0;
        for table in tables() {
            for workload in [Workload::Few, Workload::Many] {
                let m = TitleMatcher::for_workload(&table, workload);
                for (n, text) in texts.iter().enumerate() {
                    for range in ranges(text, n as u64) {
                        let expected = titles_reference(&m, &table, text, range.clone());
                        let got: Vec<(Range<usize>, String)> = m
                            .find(text, range.clone())
                            .into_iter()
                            .map(|(s, t)| (s, t.to_string()))
                            .collect();
                        assert_eq!(got, expected, "{range:?}: {:?}", &text[range.clone()]);
                        found += expected.len();
                    }
                }
            }
        }
        // The text does hold titles, in every case.
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn titles_hidden_inside_words_are_found_as_before() {
        let m = TitleMatcher::new(&tables()[1]);
        let mut hidden = 0;
        for text in [
            "The mischief executive chairman spoke.",
            "Xvice president Jane Roe",
            "the keyboard member of Acme",
            "A taco-founder and a taco founder.",
            "xparty chief, non-executive director",
            "anon-executive director",
            "xrédactrice en chef",
            "aÉditeur",
        ] {
            let expected = titles_reference(&m, &tables()[1], text, 0..text.len());
            let mut scanned = Vec::new();
            m.scan(text.as_bytes(), |span, _| scanned.push(span));
            let kept: Vec<Range<usize>> = scanned
                .iter()
                .filter(|s| {
                    let before = text[..s.start].chars().next_back();
                    let after = text[s.end..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
                .cloned()
                .collect();
            if kept != expected.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>() {
                hidden += 1;
            }
            let got: Vec<(Range<usize>, String)> = m
                .find(text, 0..text.len())
                .into_iter()
                .map(|(s, t)| (s, t.to_string()))
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
        // The word starts alone would have found other titles here.
        assert!(hidden >= 2, "{hidden}");
    }

    #[test]
    fn items_read_as_before() {
        let g = gazetteer();
        let m = TitleMatcher::new(&tables()[1]);
        for (n, text) in corpus().iter().enumerate() {
            let mentions = g.mentions(text);
            for range in ranges(text, n as u64 + 7) {
                let inside: Vec<Mention> = mentions
                    .iter()
                    .filter(|x| x.span.start >= range.start && x.span.end <= range.end)
                    .cloned()
                    .collect();
                let titles = m.find(text, range.clone());
                assert_eq!(
                    items(text, range.clone(), &inside, &titles, usize::MAX),
                    items_reference(text, range.clone(), &inside, &titles),
                    "{:?}",
                    &text[range]
                );
            }
        }
    }

    #[test]
    fn items_past_the_last_title_make_no_claim() {
        let g = gazetteer();
        let m = TitleMatcher::new(&tables()[1]);
        let mut found = 0;
        let mut texts = corpus();
        // Long organisation phrases and lists after titles.
        texts.push(
            "Jane Roe, CEO of the big old new red blue green tall Acme, said. \
             CEO and chairman of the a an the its firm group company Acme, John Doe. \
             Jane Roe became CEO of Acme and the chairman of its board and the \
             president of the Acme Group, and the chairman of Northwind."
                .repeat(3),
        );
        for (n, text) in texts.iter().enumerate() {
            let mentions = g.mentions(text);
            for range in ranges(text, n as u64 + 13) {
                let inside: Vec<Mention> = mentions
                    .iter()
                    .filter(|x| x.span.start >= range.start && x.span.end <= range.end)
                    .cloned()
                    .collect();
                let expected = read_with(text, range.clone(), &inside, &m, usize::MAX);
                found += expected.len();
                assert_eq!(
                    read(text, range.clone(), &inside, &m),
                    expected,
                    "{:?}",
                    &text[range]
                );
            }
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn words_classify_as_before() {
        for text in corpus() {
            for word in text.split(|c: char| c.is_whitespace() || c == ',' || c == '.') {
                assert_eq!(classify_word(word), classify_reference(word), "{word:?}");
            }
        }
    }

    #[test]
    fn sentences_without_a_person_hold_no_role() {
        let g = gazetteer();
        let m = TitleMatcher::new(&tables()[1]);
        let (mut skipped, mut found) = (0, 0);
        for (n, text) in corpus().iter().enumerate() {
            let mentions = g.mentions(text);
            for range in ranges(text, n as u64 + 11) {
                let inside: Vec<Mention> = mentions
                    .iter()
                    .filter(|x| x.span.start >= range.start && x.span.end <= range.end)
                    .cloned()
                    .collect();
                let expected = read(text, range.clone(), &inside, &m);
                if !inside.iter().any(|x| x.kind == EntityKind::Person)
                    && !may_start_with_pronoun(text, range.clone())
                {
                    skipped += 1;
                }
                found += expected.iter().filter(|c| c.person.is_none()).count();
                assert_eq!(
                    find(text, range.clone(), &inside, &m),
                    expected,
                    "{:?}",
                    &text[range]
                );
            }
        }
        // Pronoun subjects after what makes no item, or none.
        for text in [
            "He became CEO of Acme.",
            "she is the chairman of Acme",
            "  - He was chairman of Acme.",
            "“She became CEO of Acme.",
            "'He served as president of Acme.",
            "— She is CEO of Acme.",
            "(He became CEO of Acme.",
            "Hereafter she became CEO of Acme.",
            "Sheer luck: he became CEO of Acme.",
        ] {
            let mentions = g.mentions(text);
            let expected = read(text, 0..text.len(), &mentions, &m);
            found += expected.iter().filter(|c| c.pronoun.is_some()).count();
            assert_eq!(
                find(text, 0..text.len(), &mentions, &m),
                expected,
                "{text:?}"
            );
        }
        // Both the shortcut and pronoun subjects are exercised.
        assert!(skipped > 1_000 && found > 10, "{skipped} {found}");
    }

    #[test]
    fn former_is_found_as_before() {
        for sentence in [
            "Acme chief Jane Roe quits after a slump",
            "Acme CEO Jane Roe QUITS",
            "Jane Roe resigns as chief executive",
            "Roe steps down",
            "Jane Roe, CEO of Acme, said",
        ] {
            assert_eq!(
                says_former(sentence),
                former_reference(sentence),
                "{sentence:?}"
            );
            assert_eq!(
                says_former(sentence),
                !sentence.contains("said"),
                "{sentence:?}"
            );
        }
        for (n, text) in corpus().iter().enumerate() {
            for range in ranges(text, n as u64 + 3) {
                let sentence = &text[range];
                assert_eq!(
                    says_former(sentence),
                    former_reference(sentence),
                    "{sentence:?}"
                );
            }
        }
    }
}
