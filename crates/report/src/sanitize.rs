//! Terminal safety for every human-readable output; the functions live in
//! the `facts` crate, at the bottom of the graph, so that fact-base
//! diagnostics use them too.

pub use facts::sanitize::{is_unsafe, neutralise};
