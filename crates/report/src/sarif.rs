//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! The log is built from hand-written serde structs for the subset we emit
//! rather than with `serde-sarif`: about a hundred lines here, against a
//! crate with its own builder and enum machinery to compile, and the test
//! suite validates the output against the official 2.1.0 schema anyway.
//!
//! One run, by the tool `factcheck` (no `informationUri`: the project has
//! no public home yet); the tool's rules are the registered checks
//! ([`checker::checks::CHECKS`]): id the code, short description the
//! summary, full description and help the check's doc (Markdown, and plain
//! text), default level its severity. Each diagnostic is a result with its
//! rule, level, message, location and related locations (its labels).
//! Paths become URIs: relative ones stay relative, to `%SRCROOT%` (where the
//! check ran), absolute ones become `file:` URIs, percent-encoded either way.
//! Regions carry both line and column, counted in Unicode code points
//! (`columnKind` is declared on the run), and byte offset and length into
//! the file as read. The article's own words appear exactly as written in
//! each region's `snippet` and in the result's `properties.found`; JSON
//! escaping keeps control characters inert.
//!
//! Each result has a `partialFingerprints` entry `factcheck/v1` that
//! identifies it across runs without depending on line numbers: see
//! [`fingerprints`].

use std::collections::BTreeMap;
use std::ops::Range;

use checker::checks::CHECKS;
use checker::{Checked, Diagnostic, Severity};
use serde::Serialize;

use crate::Lines;

/// The URI of the SARIF 2.1.0 schema (OASIS, errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The tool version written in the log: this crate's (the workspace's
/// crates carry the same version as the `factcheck` binary).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The key of the fingerprint in each result's `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "factcheck/v1";

/// Words of context taken on each side of a diagnostic's span for its
/// fingerprint.
const CONTEXT_WORDS: usize = 4;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Text>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Snippet<'a>>,
}

#[derive(Serialize)]
struct Snippet<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Properties<'a> {
    found: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The whole run as one SARIF 2.1.0 log, pretty-printed, ending in a
/// newline.
pub fn render(checked: &[Checked]) -> String {
    let mut rules: Vec<Rule> = CHECKS
        .iter()
        .map(|check| {
            let first = check.doc.split("\n\n").next().unwrap_or(check.doc);
            Rule {
                id: check.code.to_owned(),
                short_description: Text {
                    text: check.summary.to_owned(),
                    markdown: None,
                },
                full_description: Some(Text {
                    text: plain_text(first),
                    markdown: Some(first.to_owned()),
                }),
                help: Some(Text {
                    text: plain_text(check.doc),
                    markdown: Some(check.doc.to_owned()),
                }),
                default_configuration: Configuration {
                    level: level(check.severity),
                },
            }
        })
        .collect();
    let mut results = Vec::new();
    for c in checked {
        let lines = Lines::new(&c.text);
        let prints = fingerprints(c);
        for (d, print) in c.diagnostics.iter().zip(prints) {
            let rule_index = match rules.iter().position(|r| r.id == d.code) {
                Some(i) => i,
                None => {
                    // A code outside the registry still gets a rule, so no
                    // result points at nothing.
                    rules.push(Rule {
                        id: d.code.to_owned(),
                        short_description: Text {
                            text: d.code.to_owned(),
                            markdown: None,
                        },
                        full_description: None,
                        help: None,
                        default_configuration: Configuration {
                            level: level(d.severity),
                        },
                    });
                    rules.len() - 1
                }
            };
            results.push(result(c, &lines, checked, d, rule_index, print));
        }
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "factcheck",
                    version: VERSION,
                    semantic_version: VERSION,
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_else(|e| {
        serde_json::json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": { "name": "factcheck" } },
                "invocations": [{
                    "executionSuccessful": false,
                    "toolExecutionNotifications": [{ "message": { "text": e.to_string() } }],
                }],
            }],
        })
        .to_string()
    });
    out.push('\n');
    out
}

