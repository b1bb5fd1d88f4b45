//! The part of YAML that facts files are written in, read without the general
//! parser.
//!
//! saphyr-parser reads a character at a time through a lookahead buffer: it was
//! nearly half the instructions of a cold single-article run. Facts files use a
//! small part of YAML: block mappings and sequences, one-line plain and quoted
//! scalars, flow sequences and mappings, folded and literal block scalars,
//! comments. This reader takes that part in one pass over the bytes and builds
//! the tree [`crate::yaml::parse`] builds from the parser's events, with the
//! same values and spans. On anything else (anchors, tags, escapes, multi-line
//! plain or quoted scalars, tabs, carriage returns, empty items, errors of any
//! kind) it gives up, and the general parser reads the file, so that every
//! problem keeps its message. Tests hold it to the general parser.

use crate::yaml::{MAX_DEPTH, Node, NodeKind};

/// The tree of `text`, or `None` when `text` is outside the subset. `Some(None)`
/// is a document without content.
pub(crate) fn parse(text: &str) -> Option<Option<Node>> {
    if !plain_characters(text.as_bytes()) {
        return None;
    }
    let mut reader = Reader {
        text,
        b: text.as_bytes(),
        depth: 0,
    };
    let len = text.len();
    let mut p = reader.next_token(0);
    if p < len && reader.indent(p) == Some(0) && reader.marker_at(p, b"---") {
        let eol = reader.rest_of_line(p + 3)?;
        p = reader.next_token(eol);
        if p == len {
            // An explicit document with nothing in it holds a null.
            return None;
        }
    }
    if p == len {
        return Some(None);
    }
    if reader.next_in_block(p)? != Some(0) {
        return None;
    }
    let (root, next) = if reader.dash_at(p) {
        reader.block_seq(p, 0)?
    } else {
        reader.block_map(p, 0)?
    };
    (next == len).then_some(Some(root))
}

/// False when `b` holds a character the subset leaves to the general parser:
/// a control character other than the line feed (tabs and carriage returns
/// included), a C1 control, a Unicode line or paragraph separator, a byte
/// order mark or a noncharacter.
fn plain_characters(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        // Runs of printable ASCII and line feeds, sixteen bytes at a time.
        if let Some(run) = b.get(i..i + 16) {
            let plain = run.iter().fold(true, |ok, &c| {
                ok & (c.wrapping_sub(0x20) < 0x5f || c == b'\n')
            });
            if plain {
                i += 16;
                continue;
            }
        }
        let c = b[i];
        match c {
            b'\n' | 0x20..=0x7e => {}
            0x00..=0x1f | 0x7f => return false,
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => return false,
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)) => {
                return false;
            }
            0xef if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
            ) =>
            {
                return false;
            }
            _ => {}
        }
        i += 1;
    }
    true
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    /// Collections open around the one being read.
    depth: usize,
}

/// How a value in block context ended.
enum Ending {
    /// Inside its line: the rest of the line must be blank or a comment.
    InLine(usize),
    /// At the start of the line after it (block scalars consume their lines).
    AtLine(usize),
}

fn scalar(span: std::ops::Range<usize>, text: String, quoted: bool) -> Node {
    Node {
        span,
        kind: NodeKind::Scalar { text, quoted },
    }
}

fn is_flow_indicator(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}

