//! The one synonym table for job titles: `CEO` = `chief executive`,
//! `chair` = `chairman`, and the generic `head of`, which any leading role
//! satisfies. The facts may extend it with a `titles:` section.

use std::collections::BTreeMap;

/// The canonical title that generic words (`head`, `leader`, `boss`) map to.
pub const HEAD: &str = "head";

/// Words that make a title another when they stand right before it:
/// a deputy governor is not the governor.
pub const QUALIFIERS: [&str; 5] = ["assistant", "associate", "deputy", "lieutenant", "vice"];

/// Fields that make a director a particular one ("finance director",
/// "Acme's claims director"): written before the title, as a portfolio is
/// before a minister's.
pub const DIRECTOR_FIELDS: [&str; 24] = [
    "claims",
    "commercial",
    "communications",
    "compliance",
    "creative",
    "editorial",
    "engineering",
    "finance",
    "investment",
    "legal",
    "marketing",
    "medical",
    "operations",
    "policy",
    "production",
    "programme",
    "research",
    "risk",
    "sales",
    "security",
    "sporting",
    "sports",
    "strategy",
    "technical",
];

/// Portfolios that make a minister or a secretary a particular one
/// ("Economy Minister", "Foreign Secretary").
pub const PORTFOLIOS: [&str; 28] = [
    "agriculture",
    "commerce",
    "communications",
    "culture",
    "defence",
    "defense",
    "development",
    "economic",
    "economy",
    "education",
    "energy",
    "environment",
    "finance",
    "foreign",
    "health",
    "home",
    "housing",
    "industry",
    "interior",
    "justice",
    "labor",
    "labour",
    "science",
    "sports",
    "tourism",
    "trade",
    "transport",
    "treasury",
];

/// Built-in groups: canonical title first, then its synonyms. General
/// knowledge of English news copy, not of any story.
const BUILT_IN: &[&[&str]] = &[
    &[
        "chief executive",
        "ceo",
        "chief executive officer",
        "chief exec",
    ],
    &[
        "chairman",
        "chair",
        "chairwoman",
        "chairperson",
        "board chairman",
        "executive chairman",
        "chairman of the board",
    ],
    &["president"],
    &["vice president", "vp", "vice-president"],
    &["founder", "co-founder", "cofounder", "co founder"],
    &["chief financial officer", "cfo", "finance chief"],
    &["chief operating officer", "coo"],
    &["chief technology officer", "cto"],
    // Other officers: each its own title, so that "chief" alone (the
    // generic head) is not read out of them.
    &["chief medical officer"],
    &["chief scientific officer", "chief science officer"],
    &["chief commercial officer"],
    &["chief marketing officer"],
    &["chief information officer", "cio"],
    &["chief investment officer"],
    &["chief risk officer"],
    &["chief legal officer"],
    &["chief people officer"],
    &["chief product officer"],
    &["chief strategy officer"],
    &["chief digital officer"],
    &["chief compliance officer"],
    &["chief nursing officer"],
    &["chief economist"],
    &["chief strategist"],
    &["chief of staff"],
    &["chief curator"],
    &["curator"],
    &["executive director"],
    &["secretary"],
    &["treasurer"],
    &["general counsel"],
    &[
        "director",
        "board member",
        "board director",
        "member of the board",
        "non-executive director",
    ],
    &["managing director"],
    &[
        "general secretary",
        "secretary general",
        "general-secretary",
    ],
    &["prime minister", "premier"],
    &["chancellor", "chancellor of the exchequer"],
    &["vice chancellor", "vice-chancellor"],
    &["minister"],
    &["governor"],
    &["mayor"],
    &["spokesperson", "spokesman", "spokeswoman"],
    &["judge"],
    &["district judge"],
    &["magistrate judge", "magistrate"],
    &["chief judge"],
    &["justice"],
    &["chief justice"],
    &["attorney general"],
    &["prosecutor", "public prosecutor"],
    &["senator"],
    &["coach"],
    &["head coach"],
    &[HEAD, "leader", "boss", "chief", "head of state"],
];