fn result<'a>(
    c: &'a Checked,
    lines: &Lines<'a>,
    all: &'a [Checked],
    d: &'a Diagnostic,
    rule_index: usize,
    fingerprint: String,
) -> SarifResult<'a> {
    let related_locations = d
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let physical_location = match l.path.as_deref() {
                None => physical(&c.path, Some(lines), &l.span),
                Some(p) => {
                    let other = all.iter().find(|o| o.path == p);
                    let other = other.map(|o| Lines::new(&o.text));
                    physical(p, other.as_ref(), &l.span)
                }
            };
            Location {
                id: Some(i),
                physical_location,
                message: Some(Message { text: &l.message }),
            }
        })
        .collect();
    SarifResult {
        rule_id: d.code,
        rule_index,
        level: level(d.severity),
        message: Message { text: &d.message },
        locations: [Location {
            id: None,
            physical_location: physical(&c.path, Some(lines), &d.span),
            message: None,
        }],
        related_locations,
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
        properties: Properties {
            found: &d.found,
            expected: d.expected.as_deref(),
            fact: d.fact.as_deref(),
            help: d.help.as_deref(),
        },
    }
}

/// A location in `path`; lines and columns only when its text is known.
fn physical<'a>(
    path: &str,
    lines: Option<&Lines<'a>>,
    span: &Range<usize>,
) -> PhysicalLocation<'a> {
    let (uri, uri_base_id) = uri(path);
    let mut region = Region {
        start_line: None,
        start_column: None,
        end_line: None,
        end_column: None,
        byte_offset: span.start,
        byte_length: span.end.saturating_sub(span.start),
        snippet: None,
    };
    if let Some(lines) = lines {
        let text = lines.text();
        let (start_line, start_column) = lines.line_column(span.start);
        let (end_line, end_column) = lines.line_column(span.end.max(span.start));
        region.start_line = Some(start_line);
        region.start_column = Some(start_column);
        region.end_line = Some(end_line);
        region.end_column = Some(end_column);
        region.snippet = text.get(span.clone()).map(|words| Snippet { text: words });
    }
    PhysicalLocation {
        artifact_location: ArtifactLocation { uri, uri_base_id },
        region,
    }
}

