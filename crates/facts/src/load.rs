//! Loading: every `*.yaml` under a folder, merged, validated, with every
//! problem collected and located.
//!
//! Each file goes through three stages: the spanned tree (syntax, duplicate
//! keys, depth), serde from that tree into the raw schema types item by item
//! (unknown and missing fields, wrong types), then conversion into the model (amounts,
//! dates). Cross-file rules (duplicate ids, references, aliases, sums) run
//! once all files are read. Any problem fails the load.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use miette::SourceSpan;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::amount::{Amount, AmountError, parse_decimal};
use crate::date::{FactDate, Period};
use crate::error::{FactsError, FactsSource, LoadError};
use crate::model::{
    Entity, EntityKind, Event, FactBase, FactRef, Origin, Quantity, Rate, Role, default_tolerance,
};
use crate::node_de::NodeDeserializer;
use crate::titles::TitleTable;
use crate::yaml::{self, Node, NodeKind, Step, TreeProblem};

/// The largest facts file accepted. Fact bases are small; this bounds memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A scalar of any YAML type, kept as text. Exact numbers and dates are
/// re-read from the spanned tree, because a plain `15.50` resolves to a
/// float.
#[derive(Debug, Clone)]
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number, date or string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitle {
    title: String,
    #[serde(default)]
    synonyms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    kind: EntityKind,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<RawRole>,
    source: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    title: String,
    of: Option<String>,
    from: Option<Scalar>,
    to: Option<Scalar>,
    source: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuantity {
    id: String,
    subject: String,
    what: Option<String>,
    #[serde(default)]
    cues: Vec<String>,
    value: Scalar,
    date: Option<Scalar>,
    period: Option<Scalar>,
    #[serde(default)]
    accept: Vec<Scalar>,
    #[serde(default)]
    sum_of: Vec<String>,
    source: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    subject: String,
    what: Option<String>,
    #[serde(default)]
    cues: Vec<String>,
    date: Scalar,
    #[serde(default)]
    accept: Vec<Scalar>,
    source: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRate {
    id: Option<String>,
    base: String,
    quote: String,
    rate: Scalar,
    on: Scalar,
    tolerance: Option<Scalar>,
    source: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

const SECTIONS: &[&str] = &["titles", "entities", "quantities", "events", "rates"];

/// One file being loaded.
struct File {
    display: Arc<str>,
    text: Arc<str>,
    /// The text as shown in diagnostics: control characters neutralised,
    /// same length, so spans stay valid. Made only when a problem is shown.
    shown: OnceLock<FactsSource>,
    lines: LineIndex,
    tree: Node,
}

/// A facts file as diagnostics show it.
fn shown(display: &str, text: &str) -> FactsSource {
    Arc::new(crate::snippet::Snippet::new(
        crate::sanitize::neutralise(display),
        crate::sanitize::neutralise(text).into(),
    ))
}

impl File {
    fn src(&self) -> FactsSource {
        self.shown
            .get_or_init(|| shown(&self.display, &self.text))
            .clone()
    }

    fn span(&self, node: &Node) -> SourceSpan {
        (node.span.start, node.span.len()).into()
    }

    fn origin(&self, node: &Node) -> Origin {
        let (line, column) = self.lines.line_column(&self.text, node.span.start);
        Origin {
            file: self.display.clone(),
            line,
            column,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, column(text, line_start, offset))
}

/// 1-based column (in characters) of `offset` on the line starting at
/// `line_start`.
fn column(text: &str, line_start: usize, offset: usize) -> usize {
    let shown = text.get(line_start..offset).unwrap_or("");
    // A byte-order mark is no character of the text an editor shows.
    let shown = shown
        .strip_prefix('\u{feff}')
        .filter(|_| line_start == 0)
        .unwrap_or(shown);
    shown.chars().count() + 1
}

/// Where each line of a text starts, for many [`line_column`] lookups
/// without rescanning the text. Characters are counted from checkpoints
/// every 4,096 bytes, so a lookup on a very long line (a
/// pasted article without line breaks) reads at most that many bytes.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before each multiple of `CHAR_MARK_BYTES`.
    char_marks: Vec<usize>,
}

/// Distance between character-count checkpoints of a [`LineIndex`].
const CHAR_MARK_BYTES: usize = 4096;

/// Characters that start in `bytes` (bytes that are not UTF-8 continuation
/// bytes).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut char_marks = vec![0];
        let mut count = 0;
        for chunk in text.as_bytes().chunks_exact(CHAR_MARK_BYTES) {
            count += chars_in(chunk);
            char_marks.push(count);
        }
        LineIndex { starts, char_marks }
    }

    /// Characters of `text` before byte `offset` (a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let mark = offset / CHAR_MARK_BYTES;
        let from = mark * CHAR_MARK_BYTES;
        self.char_marks.get(mark).copied().unwrap_or(0)
            + chars_in(text.as_bytes().get(from..offset).unwrap_or_default())
    }

    /// 1-based line and column (in characters) of a byte offset of the
    /// text this index was built from.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        if !text.is_char_boundary(offset) {
            return (1, 1);
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let line_start = self.starts.get(line - 1).copied().unwrap_or(0);
        if offset - line_start < CHAR_MARK_BYTES {
            return (line, column(text, line_start, offset));
        }
        let mut chars = self.chars_before(text, offset) - self.chars_before(text, line_start);
        // A byte-order mark is no character of the text an editor shows.
        if line_start == 0 && text.starts_with('\u{feff}') {
            chars -= 1;
        }
        (line, chars + 1)
    }
}

