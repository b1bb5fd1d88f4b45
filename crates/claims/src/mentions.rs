//! Entity mentions: one search over every name and alias of the fact base,
//! whole words only; and near misses of those names, which are likely
//! misspellings rather than new entities.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::Workload;
use facts::EntityKind;

/// A name the extractor should know: from the fact base, by entity id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownName {
    /// The name as written in the facts.
    pub name: String,
    /// The entity it names.
    pub entity: String,
    /// What the entity is.
    pub kind: EntityKind,
}

/// A known name as the gazetteer keeps it: the strings shared with every
/// mention of it, so a mention copies two pointers rather than two strings.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Known {
    name: Arc<str>,
    /// One allocation per entity, shared by all its names.
    entity: Arc<str>,
    kind: EntityKind,
}

/// A mention of a known entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the name in the text.
    pub span: Range<usize>,
    /// The entity id, shared with the gazetteer (cloning is cheap).
    pub entity: Arc<str>,
    /// What the entity is.
    pub kind: EntityKind,
    /// The name that matched, as the facts write it; shared with the
    /// gazetteer.
    pub name: Arc<str>,
}

/// A capitalised word that is a near miss of a known name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misspelling {
    /// Byte range of the word.
    pub span: Range<usize>,
    /// The closest known name (or word of a name).
    pub closest: String,
    /// The entity id it belongs to, shared with the gazetteer.
    pub entity: Arc<str>,
    /// Edit distance (optimal string alignment).
    pub distance: usize,
}

/// The sorted English word list (lowercase, five letters or more), from
/// Debian's `wamerican` (SCOWL): ordinary words are never misspellings.
const WORDS: &str = include_str!("../data/english-words.txt");

/// Whether `word` (any case) is an ordinary English word. A binary search
/// over the sorted list's bytes: no index to build, so a cold run pays
/// nothing for a list it rarely consults.
pub fn is_dictionary_word(word: &str) -> bool {
    // Nearly every word asked about is ASCII and short: lowercased on the
    // stack. Others take the general path (`to_lowercase` can turn a
    // non-ASCII letter into an ASCII one).
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            ascii_dictionary_word(lower)
        }
        _ => dictionary_word_general(word),
    }
}

/// [`is_dictionary_word`] for a lowercase ASCII word.
fn ascii_dictionary_word(lower: &[u8]) -> bool {
    in_word_list(lower)
        // Plurals and possessives of dictionary words are dictionary words.
        || lower
            .strip_suffix(b"s")
            .is_some_and(|stem| stem.len() >= 5 && ascii_dictionary_word(stem))
        || american_spelling_is_a_word(lower)
}

/// Whether the American spelling of a British one is in the word list
/// (American), which lacks the British: "organisers" is "organizers",
/// "colour" "color", "centre" "center", "defence" "defense", "analyse"
/// "analyze". Spelt on the stack, as the word itself is.
fn american_spelling_is_a_word(lower: &[u8]) -> bool {
    // Endings, longest first, each with its American form; the stem must
    // keep a few letters ("rise", "hour" and "ours" are no British forms).
    const ENDINGS: [(&[u8], &[u8]); 24] = [
        (b"isations", b"izations"),
        (b"isation", b"ization"),
        (b"isers", b"izers"),
        (b"ising", b"izing"),
        (b"iser", b"izer"),
        (b"ised", b"ized"),
        (b"ises", b"izes"),
        (b"ise", b"ize"),
        (b"ysing", b"yzing"),
        (b"ysed", b"yzed"),
        (b"yses", b"yzes"),
        (b"yse", b"yze"),
        (b"ours", b"ors"),
        (b"oured", b"ored"),
        (b"ouring", b"oring"),
        (b"ourable", b"orable"),
        (b"our", b"or"),
        (b"tres", b"ters"),
        (b"tre", b"ter"),
        (b"ences", b"enses"),
        (b"ence", b"ense"),
        (b"ogue", b"og"),
        (b"lled", b"led"),
        (b"lling", b"ling"),
    ];
    let mut buf = [0u8; 40];
    let Some((stem, american)) = ENDINGS.iter().find_map(|&(british, american)| {
        let stem = lower.strip_suffix(british).filter(|stem| stem.len() >= 3)?;
        Some((stem, american))
    }) else {
        return false;
    };
    let Some(us) = buf.get_mut(..stem.len() + american.len()) else {
        return false;
    };
    let (head, tail) = us.split_at_mut(stem.len());
    head.copy_from_slice(stem);
    tail.copy_from_slice(american);
    in_word_list(us)
}

/// Whether `lower` is a line of the word list: a binary search over its
/// bytes, finding the line around each probe with plain byte loops (lines
/// are a few bytes long; `rfind`/`find` cost more to set up than to run).
fn in_word_list(lower: &[u8]) -> bool {
    let list = WORDS.as_bytes();
    let (mut lo, mut hi) = (0usize, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut start = mid;
        while start > 0 && list.get(start - 1).is_some_and(|&b| b != b'\n') {
            start -= 1;
        }
        let mut end = mid;
        while list.get(end).is_some_and(|&b| b != b'\n') {
            end += 1;
        }
        match list.get(start..end).unwrap_or_default().cmp(lower) {
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// [`is_dictionary_word`] for any word.
fn dictionary_word_general(word: &str) -> bool {
    let lower = word.to_lowercase();
    let bytes = WORDS.as_bytes();
    let line_at = |pos: usize| {
        let start = WORDS[..pos].rfind('\n').map_or(0, |i| i + 1);
        let end = WORDS[pos..].find('\n').map_or(WORDS.len(), |i| pos + i);
        (start, end)
    };
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (start, end) = line_at(mid);
        match WORDS[start..end].cmp(lower.as_str()) {
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
            std::cmp::Ordering::Equal => return true,
        }
    }
    // Plurals and possessives of dictionary words are dictionary words.
    lower
        .strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 5 && is_dictionary_word(stem))
        || american_spelling_is_a_word(lower.as_bytes())
}

/// Finds mentions of known names and near misses of them.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    trie: NameTrie,
    names: Vec<Known>,
    /// Distinctive single words of names (not dictionary words), for near
    /// misses: (word, index into `names`).
    words: Vec<NameWord>,
    /// For each ASCII capital, the range of `words` starting with it.
    ascii_groups: [(usize, usize); 26],
    /// For a name the trie reports, the later names written the same in
    /// another ASCII case (`coast guard` beside `Coast Guard`), whose case
    /// may be the one the text has.
    case_variants: Vec<Vec<usize>>,
    /// Persons' names of two words, split: (first word, second word, index
    /// into `names`), for a near miss of the second after the first.
    partners: Vec<(String, String, usize)>,
    /// The first bytes of the partners' first names.
    partner_starts: [bool; 256],
    /// Names of several words that open with a dictionary word, which the
    /// scan of single words passes over ("Falcon Ridge", "Meridian
    /// Blue"): (first word, second word, index into `names`), sorted, for
    /// a near miss of the first before the second ("Falcan Ridge").
    leaders: Vec<(String, String, usize)>,
    /// The first bytes of the leaders' first words.
    leader_starts: [bool; 256],
    /// The head nouns of places' names that no other entity's name shares,
    /// lowercase ("fire" of "Brookfield fire"): (head, entity), sorted.
    heads: Vec<(String, Arc<str>)>,
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General Punctuation (curly quotes, dashes, bullets: most non-ASCII
    // characters of news text) holds no letter or digit; the Unicode tables
    // cost far more than this test.
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

fn whole_word(text: &str, span: &Range<usize>) -> bool {
    let bytes = text.as_bytes();
    // The neighbours are nearly always ASCII: read without decoding.
    let before = match span.start.checked_sub(1).and_then(|i| bytes.get(i)) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..span.start)
            .and_then(|head| head.chars().next_back())
            .is_some_and(is_word_char),
    };
    let after = match bytes.get(span.end) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(span.end..)
            .and_then(|tail| tail.chars().next())
            .is_some_and(is_word_char),
    };
    !before && !after
}

/// Whether the matched text may stand for the name: exact case, or a
/// multi-word name written with other capitalisation ("Green grid Fund"), or
/// the name in capitals (headlines).
fn acceptable_case(found: &str, name: &str) -> bool {
    if found == name {
        return true;
    }
    let has_letters = found.chars().any(char::is_alphabetic);
    if has_letters && found.chars().all(|c| !c.is_lowercase()) && name.chars().count() >= 4 {
        return true;
    }
    name.contains(' ')
        && found.chars().next() == name.chars().next()
        && found.chars().any(char::is_uppercase)
}

/// Whether the word ending right before `start` is a capitalised word that
/// is none of the person's `name` words and no title: "By Fiona Marchand" names
/// another person than Rui Marchant, not a misspelling of him.
fn after_another_first_name<'n>(
    text: &str,
    start: usize,
    mut name: impl Iterator<Item = &'n str>,
) -> bool {
    const TITLES: [&str; 16] = [
        "captain",
        "coach",
        "commissioner",
        "councillor",
        "dame",
        "detective",
        "general",
        "judge",
        "justice",
        "lord",
        "mayor",
        "prof",
        "professor",
        "rep",
        "sen",
        "sir",
    ];
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = previous.trim_matches(|c: char| !c.is_alphanumeric());
    word.len() > 1
        && word == previous
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !name.any(|w| w == word)
        && !crate::one_of(word, &crate::TITLE_WORDS)
        && !crate::one_of(word, &TITLES)
        && !crate::dates::names_a_time(word)
}

impl Gazetteer {
    /// Builds the search over every name. Names shorter than two
    /// characters are ignored: they would match everywhere.
    pub fn new(names: impl IntoIterator<Item = KnownName>) -> Gazetteer {
        Gazetteer::for_workload(names, Workload::Few)
    }

