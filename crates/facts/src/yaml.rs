//! A spanned view of a YAML document.
//!
//! serde_yaml deserialises well but records no positions of values and keeps
//! the last of duplicate keys silently. This module parses the same text with
//! an event parser that reports positions, builds a small tree of byte spans,
//! and reports duplicate keys, so that every problem in the fact base can point
//! at the exact bytes of the YAML file.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// Nesting deeper than this is refused: no fact needs it, and it bounds the
/// work a hostile file can cause.
pub const MAX_DEPTH: usize = 64;

/// A node of the spanned tree. Aliases are kept as leaves, never expanded, so
/// an alias bomb costs nothing here.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte range of the node in the file.
    pub span: Range<usize>,
    /// What the node holds.
    pub kind: NodeKind,
}

/// The shape of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar with its text as written (without quotes) and whether it was
    /// quoted.
    Scalar {
        /// The scalar's value.
        text: String,
        /// True when the scalar was written in quotes or as a block scalar.
        quoted: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
    /// An alias (`*name`), not expanded.
    Alias,
}

/// One step of a path into the tree.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// A mapping key.
    Key(&'a str),
    /// A sequence index.
    Index(usize),
}

/// A problem found while building the tree.
#[derive(Debug, Clone)]
pub enum TreeProblem {
    /// The text is not valid YAML.
    Syntax {
        /// Where the parser stopped.
        span: Range<usize>,
        /// The parser's message.
        message: String,
    },
    /// A key appears twice in one mapping.
    DuplicateKey {
        /// The second occurrence.
        span: Range<usize>,
        /// The first occurrence.
        first: Range<usize>,
        /// The key.
        key: String,
    },
    /// The document nests deeper than [`MAX_DEPTH`].
    TooDeep {
        /// Where the limit was reached.
        span: Range<usize>,
    },
    /// The file holds more than one YAML document.
    MultipleDocuments {
        /// The start of the second document.
        span: Range<usize>,
    },
}

impl Node {
    /// The scalar text, if this is a scalar.
    pub fn scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The value of `key` in this mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, value)| value)
    }

    /// The key node and value node of `key` in this mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.scalar() == Some(key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The item at `index` of this sequence.
    pub fn index(&self, index: usize) -> Option<&Node> {
        match &self.kind {
            NodeKind::Seq(items) => items.get(index),
            _ => None,
        }
    }

    /// Follows `path` as far as it goes and returns the deepest node reached,
    /// so that a problem deep inside a value still points near it.
    pub fn locate(&self, path: &[Step<'_>]) -> &Node {
        let mut node = self;
        for step in path {
            let next = match step {
                Step::Key(key) => node.get(key),
                Step::Index(i) => node.index(*i),
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node
    }
}

/// Maps the parser's character indices to byte offsets. The parser asks in
/// nearly increasing order, so a cursor that walks forward (and restarts
/// when asked for an earlier index) does it without a table.
struct CharToByte<'a> {
    text: &'a str,
    /// A character is a byte.
    ascii: bool,
    /// A character index and its byte offset.
    at: (usize, usize),
}

impl<'a> CharToByte<'a> {
    fn new(text: &'a str) -> Self {
        CharToByte {
            text,
            ascii: text.is_ascii(),
            at: (0, 0),
        }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        if char_index < self.at.0 {
            self.at = (0, 0);
        }
        let (mut chars, mut bytes) = self.at;
        let rest = self.text.get(bytes..).unwrap_or("");
        for c in rest.chars() {
            if chars == char_index {
                break;
            }
            chars += 1;
            bytes += c.len_utf8();
        }
        // Past the end: the end, as the table used to give.
        self.at = (chars, bytes);
        bytes
    }
}

/// A collection being read: where it starts, and where its children start
/// on the shared child stacks.
enum Open {
    Seq(usize, usize),
    Map(usize, usize, Option<Node>),
}

/// Parses `text` into a spanned tree. Returns `Ok(None)` for a document with
/// no content (empty or only comments).
pub fn parse(text: &str) -> Result<Option<Node>, Vec<TreeProblem>> {
    match crate::yaml_subset::parse(text) {
        Some(tree) => Ok(tree),
        None => parse_events(text),
    }
}

/// [`parse`] through the general parser's events, for any YAML.
pub(crate) fn parse_events(text: &str) -> Result<Option<Node>, Vec<TreeProblem>> {
    let mut map = CharToByte::new(text);
    let mut problems = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Children of every open collection, innermost last: each collection's
    // list is allocated once, at its exact size, when it closes, rather than
    // grown item by item.
    let mut items: Vec<Node> = Vec::new();
    let mut entries: Vec<(Node, Node)> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;

    for item in Parser::new_from_str(text) {
        let (event, span) = match item {
            Ok(ok) => ok,
            Err(err) => {
                let at = map.byte(err.marker().index());
                problems.push(TreeProblem::Syntax {
                    span: at..at,
                    message: err.info().to_string(),
                });
                return Err(problems);
            }
        };
        let start = map.byte(span.start.index());
        let end = map.byte(span.end.index()).max(start);
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    problems.push(TreeProblem::MultipleDocuments { span: start..end });
                    return Err(problems);
                }
                continue;
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    problems.push(TreeProblem::TooDeep { span: start..end });
                    return Err(problems);
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq(start, items.len())
                } else {
                    Open::Map(start, entries.len(), None)
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq(s, first)) => {
                    let own: Vec<Node> = items.drain(first..).collect();
                    Node {
                        span: s..end.max(last_end(own.last()).unwrap_or(s)),
                        kind: NodeKind::Seq(own),
                    }
                }
                Some(Open::Map(s, first, _)) => {
                    let own: Vec<(Node, Node)> = entries.drain(first..).collect();
                    Node {
                        span: s..end.max(own.last().map(|(_, v)| v.span.end).unwrap_or(s)),
                        kind: NodeKind::Map(own),
                    }
                }
                None => continue,
            },
            Event::Scalar(value, style, _, _) => Node {
                span: start..end,
                kind: NodeKind::Scalar {
                    text: value.into_owned(),
                    quoted: !matches!(style, ScalarStyle::Plain),
                },
            },
            Event::Alias(_) => Node {
                span: start..end,
                kind: NodeKind::Alias,
            },
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Open::Seq(..)) => items.push(node),
            Some(Open::Map(_, first, pending)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => {
                    if let Some(name) = key.scalar() {
                        let own = entries.get(*first..).unwrap_or_default();
                        if let Some((earlier, _)) =
                            own.iter().find(|(k, _)| k.scalar() == Some(name))
                        {
                            problems.push(TreeProblem::DuplicateKey {
                                span: key.span.clone(),
                                first: earlier.span.clone(),
                                key: name.to_owned(),
                            });
                        }
                    }
                    entries.push((key, node));
                }
            },
        }
    }
    if problems.is_empty() {
        Ok(root)
    } else {
        Err(problems)
    }
}

