//! Canonical facts: the schema of the fact base as Rust types, loading every
//! `*.yaml` file of a folder, and validation of the whole base.
//!
//! This crate is the bottom of the workspace: it knows nothing of articles,
//! claims or rendering. Every problem in a fact base is collected and reported
//! as a [`miette::Diagnostic`] pointing into the YAML file.
//!
//! ```
//! let base = facts::load_strs([(
//!     "facts/acme.yaml",
//!     "entities:\n  - { id: acme, kind: organization, name: Acme Corp }\n\
//!      quantities:\n  - { id: acme-revenue, subject: acme, value: 1.5 billion USD, period: 2021 }\n",
//! )])
//! .unwrap();
//! assert_eq!(base.quantity("acme-revenue").unwrap().value.to_string(), "1.5 billion USD");
//! ```

pub mod amount;
pub mod date;
pub mod error;
pub mod load;
pub mod measure;
pub mod model;
mod node_de;
pub mod sanitize;
pub mod snippet;
pub mod titles;
pub mod yaml;
mod yaml_subset;

pub use amount::{Amount, Scale, Unit};
pub use date::{FactDate, Period, Precision};
pub use error::{FactsError, LoadError};
pub use load::{line_column, load_dir, load_dir_named, load_strs};
pub use model::{
    Entity, EntityKind, Event, FactBase, FactRef, IdHasher, Origin, Quantity, Rate, Role,
};
pub use titles::TitleTable;