    /// Like [`Gazetteer::new`]; every workload gets the same search (its
    /// trie costs less to build than any automaton, and searches faster).
    pub fn for_workload(
        names: impl IntoIterator<Item = KnownName>,
        _workload: Workload,
    ) -> Gazetteer {
        let mut names: Vec<KnownName> = names
            .into_iter()
            .filter(|n| n.name.trim().chars().count() >= 2)
            .collect();
        names.sort_by(|a, b| a.name.cmp(&b.name).then(a.entity.cmp(&b.entity)));
        names.dedup_by(|a, b| a.name == b.name && a.entity == b.entity);
        let mut ids: HashMap<String, Arc<str>> = HashMap::new();
        let names: Vec<Known> = names
            .into_iter()
            .map(|n| Known {
                entity: ids
                    .entry(n.entity)
                    .or_insert_with_key(|id| id.as_str().into())
                    .clone(),
                name: n.name.into(),
                kind: n.kind,
            })
            .collect();
        let trie = NameTrie::new(names.iter().map(|n| n.name.as_bytes()));
        let mut first_of: HashMap<String, usize> = HashMap::new();
        let mut case_variants: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
        for (i, n) in names.iter().enumerate() {
            match first_of.entry(n.name.to_ascii_lowercase()) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    if let Some(variants) = case_variants.get_mut(*first.get()) {
                        variants.push(i);
                    }
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        let mut words = Vec::new();
        // A word shared by several names ("Acme" of "Acme Corp" and "Acme
        // Holdings") is kept once, for its first name: on a tie
        // `misspellings` picks the first word anyway.
        let mut seen = std::collections::HashSet::new();
        for (i, n) in names.iter().enumerate() {
            for w in n.name.split(|c: char| !c.is_alphanumeric()) {
                if !seen.contains(w) && distinctive(w, &n.name, n.kind) {
                    seen.insert(w);
                    words.push(NameWord {
                        first: w.chars().next(),
                        chars: w.chars().count(),
                        letters: Letters::of(w),
                        present: Letters::present(w),
                        word: w.to_owned(),
                        name: i,
                    });
                }
            }
        }
        // Grouped by first letter for `misspellings`; stable, so ties keep
        // the order of `names`.
        words.sort_by_key(|w| w.first);
        let mut ascii_groups = [(0, 0); 26];
        for (letter, group) in (b'A'..=b'Z').zip(&mut ascii_groups) {
            *group = first_letter_group(&words, char::from(letter));
        }
        let partners: Vec<(String, String, usize)> = (names.iter().enumerate())
            .filter(|(_, n)| n.kind == EntityKind::Person)
            .filter_map(|(i, n)| {
                let (first, rest) = n.name.split_once(' ')?;
                let two = !rest.contains(' ') && rest.chars().count() >= 3;
                two.then(|| (first.to_owned(), rest.to_owned(), i))
            })
            .collect::<Vec<_>>();
        let mut partners = partners;
        partners.sort();
        let mut partner_starts = [false; 256];
        for (first, ..) in &partners {
            if let Some(&b) = first.as_bytes().first() {
                partner_starts[usize::from(b)] = true;
            }
        }
        let mut leaders: Vec<(String, String, usize)> = (names.iter().enumerate())
            .filter(|(_, n)| n.kind != EntityKind::Person)
            .filter_map(|(i, n)| {
                let mut parts = n.name.split(' ');
                let (first, second) = (parts.next()?, parts.next()?);
                let leads = first.chars().count() >= 5
                    && first.chars().all(char::is_alphabetic)
                    && first.chars().next().is_some_and(char::is_uppercase)
                    && !distinctive(first, &n.name, n.kind)
                    && second.chars().next().is_some_and(char::is_uppercase);
                leads.then(|| (first.to_owned(), second.to_owned(), i))
            })
            .collect();
        leaders.sort();
        leaders.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        let mut leader_starts = [false; 256];
        for (first, ..) in &leaders {
            if let Some(&b) = first.as_bytes().first() {
                leader_starts[usize::from(b)] = true;
            }
        }
        let heads = heads_of(&names);
        Gazetteer {
            trie,
            names,
            words,
            ascii_groups,
            case_variants,
            partners,
            partner_starts,
            leaders,
            leader_starts,
            heads,
        }
    }

    /// A misspelling read as a mention of the name it misses, for linking
    /// claims to subjects: "Acem was fined $2.8 billion" is about the
    /// entity whose name it misspells.
    pub fn as_mention(&self, m: &Misspelling) -> Option<Mention> {
        let known = self.names.iter().find(|k| k.entity == m.entity)?;
        Some(Mention {
            span: m.span.clone(),
            entity: known.entity.clone(),
            kind: known.kind,
            name: known.name.clone(),
        })
    }

    /// "the fire" after "Brookfield fire" was named: a definite article
    /// and the head noun of one name only, lowercase, after a mention of
    /// its entity (among `mentions`, sorted), read as a mention of it for
    /// linking claims to subjects. The span holds the article.
    pub fn descriptions(&self, text: &str, mentions: &[Mention]) -> Vec<Mention> {
        let mut out = Vec::new();
        if self.heads.is_empty() || mentions.is_empty() {
            return out;
        }
        let bytes = text.as_bytes();
        for at in memchr::memmem::find_iter(bytes, b"he ") {
            let Some(start) = at.checked_sub(1) else {
                continue;
            };
            if !matches!(bytes.get(start), Some(b't' | b'T'))
                || start
                    .checked_sub(1)
                    .and_then(|i| bytes.get(i))
                    .is_some_and(u8::is_ascii_alphanumeric)
            {
                continue;
            }
            let from = at + 3;
            let rest = text.get(from..).unwrap_or("");
            let len = rest
                .find(|c: char| !c.is_ascii_lowercase())
                .unwrap_or(rest.len());
            let Some(word) = rest.get(..len).filter(|w| w.len() >= 3) else {
                continue;
            };
            // Not the first word of a name the text goes on with.
            if rest.get(len..).is_some_and(|after| {
                after.starts_with('-')
                    || after
                        .strip_prefix(' ')
                        .is_some_and(|a| a.starts_with(|c: char| c.is_uppercase()))
            }) {
                continue;
            }
            let Ok(k) = self.heads.binary_search_by(|(h, _)| h.as_str().cmp(word)) else {
                continue;
            };
            let Some((_, entity)) = self.heads.get(k) else {
                continue;
            };
            let named = mentions
                .iter()
                .take_while(|m| m.span.end <= start)
                .find(|m| m.entity == *entity);
            if let Some(m) = named {
                out.push(Mention {
                    span: start..from + len,
                    entity: m.entity.clone(),
                    kind: m.kind,
                    name: m.name.clone(),
                });
            }
        }
        out
    }

    /// Every mention of a known name in `text`, whole words, in order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        self.trie
            .find_word_starts(text.as_bytes(), |pattern, span| {
                let Some(found) = text.get(span.clone()) else {
                    return;
                };
                if !whole_word(text, &span) {
                    return;
                }
                let variants = self
                    .case_variants
                    .get(pattern)
                    .map_or(&[][..], Vec::as_slice);
                let Some(known) = std::iter::once(&pattern)
                    .chain(variants)
                    .filter_map(|&i| self.names.get(i))
                    .find(|known| acceptable_case(found, &known.name))
                else {
                    return;
                };
                out.push(Mention {
                    span,
                    entity: known.entity.clone(),
                    kind: known.kind,
                    name: known.name.clone(),
                });
            });
        out
    }

    /// Capitalised words of at least five letters, outside mentions, that
    /// are one or two edits from a distinctive word of a known name and are
    /// not ordinary words. `sentence_starts` are the byte offsets where
    /// sentences begin, in order: a capital there proves nothing, so only a
    /// single edit counts there.
    pub fn misspellings(
        &self,
        text: &str,
        mentions: &[Mention],
        sentence_starts: &[usize],
    ) -> Vec<Misspelling> {
        let mut out = Vec::new();
        if self.words.is_empty() && self.leaders.is_empty() {
            return out;
        }
        let inside_mention = SpanSet::of(mentions.iter().map(|m| m.span.clone()));
        // Words come in order: the mentions starting at or before one are a
        // prefix of the sorted starts that only grows.
        let mut mentions_before = 0;
        // Sized for the distinct candidates of a long article, so that it
        // rarely grows.
        // The default hasher: the tokens come from the article, which may be
        // built to collide under a cheaper hash.
        let mut seen: HashMap<(&str, usize), Option<(usize, &NameWord)>> =
            HashMap::with_capacity(64);
        // Sentence starts come in order too: those before a word are a
        // prefix that only grows.
        let mut starts_before = 0;
        let bytes = text.as_bytes();
        let mut passed = 0;
        let skip = |at: usize| {
            // Inside a mention that ends before a byte that is no word
            // character, every word starting from here on to its end is
            // inside it too: passed over without reading them.
            while inside_mention
                .starts
                .get(passed)
                .is_some_and(|&(s, _)| s <= at)
            {
                passed += 1;
            }
            let furthest = passed
                .checked_sub(1)
                .and_then(|i| inside_mention.starts.get(i))
                .map_or(0, |&(_, furthest)| furthest);
            if furthest > at
                && match bytes.get(furthest) {
                    None => true,
                    Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
                    // A character, and no word character ("’s").
                    Some(_) => text
                        .get(furthest..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|c| !is_word_char(c)),
                }
            {
                return furthest;
            }
            match *bytes.get(at..).unwrap_or_default() {
                // No name word starts with this capital: nothing to read.
                [b, ..] if b.is_ascii_uppercase() => {
                    if self.words_starting_with_ascii(b).is_empty()
                        && !self.leader_starts[usize::from(b)]
                    {
                        at + 1
                    } else {
                        at
                    }
                }
                // Inside a character, which starts no word.
                [0x80..=0xBF, ..] => at + 1,
                // U+2000 to U+203F, punctuation (curly quotes, dashes): no
                // word starts with it, and its other bytes start nothing.
                [0xE2, 0x80, _, ..] => at + 3,
                _ => at,
            }
        };
        for_each_capitalised_word(text, skip, |start, token| {
            let span = start..start + token.len();
            // Most long capitalised words are known names: words inside a
            // mention are passed first, which costs least.
            while inside_mention
                .starts
                .get(mentions_before)
                .is_some_and(|&(s, _)| s <= start)
            {
                mentions_before += 1;
            }
            let covered = mentions_before
                .checked_sub(1)
                .and_then(|i| inside_mention.starts.get(i))
                .is_some_and(|&(_, furthest)| furthest >= span.end);
            if covered {
                return;
            }
            let Some(first) = token.chars().next() else {
                return;
            };
            if let Some(miss) = self.leader_miss(text, token, &span) {
                out.push(miss);
                return;
            }
            // Typos rarely touch the first letter; requiring it keeps the
            // edit-distance work to a few names per word, and most words
            // have none.
            let group = self.words_starting_with(first);
            let len = if token.is_ascii() {
                token.len()
            } else {
                token.chars().count()
            };
            if len < 5 || !group.iter().any(|w| w.chars.abs_diff(len) <= 2) {
                return;
            }
            // Bins one word uses and the other not each add one to the
            // letter-count difference: most tokens are far from every name
            // word by that bound alone, which costs less than the memory
            // of verdicts (hashing) and gives `near_miss`'s answer. Tested
            // first with two edits, the most ever allowed.
            let present = Letters::present(token);
            let near = |max_distance: usize| {
                group.iter().any(|w| {
                    w.chars.abs_diff(len) <= max_distance
                        && (w.present ^ present).count_ones() as usize <= 2 * max_distance
                })
            };
            if !near(2) {
                return;
            }
            while sentence_starts
                .get(starts_before)
                .is_some_and(|&s| s < span.start)
            {
                starts_before += 1;
            }
            let at_start = sentence_starts.get(starts_before) == Some(&span.start);
            let max_distance = if at_start || len < 8 { 1 } else { 2 };
            if max_distance < 2 && !near(max_distance) {
                return;
            }
            // Names repeat within an article, and the verdict depends on
            // the token and the distance allowed alone.
            let verdict = *seen
                .entry((token, max_distance))
                .or_insert_with(|| near_miss(group, token, len, max_distance));
            let Some((distance, w)) = verdict else {
                return;
            };
            let Some(known) = self.names.get(w.name) else {
                return;
            };
            if known.kind != EntityKind::Person && demonym_of(token, &w.word) {
                return;
            }
            if known.kind == EntityKind::Person {
                let entity = &known.entity;
                let own_words = (self.names.iter())
                    .filter(|k| k.entity == *entity)
                    .flat_map(|k| k.name.split_whitespace());
                // Not a known name's word ("Northwind Jnae Roe").
                let known_before = |at: usize| mentions.iter().any(|m| m.span.contains(&at));
                if after_another_first_name(text, start, own_words)
                    && !start.checked_sub(2).is_some_and(known_before)
                {
                    return;
                }
            }
            out.push(Misspelling {
                span,
                closest: w.word.clone(),
                entity: known.entity.clone(),
                distance,
            });
        });
        self.partner_misspellings(text, &inside_mention, &mut out);
        out
    }