fn last_end(node: Option<&Node>) -> Option<usize> {
    node.map(|n| n.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_indices_map_to_bytes_in_any_order() {
        for text in ["plain ascii", "名前: 张勇\nname: Zhang — “Daniel”\n", ""] {
            let table: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let expect = |k: usize| table.get(k).copied().unwrap_or(text.len());
            let mut map = CharToByte::new(text);
            let n = table.len() + 3;
            let order: Vec<usize> = (0..n).chain((0..n).rev()).chain([2, 0, 5, 1, n]).collect();
            for k in order {
                assert_eq!(map.byte(k), expect(k), "{text:?} at {k}");
            }
        }
    }

    fn tree(text: &str) -> Node {
        match parse(text) {
            Ok(Some(node)) => node,
            other => panic!("expected a tree, got {other:?}"),
        }
    }

    #[test]
    fn spans_point_at_scalars() {
        let text = "entities:\n  - id: acme\n    name: \"Acme Corp\"\n";
        let root = tree(text);
        let id = root.locate(&[Step::Key("entities"), Step::Index(0), Step::Key("id")]);
        assert_eq!(&text[id.span.clone()], "acme");
        let name = root.locate(&[Step::Key("entities"), Step::Index(0), Step::Key("name")]);
        assert_eq!(name.scalar(), Some("Acme Corp"));
        assert!(text[name.span.clone()].contains("Acme Corp"));
    }

    #[test]
    fn spans_are_bytes_after_multibyte_text() {
        let text = "# 张勇 — name\nname: Zhang Yong\n";
        let root = tree(text);
        let name = root.locate(&[Step::Key("name")]);
        assert_eq!(&text[name.span.clone()], "Zhang Yong");
    }

    #[test]
    fn duplicate_keys_are_reported_with_both_places() {
        let text = "a: 1\nb: 2\na: 3\n";
        let Err(problems) = parse(text) else {
            panic!("duplicate key not detected")
        };
        match &problems[0] {
            TreeProblem::DuplicateKey { span, first, key } => {
                assert_eq!(key, "a");
                assert_eq!(span.start, 10);
                assert_eq!(first.start, 0);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn flow_mappings_have_spans() {
        let text = "rates:\n  - { base: USD, rate: 6.4577 }\n";
        let root = tree(text);
        let rate = root.locate(&[Step::Key("rates"), Step::Index(0), Step::Key("rate")]);
        assert_eq!(&text[rate.span.clone()], "6.4577");
    }

    #[test]
    fn syntax_errors_and_depth_are_problems() {
        assert!(matches!(
            parse("a: [1, 2\n").unwrap_err()[0],
            TreeProblem::Syntax { .. }
        ));
        let deep = "[".repeat(100);
        assert!(matches!(
            parse(&deep).unwrap_err()[0],
            TreeProblem::TooDeep { .. } | TreeProblem::Syntax { .. }
        ));
        assert!(matches!(
            parse("a: 1\n---\nb: 2\n").unwrap_err()[0],
            TreeProblem::MultipleDocuments { .. }
        ));
    }

    #[test]
    fn empty_and_comment_only_documents_have_no_root() {
        assert!(matches!(parse(""), Ok(None)));
        assert!(matches!(parse("# nothing\n"), Ok(None)));
    }
}
