//! Reading the articles named on the command line: folders are walked
//! (sorted, `.txt` and `.md`, symlinked folders not followed); every file
//! that cannot be checked is reported and the rest go on.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use facts::sanitize::neutralise;
use facts::snippet::Snippet;
use miette::{Diagnostic, SourceSpan};
use thiserror::Error;

/// Articles larger than this are refused: no article is 64 MiB.
pub(crate) const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// A file that cannot be checked.
#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    /// Missing or unreadable.
    #[error("cannot read {path}: {message}")]
    #[diagnostic(
        code(input::unreadable),
        help("check the path; folders are searched for .txt and .md files")
    )]
    Unreadable {
        /// The path.
        path: String,
        /// What the system said.
        message: String,
    },
    /// Not UTF-8.
    #[error("{path} is not UTF-8 text (invalid byte at offset {offset})")]
    #[diagnostic(code(input::not_utf8), help("save the article as UTF-8"))]
    NotUtf8 {
        /// The path.
        path: String,
        /// The first invalid byte.
        offset: usize,
    },
    /// Binary data.
    #[error("{path} looks binary (a NUL byte at offset {offset})")]
    #[diagnostic(
        code(input::binary),
        help("only text articles (.txt, .md) can be checked")
    )]
    Binary {
        /// The path.
        path: String,
        /// The NUL byte.
        offset: usize,
    },
    /// Too large.
    #[error("{path} is {size} bytes, more than the {limit}-byte limit")]
    #[diagnostic(
        code(input::too_large),
        help("split the file; no article is this long")
    )]
    TooLarge {
        /// The path.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A folder with no article.
    #[error("{path} holds no .txt or .md file")]
    #[diagnostic(
        code(input::no_sources),
        help("pass article files or a folder that holds them")
    )]
    NoSources {
        /// The folder.
        path: String,
    },
}

/// A front matter that could not be read.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(
    code(input::front_matter),
    help("front matter is YAML between `---` lines, e.g. `published: 2021-09-04`")
)]
pub struct FrontMatterProblem {
    #[source_code]
    src: Snippet<Arc<str>>,
    #[label("here")]
    span: SourceSpan,
    message: String,
}

impl FrontMatterProblem {
    /// The problem in `text` (the article at `path`).
    pub fn new(path: &str, text: &str, err: &claims::FrontMatterError) -> Self {
        FrontMatterProblem {
            src: Snippet::new(neutralise(path), Arc::from(neutralise(text))),
            span: (err.span.start, err.span.len()).into(),
            message: neutralise(&format!("{path}: {}", err.message)).into_owned(),
        }
    }
}

/// A path as shown in reports: `/` separators, invalid UTF-8 replaced, and
/// control characters neutralised (a file name can hold an escape sequence).
fn display(path: &Path) -> String {
    facts::sanitize::neutralise_path(&path.to_string_lossy().replace('\\', "/"))
}

fn is_article(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// Folders nested deeper than this under a given folder are not read.
const MAX_FOLDER_DEPTH: usize = 32;

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    if depth > MAX_FOLDER_DEPTH {
        // Said, not silent: the articles down there are not checked.
        let _ = writeln!(
            std::io::stderr().lock(),
            "factcheck: note: {} not read: folders nested deeper than {MAX_FOLDER_DEPTH} levels are skipped",
            display(dir)
        );
        return Ok(());
    }
    // Entries in name order, each folder's files at the folder's place: the
    // order a sort of the whole list by path components gives, for the
    // price of comparing names only.
    let mut entries = Vec::new();
    let mut failed = None;
    for entry in fs::read_dir(dir)? {
        match entry {
            Ok(entry) => entries.push(entry),
            Err(e) => failed = failed.or(Some(e)),
        }
    }
    entries.sort_by_cached_key(|entry| entry.file_name());
    for entry in entries {
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, out, depth + 1)?;
        } else if is_article(&path) && (kind.is_file() || kind.is_symlink() && path.is_file()) {
            out.push(path);
        }
    }
    failed.map_or(Ok(()), Err)
}

fn read_text(path: &Path) -> Result<String, InputError> {
    use std::io::Read;
    // The shown path is made only for an error: most files have none.
    let shown = || display(path);
    let unreadable = |e: std::io::Error| InputError::Unreadable {
        path: shown(),
        message: e.to_string(),
    };
    let meta = fs::metadata(path).map_err(unreadable)?;
    // FIFOs and devices could block or never end: only regular files are
    // read.
    if !meta.is_file() {
        return Err(InputError::Unreadable {
            path: shown(),
            message: "not a regular file".into(),
        });
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: shown(),
            size: meta.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    // The size can change between the check and the read: read at most one
    // byte more than the limit. Room for the size found (and the byte that
    // tells the end) lets one read take the whole file, instead of small
    // probing reads and a growing buffer.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    fs::File::open(path)
        .and_then(|f| f.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: shown(),
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    // `contains` on bytes is a fast memchr; the offset is looked for only
    // in a binary file.
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(InputError::Binary {
            path: shown(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: shown(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Every article file under `paths`, in path order (folders walked, files
/// as given). Problems are printed to stderr; the flag says whether there
/// were any.
pub fn list(paths: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let mut files = Vec::new();
    let mut trouble = false;
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(path, &mut found, 0) {
                crate::eprint_diagnostic(&InputError::Unreadable {
                    path: display(path),
                    message: e.to_string(),
                });
                trouble = true;
            }
            if found.is_empty() {
                crate::eprint_diagnostic(&InputError::NoSources {
                    path: display(path),
                });
                trouble = true;
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    (files, trouble)
}

/// Reads one article.
pub fn read(path: &Path) -> Result<checker::Source, InputError> {
    Ok(checker::Source {
        path: display(path),
        text: read_text(path)?,
    })
}

/// Reads every article under `paths`, in path order. Problems are printed
/// to stderr; the flag says whether there were any.
pub fn collect(paths: &[PathBuf]) -> (Vec<checker::Source>, bool) {
    let (files, mut trouble) = list(paths);
    let mut sources = Vec::new();
    for file in files {
        match read(&file) {
            Ok(source) => sources.push(source),
            Err(e) => {
                crate::eprint_diagnostic(&e);
                trouble = true;
            }
        }
    }
    (sources, trouble)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Walking folders in name order gives the order of a sort of the whole
    /// list by path components, which is what the reports promise; names
    /// where the two could differ ("a" and "a.txt", "a-b" and "a/b") are
    /// mixed in.
    #[test]
    fn walk_order_is_path_order() {
        let root = std::env::temp_dir().join(format!("factcheck-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let files = [
            "a.txt",
            "a/z.txt",
            "a/b/c.md",
            "a-b.txt",
            "a b/x.txt",
            "B.txt",
            "b/a.txt",
            "é.txt",
            "a/a.txt",
            "ab.md",
        ];
        for file in files {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "text").unwrap();
        }
        let mut walked = Vec::new();
        walk(&root, &mut walked, 0).unwrap();
        let mut sorted = walked.clone();
        sorted.sort();
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(walked.len(), files.len());
        assert_eq!(walked, sorted);
    }
}