    /// A near miss of the first word of a name that opens with a
    /// dictionary word, right before the name's second word: "Falcan
    /// Ridge" for Falcon Ridge. The token is no dictionary word itself.
    fn leader_miss(&self, text: &str, token: &str, span: &Range<usize>) -> Option<Misspelling> {
        let first = token.as_bytes().first()?;
        // Most capitalised words are followed by no capitalised one.
        let next = text.as_bytes().get(span.end..span.end + 2)?;
        if next[0] != b' ' || !(next[1].is_ascii_uppercase() || next[1] >= 0x80) {
            return None;
        }
        let from = (self.leaders).partition_point(|l| l.0.as_bytes().first() < Some(first));
        let starting = self.leaders.get(from..).unwrap_or_default().iter();
        let len = token.chars().count();
        let after = text.get(span.end..).unwrap_or("");
        for (word, second, name) in starting.take_while(|l| l.0.as_bytes().first() == Some(first)) {
            let follows = after
                .strip_prefix(' ')
                .and_then(|rest| rest.strip_prefix(second.as_str()))
                .is_some_and(|rest| !rest.starts_with(|c: char| is_word_char(c)));
            if !follows || word == token || word.chars().count().abs_diff(len) > 1 {
                continue;
            }
            if is_dictionary_word(token) || is_inflection(token, word) {
                return None;
            }
            let max = if word.chars().count() < 8 { 1 } else { 2 };
            let Some(distance) = osa_within(word, token, max).filter(|&d| d >= 1) else {
                continue;
            };
            let entity = self.names.get(*name)?.entity.clone();
            return Some(Misspelling {
                span: span.clone(),
                closest: word.clone(),
                entity,
                distance,
            });
        }
        None
    }

    /// Near misses of a person's second name right after the first, which
    /// the scan of single words passes over when the name word is short, a
    /// dictionary word or hyphenated: "Dana Reave" for Dana Reeve, "Park
    /// Min-seung" for Park Min-sung. Kept in text order in `out`.
    fn partner_misspellings(&self, text: &str, known: &SpanSet, out: &mut Vec<Misspelling>) {
        if self.partners.is_empty() {
            return;
        }
        let before = out.len();
        let bytes = text.as_bytes();
        // One pass for all first names (a search per name cost a third of
        // a run with the bundled story's persons), sixteen bytes at a time:
        // only capitals and characters are looked at.
        let mut visit = |at: usize| {
            let Some(&b) = bytes.get(at) else {
                return;
            };
            if !self.partner_starts[usize::from(b)] {
                return;
            }
            let starts_word = match at.checked_sub(1).and_then(|p| bytes.get(p)) {
                None => true,
                Some(p) if p.is_ascii() => !ASCII_WORD[usize::from(*p)],
                Some(_) => text
                    .get(..at)
                    .and_then(|b| b.chars().next_back())
                    .is_none_or(|c| !is_word_char(c)),
            };
            if !starts_word {
                return;
            }
            // Sorted by first name: those starting with this byte.
            let from = self
                .partners
                .partition_point(|p| p.0.as_bytes().first() < Some(&b));
            let starting = self.partners.get(from..).unwrap_or_default().iter();
            for (first, rest, name) in starting.take_while(|p| p.0.as_bytes().first() == Some(&b)) {
                self.partner_at(text, at, (first, rest, *name), known, out);
            }
        };
        let mut chunk_start = 0;
        let mut chunks = bytes.chunks_exact(16);
        for chunk in chunks.by_ref() {
            let Ok(chunk) = <[u8; 16]>::try_from(chunk) else {
                break;
            };
            let mut hits = capitals_or_multibyte(chunk);
            while hits != 0 {
                visit(chunk_start + (hits.trailing_zeros() / 8) as usize);
                hits &= hits - 1;
            }
            chunk_start += 16;
        }
        for at in chunk_start..bytes.len() {
            visit(at);
        }
        if out.len() > before {
            out.sort_by_key(|m| m.span.start);
        }
    }

    /// A near miss of `rest` after `first` at `at`, pushed to `out`.
    fn partner_at(
        &self,
        text: &str,
        at: usize,
        (first, rest, name): (&str, &str, usize),
        known: &SpanSet,
        out: &mut Vec<Misspelling>,
    ) {
        let after = at + first.len();
        if text.get(at..after) != Some(first) || text.get(after..after + 1) != Some(" ") {
            return;
        }
        let Some(entity) = self.names.get(name).map(|n| &n.entity) else {
            return;
        };
        let start = after + 1;
        let tail = text.get(start..).unwrap_or("");
        let len = tail
            .find(|c: char| !(is_word_char(c) || c == '-'))
            .unwrap_or(tail.len());
        let token = tail.get(..len).unwrap_or("").trim_end_matches('-');
        let span = start..start + token.len();
        if token == rest
            || !token.chars().next().is_some_and(char::is_uppercase)
            || known.overlaps(&span)
            || is_inflection(token, rest)
            || out.iter().any(|m| m.span == span)
        {
            return;
        }
        // The first name right before vouches for the person: a surname
        // of six letters or more may take two slips ("Hadlow" for
        // "Hadlock").
        let max = if rest.chars().count() < 6 { 1 } else { 2 };
        if let Some(distance) = osa_within(rest, token, max).filter(|&d| d >= 1) {
            out.push(Misspelling {
                span,
                closest: rest.to_owned(),
                entity: entity.clone(),
                distance,
            });
        }
    }
}

/// Whether `token` is the adjective or the people of a place named
/// `name` ("Canadian" of Canada, "German" of Germany, "Kenyans"): what
/// news copy writes, not a misspelling of the name.
fn demonym_of(token: &str, name: &str) -> bool {
    const ENDINGS: [&str; 7] = ["an", "ian", "ean", "ese", "i", "ic", "ish"];
    let Some((cut, last)) = name.char_indices().next_back() else {
        return false;
    };
    let stem = &name[..cut];
    let Some(rest) = token
        .get(..stem.len())
        .filter(|t| t.eq_ignore_ascii_case(stem))
        .and_then(|_| token.get(stem.len()..))
    else {
        return false;
    };
    let rest = rest.strip_suffix('s').unwrap_or(rest);
    // "German" of Germany, "Philippine" of the Philippines: the name
    // without its last letter.
    (rest.is_empty() && matches!(last, 'y' | 's'))
        || ENDINGS.contains(&rest)
        || rest
            .strip_prefix(last)
            .is_some_and(|r| ENDINGS.contains(&r))
}

impl Gazetteer {
    /// The name words starting with the ASCII capital `first`.
    #[inline]
    fn words_starting_with_ascii(&self, first: u8) -> &[NameWord] {
        let (from, to) = self
            .ascii_groups
            .get(usize::from(first.wrapping_sub(b'A')))
            .copied()
            .unwrap_or_default();
        self.words.get(from..to).unwrap_or_default()
    }

    /// The name words starting with `first`.
    fn words_starting_with(&self, first: char) -> &[NameWord] {
        let (from, to) = match self
            .ascii_groups
            .get(usize::from(first as u8).wrapping_sub(65))
        {
            Some(&group) if first.is_ascii_uppercase() => group,
            _ => first_letter_group(&self.words, first),
        };
        self.words.get(from..to).unwrap_or_default()
    }
}

/// The names, ASCII-lowercased, as a trie, searched the way an Aho-Corasick
/// automaton of them with `MatchKind::LeftmostLongest` searches the
/// ASCII-lowercased text: the leftmost match, the longest there, then on from
/// its end; a name written twice in different case is found as the first of
/// them. Each byte costs one load from a table of byte pairs, which gives
/// the trie node after a name's first two bytes (in any ASCII case); the
/// trie is walked from there alone, and text is never copied to lowercase.
#[derive(Debug, Clone)]
struct NameTrie {
    /// For each pair of bytes (the first in the low byte of the index, as
    /// a little-endian load of the pair gives it), 1 + its index in
    /// `pair_nodes`, or 0 when no name begins with it. Fits in 16 bits:
    /// pairs are lowercase.
    pairs: Box<[u16; 1 << 16]>,
    /// The node after each pair of `pairs`.
    pair_nodes: Vec<u32>,
    /// For each pair of `pairs`, a bit for each lowercase byte that may
    /// follow it in a name (all of them when the pair is a name).
    thirds: Vec<[u64; 4]>,
    nodes: Vec<TrieNode>,
    /// Every node's edges (lowercase byte, child), each node's sorted by
    /// byte.
    edges: Vec<(u8, u32)>,
    /// For each pair of bytes (indexed as `pairs`) whose first byte is not
    /// an ASCII letter or digit, a bit for each offset below 64 in a name
    /// at which its second byte follows its first (in any ASCII case), and
    /// bit 0 when an offset is 64 or more: a match that runs across the
    /// pair starts that far before its second byte: `offsets[r][second]`
    /// where `r + 1` is `offset_rows[first]` (0: no name has the first
    /// byte). Only such pairs are ever asked about (a word start follows
    /// no letter or digit), and a table of every pair cost a cold run more
    /// page faults than its searches saved.
    offset_rows: [u8; 256],
    offsets: Vec<[u64; 256]>,
    /// Whether every name starts with an ASCII capital, an ASCII digit or
    /// a non-ASCII byte, and whether some name starts with a digit: see
    /// [`NameTrie::find_word_starts`].
    capital_starts: bool,
    digit_starts: bool,
    /// The length of the longest name, in bytes.
    longest_name: usize,
}

#[derive(Debug, Clone, Copy)]
struct TrieNode {
    /// The node's range of `edges`.
    edges: (u32, u32),
    /// The first name ending here, or `NO_NAME`.
    name: u32,
    /// Where the node has one edge: the bytes of the path of single edges
    /// from it through nodes where no name ends (up to eight, little-endian),
    /// their number, and the node at its end. Names are mostly such paths,
    /// walked eight bytes at a time.
    run: u64,
    run_len: u32,
    run_to: u32,
}

const NO_NAME: u32 = u32::MAX;