impl Reader<'_> {
    fn at(&self, p: usize) -> Option<u8> {
        self.b.get(p).copied()
    }

    /// Whether the byte at `p` ends a token: a space, a line end or the end.
    fn blank_at(&self, p: usize) -> bool {
        matches!(self.at(p), None | Some(b' ' | b'\n'))
    }

    fn dash_at(&self, p: usize) -> bool {
        self.at(p) == Some(b'-') && self.blank_at(p + 1)
    }

    fn marker_at(&self, p: usize, marker: &[u8]) -> bool {
        self.b[p..].starts_with(marker) && self.blank_at(p + marker.len())
    }

    fn skip_spaces(&self, mut p: usize) -> usize {
        while self.at(p) == Some(b' ') {
            p += 1;
        }
        p
    }

    fn line_end(&self, p: usize) -> usize {
        self.b[p..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |i| p + i)
    }

    /// The column of the token at `p`, which must have only spaces before it
    /// on its line.
    fn indent(&self, p: usize) -> Option<usize> {
        let start = self.b[..p]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |i| i + 1);
        self.b[start..p]
            .iter()
            .all(|&c| c == b' ')
            .then_some(p - start)
    }

    /// After a token at `p`: the end of its line, if only spaces and a comment
    /// (after a space) follow it there.
    fn rest_of_line(&self, p: usize) -> Option<usize> {
        let q = self.skip_spaces(p);
        match self.at(q) {
            None | Some(b'\n') => Some(q),
            Some(b'#') if q > p => Some(self.line_end(q)),
            _ => None,
        }
    }

    /// The end of the span of a quoted scalar or a flow collection whose
    /// last byte is before `p`: the general parser counts the spaces after it
    /// and a comment on its line.
    fn trailing(&self, p: usize) -> usize {
        let q = self.skip_spaces(p);
        if q > p && self.at(q) == Some(b'#') {
            self.line_end(q)
        } else {
            q
        }
    }

    /// The next token from a line end or a line start `p`, past blank lines
    /// and comment lines; the end of the text if none.
    fn next_token(&self, mut p: usize) -> usize {
        loop {
            p = self.skip_spaces(p);
            match self.at(p) {
                Some(b'\n') => p += 1,
                Some(b'#') => p = self.line_end(p),
                _ => return p,
            }
        }
    }

    /// The column of the next token at `p` when it continues a block at
    /// column `n` or closes it; `None` past a document marker or the end.
    fn next_in_block(&self, p: usize) -> Option<Option<usize>> {
        if p == self.b.len() {
            return Some(None);
        }
        let col = self.indent(p)?;
        if col == 0 && (self.marker_at(p, b"---") || self.marker_at(p, b"...")) {
            return None;
        }
        Some(Some(col))
    }

    fn open(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth < MAX_DEPTH).then_some(())
    }

    /// A block mapping whose first key is at `s`, column `n`; returns the
    /// mapping and the next token after it.
    fn block_map(&mut self, s: usize, n: usize) -> Option<(Node, usize)> {
        self.open()?;
        let mut entries: Vec<(Node, Node)> = Vec::new();
        let mut p = s;
        loop {
            let (key, colon) = self.key(p, false)?;
            if entries.iter().any(|(k, _)| k.scalar() == key.scalar()) {
                // The general parser reports it.
                return None;
            }
            let v = self.skip_spaces(colon + 1);
            let (value, next) = if v > colon + 1 && !matches!(self.at(v), None | Some(b'\n' | b'#'))
            {
                let (value, ending) = self.inline_value(v, n)?;
                (value, self.after_value(ending)?)
            } else if matches!(self.at(colon + 1), None | Some(b' ' | b'\n')) {
                let eol = self.rest_of_line(colon + 1)?;
                let q = self.next_token(eol);
                match self.next_in_block(q)? {
                    Some(col) if col > n => self.block_node(q)?,
                    Some(col) if col == n && self.dash_at(q) => {
                        // A sequence at its key's column starts, for the
                        // general parser, at its first item.
                        let (mut seq, next) = self.block_seq(q, n)?;
                        seq.span.start = self.skip_spaces(q + 1);
                        (seq, next)
                    }
                    _ => (scalar(colon..colon, String::new(), false), q),
                }
            } else {
                return None;
            };
            entries.push((key, value));
            p = next;
            match self.next_in_block(p)? {
                None => break,
                Some(col) if col < n => break,
                Some(col) if col > n || self.dash_at(p) => return None,
                Some(_) => {}
            }
        }
        self.depth -= 1;
        let end = p.max(entries.last().map_or(s, |(_, v)| v.span.end));
        Some((
            Node {
                span: s..end,
                kind: NodeKind::Map(entries),
            },
            p,
        ))
    }

    /// A block collection at `q`, the start of a line's content.
    fn block_node(&mut self, q: usize) -> Option<(Node, usize)> {
        let col = self.indent(q)?;
        if self.dash_at(q) {
            self.block_seq(q, col)
        } else {
            self.block_map(q, col)
        }
    }

    /// A block sequence whose first dash is at `s`, column `n`.
    fn block_seq(&mut self, s: usize, n: usize) -> Option<(Node, usize)> {
        self.open()?;
        let mut items = Vec::new();
        let mut p = s;
        loop {
            let v = self.skip_spaces(p + 1);
            if v == p + 1 || matches!(self.at(v), None | Some(b'\n' | b'#')) || self.dash_at(v) {
                return None;
            }
            let col = n + (v - p);
            let (item, next) = if self.key(v, false).is_some() {
                self.block_map(v, col)?
            } else {
                let (item, ending) = self.inline_value(v, n)?;
                (item, self.after_value(ending)?)
            };
            items.push(item);
            p = next;
            match self.next_in_block(p)? {
                None => break,
                Some(col) if col < n => break,
                Some(col) if col > n => return None,
                Some(_) if !self.dash_at(p) => break,
                Some(_) => {}
            }
        }
        self.depth -= 1;
        let end = p.max(items.last().map_or(s, |i: &Node| i.span.end));
        Some((
            Node {
                span: s..end,
                kind: NodeKind::Seq(items),
            },
            p,
        ))
    }

    /// The next token after a value in block context.
    fn after_value(&self, ending: Ending) -> Option<usize> {
        Some(match ending {
            Ending::InLine(end) => self.next_token(self.rest_of_line(end)?),
            Ending::AtLine(end) => self.next_token(end),
        })
    }

    /// A value that starts at `v` on its line, in a block collection at
    /// column `n`. The caller checks what follows it.
    fn inline_value(&mut self, v: usize, n: usize) -> Option<(Node, Ending)> {
        let (node, ending) = match self.at(v)? {
            b'[' | b'{' => {
                let (node, end) = self.flow_node(v, n)?;
                (node, Ending::InLine(end))
            }
            b'|' | b'>' => {
                let (node, end) = self.block_scalar(v, n)?;
                (node, Ending::AtLine(end))
            }
            _ => {
                let (node, end) = self.scalar_at(v, false)?;
                (node, Ending::InLine(end))
            }
        };
        Some((node, ending))
    }

    /// A quoted or plain scalar at `v` on one line.
    fn scalar_at(&self, v: usize, flow: bool) -> Option<(Node, usize)> {
        match self.at(v)? {
            b'"' => self.double_quoted(v),
            b'\'' => self.single_quoted(v),
            _ => self.plain(v, flow),
        }
    }

    fn double_quoted(&self, v: usize) -> Option<(Node, usize)> {
        let close = v
            + 1
            + self.b[v + 1..]
                .iter()
                .position(|&c| matches!(c, b'"' | b'\\' | b'\n'))?;
        if self.b[close] != b'"' {
            return None;
        }
        let text = self.text[v + 1..close].to_owned();
        Some((scalar(v..self.trailing(close + 1), text, true), close + 1))
    }

    fn single_quoted(&self, v: usize) -> Option<(Node, usize)> {
        let mut text = String::new();
        let mut from = v + 1;
        let mut p = v + 1;
        loop {
            match self.at(p)? {
                b'\n' => return None,
                b'\'' if self.at(p + 1) == Some(b'\'') => {
                    text.push_str(&self.text[from..=p]);
                    p += 2;
                    from = p;
                }
                b'\'' => {
                    text.push_str(&self.text[from..p]);
                    return Some((scalar(v..self.trailing(p + 1), text, true), p + 1));
                }
                _ => p += 1,
            }
        }
    }

    /// A plain scalar at `v` that ends on its line. In flow context it also
    /// ends at a flow indicator.
    fn plain(&self, v: usize, flow: bool) -> Option<(Node, usize)> {
        let first = self.at(v)?;
        let indicator_ahead = |c: Option<u8>| match c {
            None | Some(b' ' | b'\n') => true,
            Some(c) => flow && is_flow_indicator(c),
        };
        match first {
            b'-' | b'?' | b':' if indicator_ahead(self.at(v + 1)) => return None,
            b'-' | b'?' | b':' => {}
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
            | b'"' | b'%' | b'@' | b'`' | b' ' | b'\n' => return None,
            _ => {}
        }
        let mut p = v + 1;
        let mut end = p;
        loop {
            match self.at(p) {
                None | Some(b'\n') => break,
                Some(b'#') if self.b[p - 1] == b' ' => break,
                Some(b':') if indicator_ahead(self.at(p + 1)) => break,
                Some(c) if flow && is_flow_indicator(c) => break,
                // The general parser refuses "[1 -, 2]".
                Some(b'-')
                    if flow
                        && self.b[p - 1] == b' '
                        && self.at(p + 1).is_some_and(is_flow_indicator) =>
                {
                    return None;
                }
                Some(b' ') => {}
                Some(_) => end = p + 1,
            }
            p += 1;
        }
        Some((scalar(v..end, self.text[v..end].to_owned(), false), end))
    }

    /// A key at `p` (plain or quoted, on one line) and the position of its
    /// colon, which must be followed by a space or a line end.
    fn key(&self, p: usize, flow: bool) -> Option<(Node, usize)> {
        let (key, end) = self.scalar_at(p, flow)?;
        let colon = self.skip_spaces(end);
        if self.at(colon) != Some(b':') || colon - p > 1024 {
            return None;
        }
        self.blank_at(colon + 1).then_some((key, colon))
    }

    /// A flow sequence or mapping at `s`; its lines after the first must be
    /// indented past the block at column `n`. Returns it and the position
    /// after its closing bracket.
    fn flow_node(&mut self, s: usize, n: usize) -> Option<(Node, usize)> {
        self.open()?;
        let map = self.b[s] == b'{';
        let close = if map { b'}' } else { b']' };
        let mut items = Vec::new();
        let mut entries: Vec<(Node, Node)> = Vec::new();
        let mut p = s + 1;
        loop {
            p = self.flow_space(p, n)?;
            if self.at(p)? == close {
                break;
            }
            if map {
                let (key, colon) = self.key(p, true)?;
                if entries.iter().any(|(k, _)| k.scalar() == key.scalar()) {
                    return None;
                }
                let v = self.flow_space(colon + 1, n)?;
                if matches!(self.at(v)?, b',' | b'}') {
                    return None;
                }
                let (value, end) = self.flow_item(v, n)?;
                entries.push((key, value));
                p = end;
            } else {
                let (item, end) = self.flow_item(p, n)?;
                items.push(item);
                p = end;
            }
            p = self.flow_space(p, n)?;
            match self.at(p)? {
                // A trailing comma moves the general parser's span.
                b',' if self.at(self.flow_space(p + 1, n)?) == Some(close) => return None,
                b',' => p += 1,
                c if c == close => break,
                _ => return None,
            }
        }
        self.depth -= 1;
        let kind = if map {
            NodeKind::Map(entries)
        } else {
            NodeKind::Seq(items)
        };
        Some((
            Node {
                span: s..self.trailing(p + 1),
                kind,
            },
            p + 1,
        ))
    }

    fn flow_item(&mut self, p: usize, n: usize) -> Option<(Node, usize)> {
        match self.at(p)? {
            b'[' | b'{' => self.flow_node(p, n),
            _ => self.scalar_at(p, true),
        }
    }

    /// Past spaces, line ends and comments inside a flow collection; a line's
    /// content must be indented past column `n`.
    fn flow_space(&self, mut p: usize, n: usize) -> Option<usize> {
        let from = p;
        loop {
            let q = self.skip_spaces(p);
            match self.at(q) {
                Some(b'\n') => {
                    p = q + 1;
                    let content = self.skip_spaces(p);
                    if !matches!(self.at(content), Some(b'\n' | b'#')) && content - p <= n {
                        return None;
                    }
                }
                Some(b'#') if q > from && matches!(self.b[q - 1], b' ' | b'\n') => {
                    p = self.line_end(q);
                }
                Some(b'#') => return None,
                _ => return Some(q),
            }
        }
    }

    /// A block scalar whose header (`|`, `>`, either with `-`) is at `h`, in
    /// a block at column `n`. Returns it and the start of the first line after
    /// it. Leading blank lines, more-indented folded lines, keep chomping and
    /// explicit indentation are left to the general parser.
    fn block_scalar(&self, h: usize, n: usize) -> Option<(Node, usize)> {
        let literal = self.b[h] == b'|';
        let mut p = h + 1;
        let strip = self.at(p) == Some(b'-');
        if strip {
            p += 1;
        }
        if !self.blank_at(p) {
            return None;
        }
        let eol = self.rest_of_line(p)?;
        let len = self.b.len();
        let first = eol + 1;
        if first >= len {
            return None;
        }
        let m = self.skip_spaces(first) - first;
        if m <= n || matches!(self.at(first + m), None | Some(b'\n')) {
            return None;
        }
        let start = first + m;
        let mut value = String::new();
        let mut breaks = 0usize;
        let mut broken = false;
        let mut line = first;
        let mut end = first;
        while line < len {
            let k = self.skip_spaces(line) - line;
            let line_end = self.line_end(line);
            let next = (line_end + 1).min(len);
            if line + k == line_end {
                if k > m {
                    return None;
                }
                breaks += 1;
            } else if k < m {
                // The scalar's span ends where the next token starts.
                end = line + k;
                break;
            } else {
                if k > m && !literal {
                    return None;
                }
                if line != first {
                    if literal {
                        value.extend(std::iter::repeat_n('\n', breaks + 1));
                    } else if breaks == 0 {
                        value.push(' ');
                    } else {
                        value.extend(std::iter::repeat_n('\n', breaks));
                    }
                }
                value.push_str(&self.text[line + m..line_end]);
                breaks = 0;
                broken = line_end < len;
            }
            end = next;
            line = next;
        }
        if !strip {
            if !broken {
                // The general parser adds the line break the text lacks.
                return None;
            }
            value.push('\n');
        }
        Some((scalar(start..end, value, true), end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse_events;

    /// The general parser's tree, when it reads `text` without problems.
    fn general(text: &str) -> Option<Option<Node>> {
        parse_events(text).ok()
    }

    /// The first place where two trees differ, shown with the text there.
    fn difference(text: &str, a: &Node, b: &Node) -> Option<String> {
        let shown = |n: &Node| format!("{:?} {:?}", n.span, text.get(n.span.clone()));
        match (&a.kind, &b.kind) {
            (NodeKind::Seq(x), NodeKind::Seq(y)) if x.len() == y.len() => {
                let inner = x.iter().zip(y).find_map(|(x, y)| difference(text, x, y));
                inner
                    .or_else(|| (a.span != b.span).then(|| format!("{} vs {}", shown(a), shown(b))))
            }
            (NodeKind::Map(x), NodeKind::Map(y)) if x.len() == y.len() => {
                let inner = x.iter().zip(y).find_map(|((xk, xv), (yk, yv))| {
                    difference(text, xk, yk).or_else(|| difference(text, xv, yv))
                });
                inner
                    .or_else(|| (a.span != b.span).then(|| format!("{} vs {}", shown(a), shown(b))))
            }
            _ => {
                (a != b).then(|| format!("{:?} {} vs {:?} {}", a.kind, shown(a), b.kind, shown(b)))
            }
        }
    }

    fn read_by_subset(text: &str) -> bool {
        let tree = parse(text);
        let expected = general(text);
        let (Some(Some(tree)), Some(Some(expected))) = (&tree, &expected) else {
            assert_eq!(tree, expected, "{text:?}");
            return true;
        };
        if let Some(at) = difference(text, tree, expected) {
            panic!("subset vs general: {at}");
        }
        true
    }

    #[test]
    fn every_facts_file_of_the_workspace_is_in_the_subset() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut dirs = vec![root.join("facts")];
        for fixtures in ["crates/checker/tests/fixtures", "crates/cli/tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(fixtures)).unwrap() {
                let dir = entry.unwrap().path();
                dirs.push(dir.join("facts"));
            }
        }
        let mut read = 0;
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "yaml") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if general(&text).is_some() {
                        assert!(read_by_subset(&text), "{}", path.display());
                        read += 1;
                    }
                }
            }
        }
        assert!(read >= 15, "only {read} facts files found");
    }

    #[test]
    fn shapes_of_facts_files_are_read_as_the_general_parser_reads_them() {
        let texts = [
            "a: 1\nb:\n  - x\n  - y: 2\n    z: \"q\"\n  # c\nc: [p, q r]\nd: >-\n  long\n  text\n\ne: {k: v}\n",
            "---\n# top\na: x y   # c\nb: |\n  l1\n    l2\n  l3\n# after\nc: >\n  f1\n  f2\nd:\ne: \n  - 'it''s'\nf: 1 #x\n",
            "entities:\n  - { id: acme, kind: organization, name: Acme Corp }\nquantities:\n  - { id: r, subject: acme, value: 1.5 billion USD, period: 2021 }\n",
            "rates:\n  - { base: USD, rate: 6.4577 }\n",
            "list:\n- a\n- b: 1\n  c: 2\n- 'd'\nnext: [x, \"y\", [z, {w: v}]]\n",
            "items:\n  - id: a\n    note: >-\n      one\n      two\n\n      three\n    cues: [a,\n      b, # c\n      c]\n  - id: b\n",
            "k: v\n\n\n# end\n",
            "k: v",
            "k: >-\n  no final break",
            "k: |\n  kept\n\n\n",
            "url: http://example.com/a:b\nt: 10:30\nneg: -5\nq: ?x\n",
            "名前: 林澄 — “Dara”\nname: Lin Cheng\n",
            "nested:\n  deeper:\n    deepest: 1\n  back: 2\nout: 3\n",
            "key : spaced\n",
            "e: []\nf: {}\ng: [ ]\n",
            "seq:\n  - a\n  - b\n",
            "- a\n- b\n",
            "m:\n  - n:\n    - 1\n    - 2\n    o: 3\n",
        ];
        for text in texts {
            read_by_subset(text);
        }
    }

    #[test]
    fn what_the_subset_leaves_to_the_general_parser() {
        let texts = [
            "a: &x 1\nb: *x\n",
            "a: !tag 1\n",
            "a: \"esc\\n\"\n",
            "a: plain\n  continued\n",
            "a: \"quoted\n  continued\"\n",
            "a:\tb\n",
            "a: b\r\n",
            "a: |+\n  keep\n\n",
            "a: |2\n   x\n",
            "a: >\n  folded\n    more\n",
            "a: >\n\n  leading blank\n",
            "a: b: c\n",
            "a: [1, 2\n",
            "a: 1\na: 2\n",
            "a: 1\n---\nb: 2\n",
            "---\n",
            "- - a\n",
            "-\n  a: 1\n",
            "? complex\n: key\n",
            "\u{feff}a: 1\n",
            "a: {b}\n",
            "a: [b: c]\n",
            "  a: 1\n",
            "plain scalar\n",
        ];
        for text in texts {
            assert!(parse(text).is_none(), "{text:?}");
        }
    }

    /// Spans of quoted scalars and flow collections take in the spaces and
    /// the comment after them, as the general parser's do.
    #[test]
    fn trailing_spaces_and_comments_are_in_the_spans_of_quoted_and_flow_nodes() {
        for text in [
            "a: [x, y]  \nb: [x] # c\nc: {k: v}   \nd: \"q\"  \ne: x  \nf: [x]\n",
            "a: [\"q\" , [x]  , {k: \"v\"  }  ]\n\"b\"  : 1\nc: \"z\" # com\nd: [x,\n  y]   # c\n",
            "e: >-\n  t\n\n  # c\ng: 1\nh: [a, \"b\"\n  , c]\n",
        ] {
            read_by_subset(text);
        }
    }

    /// A small deterministic generator (xorshift), so that a failure names
    /// its text and reproduces.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    const KEYS: &[&str] = &[
        "id", "what", "a b", "\"q k\"", "'s'", "k", "cues", "-x", "k:v",
    ];
    const VALUES: &[&str] = &[
        "x",
        "x y",
        "10:30",
        "-5",
        "http://a.b/c?d=e#f",
        "\"q\"",
        "'it''s'",
        "\"e\\n\"",
        "a #c",
        "a# b",
        "[a, b]",
        "{k: v, l: [1, 2]}",
        "[a,\n    b]",
        "[]",
        "&a x",
        "*a",
        "!t x",
        ">-\n    text\n    more",
        "|\n    l1\n      l2\n",
        ">\n    f\n\n    g\n",
        "a: b",
        "- x",
        "é — “q”",
        "'multi\n  line'",
        "x\n  continued",
        "",
        "[a, [b, {c: d}], \"e\" ]  # c",
        "{a: 1, a: 2}",
        "~",
        "'' ",
        "\"\"",
        "[a, b,]",
        "[a: b]",
        "x:",
        "? x",
        ": x",
    ];

    fn document(rng: &mut Rng, depth: usize, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        let seq = rng.below(3) == 0;
        for i in 0..1 + rng.below(4) {
            if i > 0 || rng.below(4) == 0 {
                out.push_str(&pad);
            }
            if seq {
                out.push_str("- ");
            }
            out.push_str(rng.pick(KEYS));
            out.push(':');
            if depth < 3 && rng.below(3) == 0 {
                out.push('\n');
                let nested = if rng.below(4) == 0 {
                    indent
                } else {
                    indent + 2
                };
                document(rng, depth + 1, nested + if seq { 2 } else { 0 }, out);
            } else {
                out.push(' ');
                out.push_str(rng.pick(VALUES));
                out.push('\n');
            }
            match rng.below(8) {
                0 => out.push_str("# comment\n"),
                1 => out.push('\n'),
                _ => {}
            }
        }
    }

    /// Generated documents, many of them broken on purpose: whatever the
    /// subset reads, the general parser reads the same, and a fair share of
    /// them is read by the subset.
    #[test]
    fn generated_documents_are_read_as_the_general_parser_reads_them() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut read = 0;
        let total = 20_000;
        for round in 0..total {
            let mut text = String::new();
            if rng.below(6) == 0 {
                text.push_str("---\n");
            }
            document(&mut rng, 0, 0, &mut text);
            if round % 2 == 1 {
                // Break it somewhere.
                let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
                if bytes.is_empty() {
                    break;
                }
                let at = bytes[rng.below(bytes.len())];
                let noise = rng.pick(&[
                    " ", "\n", ":", "- ", "#", "\"", "'", "[", "]", "{", ",", "|", "\t", "\r\n",
                ]);
                if rng.below(2) == 0 {
                    text.insert_str(at, noise);
                } else {
                    text.remove(at);
                }
            }
            if parse(&text).is_some() {
                read += 1;
                read_by_subset(&text);
            }
        }
        assert!(
            read > total / 8,
            "only {read} of {total} read by the subset"
        );
    }

    #[test]
    fn empty_and_comment_only_documents_have_no_root() {
        assert_eq!(parse(""), Some(None));
        assert_eq!(parse("# only\n\n# comments\n"), Some(None));
    }
}