/// Titles that make someone the head of an organisation, so that "head of
/// X" is right for any of them.
const LEADING: &[&str] = &[
    "chief executive",
    "chairman",
    "president",
    "managing director",
    "general secretary",
    "prime minister",
];

/// Titles that any title ending in them satisfies: a district judge is
/// a judge, a head coach a coach, a finance minister a minister (but a
/// vice president is no president).
const GENERIC: &[&str] = &["judge", "justice", "coach", "minister", "secretary"];

/// Title synonyms: every written form maps to one canonical title.
#[derive(Debug, Clone)]
pub struct TitleTable {
    canonical: BTreeMap<String, String>,
}

impl Default for TitleTable {
    fn default() -> Self {
        let mut table = TitleTable {
            canonical: BTreeMap::new(),
        };
        for group in BUILT_IN {
            if let Some((first, rest)) = group.split_first() {
                table.add(first, rest.iter().copied());
            }
        }
        table
    }
}

impl TitleTable {
    /// Adds a group: `title` and its synonyms all map to `title`'s canonical
    /// form (an existing one if `title` is already known).
    pub fn add<'a>(&mut self, title: &str, synonyms: impl IntoIterator<Item = &'a str>) {
        let key = title.to_lowercase();
        let canonical = self.canonical.get(&key).cloned().unwrap_or(key.clone());
        self.canonical.insert(key, canonical.clone());
        for synonym in synonyms {
            self.canonical
                .insert(synonym.to_lowercase(), canonical.clone());
        }
    }

    /// The canonical title of a written form, case-insensitively.
    pub fn canonical(&self, written: &str) -> Option<&str> {
        let written = written.trim();
        // Checks ask this of many words: short ASCII ones are lowercased on
        // the stack (what `to_lowercase` gives for ASCII) instead of in a
        // new string each time.
        let mut buf = [0u8; 32];
        if let Some(lower) = buf.get_mut(..written.len()).filter(|_| written.is_ascii()) {
            lower.copy_from_slice(written.as_bytes());
            lower.make_ascii_lowercase();
            if let Ok(key) = std::str::from_utf8(lower) {
                return self.canonical.get(key).map(String::as_str);
            }
        }
        self.canonical
            .get(&written.to_lowercase())
            .map(String::as_str)
    }

    /// Every written form, lowercase, for building matchers.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.canonical.keys().map(String::as_str)
    }

    /// Like [`TitleTable::satisfies`], and a portfolio title ("health
    /// minister") is held by the generic title of an organisation whose
    /// name holds the portfolio ("minister" of the "Ministry of Health").
    /// The organisation's name is asked last, of portfolio titles alone.
    pub fn satisfies_at<'a>(
        &self,
        stated: &str,
        held: &str,
        org_name: impl FnOnce() -> Option<&'a str>,
    ) -> bool {
        self.satisfies(stated, held)
            || stated.rsplit_once(' ').is_some_and(|(portfolio, generic)| {
                GENERIC.contains(&generic)
                    && self.satisfies(generic, held)
                    && org_name().is_some_and(|org| {
                        // Every word of the portfolio ("planning", "digital
                        // affairs") in the organisation's name.
                        portfolio.split(' ').all(|field| {
                            org.split(|c: char| !c.is_alphanumeric())
                                .any(|w| one_stem(w, field))
                        })
                    })
            })
    }

    /// Whether holding `held` makes a statement of `stated` true. Both are
    /// canonical titles.
    pub fn satisfies(&self, stated: &str, held: &str) -> bool {
        stated == held
            || (stated == HEAD
                && (LEADING.contains(&held)
                    || held.ends_with(" leader")
                    || held.starts_with("leader of ")))
            || (matches!(stated.len().abs_diff(held.len()), 3..=5)
                && inverted(stated).is_some_and(|(field, title)| {
                    let (held_field, held_title) = inverted(held).unwrap_or((held, ""));
                    title == held_title && one_field(field, held_field)
                }))
            || (GENERIC.contains(&stated)
                && (held
                    .strip_suffix(stated)
                    .is_some_and(|kind| kind.ends_with(' '))
                    // "minister of digital affairs" is a minister.
                    || held
                        .strip_prefix(stated)
                        .is_some_and(|field| field.starts_with(" of ") || field.starts_with(" for "))))
    }
}