impl NameTrie {
    /// The trie of `names`, by index. Every name has two bytes at least.
    fn new<'n>(names: impl Iterator<Item = &'n [u8]>) -> NameTrie {
        // Built with a child list per node, then flattened.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<u32> = vec![NO_NAME];
        let mut pairs: Box<[u16; 1 << 16]> = vec![0u16; 1 << 16]
            .into_boxed_slice()
            .try_into()
            .unwrap_or_else(|_| unreachable!("the length is the array's"));
        let mut pair_nodes = Vec::new();
        let mut offset_rows = [0u8; 256];
        let mut offsets: Vec<[u64; 256]> = Vec::new();
        let mut capital_starts = true;
        let mut digit_starts = false;
        let mut longest_name = 0;
        for (index, name) in names.enumerate() {
            longest_name = longest_name.max(name.len());
            match name.first() {
                Some(b) if b.is_ascii_digit() => digit_starts = true,
                Some(b) if b.is_ascii_uppercase() || !b.is_ascii() => {}
                _ => capital_starts = false,
            }
            let lower = name.to_ascii_lowercase();
            for (d, two) in lower.windows(2).enumerate() {
                if two[0].is_ascii_alphanumeric() {
                    continue;
                }
                let bit = 1u64.checked_shl(d as u32 + 1).unwrap_or(1);
                // At most 194 rows: bytes that are not ASCII letters or
                // digits.
                let row = &mut offset_rows[usize::from(two[0])];
                if *row == 0 {
                    offsets.push([0; 256]);
                    *row = offsets.len() as u8;
                }
                if let Some(row) = offsets.get_mut(usize::from(*row) - 1) {
                    row[usize::from(two[1])] |= bit;
                    row[usize::from(two[1].to_ascii_uppercase())] |= bit;
                }
            }
            let mut node = 0usize;
            for (depth, &b) in lower.iter().enumerate() {
                let next = children
                    .get(node)
                    .and_then(|c| c.iter().find(|e| e.0 == b))
                    .map(|e| e.1 as usize);
                node = match next {
                    Some(next) => next,
                    None => {
                        let new = children.len();
                        if let Some(c) = children.get_mut(node) {
                            c.push((b, new as u32));
                        }
                        children.push(Vec::new());
                        ends.push(NO_NAME);
                        new
                    }
                };
                if depth == 1 {
                    let a = lower.first().copied().unwrap_or_default();
                    if pairs[usize::from(a) | usize::from(b) << 8] == 0 {
                        pair_nodes.push(node as u32);
                        let slot = pair_nodes.len() as u16;
                        for x in [a, a.to_ascii_uppercase()] {
                            for y in [b, b.to_ascii_uppercase()] {
                                pairs[usize::from(x) | usize::from(y) << 8] = slot;
                            }
                        }
                    }
                }
            }
            if let Some(end) = ends.get_mut(node).filter(|e| **e == NO_NAME) {
                *end = index as u32;
            }
        }
        let mut nodes = Vec::with_capacity(children.len());
        let mut edges = Vec::new();
        for (mut c, name) in children.into_iter().zip(ends) {
            c.sort_unstable();
            let from = edges.len() as u32;
            edges.extend(c);
            nodes.push(TrieNode {
                edges: (from, edges.len() as u32),
                name,
                run: 0,
                run_len: 0,
                run_to: 0,
            });
        }
        for n in 0..nodes.len() {
            let (mut run, mut len, mut to) = (0u64, 0u32, n);
            while len < 8 {
                let Some(here) = nodes.get(to) else { break };
                if len > 0 && here.name != NO_NAME || here.edges.1 != here.edges.0 + 1 {
                    break;
                }
                let Some(&(b, child)) = edges.get(here.edges.0 as usize) else {
                    break;
                };
                run |= u64::from(b) << (8 * len);
                len += 1;
                to = child as usize;
            }
            if let Some(node) = nodes.get_mut(n) {
                (node.run, node.run_len, node.run_to) = (run, len, to as u32);
            }
        }
        let thirds = pair_nodes
            .iter()
            .map(|&node| {
                let mut set = [0u64; 4];
                let Some(here) = nodes.get(node as usize) else {
                    return set;
                };
                if here.name != NO_NAME {
                    return [u64::MAX; 4];
                }
                let edges = edges.get(here.edges.0 as usize..here.edges.1 as usize);
                for &(b, _) in edges.unwrap_or_default() {
                    set[usize::from(b >> 6)] |= 1 << (b & 63);
                }
                set
            })
            .collect();
        NameTrie {
            pairs,
            pair_nodes,
            thirds,
            nodes,
            edges,
            offset_rows,
            offsets,
            capital_starts,
            digit_starts,
            longest_name,
        }
    }

    /// Calls `found` with each match of [`NameTrie::find_iter`] that starts
    /// with an ASCII capital, digit or non-ASCII byte not preceded by an
    /// ASCII letter or digit (and maybe with others). When every name
    /// starts with such a byte, those are the only matches `mentions` can
    /// accept: an accepted match is a whole word, and starts with the
    /// name's first byte or, in capitals, its capital. Those bytes are
    /// found sixteen at a time and the rest of the text is not read, where
    /// `find_iter` looks up every pair of bytes and walks the trie from
    /// every lowercase word that begins like a name.
    ///
    /// A match at such a byte is one of `find_iter`'s unless an earlier
    /// match of its runs across it, which shadows it: a match starting
    /// after the last one reported and running across the byte before and
    /// the byte itself, at an offset `offsets` gives. Where there is one, the
    /// bytes since the last match reported are searched as `find_iter`
    /// does.
    fn find_word_starts(&self, bytes: &[u8], mut found: impl FnMut(usize, Range<usize>)) {
        if !self.capital_starts {
            return self.find_iter(bytes, found);
        }
        // Where `find_iter` would look for the next match: its last match's
        // end, or a byte after which it found none.
        let mut from = 0;
        let mut on_hits = |chunk_start: usize, mut hits: u128| {
            while hits != 0 {
                let at = chunk_start + (hits.trailing_zeros() / 8) as usize;
                hits &= hits - 1;
                if at < from
                    || at
                        .checked_sub(1)
                        .and_then(|i| bytes.get(i))
                        .is_some_and(u8::is_ascii_alphanumeric)
                {
                    continue;
                }
                let Some((name, end)) = self.match_at(bytes, at) else {
                    continue;
                };
                if self.shadowed(bytes, from, at) {
                    let mut s = from;
                    while s <= at {
                        match self.match_at(bytes, s) {
                            Some((name, end)) => {
                                found(name as usize, s..end);
                                s = end;
                            }
                            None => s += 1,
                        }
                    }
                    from = s;
                } else {
                    found(name as usize, at..end);
                    from = end;
                }
            }
        };
        let digits = self.digit_starts;
        let mut chunk_start = 0;
        let mut chunks = bytes.chunks_exact(16);
        for chunk in chunks.by_ref() {
            let Ok(chunk) = <[u8; 16]>::try_from(chunk) else {
                break;
            };
            let hits = name_starts(chunk, digits);
            if hits != 0 {
                on_hits(chunk_start, hits);
            }
            chunk_start += 16;
        }
        let mut tail = [0u8; 16];
        for (slot, b) in tail.iter_mut().zip(chunks.remainder()) {
            *slot = *b;
        }
        on_hits(chunk_start, name_starts(tail, digits));
    }

    /// The longest name starting at `at` (the index of the first name of
    /// its text) and its end.
    #[inline]
    fn match_at(&self, bytes: &[u8], at: usize) -> Option<(u32, usize)> {
        let pair = bytes.get(at..at + 2)?;
        let slot = self.pairs[usize::from(u16::from_le_bytes([pair[0], pair[1]]))];
        if slot == 0 || !self.third_fits(bytes, slot, at + 2) {
            return None;
        }
        let node = *self.pair_nodes.get(usize::from(slot) - 1)?;
        self.longest(bytes, node, at + 2)
    }

    /// Whether a match starting at or after `from` runs across `at`.
    fn shadowed(&self, bytes: &[u8], from: usize, at: usize) -> bool {
        let Some(pair) = at.checked_sub(1).and_then(|i| bytes.get(i..i + 2)) else {
            return false;
        };
        // `on_hits` asks only where a letter or digit does not come first:
        // such pairs are all kept.
        let row = usize::from(self.offset_rows[usize::from(pair[0])]);
        let Some(row) = row.checked_sub(1).and_then(|r| self.offsets.get(r)) else {
            return false;
        };
        let mut offsets = row[usize::from(pair[1])];
        let across = |s: usize| self.match_at(bytes, s).is_some_and(|(_, end)| end > at);
        // A match running across `at` starts less than the longest name
        // before it.
        let first = from.max((at + 1).saturating_sub(self.longest_name));
        if offsets & 1 != 0 && (first..at.saturating_sub(63)).any(across) {
            return true;
        }
        offsets &= !1;
        while offsets != 0 {
            let d = offsets.trailing_zeros() as usize;
            offsets &= offsets - 1;
            match at.checked_sub(d) {
                Some(s) if s >= from => {
                    if across(s) {
                        return true;
                    }
                }
                _ => break,
            }
        }
        false
    }

    /// Calls `found` with each match (name index, span), in order.
    fn find_iter(&self, bytes: &[u8], mut found: impl FnMut(usize, Range<usize>)) {
        let mut from = 0;
        while let Some((start, slot)) = self.next_pair(bytes, from) {
            let node = self.pair_nodes.get(usize::from(slot) - 1);
            match node.and_then(|&node| self.longest(bytes, node, start + 2)) {
                Some((name, end)) => {
                    found(name as usize, start..end);
                    from = end;
                }
                None => from = start + 1,
            }
        }
    }

    /// The first position from `from` on where a name's first two bytes
    /// stand, and their slot in `pairs`: a load of the table per byte, the
    /// text read eight bytes at a time.
    #[inline]
    fn next_pair(&self, bytes: &[u8], from: usize) -> Option<(usize, u16)> {
        let pairs: &[u16; 1 << 16] = &self.pairs;
        let mut at = from;
        // Seven pairs in each eight bytes.
        while let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
            let mut any = 0;
            for k in 0..7 {
                any |= pairs[usize::from((word >> (8 * k)) as u16)];
            }
            if any != 0 {
                for k in 0..7 {
                    let slot = pairs[usize::from((word >> (8 * k)) as u16)];
                    if slot != 0 && self.third_fits(bytes, slot, at + k + 2) {
                        return Some((at + k, slot));
                    }
                }
            }
            at += 7;
        }
        bytes
            .get(at..)?
            .windows(2)
            .enumerate()
            .find_map(|(i, pair)| {
                let slot = pairs[usize::from(u16::from_le_bytes([pair[0], pair[1]]))];
                (slot != 0 && self.third_fits(bytes, slot, at + i + 2)).then_some((at + i, slot))
            })
    }

    /// Whether the byte at `at` (none at the end) may follow the pair of
    /// `slot` in a name: most pairs found are the first letters of
    /// ordinary words, which this rejects before any walk.
    #[inline]
    fn third_fits(&self, bytes: &[u8], slot: u16, at: usize) -> bool {
        let Some(b) = bytes.get(at) else {
            return true;
        };
        let b = b.to_ascii_lowercase();
        self.thirds
            .get(usize::from(slot) - 1)
            .is_some_and(|set| set[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }

    /// The longest name through `node` (reached with the bytes before
    /// `at`), by the index of the first name of its text, and its end.
    #[inline]
    fn longest(&self, bytes: &[u8], mut node: u32, mut at: usize) -> Option<(u32, usize)> {
        let mut best = None;
        loop {
            let here = self.nodes.get(node as usize)?;
            if here.name != NO_NAME {
                best = Some((here.name, at));
            }
            if here.run_len > 1 {
                if let Some(eight) = bytes.get(at..at + 8) {
                    let mut word = [0u8; 8];
                    word.copy_from_slice(eight);
                    let mask = u64::MAX >> (64 - 8 * here.run_len);
                    // No name ends inside the run: a mismatch in it ends
                    // the walk with the best match so far.
                    if ascii_lowercase(u64::from_le_bytes(word)) & mask != here.run {
                        return best;
                    }
                    node = here.run_to;
                    at += here.run_len as usize;
                    continue;
                }
            }
            let Some(b) = bytes.get(at) else {
                return best;
            };
            let b = b.to_ascii_lowercase();
            let edges = self
                .edges
                .get(here.edges.0 as usize..here.edges.1 as usize)
                .unwrap_or_default();
            match edges.iter().find(|e| e.0 >= b) {
                Some(&(e, child)) if e == b => {
                    node = child;
                    at += 1;
                }
                _ => return best,
            }
        }
    }
}

/// Bit 7 set in each byte of `x` (eight bytes of text) that is an ASCII
/// capital, and nothing else.
#[inline]
pub fn ascii_capitals(x: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // Per byte, without carries between bytes (bit 7 cleared first): bit 7
    // of `low + (0x80 - k)` is set when `low >= k`.
    let low = x & !HIGH;
    let from_a = low + ONES * (0x80 - u64::from(b'A'));
    let past_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
    from_a & !past_z & !x & HIGH
}

/// `x` with each byte that is an ASCII capital lowercased.
#[inline]
fn ascii_lowercase(x: u64) -> u64 {
    x | ascii_capitals(x) >> 2
}

/// The closest of `group` (name words with the first letter of `token`, of
/// `len` characters) within `max_distance` of `token` and its distance,
/// unless `token` is an inflection of it, a name word itself or an ordinary
/// word.
fn near_miss<'g>(
    group: &'g [NameWord],
    token: &str,
    len: usize,
    max_distance: usize,
) -> Option<(usize, &'g NameWord)> {
    let letters = Letters::of(token);
    let best = group
        .iter()
        .filter(|w| w.chars.abs_diff(len) <= max_distance)
        .filter(|w| w.letters.difference(&letters) <= 2 * max_distance)
        .filter_map(|w| Some((osa_within(&w.word, token, max_distance)?, w)))
        .filter(|(d, w)| *d >= 1 && !is_inflection(token, &w.word))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.word.cmp(&b.1.word)))?;
    if group.iter().any(|w| w.word == token) || is_dictionary_word(token) {
        return None;
    }
    Some(best)
}

