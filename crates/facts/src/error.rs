//! Problems in the fact base, each a miette diagnostic pointing into the YAML.

use std::sync::Arc;

use miette::{Diagnostic, SourceSpan};
use thiserror::Error;

/// The source text of a facts file, named by its path, for diagnostics.
/// A facts file as diagnostics show it: neutralised, indexed once and
/// shared by every problem in the file.
pub type FactsSource = Arc<crate::snippet::Snippet<Arc<str>>>;

/// One problem in the fact base.
#[derive(Debug, Error, Diagnostic)]
pub enum FactsError {
    /// The facts folder or a file in it could not be read.
    #[error("cannot read {path}: {message}")]
    #[diagnostic(code(facts::io), help("check that the path exists and is readable"))]
    Io {
        /// The path that failed.
        path: String,
        /// What the system said.
        message: String,
    },

    /// The facts folder holds no `*.yaml` file.
    #[error("no facts: {path} holds no *.yaml file")]
    #[diagnostic(
        code(facts::no_files),
        help(
            "write the story's facts in YAML files under this folder (see README, \"Facts\"), or pass --facts DIR"
        )
    )]
    NoFiles {
        /// The folder.
        path: String,
    },

    /// A facts file is not UTF-8 text.
    #[error("{path} is not UTF-8 text (invalid byte at offset {offset})")]
    #[diagnostic(code(facts::not_utf8), help("save the file as UTF-8"))]
    NotUtf8 {
        /// The file.
        path: String,
        /// The first invalid byte.
        offset: usize,
    },

    /// A facts file is larger than the limit.
    #[error("{path} is {size} bytes, more than the {limit}-byte limit for a facts file")]
    #[diagnostic(
        code(facts::too_large),
        help("split the facts into several files by topic")
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },

    /// A facts file has no content.
    #[error("{path} holds no facts")]
    #[diagnostic(
        code(facts::empty_file),
        help("add facts to it (entities:, quantities:, events:, rates:) or delete it")
    )]
    EmptyFile {
        /// The file.
        path: String,
    },

    /// The YAML does not parse.
    #[error("YAML syntax error: {message}")]
    #[diagnostic(code(facts::syntax))]
    Syntax {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// Where parsing stopped.
        #[label("here")]
        span: SourceSpan,
        /// The parser's message.
        message: String,
    },

    /// A key appears twice in one mapping; YAML loaders keep the last one
    /// silently, which would hide a fact.
    #[error("duplicate key `{key}`")]
    #[diagnostic(
        code(facts::duplicate_key),
        help("keep one `{key}:`; the other value would be silently ignored")
    )]
    DuplicateKey {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The second occurrence.
        #[label("`{key}` again")]
        span: SourceSpan,
        /// The first occurrence.
        #[label("first `{key}`")]
        first: SourceSpan,
        /// The key.
        key: String,
    },

    /// The YAML nests too deeply or holds several documents.
    #[error("{message}")]
    #[diagnostic(code(facts::structure))]
    Structure {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// Where.
        #[label("here")]
        span: SourceSpan,
        /// What is wrong.
        message: String,
    },

    /// The YAML is well formed but does not follow the facts schema: an
    /// unknown or missing field, or a value of the wrong type.
    #[error("{message}")]
    #[diagnostic(code(facts::schema), help("{help}"))]
    Schema {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// Where.
        #[label("{label}")]
        span: SourceSpan,
        /// What serde said, or what is wrong.
        message: String,
        /// The label.
        label: String,
        /// How to fix it.
        help: String,
    },

    /// Two facts or entities share an id.
    #[error("duplicate id `{id}`")]
    #[diagnostic(
        code(facts::duplicate_id),
        help("ids are unique across all facts files; `{id}` is first defined at {first}")
    )]
    DuplicateId {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The second definition.
        #[label("`{id}` defined again")]
        span: SourceSpan,
        /// The id.
        id: String,
        /// Where it was first defined (`file:line:column`).
        first: String,
    },

    /// A reference to an id that no entity or fact has.
    #[error("unknown {expected} `{id}`")]
    #[diagnostic(code(facts::unknown_id), help("{help}"))]
    UnknownReference {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The reference.
        #[label("no {expected} has this id")]
        span: SourceSpan,
        /// The id referred to.
        id: String,
        /// What kind of id was expected (`entity`, `quantity`).
        expected: &'static str,
        /// A suggestion.
        help: String,
    },

    /// A `sum_of` whose parts do not add up to the total.
    #[error("`{id}` is {total} but its parts add up to {sum}")]
    #[diagnostic(code(facts::sum_mismatch), help("{parts}"))]
    SumMismatch {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The total's value.
        #[label("total")]
        span: SourceSpan,
        /// The total's id.
        id: String,
        /// The total as written.
        total: String,
        /// The sum of the parts.
        sum: String,
        /// The parts, with their values.
        parts: String,
    },

    /// An amount that does not parse, or has an unknown currency or unit.
    #[error("{message}")]
    #[diagnostic(
        code(facts::invalid_amount),
        help(
            "examples: `100 billion CNY`, `15.5 billion USD`, `89 percent`, `68.7 million donations`"
        )
    )]
    InvalidAmount {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The amount.
        #[label("{label}")]
        span: SourceSpan,
        /// What is wrong.
        message: String,
        /// The label.
        label: String,
    },

    /// A date or period that does not exist or cannot be read.
    #[error("{message}")]
    #[diagnostic(
        code(facts::invalid_date),
        help("dates are YYYY-MM-DD, YYYY-MM or YYYY; periods 2021, 2021-H1, 2021-Q2 or 2021-06")
    )]
    InvalidDate {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The date.
        #[label("not a valid date")]
        span: SourceSpan,
        /// What is wrong.
        message: String,
    },

    /// A role that ends before it starts.
    #[error("role ends ({to}) before it starts ({from})")]
    #[diagnostic(
        code(facts::role_order),
        help("swap `from` and `to`, or correct one of them")
    )]
    RoleOrder {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The `to` date.
        #[label("ends here")]
        span: SourceSpan,
        /// The `from` date.
        #[label("starts here")]
        from_span: SourceSpan,
        /// The start.
        from: String,
        /// The end.
        to: String,
    },

    /// An alias (or name) claimed by two entities, which would make every
    /// mention of it ambiguous.
    #[error("`{alias}` names two entities: `{entity}` and `{other}`")]
    #[diagnostic(
        code(facts::alias_conflict),
        help("keep `{alias}` on one entity (`{other}` is defined at {other_at})")
    )]
    AliasConflict {
        /// The file.
        #[source_code]
        src: FactsSource,
        /// The second claim.
        #[label("also claimed here")]
        span: SourceSpan,
        /// The alias.
        alias: String,
        /// The entity claiming it here.
        entity: String,
        /// The entity that claimed it first.
        other: String,
        /// Where the other entity is defined.
        other_at: String,
    },
}

/// Every problem found in a fact base. Loading collects them all before
/// failing, so that one run shows everything to fix.
#[derive(Debug, Error, Diagnostic)]
#[error("the fact base has {} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" })]
#[diagnostic(
    code(facts::invalid),
    help(
        "fix these and run `factcheck facts check` again; nothing is checked against a broken fact base"
    )
)]
pub struct LoadError {
    /// The problems, in file order.
    #[related]
    pub problems: Vec<FactsError>,
}