/// A path as a URI reference: relative paths stay relative (to
/// `%SRCROOT%`, the directory the check ran in), absolute ones become
/// `file:` URIs; every byte but unreserved characters and `/` is
/// percent-encoded.
fn uri(path: &str) -> (String, Option<&'static str>) {
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 2
        && bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && bytes.get(1) == Some(&b':')
        && bytes.get(2).is_none_or(|b| *b == b'/');
    if drive {
        let (letter, rest) = path.split_at(2);
        (format!("file:///{letter}{}", percent_encode(rest)), None)
    } else if path.starts_with('/') {
        (format!("file://{}", percent_encode(&path)), None)
    } else {
        (percent_encode(&path), Some("%SRCROOT%"))
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Markdown as plain text: emphasis markers and code ticks dropped, links
/// written as `text (url)`. Enough for the check docs, which use no other
/// syntax.
fn plain_text(markdown: &str) -> String {
    let without = markdown
        .replace("**", "")
        .replace("__", "")
        .replace('`', "");
    let mut out = String::with_capacity(without.len());
    let mut rest = without.as_str();
    while let Some(open) = rest.find('[') {
        let after = rest.get(open + 1..).unwrap_or("");
        let link = after.find("](").and_then(|mid| {
            let url_from = mid + 2;
            let close = after.get(url_from..)?.find(')')?;
            Some((mid, url_from, url_from + close))
        });
        match link {
            Some((mid, url_from, close)) if !after.get(..mid).unwrap_or("").contains('\n') => {
                out.push_str(rest.get(..open).unwrap_or(""));
                out.push_str(after.get(..mid).unwrap_or(""));
                out.push_str(" (");
                out.push_str(after.get(url_from..close).unwrap_or(""));
                out.push(')');
                rest = after.get(close + 1..).unwrap_or("");
            }
            _ => {
                out.push_str(rest.get(..=open).unwrap_or(""));
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// FNV-1a, 64 bits.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The stable fingerprint of each diagnostic of `c`, in order:
/// `HASH:N`, where HASH is the FNV-1a 64 hash (16 hex digits) of the code,
/// the path, the found words and up to four words on each side of the span
/// within its paragraph (whitespace normalised), and N counts the
/// diagnostics of this source with the same hash so far (from 1), as
/// repeated wording would otherwise collide. Line numbers, byte offsets and
/// the message play no part, so a fingerprint survives edits elsewhere in
/// the article and a corrected fact base.
pub fn fingerprints(c: &Checked) -> Vec<String> {
    let mut seen: BTreeMap<u64, usize> = BTreeMap::new();
    c.diagnostics
        .iter()
        .map(|d| {
            let hash = fingerprint_hash(&c.path, &c.text, d);
            let n = seen.entry(hash).or_insert(0);
            *n += 1;
            format!("{hash:016x}:{n}")
        })
        .collect()
}

fn fingerprint_hash(path: &str, text: &str, d: &Diagnostic) -> u64 {
    let (before, after) = context(text, &d.span);
    let found = d.found.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut input = Vec::new();
    for part in [d.code, path, &found, &before, &after] {
        input.extend_from_slice(part.as_bytes());
        input.push(0x1f);
    }
    fnv1a64(&input)
}

/// Up to [`CONTEXT_WORDS`] words before and after `span`, not crossing a
/// blank line.
fn context(text: &str, span: &Range<usize>) -> (String, String) {
    let start = char_floor(text, span.start);
    let end = char_floor(text, span.end.max(span.start));
    let mut before = Vec::new();
    'before: for (i, piece) in text.get(..start).unwrap_or("").rsplit('\n').enumerate() {
        if i > 0 && piece.trim().is_empty() {
            break;
        }
        for word in piece.split_whitespace().rev() {
            if before.len() == CONTEXT_WORDS {
                break 'before;
            }
            before.push(word);
        }
    }
    before.reverse();
    let mut after = Vec::new();
    'after: for (i, piece) in text.get(end..).unwrap_or("").split('\n').enumerate() {
        if i > 0 && piece.trim().is_empty() {
            break;
        }
        for word in piece.split_whitespace() {
            if after.len() == CONTEXT_WORDS {
                break 'after;
            }
            after.push(word);
        }
    }
    (before.join(" "), after.join(" "))
}

/// The largest char boundary of `text` at or before `offset`.
fn char_floor(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use checker::Label;

    /// A real `Checked` (from an empty fact base) with these diagnostics.
    fn checked(path: &str, text: &str, diagnostics: Vec<Diagnostic>) -> Checked {
        let base = facts::load_strs([("facts.yaml", "entities: []\n")]).unwrap();
        let source = checker::Source {
            path: path.into(),
            text: text.into(),
        };
        let mut c = checker::Checker::new(&base).check(source, None);
        c.diagnostics = diagnostics;
        c
    }

    fn diagnostic(code: &'static str, text: &str, words: &str) -> Diagnostic {
        let start = text.find(words).unwrap();
        Diagnostic {
            code,
            severity: Severity::Warning,
            message: format!("{words} is wrong"),
            span: start..start + words.len(),
            found: words.into(),
            expected: None,
            fact: None,
            labels: Vec::new(),
            help: Some("help".into()),
        }
    }

    fn value(checked: &[Checked]) -> serde_json::Value {
        serde_json::from_str(&render(checked)).unwrap()
    }

    #[test]
    fn fnv1a64_known_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn regions_count_code_points_and_bytes() {
        let text = "Ünïcode line\nThe fund — 20 billion yuan — grew.\n";
        let d = diagnostic("amount-mismatch", text, "20 billion yuan");
        let v = value(&[checked("sources/a b.txt", text, vec![d])]);
        let run = &v["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let loc = &run["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "sources/a%20b.txt");
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &loc["region"];
        assert_eq!(region["startLine"], 2);
        assert_eq!(region["startColumn"], 12);
        assert_eq!(region["endLine"], 2);
        assert_eq!(region["endColumn"], 27);
        assert_eq!(region["byteLength"], 15);
        assert_eq!(region["snippet"]["text"], "20 billion yuan");
        let offset = region["byteOffset"].as_u64().unwrap() as usize;
        assert_eq!(&text[offset..offset + 15], "20 billion yuan");
        assert_eq!(run["results"][0]["level"], "warning");
        assert_eq!(run["results"][0]["properties"]["help"], "help");
    }

    #[test]
    fn rules_come_from_the_checks_and_unknown_codes_get_one() {
        let text = "Acme said so.";
        let d = diagnostic("not-a-code", text, "Acme");
        let v = value(&[checked("a.txt", text, vec![d])]);
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), CHECKS.len() + 1);
        assert_eq!(rules[0]["id"], CHECKS[0].code);
        assert_eq!(rules[0]["help"]["markdown"], CHECKS[0].doc);
        assert!(!rules[0]["help"]["text"].as_str().unwrap().contains("**"));
        let result = &v["runs"][0]["results"][0];
        assert_eq!(result["ruleIndex"], CHECKS.len());
        assert_eq!(rules[CHECKS.len()]["id"], "not-a-code");
    }

    #[test]
    fn labels_become_related_locations_in_their_own_file() {
        let a = "Acme pledged $15 billion on Friday.";
        let b = "Line one\nAcme pledged on Thursday.";
        let mut d = diagnostic("cross-source-conflict", a, "Friday");
        let at = b.find("Thursday").unwrap();
        d.labels.push(Label {
            span: at..at + 8,
            message: "Thursday there".into(),
            path: Some("b.txt".into()),
        });
        d.labels.push(Label {
            span: 13..24,
            message: "here".into(),
            path: None,
        });
        d.labels.push(Label {
            span: 0..4,
            message: "unknown file".into(),
            path: Some("/abs/c d.txt".into()),
        });
        let v = value(&[
            checked("a.txt", a, vec![d]),
            checked("b.txt", b, Vec::new()),
        ]);
        let related = v["runs"][0]["results"][0]["relatedLocations"]
            .as_array()
            .unwrap();
        let there = &related[0]["physicalLocation"];
        assert_eq!(there["artifactLocation"]["uri"], "b.txt");
        assert_eq!(there["region"]["startLine"], 2);
        assert_eq!(there["region"]["snippet"]["text"], "Thursday");
        assert_eq!(related[0]["message"]["text"], "Thursday there");
        assert_eq!(
            related[1]["physicalLocation"]["artifactLocation"]["uri"],
            "a.txt"
        );
        let unknown = &related[2]["physicalLocation"];
        assert_eq!(unknown["artifactLocation"]["uri"], "file:///abs/c%20d.txt");
        assert!(unknown["artifactLocation"].get("uriBaseId").is_none());
        assert!(unknown["region"].get("startLine").is_none());
        assert_eq!(unknown["region"]["byteLength"], 4);
    }

    #[test]
    fn uris() {
        assert_eq!(uri("sources/a.txt").0, "sources/a.txt");
        assert_eq!(uri("a:b/ü#?.md").0, "a%3Ab/%C3%BC%23%3F.md");
        assert_eq!(uri("C:/x/y.txt").0, "file:///C:/x/y.txt");
        assert_eq!(uri("/tmp/y.txt").0, "file:///tmp/y.txt");
    }

    #[test]
    fn plain_text_of_markdown() {
        assert_eq!(
            plain_text("**What it checks.** The `accept` values, [see](https://x.y) [x] a]("),
            "What it checks. The accept values, see (https://x.y) [x] a]("
        );
    }

    #[test]
    fn fingerprints_ignore_edits_elsewhere_and_count_repeats() {
        let text = "Acme will invest 10 billion yuan.\n\nAcme will invest 10 billion yuan.\n";
        let second = text.rfind("10 billion").unwrap();
        let mut d2 = diagnostic("amount-mismatch", text, "10 billion yuan");
        d2.span = second..second + 15;
        let d1 = diagnostic("amount-mismatch", text, "10 billion yuan");
        let before = fingerprints(&checked("a.txt", text, vec![d1.clone(), d2.clone()]));
        assert_eq!(before.len(), 2);
        let (h1, n1) = before[0].split_once(':').unwrap();
        let (h2, n2) = before[1].split_once(':').unwrap();
        assert_eq!((h1, n1, n2), (h2, "1", "2"));
        assert_eq!(h1.len(), 16);

        let edited = format!(
            "A new first paragraph.\n\n{}",
            text.replace("\n\n", "\n\n\n")
        );
        let shift = |d: &Diagnostic, by: usize| {
            let mut d = d.clone();
            d.span = d.span.start + by..d.span.end + by;
            d
        };
        let after = fingerprints(&checked(
            "a.txt",
            &edited,
            vec![shift(&d1, 24), shift(&d2, 25)],
        ));
        assert_eq!(before, after);
        let other_path = fingerprints(&checked("b.txt", text, vec![d1.clone()]));
        assert_ne!(other_path[0], before[0]);
    }

    #[test]
    fn context_stays_in_the_paragraph_and_survives_bad_spans() {
        let text = "One two.\n\nthree four five six seven X eight nine ten eleven twelve\n\nz";
        let at = text.find('X').unwrap();
        let (b, a) = context(text, &(at..at + 1));
        assert_eq!(b, "four five six seven");
        assert_eq!(a, "eight nine ten eleven");
        let (b, a) = context("é\n\nx", &(1..900));
        assert_eq!((b.as_str(), a.as_str()), ("", ""));
        let d = Diagnostic {
            span: Range { start: 5, end: 2 },
            ..diagnostic("amount-mismatch", "abc", "b")
        };
        let v = value(&[checked("a.txt", "é", vec![d])]);
        assert_eq!(
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["byteLength"],
            0
        );
    }
}