/// Whether `word` of the name `name` of an entity of `kind` is one whose
/// near misses are sought: capitalised, five letters or more, and no
/// ordinary word ("Global" of "Global Grid"), unless it is the whole name
/// of something other than a person (the alias "Osprey" is how an
/// article names its company).
/// The head noun of each name of a place (its last word, "fire" of
/// "Brookfield fire"), kept when no other entity's name has it:
/// lowercase, sorted. Other entities are left to the story's pronouns:
/// "the union" or "the bank" is too often another one.
fn heads_of(names: &[Known]) -> Vec<(String, Arc<str>)> {
    let mut heads: Vec<(String, Arc<str>, bool)> = Vec::new();
    for n in names.iter().filter(|n| n.kind != EntityKind::Person) {
        let mut words = n.name.split(' ');
        let head = words.next_back().filter(|h| {
            h.len() >= 3 && h.chars().all(char::is_alphabetic) && words.next().is_some()
        });
        if let Some(head) = head {
            let place = n.kind == EntityKind::Place;
            heads.push((head.to_lowercase(), n.entity.clone(), place));
        }
    }
    heads.sort();
    heads.dedup();
    // A head two entities share names neither.
    let shared: Vec<String> = heads
        .windows(2)
        .filter_map(|pair| match pair {
            [a, b] if a.0 == b.0 => Some(a.0.clone()),
            _ => None,
        })
        .collect();
    (heads.into_iter())
        .filter(|(h, _, place)| *place && !shared.contains(h))
        .map(|(h, entity, _)| (h, entity))
        .collect()
}

fn distinctive(word: &str, name: &str, kind: EntityKind) -> bool {
    let whole = word == name && kind != EntityKind::Person;
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 5
        && (whole || !is_dictionary_word(word))
}

/// The range of `words` (sorted by first letter) starting with `first`.
fn first_letter_group(words: &[NameWord], first: char) -> (usize, usize) {
    let from = words.partition_point(|w| w.first < Some(first));
    let to = words.partition_point(|w| w.first <= Some(first));
    (from, to)
}

/// Spans, for asking whether a range lies inside or overlaps any of them in
/// logarithmic time (a long article has thousands of mentions and words).
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// Span starts, sorted, each with the furthest end of the spans that
    /// start at or before it.
    starts: Vec<(usize, usize)>,
}

impl SpanSet {
    /// The set of `spans`, in any order.
    pub fn of(spans: impl Iterator<Item = std::ops::Range<usize>>) -> SpanSet {
        let mut starts: Vec<(usize, usize)> = spans.map(|s| (s.start, s.end)).collect();
        starts.sort_unstable();
        let mut furthest = 0;
        for (_, end) in &mut starts {
            furthest = furthest.max(*end);
            *end = furthest;
        }
        SpanSet { starts }
    }

    /// Whether some span starts at or before `range` and ends at or after it.
    pub fn covers(&self, range: &std::ops::Range<usize>) -> bool {
        self.furthest_end(|s| s <= range.start)
            .is_some_and(|end| end >= range.end)
    }

    /// Whether some span shares a position with `range` (`s.start <
    /// range.end && range.start < s.end`).
    pub fn overlaps(&self, range: &std::ops::Range<usize>) -> bool {
        self.furthest_end(|s| s < range.end)
            .is_some_and(|end| end > range.start)
    }

    /// The furthest end of the spans whose start passes `starts_before`
    /// (a test true for a prefix of the sorted starts).
    fn furthest_end(&self, starts_before: impl Fn(usize) -> bool) -> Option<usize> {
        let n = self.starts.partition_point(|&(s, _)| starts_before(s));
        let last = self.starts.get(n.checked_sub(1)?)?;
        Some(last.1)
    }
}

/// A distinctive word of a known name, for near-miss search.
#[derive(Debug, Clone)]
struct NameWord {
    first: Option<char>,
    /// Length in characters.
    chars: usize,
    letters: Letters,
    /// [`Letters::present`] of the word.
    present: u32,
    word: String,
    /// Index into the gazetteer's names.
    name: usize,
}

/// Every word (a run of alphanumeric characters) with its byte offset.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // The word character starting at byte `i` and its length; ASCII without
    // decoding.
    let char_at = move |i: usize| -> Option<(bool, usize)> {
        let b = *bytes.get(i)?;
        if b.is_ascii() {
            return Some((b.is_ascii_alphanumeric(), 1));
        }
        let c = text.get(i..)?.chars().next()?;
        Some((is_word_char(c), c.len_utf8()))
    };
    std::iter::from_fn(move || {
        loop {
            let (word, len) = char_at(at)?;
            if word {
                break;
            }
            at += len;
        }
        let start = at;
        while let Some((true, len)) = char_at(at) {
            at += len;
        }
        Some((start, text.get(start..at)?))
    })
}

/// Calls `visit` with each word of `text` (as [`words`] finds them, with
/// its byte offset) that starts with an uppercase letter and is at least
/// five bytes long. Most words are neither, so rather than walking every
/// word this looks eight bytes at a time for ASCII capitals and non-ASCII
/// bytes, the only bytes such a word can start with, and reads the text
/// around those alone.
///
/// `skip` is asked at each such byte first, before the word is read: it
/// gives the first byte from there on that may start a word the caller
/// wants (the byte itself when it may), and the words starting before that
/// are passed over unread.
fn for_each_capitalised_word<'t>(
    text: &'t str,
    mut skip: impl FnMut(usize) -> usize,
    mut visit: impl FnMut(usize, &'t str),
) {
    let bytes = text.as_bytes();
    // Bytes before this are inside a word already read, or passed over.
    let mut resume = 0;
    let mut on_hits = |chunk_start: usize, mut hits: u128| {
        while hits != 0 {
            let at = chunk_start + (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            if at < resume {
                continue;
            }
            let wanted = skip(at);
            if wanted > at {
                resume = wanted;
                continue;
            }
            if let Some(end) = capitalised_word_at(text, at) {
                resume = end;
                if end - at >= 5 {
                    if let Some(word) = text.get(at..end) {
                        visit(at, word);
                    }
                }
            }
        }
    };
    let mut chunk_start = 0;
    let mut chunks = bytes.chunks_exact(16);
    for chunk in chunks.by_ref() {
        let Ok(chunk) = <[u8; 16]>::try_from(chunk) else {
            break;
        };
        let hits = capitals_or_multibyte(chunk);
        if hits != 0 {
            on_hits(chunk_start, hits);
        }
        chunk_start += 16;
    }
    let mut tail = [0u8; 16];
    for (slot, b) in tail.iter_mut().zip(chunks.remainder()) {
        *slot = *b;
    }
    on_hits(chunk_start, capitals_or_multibyte(tail));
}

/// Bit 7 set in each byte of `chunk` that is an ASCII capital or not ASCII.
#[inline]
fn capitals_or_multibyte(chunk: [u8; 16]) -> u128 {
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    const HIGH: u128 = ONES * 0x80;
    let x = u128::from_le_bytes(chunk);
    // Per byte, without carries between bytes (bit 7 cleared first): bit 7
    // of `low + (0x80 - k)` is set when `low >= k`.
    let low = x & !HIGH;
    let from_a = low + ONES * (0x80 - u128::from(b'A'));
    let past_z = low + ONES * (0x80 - u128::from(b'Z') - 1);
    ((from_a & !past_z) | x) & HIGH
}

/// Bit 7 set in each byte of `chunk` that is an ASCII capital, not ASCII,
/// or (with `digits`) an ASCII digit.
#[inline]
fn name_starts(chunk: [u8; 16], digits: bool) -> u128 {
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    const HIGH: u128 = ONES * 0x80;
    let mut hits = capitals_or_multibyte(chunk);
    if digits {
        let low = u128::from_le_bytes(chunk) & !HIGH;
        let from_0 = low + ONES * (0x80 - u128::from(b'0'));
        let past_9 = low + ONES * (0x80 - u128::from(b'9') - 1);
        hits |= from_0 & !past_9 & HIGH;
    }
    hits
}

/// The end of the word starting at byte `at` with an uppercase letter, if
/// one does (`at` starts a character, a word character, after none).
fn capitalised_word_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // A continuation byte is no character's start: `get` refuses it.
    let first = match bytes.get(at) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text.get(at..)?.chars().next()?,
    };
    if !first.is_uppercase() || !is_word_char(first) {
        return None;
    }
    let before = match at.checked_sub(1).and_then(|i| bytes.get(i)) {
        None => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(..at).and_then(|head| head.chars().next_back()),
    };
    if before.is_some_and(is_word_char) {
        return None;
    }
    Some(word_end(text, at + first.len_utf8()))
}

/// Which ASCII bytes are word characters, by byte: one load where the
/// range tests take several.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the run of word characters starting at byte `at`.
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if !ASCII_WORD[usize::from(b)] {
                break;
            }
            at += 1;
        } else {
            match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_word_char(c) => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// [`Letters::bin`] of each ASCII character.
const ASCII_BINS: [u8; 128] = {
    let mut bins = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        bins[b] = if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase() - b'a'
        } else {
            26 + (b % 6) as u8
        };
        b += 1;
    }
    bins
};

/// How many characters of a word fall in each of 32 bins (letters
/// case-folded, anything else hashed). A substitution changes two counts by
/// one, an insertion or deletion one, a transposition none: two words at
/// edit distance `d` differ by at most `2d` in total, so the counts reject
/// most far words before the distance is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letters([u8; 32]);

impl Letters {
    /// The bin of a character.
    #[inline]
    fn bin(c: char) -> usize {
        if c.is_ascii_alphabetic() {
            usize::from(c.to_ascii_lowercase() as u8 - b'a')
        } else {
            26 + (c as usize) % 6
        }
    }

    /// A bit for each bin `word` uses.
    fn present(word: &str) -> u32 {
        // Words are mostly ASCII: their bins by table, without decoding.
        if word.is_ascii() {
            return word
                .bytes()
                .fold(0, |set, b| set | 1 << ASCII_BINS[usize::from(b & 0x7f)]);
        }
        word.chars().fold(0, |set, c| set | 1 << Letters::bin(c))
    }

    fn of(word: &str) -> Letters {
        let mut bins = [0u8; 32];
        let mut add = |bin: usize| {
            if let Some(n) = bins.get_mut(bin) {
                *n = n.saturating_add(1);
            }
        };
        if word.is_ascii() {
            word.bytes()
                .for_each(|b| add(usize::from(ASCII_BINS[usize::from(b & 0x7f)])));
        } else {
            word.chars().for_each(|c| add(Letters::bin(c)));
        }
        Letters(bins)
    }

    /// The total of the differences of the counts.
    fn difference(&self, other: &Letters) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum()
    }
}