/// A raw item with the file and tree path it came from.
struct Located<T> {
    file: usize,
    section: &'static str,
    index: usize,
    raw: T,
}

struct Loader {
    files: Vec<File>,
    problems: Vec<FactsError>,
    titles: Vec<Located<RawTitle>>,
    entities: Vec<Located<RawEntity>>,
    quantities: Vec<Located<RawQuantity>>,
    events: Vec<Located<RawEvent>>,
    rates: Vec<Located<RawRate>>,
}

/// Loads and validates every `*.yaml` file under `dir` (recursively, in path
/// order). Files are named in diagnostics by their path as given.
pub fn load_dir(dir: &Path) -> Result<FactBase, LoadError> {
    load_dir_named(dir, &dir.display().to_string())
}

/// Like [`load_dir`], with the folder shown as `shown_as` in diagnostics and
/// fact origins (`facts/people.yaml:3:5` rather than an absolute path).
pub fn load_dir_named(dir: &Path, shown_as: &str) -> Result<FactBase, LoadError> {
    let mut paths = Vec::new();
    if let Err(e) = collect_yaml(dir, &mut paths, 0) {
        return Err(LoadError {
            problems: vec![FactsError::Io {
                path: dir.display().to_string(),
                message: e.to_string(),
            }],
        });
    }
    paths.sort();
    if paths.is_empty() {
        return Err(LoadError {
            problems: vec![FactsError::NoFiles {
                path: dir.display().to_string(),
            }],
        });
    }
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        let display = crate::sanitize::neutralise_path(
            &Path::new(shown_as).join(relative).display().to_string(),
        );
        match read_file(&path, &display) {
            Ok(text) => inputs.push((display, text)),
            Err(problem) => problems.push(problem),
        }
    }
    load_texts(inputs, problems)
}

/// Loads and validates facts given as (display name, text) pairs, as if they
/// were files of one folder.
pub fn load_strs<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<FactBase, LoadError> {
    let inputs = files
        .into_iter()
        .map(|(name, text)| (name.to_owned(), text.to_owned()))
        .collect();
    load_texts(inputs, Vec::new())
}

fn load_texts(
    inputs: Vec<(String, String)>,
    problems: Vec<FactsError>,
) -> Result<FactBase, LoadError> {
    let mut loader = Loader {
        files: Vec::new(),
        problems,
        titles: Vec::new(),
        entities: Vec::new(),
        quantities: Vec::new(),
        events: Vec::new(),
        rates: Vec::new(),
    };
    for (display, text) in inputs {
        loader.add_file(display, text);
    }
    let base = loader.build();
    if loader.problems.is_empty() {
        Ok(base)
    } else {
        Err(LoadError {
            problems: loader.problems,
        })
    }
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    // Symlinked folders are not followed, which rules out loops; the depth
    // cap is a second guard.
    if depth > 16 {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            collect_yaml(&path, out, depth + 1)?;
        } else if path.extension().is_some_and(|e| e == "yaml")
            && (kind.is_file() || kind.is_symlink() && path.is_file())
        {
            out.push(path);
        }
    }
    Ok(())
}

