//! Role phrases: who is said to hold which title at which organisation.
//!
//! A sentence is read as a short sequence of items (person and organisation
//! mentions, titles from the synonym table, commas, "of", "'s", verbs...) and
//! matched against the shapes news copy uses:
//!
//! - `Maria Lindqvist, chairman and CEO of Northwind` (appositive after the name);
//! - `CEO Jane Roe`, `Acme's founder and chairman John Doe`,
//!   `head of grocery service Freshly Tomas Berg` (title before the name);
//! - `Jane Roe is currently the CEO of Acme Group`,
//!   `took over as CEO of Acme Group in May 2015` (predicates).

use std::ops::Range;

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
        /// The entity id.
        id: String,
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
    /// Canonical titles, each with its span.
    pub titles: Vec<(String, Range<usize>)>,
    /// The organisation, if the phrase names one.
    pub org: Option<OrgRef>,
    /// When the role is said to be held.
    pub tense: Tense,
    /// The sentence marks the role as a former one ("former", "ex-",
    /// "stepped down").
    pub former: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Item {
    Person(usize),
    Org(usize),
    Title(String),
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
    automaton: Option<AhoCorasick>,
    forms: Vec<String>,
    table: TitleTable,
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
        let automaton = workload
            .automaton_builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(forms.iter().map(|f| f.to_ascii_lowercase()))
            .ok();
        TitleMatcher {
            automaton,
            forms,
            table: table.clone(),
        }
    }

    /// Titles in `text[range]`: (span, canonical title).
    fn find(&self, text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let Some(part) = text.get(range.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(&part.to_ascii_lowercase()) {
            let span = range.start + m.start()..range.start + m.end();
            let before = text[..span.start].chars().next_back();
            let after = text[span.end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(form) = self.forms.get(m.pattern().as_usize()) else {
                continue;
            };
            // Short all-capital abbreviations ("CEO") must be written in
            // capitals; "ceo" in running text is rare and "coo" is a word.
            let written = &text[span.clone()];
            if form.len() <= 3 && written != written.to_uppercase() {
                continue;
            }
            if let Some(canonical) = self.table.canonical(form) {
                out.push((span, canonical.to_owned()));
            }
        }
        out
    }
}

fn classify_word(word: &str) -> Item {
    // Every word below is short ASCII: lowercase on the stack, and only
    // other words need the general (allocating) lowercase.
    let mut buf = [0u8; 16];
    let owned;
    let lower: &str = match buf.get_mut(..word.len()) {
        Some(slot) if word.is_ascii() => {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            std::str::from_utf8(slot).unwrap_or_default()
        }
        _ if word.is_ascii() => "",
        _ => {
            owned = word.to_lowercase();
            &owned
        }
    };
    match lower {
        "and" | "&" => Item::And,
        "of" | "at" | "for" => Item::Of,
        "the" | "a" | "an" => Item::Det,
        "its" | "their" => Item::Anaphor,
        "company" | "firm" | "group" => Item::Anaphor,
        "is" | "remains" | "serves" | "currently" => {
            if lower == "currently" {
                Item::Adverb
            } else {
                Item::Verb(Tense::Current)
            }
        }
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

/// Reads a sentence into items with their spans.
fn items(
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    titles: &[(Range<usize>, String)],
) -> Vec<(Item, Range<usize>)> {
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
            out.push((Item::Title(title.clone()), span.clone()));
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
            out.push((classify_word(word), pos..end));
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

struct Reader<'a> {
    words: &'a str,
    items: &'a [(Item, Range<usize>)],
    mentions: &'a [Mention],
}

impl Reader<'_> {
    fn item(&self, i: usize) -> Option<&Item> {
        self.items.get(i).map(|(item, _)| item)
    }

    /// Titles joined by "and" / commas from `i`: (titles, next index).
    fn titles(&self, mut i: usize) -> (Vec<(String, Range<usize>)>, usize) {
        let mut titles = Vec::new();
        while let Some((Item::Title(t), span)) = self.items.get(i) {
            titles.push((t.clone(), span.clone()));
            i += 1;
            if matches!(self.item(i), Some(Item::And))
                && matches!(self.item(i + 1), Some(Item::Title(_)))
            {
                i += 1;
            }
        }
        (titles, i)
    }

    /// After "of": `[the|its] descriptor* ORG` or `the company` / `its`.
    /// Returns the organisation and the index after it.
    fn org_after_of(&self, mut i: usize) -> Option<(OrgRef, usize)> {
        if let Some((Item::Anaphor, span)) = self.items.get(i) {
            // "of its Board", "of the company".
            return Some((OrgRef::Anaphor { span: span.clone() }, i + 1));
        }
        if matches!(self.item(i), Some(Item::Det)) {
            if let Some((Item::Anaphor, span)) = self.items.get(i + 1) {
                return Some((OrgRef::Anaphor { span: span.clone() }, i + 2));
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
                    let id = mention.entity.clone();
                    return Some((
                        OrgRef::Entity {
                            id,
                            span: span.clone(),
                        },
                        i + 1,
                    ));
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

    fn span(&self, from: usize, to_exclusive: usize) -> Range<usize> {
        let start = self.items.get(from).map_or(0, |(_, s)| s.start);
        let end = self
            .items
            .get(to_exclusive.saturating_sub(1))
            .map_or(start, |(_, s)| s.end);
        start..end
    }
}

/// Role phrases in one sentence. `mentions` are those inside the sentence.
pub fn find(
    text: &str,
    sentence: Range<usize>,
    mentions: &[Mention],
    titles: &TitleMatcher,
) -> Vec<RoleClaim> {
    let title_spans = titles.find(text, sentence.clone());
    if title_spans.is_empty() {
        return Vec::new();
    }
    let items = items(text, sentence.clone(), mentions, &title_spans);
    let r = Reader {
        words: text,
        items: &items,
        mentions,
    };
    let sentence_text = text.get(sentence.clone()).unwrap_or("").to_lowercase();
    let former_sentence = [
        "stepped down",
        "former",
        "ex-",
        "retired",
        "who left",
        "resigned",
    ]
    .iter()
    .any(|w| sentence_text.contains(w));
    let mut out = Vec::new();
    let person = |i: usize| match r.item(i) {
        Some(Item::Person(m)) => mentions.get(*m).cloned(),
        _ => None,
    };
    for i in 0..items.len() {
        let preceded_by_former = i > 0 && matches!(r.item(i - 1), Some(Item::Former));
        match r.item(i) {
            // PERSON , TITLE+ [of ORG]
            Some(Item::Person(_)) if matches!(r.item(i + 1), Some(Item::Comma)) => {
                let (ts, next) = r.titles(i + 2);
                if ts.is_empty() {
                    continue;
                }
                let (org, end) = match r.item(next) {
                    Some(Item::Of) => match r.org_after_of(next + 1) {
                        Some((org, end)) => (Some(org), end),
                        None => (None, next),
                    },
                    _ => (None, next),
                };
                out.push(RoleClaim {
                    span: r.span(i, end),
                    person: person(i),
                    pronoun: None,
                    titles: ts,
                    org,
                    tense: Tense::Current,
                    former: former_sentence,
                });
            }
            // [ORG 's] TITLE+ [of ORG] [,] PERSON
            Some(Item::Title(_)) if !continues_titles(&r, i) => {
                let (ts, next) = r.titles(i);
                let mut start = i;
                let mut org = None;
                if i >= 2 && matches!(r.item(i - 1), Some(Item::Possessive)) {
                    if let Some((Item::Org(m), span)) = items.get(i - 2) {
                        if let Some(mention) = mentions.get(*m) {
                            org = Some(OrgRef::Entity {
                                id: mention.entity.clone(),
                                span: span.clone(),
                            });
                            start = i - 2;
                        }
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
                // "TITLE of ORG, PERSON" needs the organisation; a bare
                // "CEO, Jane" is a list, not a role.
                if comma && org.is_none() {
                    continue;
                }
                if let Some(found) = person(p) {
                    out.push(RoleClaim {
                        span: r.span(start, p + 1),
                        person: Some(found),
                        pronoun: None,
                        titles: ts,
                        org,
                        tense: Tense::Current,
                        former: former_sentence || preceded_by_former,
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
                let (ts, next) = r.titles(j);
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
                    titles: ts.clone(),
                    org: org.clone(),
                    tense,
                    former: former_sentence,
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
                            let (ts2, n2) = r.titles(t);
                            if let Some(Item::Of) = r.item(n2) {
                                if let Some((org2, e2)) = r.org_after_of(n2 + 1) {
                                    let person2 = out.last().and_then(|c| c.person.clone());
                                    out.push(RoleClaim {
                                        span: r.span(t, e2),
                                        person: person2,
                                        pronoun: None,
                                        titles: ts2,
                                        org: Some(org2),
                                        tense,
                                        former: former_sentence,
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
                    .map_or_else(|| "<pronoun>".to_owned(), |p| p.entity.clone());
                let titles: Vec<String> = c.titles.iter().map(|(t, _)| t.clone()).collect();
                let org = match &c.org {
                    Some(OrgRef::Entity { id, .. }) => id.clone(),
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
    fn title_before_the_name() {
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