/// Whether two words of a portfolio are one: the same word, or a noun
/// beside its adjective ("Economy" minister of "Economic Affairs",
/// "Finance" of "Financial Services", "Defence" beside "Defense",
/// "Transport" of "Transportation"): a shared stem of six letters or
/// more with at most three letters past it in each word (two past a
/// stem of five), or one word the whole stem of the other.
fn one_stem(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    let stem = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let (rest_a, rest_b) = (a.len() - stem, b.len() - stem);
    let longest = rest_a.max(rest_b);
    a.is_ascii()
        && b.is_ascii()
        && ((stem >= 5 && longest <= 2)
            || (stem >= 6 && longest <= 3)
            || (stem >= 6 && rest_a.min(rest_b) == 0 && longest <= 5))
}

/// Whether two fields are one, a plural beside its singular ("export
/// director", "director of exports").
fn one_field(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// A title with its field before it ("health minister", "communications
/// director") or after "of" or "for" ("minister of health", "director of
/// communications"), as (field, title): the two orders name one title.
/// "State" is left out: a state secretary is no secretary of state. The
/// two orders differ in length by " of" or " for", which is asked first.
fn inverted(title: &str) -> Option<(&str, &str)> {
    // Asked of every pair of titles compared: read by words, without
    // substring searches.
    let (first, rest) = title.split_once(' ')?;
    let (field, title) = match rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("for "))
    {
        Some(field) if !field.starts_with("the ") => (field, first),
        Some(_) => return None,
        None if !rest.contains(' ') => (first, rest),
        // "digital affairs minister": a field of two words before a
        // generic title.
        None => match title.rsplit_once(' ') {
            Some((field, last)) if GENERIC.contains(&last) && field.matches(' ').count() == 1 => {
                (field, last)
            }
            _ => return None,
        },
    };
    (field != "state").then_some((field, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_names_one_title_before_or_after_it() {
        let t = TitleTable::default();
        assert!(t.satisfies("health minister", "minister of health"));
        assert!(t.satisfies("minister of health", "health minister"));
        assert!(t.satisfies("health commissioner", "commissioner for health"));
        assert!(t.satisfies("communications director", "director of communications"));
        assert!(t.satisfies("export director", "director of exports"));
        assert!(t.satisfies("director of exports", "export director"));
        assert!(!t.satisfies("import director", "director of exports"));
        // "leader of the opposition" reads as a leader, which an
        // "opposition leader" is.
        assert!(t.satisfies(HEAD, "opposition leader"));
        assert!(t.satisfies(HEAD, "leader of the opposition"));
        assert!(!t.satisfies(HEAD, "councillor"));
        assert!(!t.satisfies("finance minister", "minister of health"));
        assert!(!t.satisfies("state secretary", "secretary of state"));
        assert!(!t.satisfies("vice president", "president"));
    }

    #[test]
    fn a_portfolio_is_held_at_the_ministry_named_for_it() {
        let t = TitleTable::default();
        let health = Some("Ministry of Health and Social Protection");
        assert!(t.satisfies_at("health minister", "minister", || health));
        assert!(!t.satisfies_at("finance minister", "minister", || health));
        assert!(!t.satisfies_at("health minister", "minister", || None));
        assert!(!t.satisfies_at("health minister", "secretary", || health));
        // A noun beside the adjective of the ministry's name.
        let economy = Some("Ministry of Economic Affairs");
        assert!(t.satisfies_at("economy minister", "minister", || economy));
        let transport = Some("Ministry of Transportation");
        assert!(t.satisfies_at("transport minister", "minister", || transport));
        assert!(!t.satisfies_at("energy minister", "minister", || economy));
        assert!(one_stem("Defence", "defense"));
        assert!(!one_stem("interest", "internal"));
        assert!(!one_stem("trade", "trademarks"));
    }

    #[test]
    fn long_and_non_ascii_forms_are_found_in_any_case() {
        let mut t = TitleTable::default();
        let long = "Deputy Director of Regional Development Planning";
        t.add(long, ["Directrice générale"]);
        assert_eq!(
            t.canonical(&long.to_uppercase()),
            Some(&*long.to_lowercase())
        );
        assert_eq!(
            t.canonical(" DIRECTRICE GÉNÉRALE "),
            Some(&*long.to_lowercase())
        );
        assert_eq!(t.canonical(" Chief Executive "), Some("chief executive"));
    }

    #[test]
    fn synonyms_map_to_one_title() {
        let t = TitleTable::default();
        assert_eq!(t.canonical("CEO"), Some("chief executive"));
        assert_eq!(
            t.canonical("Chief Executive Officer"),
            Some("chief executive")
        );
        assert_eq!(t.canonical("chair"), Some("chairman"));
        assert_eq!(t.canonical("co-founder"), Some("founder"));
        assert_eq!(t.canonical("head"), Some(HEAD));
        assert_eq!(t.canonical("plumber"), None);
        // A museum's officers are titles of their own.
        assert_eq!(t.canonical("Chief Curator"), Some("chief curator"));
        assert!(!t.satisfies("chief curator", "director"));
    }

    #[test]
    fn head_is_satisfied_by_leading_roles_only() {
        let t = TitleTable::default();
        assert!(t.satisfies(HEAD, "chairman"));
        assert!(t.satisfies(HEAD, "chief executive"));
        assert!(!t.satisfies(HEAD, "founder"));
        assert!(!t.satisfies("chairman", "founder"));
    }

    #[test]
    fn a_generic_title_is_satisfied_by_its_kinds() {
        let t = TitleTable::default();
        let magistrate = t.canonical("Magistrate Judge").unwrap_or_default();
        assert_eq!(magistrate, "magistrate judge");
        assert!(t.satisfies("judge", "district judge"));
        assert!(t.satisfies("coach", "head coach"));
        assert!(!t.satisfies(magistrate, "district judge"));
        assert!(!t.satisfies("district judge", "judge"));
        assert!(!t.satisfies("president", "vice president"));
        assert!(t.satisfies("minister", "finance minister"));
        assert!(t.satisfies("minister", "minister of digital affairs"));
        assert!(t.satisfies("digital affairs minister", "minister of digital affairs"));
        assert!(!t.satisfies("foreign affairs minister", "minister of digital affairs"));
        assert!(t.satisfies("secretary", "secretary for health"));
        assert!(!t.satisfies("economy minister", "finance minister"));
        assert!(!t.satisfies("minister", "ministerial adviser"));
    }

    #[test]
    fn a_chancellor_is_no_vice_chancellor() {
        let t = TitleTable::default();
        let vice = t.canonical("Vice-Chancellor").unwrap_or_default();
        assert_eq!(vice, "vice chancellor");
        assert_eq!(
            t.canonical("Chancellor of the Exchequer"),
            Some("chancellor")
        );
        assert!(!t.satisfies("chancellor", vice));
        assert!(!t.satisfies(vice, "chancellor"));
    }

    #[test]
    fn facts_can_extend_the_table() {
        let mut t = TitleTable::default();
        t.add("chairman", ["convenor"]);
        t.add("editor-in-chief", ["editor in chief"]);
        assert_eq!(t.canonical("convenor"), Some("chairman"));
        assert_eq!(t.canonical("Editor in Chief"), Some("editor-in-chief"));
    }
}