// Problems are rare and reported once; their size does not matter.
#[allow(clippy::result_large_err)]
fn read_file(path: &Path, display: &str) -> Result<String, FactsError> {
    let io = |e: std::io::Error| FactsError::Io {
        path: display.to_owned(),
        message: e.to_string(),
    };
    let meta = fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(FactsError::TooLarge {
            path: display.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|e| FactsError::NotUtf8 {
        path: display.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn path_steps(path: &serde_path_to_error::Path) -> Vec<String> {
    path.iter()
        .filter_map(|seg| match seg {
            serde_path_to_error::Segment::Seq { index } => Some(format!("#{index}")),
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        })
        .collect()
}

fn to_steps(steps: &[String]) -> Vec<Step<'_>> {
    steps
        .iter()
        .map(|s| match s.strip_prefix('#').and_then(|n| n.parse().ok()) {
            Some(i) => Step::Index(i),
            None => Step::Key(s.as_str()),
        })
        .collect()
}

/// The field a serde message names in backticks (`unknown field `x``).
fn named_field(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message.get(start..)?.find('`')?;
    message.get(start..start + len)
}

fn schema_help(section: &str, message: &str) -> String {
    if message.starts_with("unknown field") {
        match message.find(", expected") {
            Some(i) => format!("allowed fields in {section}:{}", &message[i + 10..]),
            None => format!("remove the field; {section} have no such field"),
        }
    } else if message.starts_with("missing field") {
        format!("add the field; see README, \"Facts\", for the shape of {section}")
    } else {
        format!("see README, \"Facts\", for the shape of {section}")
    }
}

impl Loader {
    fn add_file(&mut self, display: String, text: String) {
        let display: Arc<str> = display.into();
        let text: Arc<str> = text.into();
        // Neutralised once, however many problems the file has.
        let src_once: OnceLock<FactsSource> = OnceLock::new();
        let src = || src_once.get_or_init(|| shown(&display, &text)).clone();
        let tree = match yaml::parse(&text) {
            Ok(Some(tree)) => tree,
            Ok(None) => {
                self.problems.push(FactsError::EmptyFile {
                    path: display.to_string(),
                });
                return;
            }
            Err(problems) => {
                for p in problems {
                    self.problems.push(match p {
                        TreeProblem::Syntax { span, message } => FactsError::Syntax {
                            src: src(),
                            span: (span.start, span.len()).into(),
                            message,
                        },
                        TreeProblem::DuplicateKey { span, first, key } => {
                            FactsError::DuplicateKey {
                                src: src(),
                                span: (span.start, span.len()).into(),
                                first: (first.start, first.len()).into(),
                                key,
                            }
                        }
                        TreeProblem::TooDeep { span } => FactsError::Structure {
                            src: src(),
                            span: (span.start, span.len()).into(),
                            message: format!("nesting deeper than {} levels", yaml::MAX_DEPTH),
                        },
                        TreeProblem::MultipleDocuments { span } => FactsError::Structure {
                            src: src(),
                            span: (span.start, span.len()).into(),
                            message: "more than one YAML document in a facts file".into(),
                        },
                    });
                }
                return;
            }
        };
        let file = File {
            display: display.clone(),
            text: text.clone(),
            shown: OnceLock::new(),
            lines: LineIndex::new(&text),
            tree,
        };
        let file_index = self.files.len();
        let NodeKind::Map(entries) = &file.tree.kind else {
            self.problems.push(FactsError::Schema {
                src: file.src(),
                span: file.span(&file.tree),
                message: "a facts file is a mapping of sections".into(),
                label: "expected `entities:`, `quantities:`, `events:`, `rates:` or `titles:`"
                    .into(),
                help: "start the file with a section name, e.g. `entities:`".into(),
            });
            return;
        };
        for (key, node) in entries {
            let name = key.scalar().unwrap_or("");
            let Some(section) = SECTIONS.iter().copied().find(|s| *s == name) else {
                self.problems.push(FactsError::Schema {
                    src: file.src(),
                    span: file.span(key),
                    message: format!("unknown section `{name}`"),
                    label: "not a section".into(),
                    help: format!("sections are: {}", SECTIONS.join(", ")),
                });
                continue;
            };
            let items = match &node.kind {
                NodeKind::Seq(items) => items,
                NodeKind::Scalar {
                    text,
                    quoted: false,
                } if text.is_empty() || text == "~" || text == "null" => continue,
                _ => {
                    self.problems.push(FactsError::Schema {
                        src: file.src(),
                        span: file.span(node),
                        message: format!("`{section}` must be a list"),
                        label: "expected a list of items (`- ...`)".into(),
                        help: format!("write each of the {section} as a `- ` item"),
                    });
                    continue;
                }
            };
            for (index, item) in items.iter().enumerate() {
                match section {
                    "titles" => {
                        self.deserialize(&file, file_index, section, index, item, |l, r| {
                            l.titles.push(r)
                        })
                    }
                    "entities" => {
                        self.deserialize(&file, file_index, section, index, item, |l, r| {
                            l.entities.push(r)
                        })
                    }
                    "quantities" => {
                        self.deserialize(&file, file_index, section, index, item, |l, r| {
                            l.quantities.push(r)
                        })
                    }
                    "events" => {
                        self.deserialize(&file, file_index, section, index, item, |l, r| {
                            l.events.push(r)
                        })
                    }
                    _ => self.deserialize(&file, file_index, section, index, item, |l, r| {
                        l.rates.push(r)
                    }),
                }
            }
        }
        self.files.push(file);
    }

    fn deserialize<T: for<'de> Deserialize<'de>>(
        &mut self,
        file: &File,
        file_index: usize,
        section: &'static str,
        index: usize,
        item: &Node,
        push: impl FnOnce(&mut Self, Located<T>),
    ) {
        // The path of a failure is only needed to report it: tracking it
        // for every item cost 7% of a cold run. A failed item is read
        // again with tracking, to the same error.
        let read = T::deserialize(NodeDeserializer(item))
            .or_else(|_| serde_path_to_error::deserialize::<_, T>(NodeDeserializer(item)));
        match read {
            Ok(raw) => push(
                self,
                Located {
                    file: file_index,
                    section,
                    index,
                    raw,
                },
            ),
            Err(err) => {
                let message = err.inner().to_string();
                let mut steps = vec![section.to_owned(), format!("#{index}")];
                steps.extend(path_steps(err.path()));
                let item_node = file.tree.locate(&[Step::Key(section), Step::Index(index)]);
                let mut node = file.tree.locate(&to_steps(&steps));
                // An unknown field points at its key; a missing one at the item.
                if message.starts_with("unknown field") {
                    if let Some(field) = named_field(&message) {
                        let parent = file
                            .tree
                            .locate(&to_steps(&steps[..steps.len().saturating_sub(1)]));
                        if let Some((key, _)) =
                            parent.entry(field).or_else(|| item_node.entry(field))
                        {
                            node = key;
                        }
                    }
                }
                let label = if message.starts_with("unknown field") {
                    "unknown field".to_owned()
                } else if message.starts_with("missing field") {
                    "in this item".to_owned()
                } else {
                    "here".to_owned()
                };
                let help = schema_help(section, &message);
                self.problems.push(FactsError::Schema {
                    src: file.src(),
                    span: file.span(node),
                    message: format!("{section}[{index}]: {message}"),
                    label,
                    help,
                });
            }
        }
    }

    fn node(&self, file: usize, path: &[Step<'_>]) -> (&File, &Node) {
        // Files are pushed in the same order as their items, so the index is
        // always valid; fall back to the first file defensively.
        let f = &self.files[file.min(self.files.len().saturating_sub(1))];
        (f, f.tree.locate(path))
    }

    /// The exact text of a scalar, from the tree (serde_yaml loses `15.50`).
    fn exact(&self, file: usize, path: &[Step<'_>], fallback: &str) -> String {
        let (_, node) = self.node(file, path);
        node.scalar().unwrap_or(fallback).to_owned()
    }

    fn date(&mut self, file: usize, path: &[Step<'_>], fallback: &str) -> Option<FactDate> {
        let text = self.exact(file, path, fallback);
        match FactDate::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                let (f, node) = self.node(file, path);
                let problem = FactsError::InvalidDate {
                    src: f.src(),
                    span: f.span(node),
                    message: e.0,
                };
                self.problems.push(problem);
                None
            }
        }
    }

    fn amount(&mut self, file: usize, path: &[Step<'_>], fallback: &str) -> Option<Amount> {
        let text = self.exact(file, path, fallback);
        match Amount::parse(&text) {
            Ok(a) => Some(a),
            Err(e) => {
                let label = match &e {
                    AmountError::UnknownUnit(_) => "unknown currency or unit",
                    AmountError::Shape(_) => "not an amount",
                    AmountError::Overflow(_) => "too large",
                };
                let (f, node) = self.node(file, path);
                let problem = FactsError::InvalidAmount {
                    src: f.src(),
                    span: f.span(node),
                    message: e.to_string(),
                    label: label.into(),
                };
                self.problems.push(problem);
                None
            }
        }
    }

    fn invalid_amount(&mut self, file: usize, path: &[Step<'_>], message: String, label: &str) {
        let (f, node) = self.node(file, path);
        let problem = FactsError::InvalidAmount {
            src: f.src(),
            span: f.span(node),
            message,
            label: label.into(),
        };
        self.problems.push(problem);
    }

    fn build(&mut self) -> FactBase {
        let mut base = FactBase {
            titles: TitleTable::default(),
            ..FactBase::default()
        };
        for t in &self.titles {
            base.titles
                .add(&t.raw.title, t.raw.synonyms.iter().map(String::as_str));
        }
        // Where each id is defined: (file, section, index).
        let mut defined: HashMap<String, (usize, &'static str, usize)> = HashMap::new();
        let entities = std::mem::take(&mut self.entities);
        let quantities = std::mem::take(&mut self.quantities);
        let events = std::mem::take(&mut self.events);
        let rates = std::mem::take(&mut self.rates);

        let mut check_id =
            |this: &mut Self, id: &str, file: usize, section: &'static str, index: usize| -> bool {
                let path = [Step::Key(section), Step::Index(index), Step::Key("id")];
                if let Some(&(f0, s0, i0)) = defined.get(id) {
                    let (first_file, first_node) =
                        this.node(f0, &[Step::Key(s0), Step::Index(i0), Step::Key("id")]);
                    let first = first_file.origin(first_node).to_string();
                    let (f, node) = this.node(file, &path);
                    let problem = FactsError::DuplicateId {
                        src: f.src(),
                        span: f.span(node),
                        id: id.to_owned(),
                        first,
                    };
                    this.problems.push(problem);
                    false
                } else {
                    defined.insert(id.to_owned(), (file, section, index));
                    true
                }
            };

        for e in &entities {
            let (file, section, index) = (e.file, e.section, e.index);
            if !check_id(self, &e.raw.id, file, section, index) {
                continue;
            }
            let item = [Step::Key(section), Step::Index(index)];
            let mut roles = Vec::new();
            for (ri, r) in e.raw.roles.iter().enumerate() {
                let role_path = |field| {
                    [
                        Step::Key(section),
                        Step::Index(index),
                        Step::Key("roles"),
                        Step::Index(ri),
                        Step::Key(field),
                    ]
                };
                let from = match &r.from {
                    Some(s) => self.date(file, &role_path("from"), &s.0),
                    None => None,
                };
                let to = match &r.to {
                    Some(s) => self.date(file, &role_path("to"), &s.0),
                    None => None,
                };
                if let (Some(f), Some(t)) = (from, to) {
                    if t.last_day() < f.first_day() {
                        let (fl, to_node) = self.node(file, &role_path("to"));
                        let from_node = fl.tree.locate(&role_path("from"));
                        let problem = FactsError::RoleOrder {
                            src: fl.src(),
                            span: fl.span(to_node),
                            from_span: fl.span(from_node),
                            from: f.to_string(),
                            to: t.to_string(),
                        };
                        self.problems.push(problem);
                    }
                }
                // A title the table lacks ("manager", "captain") becomes
                // one of its own, so that the text's roles are read with it.
                let title = match base.titles.canonical(&r.title) {
                    Some(canonical) => canonical.to_owned(),
                    None => {
                        let title = r.title.trim().to_lowercase();
                        if !title.is_empty() {
                            base.titles.add(&title, []);
                        }
                        title
                    }
                };
                roles.push(Role {
                    title,
                    of: r.of.clone(),
                    from,
                    to,
                    source: r.source.clone().or_else(|| e.raw.source.clone()),
                });
            }
            let (f, node) = self.node(file, &item);
            let origin = f.origin(node);
            base.ids
                .insert(e.raw.id.clone(), FactRef::Entity(base.entities.len()));
            base.entities.push(Entity {
                id: e.raw.id.clone(),
                kind: e.raw.kind,
                name: e.raw.name.trim().to_owned(),
                aliases: e.raw.aliases.iter().map(|a| a.trim().to_owned()).collect(),
                roles,
                source: e.raw.source.clone(),
                origin,
            });
        }

        for q in &quantities {
            let (file, section, index) = (q.file, q.section, q.index);
            if !check_id(self, &q.raw.id, file, section, index) {
                continue;
            }
            let field = |name| [Step::Key(section), Step::Index(index), Step::Key(name)];
            let value = self.amount(file, &field("value"), &q.raw.value.0);
            let date = match &q.raw.date {
                Some(s) => self.date(file, &field("date"), &s.0),
                None => None,
            };
            let period = match &q.raw.period {
                Some(s) => {
                    let text = self.exact(file, &field("period"), &s.0);
                    match Period::parse(&text) {
                        Ok(p) => Some(p),
                        Err(e) => {
                            let (f, node) = self.node(file, &field("period"));
                            let problem = FactsError::InvalidDate {
                                src: f.src(),
                                span: f.span(node),
                                message: e.0,
                            };
                            self.problems.push(problem);
                            None
                        }
                    }
                }
                None => None,
            };
            let mut accept = Vec::new();
            for (ai, a) in q.raw.accept.iter().enumerate() {
                let path = [
                    Step::Key(section),
                    Step::Index(index),
                    Step::Key("accept"),
                    Step::Index(ai),
                ];
                if let Some(amount) = self.amount(file, &path, &a.0) {
                    if let Some(v) = &value {
                        if amount.unit != v.unit
                            && !matches!(
                                (&amount.unit, &v.unit),
                                (crate::amount::Unit::Noun(_), crate::amount::Unit::Noun(_))
                            )
                        {
                            self.invalid_amount(
                                file,
                                &path,
                                format!(
                                    "accepted value is in {}, the fact's value in {}",
                                    amount.unit, v.unit
                                ),
                                "unit differs from `value`",
                            );
                        }
                    }
                    accept.push(amount);
                }
            }
            let Some(value) = value else { continue };
            let (f, node) = self.node(file, &[Step::Key(section), Step::Index(index)]);
            let origin = f.origin(node);
            base.ids
                .insert(q.raw.id.clone(), FactRef::Quantity(base.quantities.len()));
            base.quantities.push(Quantity {
                id: q.raw.id.clone(),
                subject: q.raw.subject.clone(),
                what: q.raw.what.clone(),
                cues: q.raw.cues.iter().map(|c| c.trim().to_lowercase()).collect(),
                value,
                date,
                period,
                accept,
                sum_of: q.raw.sum_of.clone(),
                source: q.raw.source.clone(),
                origin,
            });
        }

        for ev in &events {
            let (file, section, index) = (ev.file, ev.section, ev.index);
            if !check_id(self, &ev.raw.id, file, section, index) {
                continue;
            }
            let date = self.date(
                file,
                &[Step::Key(section), Step::Index(index), Step::Key("date")],
                &ev.raw.date.0,
            );
            let mut accept = Vec::new();
            for (ai, a) in ev.raw.accept.iter().enumerate() {
                let path = [
                    Step::Key(section),
                    Step::Index(index),
                    Step::Key("accept"),
                    Step::Index(ai),
                ];
                if let Some(d) = self.date(file, &path, &a.0) {
                    accept.push(d);
                }
            }
            let Some(date) = date else { continue };
            let (f, node) = self.node(file, &[Step::Key(section), Step::Index(index)]);
            let origin = f.origin(node);
            base.ids
                .insert(ev.raw.id.clone(), FactRef::Event(base.events.len()));
            base.events.push(Event {
                id: ev.raw.id.clone(),
                subject: ev.raw.subject.clone(),
                what: ev.raw.what.clone(),
                cues: ev
                    .raw
                    .cues
                    .iter()
                    .map(|c| c.trim().to_lowercase())
                    .collect(),
                date,
                accept,
                source: ev.raw.source.clone(),
                origin,
            });
        }

        for r in &rates {
            let (file, section, index) = (r.file, r.section, r.index);
            let field = |name| [Step::Key(section), Step::Index(index), Step::Key(name)];
            let on = self.date(file, &field("on"), &r.raw.on.0);
            let id = r.raw.id.clone().unwrap_or_else(|| {
                format!(
                    "{}-{}-{}",
                    r.raw.base.to_lowercase(),
                    r.raw.quote.to_lowercase(),
                    on.map(|d| d.to_string()).unwrap_or_default()
                )
            });
            if !check_id(self, &id, file, section, index) {
                continue;
            }
            let mut ok = true;
            for (name, code) in [("base", &r.raw.base), ("quote", &r.raw.quote)] {
                if !crate::amount::is_currency(code) {
                    self.invalid_amount(
                        file,
                        &field(name),
                        format!(
                            "unknown currency `{code}`: use an ISO 4217 code such as USD or CNY"
                        ),
                        "unknown currency",
                    );
                    ok = false;
                }
            }
            let rate_text = self.exact(file, &field("rate"), &r.raw.rate.0);
            let rate = parse_decimal(&rate_text).filter(|d| *d > Decimal::ZERO);
            if rate.is_none() {
                self.invalid_amount(
                    file,
                    &field("rate"),
                    format!("`{rate_text}` is not a positive decimal rate"),
                    "not a rate",
                );
            }
            let tolerance = match &r.raw.tolerance {
                None => Some(default_tolerance()),
                Some(s) => {
                    let text = self.exact(file, &field("tolerance"), &s.0);
                    let parsed = parse_tolerance(&text);
                    if parsed.is_none() {
                        self.invalid_amount(
                            file,
                            &field("tolerance"),
                            format!("`{text}` is not a tolerance: write a percentage such as `1%`"),
                            "not a tolerance",
                        );
                    }
                    parsed
                }
            };
            let (Some(on), Some(rate), Some(tolerance), true) = (on, rate, tolerance, ok) else {
                continue;
            };
            let (f, node) = self.node(file, &[Step::Key(section), Step::Index(index)]);
            let origin = f.origin(node);
            base.ids.insert(id.clone(), FactRef::Rate(base.rates.len()));
            base.rates.push(Rate {
                id,
                base: r.raw.base.clone(),
                quote: r.raw.quote.clone(),
                rate,
                on,
                tolerance,
                source: r.raw.source.clone(),
                origin,
            });
        }

        self.check_references(&base, &entities, &quantities, &events);
        self.check_aliases(&base, &entities);
        self.check_sums(&base, &quantities);
        base
    }

    fn unknown_reference(
        &mut self,
        base: &FactBase,
        file: usize,
        path: &[Step<'_>],
        id: &str,
        expected: &'static str,
    ) {
        let candidates: Vec<&str> = match expected {
            "entity" => base.entities.iter().map(|e| e.id.as_str()).collect(),
            _ => base.quantities.iter().map(|q| q.id.as_str()).collect(),
        };
        let best = candidates
            .iter()
            .map(|c| (strsim::levenshtein(c, id), *c))
            .min();
        let help = match best {
            Some((d, c)) if d <= 3.max(id.len() / 3) => format!("did you mean `{c}`?"),
            _ => format!("define an {expected} with `id: {id}`, or correct the reference"),
        };
        let (f, node) = self.node(file, path);
        let problem = FactsError::UnknownReference {
            src: f.src(),
            span: f.span(node),
            id: id.to_owned(),
            expected,
            help,
        };
        self.problems.push(problem);
    }

    fn check_references(
        &mut self,
        base: &FactBase,
        entities: &[Located<RawEntity>],
        quantities: &[Located<RawQuantity>],
        events: &[Located<RawEvent>],
    ) {
        let is_entity = |id: &str| base.entity(id).is_some();
        for e in entities {
            for (ri, r) in e.raw.roles.iter().enumerate() {
                if let Some(of) = &r.of {
                    if !is_entity(of) {
                        let path = [
                            Step::Key(e.section),
                            Step::Index(e.index),
                            Step::Key("roles"),
                            Step::Index(ri),
                            Step::Key("of"),
                        ];
                        self.unknown_reference(base, e.file, &path, of, "entity");
                    }
                }
            }
        }
        for q in quantities {
            if !is_entity(&q.raw.subject) {
                let path = [
                    Step::Key(q.section),
                    Step::Index(q.index),
                    Step::Key("subject"),
                ];
                self.unknown_reference(base, q.file, &path, &q.raw.subject, "entity");
            }
            for (si, part) in q.raw.sum_of.iter().enumerate() {
                if base.quantity(part).is_none() {
                    let path = [
                        Step::Key(q.section),
                        Step::Index(q.index),
                        Step::Key("sum_of"),
                        Step::Index(si),
                    ];
                    self.unknown_reference(base, q.file, &path, part, "quantity");
                }
            }
        }
        for ev in events {
            if !is_entity(&ev.raw.subject) {
                let path = [
                    Step::Key(ev.section),
                    Step::Index(ev.index),
                    Step::Key("subject"),
                ];
                self.unknown_reference(base, ev.file, &path, &ev.raw.subject, "entity");
            }
        }
    }

    fn check_aliases(&mut self, base: &FactBase, entities: &[Located<RawEntity>]) {
        let mut owner: HashMap<String, (String, String)> = HashMap::new();
        for e in entities {
            let Some(entity) = base.entity(&e.raw.id) else {
                continue;
            };
            // A duplicated id was reported already; only the first counts.
            let (f, node) = self.node(e.file, &[Step::Key(e.section), Step::Index(e.index)]);
            if f.origin(node) != entity.origin {
                continue;
            }
            let names = std::iter::once((None, entity.name.as_str())).chain(
                entity
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (Some(i), a.as_str())),
            );
            let mut seen_here = Vec::new();
            for (alias_index, name) in names {
                if seen_here.contains(&name) {
                    continue;
                }
                seen_here.push(name);
                match owner.get(name) {
                    Some((other, other_at)) if *other != entity.id => {
                        let path: Vec<Step<'_>> = match alias_index {
                            Some(i) => vec![
                                Step::Key(e.section),
                                Step::Index(e.index),
                                Step::Key("aliases"),
                                Step::Index(i),
                            ],
                            None => vec![
                                Step::Key(e.section),
                                Step::Index(e.index),
                                Step::Key("name"),
                            ],
                        };
                        let (f, node) = self.node(e.file, &path);
                        let problem = FactsError::AliasConflict {
                            src: f.src(),
                            span: f.span(node),
                            alias: name.to_owned(),
                            entity: entity.id.clone(),
                            other: other.clone(),
                            other_at: other_at.clone(),
                        };
                        self.problems.push(problem);
                    }
                    _ => {
                        owner.insert(
                            name.to_owned(),
                            (entity.id.clone(), entity.origin.to_string()),
                        );
                    }
                }
            }
        }
    }

    fn check_sums(&mut self, base: &FactBase, quantities: &[Located<RawQuantity>]) {
        for q in quantities {
            if q.raw.sum_of.is_empty() {
                continue;
            }
            let Some(total) = base.quantity(&q.raw.id) else {
                continue;
            };
            let Some(total_value) = total.value.value() else {
                continue;
            };
            let mut sum = Decimal::ZERO;
            let mut parts = Vec::new();
            let mut complete = true;
            for id in &q.raw.sum_of {
                let Some(part) = base.quantity(id) else {
                    complete = false;
                    continue;
                };
                if part.value.unit != total.value.unit {
                    let path = [
                        Step::Key(q.section),
                        Step::Index(q.index),
                        Step::Key("value"),
                    ];
                    self.invalid_amount(
                        q.file,
                        &path,
                        format!(
                            "`{}` is in {} but its part `{id}` is in {}",
                            q.raw.id, total.value.unit, part.value.unit
                        ),
                        "unit differs from a part",
                    );
                    complete = false;
                    continue;
                }
                match part.value.value().and_then(|v| sum.checked_add(v)) {
                    Some(s) => sum = s,
                    None => complete = false,
                }
                parts.push(format!("{id} = {}", part.value));
            }
            if complete && sum != total_value {
                let path = [
                    Step::Key(q.section),
                    Step::Index(q.index),
                    Step::Key("value"),
                ];
                let (f, node) = self.node(q.file, &path);
                let unit = total.value.unit.to_string();
                let scale = total.value.scale;
                let shown = sum.checked_div(scale.factor()).unwrap_or(sum).normalize();
                let sum_text = match scale.word() {
                    Some(w) => format!("{shown} {w} {unit}"),
                    None => format!("{shown} {unit}"),
                };
                let problem = FactsError::SumMismatch {
                    src: f.src(),
                    span: f.span(node),
                    id: q.raw.id.clone(),
                    total: total.value.to_string(),
                    sum: sum_text,
                    parts: format!("sum_of: {}", parts.join(" + ")),
                };
                self.problems.push(problem);
            }
        }
    }
}

fn parse_tolerance(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let number = text
        .strip_suffix('%')
        .or_else(|| text.strip_suffix(" percent"))?
        .trim();
    let value = parse_decimal(number)?;
    (value >= Decimal::ZERO && value <= Decimal::from(100u8)).then(|| value / Decimal::from(100u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_columns_count_characters() {
        let text = "ab\n张勇: x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        let colon = text.find(':').unwrap();
        assert_eq!(line_column(text, colon), (2, 3));
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            if text.is_char_boundary(offset.min(text.len())) {
                assert_eq!(index.line_column(text, offset), line_column(text, offset));
            }
        }
    }

    /// Lines far longer than the checkpoint distance, with multi-byte
    /// characters straddling checkpoints and a byte-order mark.
    #[test]
    fn line_columns_on_long_lines_agree_with_a_scan() {
        let long = "aé张𝟏 ".repeat(3000);
        let text = format!("\u{feff}{long}\nb\n{long}{long}\n\n{long}");
        let index = LineIndex::new(&text);
        let offsets = (0..=text.len()).filter(|&o| text.is_char_boundary(o));
        for offset in offsets.step_by(7).chain([text.len()]) {
            assert_eq!(
                index.line_column(&text, offset),
                line_column(&text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn tolerances() {
        assert_eq!(parse_tolerance("3%"), Some(Decimal::new(3, 2)));
        assert_eq!(parse_tolerance("0.5 percent"), Some(Decimal::new(5, 3)));
        assert_eq!(parse_tolerance("3"), None);
        assert_eq!(parse_tolerance("-1%"), None);
    }

    #[test]
    fn a_number_where_text_is_wanted_is_its_text() {
        let yaml = "\
entities:
  - { id: union, kind: organization, name: Rail Union }
quantities:
  - { id: offer, subject: union, what: pay offer for 2026, cues: [offer, 2026, 1.5], value: 3 percent }
";
        let base = load_strs([("f.yaml", yaml)]).unwrap();
        assert_eq!(base.quantities[0].cues, ["offer", "2026", "1.5"]);
        // Not a null or a boolean.
        let yaml = yaml.replace("1.5]", "true]");
        assert!(load_strs([("f.yaml", yaml.as_str())]).is_err());
    }
}