/// The optimal-string-alignment distance between `a` and `b` (in
/// characters, as `strsim::osa_distance`), when it is at most `max`. Rows
/// of the table never get smaller, so a row beyond `max` ends the work:
/// most name words are rejected after a row or two.
fn osa_within(a: &str, b: &str, max: usize) -> Option<usize> {
    const CAP: usize = 48;
    let mut a_chars = ['\0'; CAP];
    let mut b_chars = ['\0'; CAP];
    let (mut n, mut m) = (0, 0);
    let general = || {
        // Too long for the stack tables: the general algorithm.
        let d = strsim::osa_distance(a, b);
        (d <= max).then_some(d)
    };
    for c in a.chars() {
        let Some(slot) = a_chars.get_mut(n) else {
            return general();
        };
        *slot = c;
        n += 1;
    }
    for c in b.chars() {
        let Some(slot) = b_chars.get_mut(m) else {
            return general();
        };
        *slot = c;
        m += 1;
    }
    if n.abs_diff(m) > max {
        return None;
    }
    let (a, b) = (&a_chars[..n], &b_chars[..m]);
    let mut before = [0usize; CAP + 1];
    let mut previous = [0usize; CAP + 1];
    let mut current = [0usize; CAP + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    for i in 1..=n {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[m];
    (d <= max).then_some(d)
}

/// Endings that make a people's or a language's name of a place's
/// ("Indian", "Kenyans", "Pakistani", "Japanese").
const DEMONYM_ENDINGS: [&str; 9] = ["n", "ns", "an", "ans", "ian", "ians", "i", "is", "ese"];

/// Plurals, possessives and demonyms are not misspellings ("Northwinds",
/// "Indian").
fn is_inflection(token: &str, word: &str) -> bool {
    token.strip_suffix('s') == Some(word)
        || token.strip_suffix("es") == Some(word)
        || token
            .strip_prefix(word)
            .is_some_and(|end| DEMONYM_ENDINGS.contains(&end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every range over 0..12 against overlapping, nested, repeated and
    /// unsorted spans: the same answer as checking each span.
    #[test]
    fn span_set_agrees_with_checking_every_span() {
        let spans = [5..9, 0..2, 6..7, 5..6, 8..12, 1..3, 5..9, 10..10];
        for n in 0..=spans.len() {
            let some = spans.get(..n).unwrap_or_default();
            let set = SpanSet::of(some.iter().cloned());
            for start in 0..12 {
                for end in start..=12 {
                    let range = start..end;
                    let covers = some
                        .iter()
                        .any(|s| s.start <= range.start && range.end <= s.end);
                    assert_eq!(set.covers(&range), covers, "{range:?} in {some:?}");
                    let overlaps = some
                        .iter()
                        .any(|s| s.start < range.end && range.start < s.end);
                    assert_eq!(set.overlaps(&range), overlaps, "{range:?} in {some:?}");
                }
            }
        }
    }

    fn gazetteer() -> Gazetteer {
        let names = [
            ("Pinduoduo", "pdd", EntityKind::Organization),
            ("Alibaba Group", "alibaba", EntityKind::Organization),
            ("Alibaba", "alibaba", EntityKind::Organization),
            (
                "Alibaba Sports Group",
                "alibaba-sports",
                EntityKind::Organization,
            ),
            ("Microsoft", "microsoft", EntityKind::Organization),
            ("Daniel Zhang", "zhang-yong", EntityKind::Person),
            ("Zhang Yong", "zhang-yong", EntityKind::Person),
            ("99 Giving Day", "giving-day", EntityKind::Program),
            ("Smith", "smith", EntityKind::Person),
            ("India", "india", EntityKind::Place),
            ("Pakistan", "pakistan", EntityKind::Place),
        ];
        Gazetteer::new(names.into_iter().map(|(name, entity, kind)| KnownName {
            name: name.into(),
            entity: entity.into(),
            kind,
        }))
    }

    fn mentions(text: &str) -> Vec<String> {
        gazetteer()
            .mentions(text)
            .into_iter()
            .map(|m| format!("{} -> {}", &text[m.span], m.entity))
            .collect()
    }

    #[test]
    fn whole_words_longest_first() {
        assert_eq!(
            mentions(
                "Alibaba Group and Alibaba Sports Group; Alibaba's CEO Daniel Zhang (Zhang Yong)."
            ),
            [
                "Alibaba Group -> alibaba",
                "Alibaba Sports Group -> alibaba-sports",
                "Alibaba -> alibaba",
                "Daniel Zhang -> zhang-yong",
                "Zhang Yong -> zhang-yong",
            ]
        );
        assert!(mentions("the Smithsonian and alibaba.com").is_empty());
    }

    #[test]
    fn capitalisation_of_multiword_names_and_headlines() {
        assert_eq!(
            mentions("during the 99 giving Day"),
            ["99 giving Day -> giving-day"]
        );
        assert_eq!(mentions("ALIBABA PLEDGES"), ["ALIBABA -> alibaba"]);
        assert!(mentions("alibaba pledges").is_empty());
    }

    #[test]
    fn a_name_in_two_cases_is_found_in_either() {
        let g = Gazetteer::new(
            [
                ("Coast Guard", "guard"),
                ("Harbor Authority", "harbor"),
                ("coast guard", "guard"),
            ]
            .map(|(name, entity)| KnownName {
                name: name.into(),
                entity: entity.into(),
                kind: EntityKind::Organization,
            }),
        );
        let found = |text: &str| -> Vec<String> {
            g.mentions(text)
                .iter()
                .map(|m| format!("{} -> {}", &text[m.span.clone()], m.entity))
                .collect()
        };
        assert_eq!(found("the coast guard plane"), ["coast guard -> guard"]);
        assert_eq!(found("the Coast Guard plane"), ["Coast Guard -> guard"]);
        assert!(found("the harbor authority").is_empty());
    }

    fn misspellings(text: &str, starts: &[usize]) -> Vec<String> {
        let g = gazetteer();
        let m = g.mentions(text);
        g.misspellings(text, &m, starts)
            .into_iter()
            .map(|x| format!("{} ~ {} ({})", &text[x.span], x.closest, x.distance))
            .collect()
    }

    /// The near misses in `text` of a gazetteer of `names` (name, entity,
    /// kind), as "word ~ closest (distance)".
    fn near_misses_among(names: &[(&str, &str, EntityKind)], text: &str) -> Vec<String> {
        let g = Gazetteer::new(names.iter().map(|&(name, entity, kind)| KnownName {
            name: name.into(),
            entity: entity.into(),
            kind,
        }));
        let m = g.mentions(text);
        g.misspellings(text, &m, &[0])
            .into_iter()
            .map(|x| format!("{} ~ {} ({})", &text[x.span], x.closest, x.distance))
            .collect()
    }

    #[test]
    fn letter_bins_of_ascii_by_table_as_by_char() {
        for b in 0u8..128 {
            assert_eq!(
                usize::from(ASCII_BINS[usize::from(b)]),
                Letters::bin(char::from(b))
            );
        }
        for word in ["Alibaba", "Tencent-2", "naïve", "Zhang", "", "a b_c"] {
            let mut bins = [0u8; 32];
            for c in word.chars() {
                bins[Letters::bin(c)] += 1;
            }
            assert_eq!(Letters::of(word), Letters(bins), "{word}");
            let present = word.chars().fold(0u32, |s, c| s | 1 << Letters::bin(c));
            assert_eq!(Letters::present(word), present, "{word}");
        }
    }

    #[test]
    fn a_near_miss_of_a_second_name_after_the_first() {
        let names = [
            ("Alison Reeve", "alison-reeve", EntityKind::Person),
            ("Kim Tae-sung", "kim-tae-sung", EntityKind::Person),
            ("Kim Tae-hun", "kim-tae-hun", EntityKind::Person),
        ];
        let found = |text: &str| near_misses_among(&names, text);
        // A dictionary word and a hyphenated name, too short for the scan
        // of single words.
        assert_eq!(
            found("Chief Executive Alison Reave said. Union president Kim Tae-seung told us."),
            ["Reave ~ Reeve (1)", "Tae-seung ~ Tae-sung (1)"]
        );
        // The name itself, another known name, a plural and a far word.
        assert!(found("Alison Reeve met Kim Tae-hun, the Alison Reeves and Kim Jong.").is_empty());
        // Two slips in a surname of six letters or more, not in a shorter.
        let names = [("Orrin Hadlock", "orrin-hadlock", EntityKind::Person)];
        assert_eq!(
            near_misses_among(&names, "Dr Orrin Hadlow said."),
            ["Hadlow ~ Hadlock (2)"]
        );
        assert!(found("Chief Executive Alison Rieva said.").is_empty());
    }

    #[test]
    fn a_near_miss_of_a_names_first_dictionary_word_before_its_second() {
        let names = [
            ("Falcon Ridge Mining", "falcon", EntityKind::Organization),
            ("Meridian Blue", "meridian", EntityKind::Organization),
        ];
        let found = |text: &str| near_misses_among(&names, text);
        assert_eq!(
            found("Shares in Falcan Ridge fell. Meridien Blue rose."),
            ["Falcan ~ Falcon (1)", "Meridien ~ Meridian (1)"]
        );
        // Not alone, nor a dictionary word, an inflection or the name itself.
        assert!(
            found("Falcan rose. Median Blue fell. The Falcons Ridge path. Falcon Ridge Mining.")
                .is_empty()
        );
    }

    #[test]
    fn an_ordinary_word_that_is_a_whole_name_has_near_misses() {
        let names = [
            ("Osprey", "osprey", EntityKind::Organization),
            ("Global Grid", "grid", EntityKind::Organization),
            ("Baker", "baker", EntityKind::Person),
        ];
        let g = Gazetteer::new(names.into_iter().map(|(name, entity, kind)| KnownName {
            name: name.into(),
            entity: entity.into(),
            kind,
        }));
        let text = "Then Ospray met Globel and Bakor.";
        let m = g.mentions(text);
        let found: Vec<&str> = (g.misspellings(text, &m, &[0]).into_iter())
            .map(|x| &text[x.span])
            .collect();
        // Not a word of a longer name, nor a person's.
        assert_eq!(found, ["Ospray"]);
    }

    #[test]
    fn near_misses_of_known_names() {
        assert_eq!(
            misspellings("Then Pingduoduo and Alibabba met Micorsoft.", &[0]),
            [
                "Pingduoduo ~ Pinduoduo (1)",
                "Alibabba ~ Alibaba (1)",
                "Micorsoft ~ Microsoft (1)"
            ]
        );
        // A heading that starts with the misspelling still counts at one edit.
        assert_eq!(
            misspellings("Pingduoduo: a plan", &[0]),
            ["Pingduoduo ~ Pinduoduo (1)"]
        );
    }

    #[test]
    fn ordinary_words_plurals_and_known_names_are_not_misspellings() {
        assert!(misspellings("Groups of Smiths and Alibabas met Pinduoduo.", &[0]).is_empty());
        assert!(misspellings("Then Indian and Pakistani shares fell.", &[0]).is_empty());
        // A demonym is no misspelling of its place.
        for (token, name) in [
            ("Canadian", "Canada"),
            ("German", "Germany"),
            ("Germans", "Germany"),
            ("Kenyan", "Kenya"),
            ("Russian", "Russia"),
            ("Nigerians", "Nigeria"),
            ("Philippine", "Philippines"),
        ] {
            assert!(demonym_of(token, name), "{token}");
        }
        for (token, name) in [
            ("Canadas", "Canada"),
            ("Gernany", "Germany"),
            ("Acmes", "Acme"),
        ] {
            assert!(!demonym_of(token, name), "{token}");
        }
        assert_eq!(
            misspellings("Then Inida spoke.", &[0]),
            ["Inida ~ India (1)"]
        );
        // A country named in an organisation's name is a place all the same:
        // "Canadian" is no misspelling of "Acme Canada".
        let g = Gazetteer::new([KnownName {
            name: "Acme Canada".into(),
            entity: "acme-canada".into(),
            kind: EntityKind::Organization,
        }]);
        let text = "Acme Canada will open its Canadian stores.";
        assert!(g.misspellings(text, &g.mentions(text), &[0]).is_empty());
        assert!(misspellings("Alibaba grew. Global trade.", &[0, 14]).is_empty());
        assert!(is_dictionary_word("Global"));
        assert!(is_dictionary_word("programmes") || is_dictionary_word("programs"));
        assert!(!is_dictionary_word("Pinduoduo"));
        // British spellings of the American list's words.
        for word in [
            "Organisers",
            "organisation",
            "colour",
            "labouring",
            "centre",
            "defence",
            "analysed",
        ] {
            assert!(is_dictionary_word(word), "{word}");
        }
        for name in ["Balfour", "Denise", "Florence"] {
            assert!(!is_dictionary_word(name), "{name}");
        }
    }

    #[test]
    fn letter_counts_never_reject_a_near_word() {
        let words = [
            "Pinduoduo",
            "Pingduoduo",
            "Pinduodou",
            "Alibaba",
            "Alibabba",
            "Albiaba",
            "ALIBABA",
            "Tencent",
            "Tencnet",
            "Shanghai",
            "Shenzhen",
            "张勇",
            "张勇勇",
            "Ünïcödé",
            "Unicode",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                let counted = Letters::of(a).difference(&Letters::of(b));
                assert!(counted <= 2 * d, "{a} {b}: {counted} > 2 x {d}");
            }
        }
    }

    #[test]
    fn words_are_runs_of_alphanumeric_characters() {
        fn reference(text: &str) -> Vec<(usize, &str)> {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (c.is_alphanumeric() && i < text.len(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        out.push((s, &text[s..i]));
                        start = None;
                    }
                    _ => {}
                }
            }
            out
        }
        for text in [
            "",
            "   ",
            "Acme's CEO, Jane Roe (2021)",
            "张勇 — Pingduoduo’s plan",
            "x\u{a0}y\u{2009}z",
            "Ünïcödé-Wörds ٣٤ ²³ end.",
            "tail",
        ] {
            assert_eq!(words(text).collect::<Vec<_>>(), reference(text), "{text:?}");
        }
    }

    fn capitalised_words(text: &str) -> Vec<(usize, &str)> {
        let mut found = Vec::new();
        for_each_capitalised_word(text, |at| at, |at, word| found.push((at, word)));
        found
    }

    /// What `capitalised_words` must find: every word, filtered.
    fn capitalised_reference(text: &str) -> Vec<(usize, &str)> {
        words(text)
            .filter(|(_, w)| w.len() >= 5 && w.chars().next().is_some_and(char::is_uppercase))
            .collect()
    }

    /// Sample texts with capitals at chunk edges, after non-ASCII word and
    /// non-word characters, inside words, and non-ASCII capitals.
    const CAPITALISED_TEXTS: &[&str] = &[
        "",
        "Alpha",
        "Alph",
        "1234567Alpha",
        "1234567 Alpha Beta",
        "12345678Alpha Gamma",
        "McDonald iPhone COVID MacBook",
        "éAlpha ’Alpha “Alpha” —Alpha ÜberAlles Ünïcödé ÉLYSÉE",
        "张勇Pingduoduo 张勇 Pingduoduo’s Ⅻ ⅫⅫⅫⅫⅫ ⒶⒷⒸⒹⒺ",
        "x\u{a0}Alpha\u{2009}Bravo\u{85}Charlie ٣Delta Δelta Δέλτα",
        "KELVIN\u{212a} \u{212a}elvin Straße STRASSE \u{17f}trasse",
        "tail Capit",
    ];

    #[test]
    fn capitalised_words_are_the_long_capitalised_words() {
        let sources = [
            include_str!("../../../sources/000-tech-news-space-tech-giants-shared-prosperity.txt"),
            include_str!("../../../sources/001-dotdotstand-chinese-efforts-common-prosperity.txt"),
            include_str!("../../../sources/002-financial-district-alibaba-promises-15-5b.txt"),
            include_str!("../../../sources/003-republic-world-alibaba-pledges-15-5-billion.txt"),
            include_str!("../../../sources/004-pandaily-alibaba-team-common-prosperity.txt"),
            include_str!("mentions.rs"),
        ];
        for text in CAPITALISED_TEXTS.iter().chain(&sources) {
            // Every suffix, so that each byte meets every chunk offset.
            for (i, _) in text.char_indices().take(40) {
                let text = &text[i..];
                let found = capitalised_words(text);
                assert_eq!(found, capitalised_reference(text), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn capitalised_words_agree_on_anything(
            text in "[a-zA-Z0-9 .,’\u{a0}\u{2009}\u{85}éÉüÜ张ΔⅫⒶ٣²“\u{212a}\u{17f}\n]{0,40}"
        ) {
            let found = capitalised_words(&text);
            proptest::prop_assert_eq!(found, capitalised_reference(&text));
        }

        #[test]
        fn capitalised_words_agree_on_word_soup(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Alpha", "alpha", "ALPHA", "Alp", "A", "Z", "@", "[", "`", "{", " ", "-", "é",
                "É", "’", "张", "Ⅻ", "1", "Übersee", "\u{a0}",
            ]), 0..24)
        ) {
            let text: String = parts.concat();
            let found = capitalised_words(&text);
            proptest::prop_assert_eq!(found, capitalised_reference(&text));
        }
    }

    /// `misspellings` as first written: every word, every name word (shared
    /// ones repeated), no memory of verdicts. The fast one must agree.
    fn misspellings_reference(
        g: &Gazetteer,
        text: &str,
        mentions: &[Mention],
        sentence_starts: &[usize],
    ) -> Vec<Misspelling> {
        let mut all = Vec::new();
        for (i, n) in g.names.iter().enumerate() {
            for w in n.name.split(|c: char| !c.is_alphanumeric()) {
                if distinctive(w, &n.name, n.kind) {
                    all.push(NameWord {
                        first: w.chars().next(),
                        chars: w.chars().count(),
                        letters: Letters::of(w),
                        present: Letters::present(w),
                        word: w.to_owned(),
                        name: i,
                    });
                }
            }
        }
        all.sort_by_key(|w| w.first);
        let mut out = Vec::new();
        let inside_mention = SpanSet::of(mentions.iter().map(|m| m.span.clone()));
        for (start, token) in words(text) {
            let Some(first) = token.chars().next() else {
                continue;
            };
            let span = start..start + token.len();
            if !first.is_uppercase() || inside_mention.covers(&span) {
                continue;
            }
            if let Some(miss) = g.leader_miss(text, token, &span) {
                out.push(miss);
                continue;
            }
            let len = token.chars().count();
            if len < 5 {
                continue;
            }
            let at_start = sentence_starts.binary_search(&span.start).is_ok();
            let max_distance = if at_start || len < 8 { 1 } else { 2 };
            let letters = Letters::of(token);
            let best = all
                .iter()
                .filter(|w| w.first == Some(first))
                .filter(|w| w.chars.abs_diff(len) <= max_distance)
                .filter(|w| w.letters.difference(&letters) <= 2 * max_distance)
                .filter_map(|w| {
                    let d = osa_within(&w.word, token, max_distance)?;
                    Some((d, &w.word, w.name))
                })
                .filter(|(d, w, _)| *d >= 1 && !is_inflection(token, w))
                .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
            let Some((distance, word, index)) = best else {
                continue;
            };
            if g.names[index].kind != EntityKind::Person && demonym_of(token, word) {
                continue;
            }
            if all.iter().any(|w| w.word == token) || is_dictionary_word(token) {
                continue;
            }
            let known = &g.names[index];
            let own_words = (g.names.iter())
                .filter(|k| k.entity == known.entity)
                .flat_map(|k| k.name.split_whitespace());
            let after_a_name = start
                .checked_sub(2)
                .is_some_and(|at| mentions.iter().any(|m| m.span.contains(&at)));
            if known.kind == EntityKind::Person
                && after_another_first_name(text, start, own_words)
                && !after_a_name
            {
                continue;
            }
            out.push(Misspelling {
                span,
                closest: word.clone(),
                entity: g.names[index].entity.clone(),
                distance,
            });
        }
        out
    }

    /// The bundled fact base's gazetteer.
    fn fact_gazetteer() -> Gazetteer {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../facts");
        let base = facts::load_dir(&dir).expect("the bundled facts load");
        Gazetteer::new(base.entities.iter().flat_map(|e| {
            e.names().map(move |n| KnownName {
                name: n.to_owned(),
                entity: e.id.clone(),
                kind: e.kind,
            })
        }))
    }

    /// Text full of near misses: every name word with a letter dropped,
    /// doubled, swapped or changed, pluralised, in capitals, repeated, some
    /// at sentence starts, some inside mentions.
    fn near_miss_text(g: &Gazetteer) -> String {
        let mut text = String::new();
        for n in &g.names {
            text.push_str(&n.name);
            text.push_str(". ");
            for w in n.name.split(|c: char| !c.is_alphanumeric()) {
                let chars: Vec<char> = w.chars().collect();
                let mut variants = vec![w.to_owned(), format!("{w}s"), format!("{w}es")];
                variants.push(w.to_uppercase());
                for i in 1..chars.len() {
                    let mut v = chars.clone();
                    v.remove(i);
                    variants.push(v.iter().collect());
                    let mut v = chars.clone();
                    v.insert(i, chars[i]);
                    variants.push(v.iter().collect());
                    let mut v = chars.clone();
                    v.swap(i - 1, i);
                    variants.push(v.iter().collect());
                    let mut v = chars.clone();
                    v[i] = 'q';
                    variants.push(v.iter().collect());
                    let mut v = chars.clone();
                    v[i] = 'e';
                    v.insert(i / 2 + 1, 'a');
                    variants.push(v.iter().collect());
                }
                for (k, v) in variants.iter().enumerate() {
                    text.push_str(v);
                    text.push_str(if k % 3 == 0 { ". " } else { " " });
                    text.push_str(v);
                    text.push(' ');
                }
            }
        }
        text
    }

    proptest::proptest! {
        /// Names, their near misses and other capitals next to mentions,
        /// curly quotes, dashes, possessives and non-ASCII letters: the
        /// words passed over before they are read (inside a mention, with
        /// no name word of their first letter, inside a character or
        /// punctuation) are those the reference finds nothing in.
        #[test]
        fn misspellings_agree_with_the_reference_on_word_soup(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Alibaba", "Alibabba", "Alibaab", "Alibaba Group", "Pinduoduo", "Pinduodou",
                "Pindoudou", "Microsoft", "Micorsoft", "Zhang Yong", "Zhangg", "Quixotic",
                "Xylophones", "’s", "’", "“", "”", "—", "-", ". ", " ", " ", "\u{2009}", "é",
                "É", "Ünïcödé", "x", "9", "s", "Alibabaé", "Ⅻ", "\u{212a}", "ÉLYSÉE",
            ]), 0..30),
            with_starts in proptest::bool::ANY,
            extra in proptest::collection::vec((0usize..100, 0usize..12), 0..5),
        ) {
            let text: String = parts.concat();
            let g = gazetteer();
            let mut mentions = g.mentions(&text);
            // Spans that are no whole words too, which may end inside one.
            let boundary = |i: usize| (i.min(text.len())..=text.len())
                .find(|&b| text.is_char_boundary(b))
                .unwrap_or(text.len());
            for (start, len) in extra {
                let start = boundary(start);
                mentions.push(Mention {
                    span: start..boundary(start + len),
                    entity: "x".into(),
                    kind: EntityKind::Organization,
                    name: "x".into(),
                });
            }
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
            let starts = if with_starts { rough_starts(&text) } else { Vec::new() };
            // The near misses of a second name after the first are found
            // apart, by the same code on both sides.
            let mut reference = misspellings_reference(&g, &text, &mentions, &starts);
            let known = SpanSet::of(mentions.iter().map(|m| m.span.clone()));
            g.partner_misspellings(&text, &known, &mut reference);
            proptest::prop_assert_eq!(g.misspellings(&text, &mentions, &starts), reference);
        }
    }

    /// Sentence starts, roughly: after ". " and at 0.
    fn rough_starts(text: &str) -> Vec<usize> {
        std::iter::once(0)
            .chain(text.match_indices(". ").map(|(i, _)| i + 2))
            .collect()
    }

    #[test]
    fn misspellings_agree_with_the_reference() {
        let texts = [
            include_str!("../../../sources/000-tech-news-space-tech-giants-shared-prosperity.txt"),
            include_str!("../../../sources/001-dotdotstand-chinese-efforts-common-prosperity.txt"),
            include_str!("../../../sources/002-financial-district-alibaba-promises-15-5b.txt"),
            include_str!("../../../sources/003-republic-world-alibaba-pledges-15-5-billion.txt"),
            include_str!("../../../sources/004-pandaily-alibaba-team-common-prosperity.txt"),
            "Then Pingduoduo and Alibabba met Micorsoft. Pingduoduo again, Alibabas.",
        ];
        for g in [gazetteer(), fact_gazetteer()] {
            let generated = near_miss_text(&g);
            let mut found = 0;
            for text in texts.iter().copied().chain([generated.as_str()]) {
                let mut mentions = g.mentions(text);
                mentions.sort_by_key(|m| (m.span.start, m.span.end));
                for starts in [rough_starts(text), Vec::new()] {
                    let fast = g.misspellings(text, &mentions, &starts);
                    let slow = misspellings_reference(&g, text, &mentions, &starts);
                    assert_eq!(fast, slow);
                    found += fast.len();
                }
            }
            assert!(found > 100, "the generated text has near misses: {found}");
        }
    }

    /// The fast dictionary path against the general one: every word of the
    /// list is found in any case and plural; for a sample of words, variants
    /// (cut short, lengthened, changed, non-ASCII, too long for the stack
    /// buffer) get the general path's answer.
    #[test]
    fn dictionary_fast_path_agrees_with_the_general_one() {
        for (i, word) in WORDS.lines().enumerate() {
            let mut capitalised = word.to_owned();
            capitalised[..1].make_ascii_uppercase();
            assert!(is_dictionary_word(word), "{word}");
            assert!(is_dictionary_word(&capitalised), "{capitalised}");
            assert!(is_dictionary_word(&word.to_ascii_uppercase()), "{word}");
            assert!(is_dictionary_word(&format!("{word}s")), "{word}s");
            if i % 13 != 0 {
                continue;
            }
            let variants = [
                word[..word.len() - 1].to_owned(),
                word[1..].to_owned(),
                format!("{word}x"),
                format!("{word}ss"),
                format!("{word}S"),
                format!("a{word}"),
                format!("{word}\u{212a}"),
                format!("{capitalised}’s"),
                word.replacen('k', "\u{212a}", 1),
                word.replacen('e', "é", 1),
                word.repeat(3),
            ];
            for v in variants {
                assert_eq!(is_dictionary_word(&v), dictionary_word_general(&v), "{v:?}");
            }
        }
        for v in [
            "",
            "s",
            "sssss",
            "ssssss",
            "zzzzzz",
            "aaaaa",
            "Zyzzyvas",
            "{|}~\u{7f}",
        ] {
            assert_eq!(is_dictionary_word(v), dictionary_word_general(v), "{v:?}");
        }
    }

    #[test]
    fn bounded_distance_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "Pinduoduo",
            "Pingduoduo",
            "Pinduodou",
            "Alibaba",
            "Alibabba",
            "Albiaba",
            "Microsoft",
            "Micorsoft",
            "Tencent",
            "Tencnet",
            "Shanghai",
            "Shenzhen",
            "Zhang",
            "Zhnag",
            "张勇",
            "张勇勇",
            "Ünïcödé",
            "Unicode",
            "caab",
            "abca",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                for max in 0..4 {
                    assert_eq!(
                        osa_within(a, b, max),
                        (d <= max).then_some(d),
                        "{a} {b} {max}"
                    );
                }
            }
        }
        let long = "x".repeat(60);
        assert_eq!(osa_within(&long, &long, 2), Some(0));
        assert_eq!(osa_within("xx", &long, 2), None);
    }

    #[test]
    fn multibyte_text_keeps_spans_valid() {
        let text = "张勇 — Pingduoduo’s plan";
        let found = misspellings(text, &[0]);
        assert_eq!(found, ["Pingduoduo ~ Pinduoduo (1)"]);
    }

    /// `mentions` as first written: an Aho-Corasick automaton (leftmost
    /// longest) over the ASCII-lowercased names, searching an
    /// ASCII-lowercased copy of the text, neighbours decoded. The trie
    /// search must find the same.
    fn mentions_reference(g: &Gazetteer, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        for kind in [
            aho_corasick::AhoCorasickKind::NoncontiguousNFA,
            aho_corasick::AhoCorasickKind::DFA,
        ] {
            let ac = aho_corasick::AhoCorasick::builder()
                .kind(Some(kind))
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(g.names.iter().map(|n| n.name.to_ascii_lowercase()))
                .unwrap_or_else(|e| panic!("{e}"));
            let lower = text.to_ascii_lowercase();
            let mut found = Vec::new();
            for m in ac.find_iter(&lower) {
                let span = m.start()..m.end();
                let before = text[..span.start].chars().next_back();
                let after = text[span.end..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                // The first name of that lowercase whose case the text has.
                let lower_name = g.names[m.pattern().as_usize()].name.to_ascii_lowercase();
                let Some(known) = g.names.iter().find(|n| {
                    n.name.to_ascii_lowercase() == lower_name
                        && acceptable_case(&text[span.clone()], &n.name)
                }) else {
                    continue;
                };
                found.push(Mention {
                    span,
                    entity: known.entity.clone(),
                    kind: known.kind,
                    name: known.name.clone(),
                });
            }
            if kind == aho_corasick::AhoCorasickKind::DFA {
                assert_eq!(found, out, "both automata agree");
            }
            out = found;
        }
        out
    }

    #[test]
    fn mentions_agree_with_the_automaton() {
        let texts = [
            include_str!("../../../sources/000-tech-news-space-tech-giants-shared-prosperity.txt"),
            include_str!("../../../sources/001-dotdotstand-chinese-efforts-common-prosperity.txt"),
            include_str!("../../../sources/002-financial-district-alibaba-promises-15-5b.txt"),
            include_str!("../../../sources/003-republic-world-alibaba-pledges-15-5-billion.txt"),
            include_str!("../../../sources/004-pandaily-alibaba-team-common-prosperity.txt"),
            "ALIBABA GROUP, alibaba group, Alibaba group, xAlibaba, Alibaba1, 99 giving day",
        ];
        for g in [gazetteer(), fact_gazetteer()] {
            let generated = near_miss_text(&g);
            let mut found = 0;
            for text in texts.iter().copied().chain([generated.as_str()]) {
                let fast = g.mentions(text);
                assert_eq!(fast, mentions_reference(&g, text));
                found += fast.len();
            }
            assert!(found > 50, "the texts name known entities: {found}");
        }
    }

    proptest::proptest! {
        /// Names and texts of a few pieces that overlap, nest, repeat in
        /// other case, and sit next to letters and non-ASCII characters:
        /// the same mentions as the automaton (which a rejected match
        /// shadows, among them).
        #[test]
        fn mentions_agree_with_the_automaton_on_anything(
            names in proptest::collection::vec(
                (proptest::collection::vec(proptest::sample::select(vec![
                    "ab", "Ab", "AB", "b", "B", "a b", "A B", "b a", "B A", "ba", " ", " ", "-",
                    "é", "É", "99", "x", "K", "\u{212A}", "ß",
                ]), 1..4), proptest::sample::select(vec!["e1", "e2"])),
                0..8,
            ),
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ab", "Ab", "AB", "aB", "b", "B", "a", "A", " ", " ", " ", "-", "é", "É", "99",
                "9", "x", "K", "k", "\u{212A}", "ß", "“", "—", ".", "İ", "\u{301}",
            ]), 0..32),
        ) {
            let g = Gazetteer::new(names.iter().map(|(pieces, entity)| KnownName {
                name: pieces.concat(),
                entity: (*entity).to_owned(),
                kind: EntityKind::Organization,
            }));
            let text: String = parts.concat();
            proptest::prop_assert_eq!(g.mentions(&text), mentions_reference(&g, &text));
        }
    }

    /// A match starting in lowercase, which `mentions` rejects, still
    /// shadows a capitalised one inside it, near or far (64 bytes on).
    #[test]
    fn rejected_matches_shadow_capitalised_ones() {
        let long = format!("Alibaba {}Group", "x ".repeat(40));
        let g = Gazetteer::new(
            ["Alibaba Group", "Group Holdings", long.as_str(), "Xi"].map(|n| KnownName {
                name: n.to_owned(),
                entity: "e".to_owned(),
                kind: EntityKind::Organization,
            }),
        );
        assert!(g.trie.capital_starts);
        for text in [
            "alibaba Group Holdings".to_owned(),
            "Alibaba Group Holdings".to_owned(),
            "so alibaba Group Holdings Xi".to_owned(),
            format!(
                "{} Holdings Xi",
                long.to_lowercase().replace("group", "Group")
            ),
            format!("{} Holdings", long.replace("Group", "GROUP")),
        ] {
            assert_eq!(g.mentions(&text), mentions_reference(&g, &text), "{text}");
        }
        assert!(g.mentions("alibaba Group Holdings").is_empty());
    }

    proptest::proptest! {
        /// Names that start with a capital, a digit or a non-ASCII byte
        /// (the search from those bytes alone), with pieces that make
        /// matches starting in lowercase shadow them: the same mentions as
        /// the automaton.
        #[test]
        fn mentions_from_capitals_agree_with_the_automaton(
            names in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["Ab", "AB", "B", "A b", "A", "É", "99", "\u{212A}", "Ba"]),
                    proptest::collection::vec(proptest::sample::select(vec![
                        "ab", "Ab", "b", "B", "a b", " A", "b A", "ba", " ", "-", "é", "9", "x",
                    ]), 0..3),
                ),
                0..8,
            ),
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ab", "Ab", "AB", "aB", "b", "B", "a", "A", " ", " ", " ", "-", "é", "É", "99",
                "9", "x", "K", "k", "\u{212A}", "ß", "“", "—", ".", "İ", "\u{301}",
            ]), 0..40),
        ) {
            let g = Gazetteer::new(names.iter().enumerate().map(|(i, (first, rest))| KnownName {
                name: format!("{first}{}", rest.concat()),
                entity: format!("e{}", i % 2),
                kind: EntityKind::Organization,
            }));
            proptest::prop_assert!(g.names.is_empty() || g.trie.capital_starts);
            let text: String = parts.concat();
            proptest::prop_assert_eq!(g.mentions(&text), mentions_reference(&g, &text));
        }

        /// Capitalised names of a few words from a tiny vocabulary, in
        /// texts of the same words in any case.
        #[test]
        fn mentions_from_capitals_agree_on_few_words(
            names in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec!["a", "b", "A", "B", "ab", "Ab", "AB", "Ba"]),
                    1..4,
                ),
                1..6,
            ),
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["a", "b", "A", "B", "ab", "Ab", "AB", "aB", "é"]),
                    proptest::sample::select(vec![" ", " ", " ", "", ".", "é"]),
                ),
                0..24,
            ),
        ) {
            let g = Gazetteer::new(names.iter().enumerate().map(|(i, words)| {
                let name = words.join(" ");
                let mut chars = name.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('A');
                KnownName {
                    name: format!("{first}{}", chars.as_str()),
                    entity: format!("e{}", i % 3),
                    kind: EntityKind::Person,
                }
            }));
            proptest::prop_assert!(g.trie.capital_starts);
            let text: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            proptest::prop_assert_eq!(g.mentions(&text), mentions_reference(&g, &text));
        }
    }

    proptest::proptest! {
        /// Names of a few words from a tiny vocabulary in texts of the same
        /// words: matches overlap, nest and shadow one another all the
        /// time.
        #[test]
        fn mentions_agree_with_the_automaton_on_few_words(
            names in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec!["a", "b", "A", "B", "ab", "Ab", "AB"]),
                    1..4,
                ),
                1..6,
            ),
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["a", "b", "A", "B", "ab", "Ab", "AB", "é"]),
                    proptest::sample::select(vec![" ", " ", " ", "", ".", "é"]),
                ),
                0..24,
            ),
        ) {
            let g = Gazetteer::new(names.iter().enumerate().map(|(i, words)| KnownName {
                name: words.join(" "),
                entity: format!("e{}", i % 3),
                kind: EntityKind::Person,
            }));
            let text: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            proptest::prop_assert_eq!(g.mentions(&text), mentions_reference(&g, &text));
        }
    }

    /// The General Punctuation shortcut of `is_word_char`, over every
    /// character.
    #[test]
    fn word_chars_are_the_alphanumeric_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
