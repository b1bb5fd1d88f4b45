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

/// Articles larger than this are refused: a long book is 4 MiB. Checking
/// takes up to 60 times an article's size in memory when every few words
/// hold a claim (one sentence of amounts repeated: 3.4 GB at 60 MiB), so the
/// limit bounds that at about 1 GB a thread.
pub(crate) const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

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
    // Most paths are printable ASCII without a backslash, which every step
    // leaves as it is: copied without the three passes and their copies.
    match path.to_str() {
        Some(plain)
            if plain
                .bytes()
                .all(|b| matches!(b, b' '..=b'~') && b != b'\\') =>
        {
            plain.to_owned()
        }
        _ => facts::sanitize::neutralise_path(&path.to_string_lossy().replace('\\', "/")),
    }
}

/// Whether a file of this name is an article: its extension (as
/// `Path::extension` finds it, on the name's bytes, without parsing a path)
/// is `txt`, `md` or `markdown` in any case.
fn is_article(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    // A name's only dot at its start (`.txt`) starts no extension.
    match name.iter().rposition(|&b| b == b'.') {
        Some(dot) if dot > 0 => {
            let extension = &name[dot + 1..];
            [&b"txt"[..], b"md", b"markdown"]
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        }
        _ => false,
    }
}

/// Folders nested deeper than this under a given folder are not read.
const MAX_FOLDER_DEPTH: usize = 32;

/// A folder being read: its entries' names and kinds in name order (the
/// kind as the listing gave it, an error kept for its place), how deep it
/// is, and the error met while listing it, reported once its entries are
/// done. Names only: a listing holds no open folder and little memory.
struct Frame {
    dir: PathBuf,
    entries: std::vec::IntoIter<(std::ffi::OsString, std::io::Result<fs::FileType>)>,
    depth: usize,
    failed: Option<std::io::Error>,
}

/// A walk of one folder that yields its article files one at a time, in
/// path order: only the listings of the folders on the way down are held,
/// not every path, so memory does not grow with the corpus.
struct Walk {
    stack: Vec<Frame>,
    /// The walk that counts: it prints the note about folders nested too
    /// deep, and yields empty paths (only their number is wanted). The
    /// second walk has nothing new to say.
    counting: bool,
}

impl Walk {
    fn new(root: &Path, counting: bool) -> std::io::Result<Walk> {
        let stack = Self::open(root.to_path_buf(), 0, counting)?
            .into_iter()
            .collect();
        Ok(Walk { stack, counting })
    }

    /// The listing of `dir`, `None` when it is too deep to be read.
    fn open(dir: PathBuf, depth: usize, counting: bool) -> std::io::Result<Option<Frame>> {
        if depth > MAX_FOLDER_DEPTH {
            // Said, not silent: the articles down there are not checked.
            if counting {
                let _ = writeln!(
                    std::io::stderr().lock(),
                    "factcheck: note: {} not read: folders nested deeper than {MAX_FOLDER_DEPTH} levels are skipped",
                    display(&dir)
                );
            }
            return Ok(None);
        }
        // Entries in name order, each folder's files at the folder's place:
        // the order a sort of the whole list by path components gives, for
        // the price of comparing names only. Names in a folder are unique,
        // so an unstable sort gives the one order.
        let mut entries = Vec::new();
        let mut failed = None;
        for entry in fs::read_dir(&dir)? {
            match entry {
                Ok(entry) => entries.push((entry.file_name(), entry.file_type())),
                Err(e) => failed = failed.or(Some(e)),
            }
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(Some(Frame {
            dir,
            entries: entries.into_iter(),
            depth,
            failed,
        }))
    }

    /// The next article file. An error ends the walk: the rest of the
    /// folder is not read.
    fn next(&mut self) -> std::io::Result<Option<PathBuf>> {
        let found = self.step();
        if found.is_err() {
            self.stack.clear();
        }
        found
    }

    fn step(&mut self) -> std::io::Result<Option<PathBuf>> {
        while let Some(frame) = self.stack.last_mut() {
            let Some((name, kind)) = frame.entries.next() else {
                if let Some(e) = self.stack.pop().and_then(|frame| frame.failed) {
                    return Err(e);
                }
                continue;
            };
            let kind = kind?;
            if kind.is_dir() {
                let depth = frame.depth + 1;
                if let Some(frame) = Self::open(frame.dir.join(&name), depth, self.counting)? {
                    self.stack.push(frame);
                }
            } else if is_article(&name)
                && (kind.is_file() || kind.is_symlink() && frame.dir.join(&name).is_file())
            {
                return Ok(Some(if self.counting {
                    PathBuf::new()
                } else {
                    frame.dir.join(&name)
                }));
            }
        }
        Ok(None)
    }
}

/// A path on the command line, as the counting walk found it.
enum Root {
    /// A file, checked as given.
    File(PathBuf),
    /// A folder; `failed`: its walk met an error, already reported.
    Folder { path: PathBuf, failed: bool },
}

/// The article files under the paths on the command line, in path order,
/// found as they are asked for.
pub struct Files {
    roots: std::vec::IntoIter<Root>,
    /// The folder being walked, its path, and whether counting failed there.
    current: Option<(Walk, PathBuf, bool)>,
    trouble: bool,
}

impl Files {
    /// Whether this walk met a problem that counting did not (a folder
    /// changed in between); it was printed to stderr.
    pub fn trouble(&self) -> bool {
        self.trouble
    }
}

impl Iterator for Files {
    type Item = PathBuf;

    fn next(&mut self) -> Option<PathBuf> {
        loop {
            if let Some((walk, root, failed)) = &mut self.current {
                let problem = match walk.next() {
                    Ok(Some(path)) => return Some(path),
                    Ok(None) => None,
                    Err(e) => Some(e),
                };
                // The error counting met is met again at the same place and
                // was reported then; a new one is reported now.
                if let Some(e) = problem.filter(|_| !*failed) {
                    crate::eprint_diagnostic(&InputError::Unreadable {
                        path: display(root),
                        message: e.to_string(),
                    });
                    self.trouble = true;
                }
                self.current = None;
            }
            match self.roots.next()? {
                Root::File(path) => return Some(path),
                Root::Folder { path, failed } => match Walk::new(&path, false) {
                    Ok(walk) => self.current = Some((walk, path, failed)),
                    Err(e) => {
                        if !failed {
                            crate::eprint_diagnostic(&InputError::Unreadable {
                                path: display(&path),
                                message: e.to_string(),
                            });
                            self.trouble = true;
                        }
                    }
                },
            }
        }
    }
}

/// The file at `path`, opened for reading, and what it is. Opened first and
/// asked through the handle: one path lookup, where a `stat` of the path
/// before opening took a second. Without blocking: a FIFO opens at once (to
/// be refused as no regular file) instead of waiting for a writer, and a
/// terminal does not become the controlling one.
fn open_regular(path: &Path) -> std::io::Result<(fs::File, fs::Metadata)> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    #[cfg(not(unix))]
    if !fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

fn read_text(path: &Path) -> Result<String, InputError> {
    use std::io::Read;
    // The shown path is made only for an error: most files have none.
    let shown = || display(path);
    let unreadable = |e: std::io::Error| InputError::Unreadable {
        path: shown(),
        message: e.to_string(),
    };
    let (mut file, meta) = open_regular(path).map_err(unreadable)?;
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
    // The file as it was when opened: the size found is read, in one read
    // for most files, with no second read to see the end (a file that
    // grows meanwhile is read as it was). Files that say they are empty
    // may not be (procfs): those are read to their end, at most one byte
    // past the limit. (A `Take` at its limit reads nothing, without a
    // call to the system.)
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    (&mut file)
        .take(meta.len())
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if meta.len() == 0 {
        file.take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    }
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
/// as given), with their number. Problems are printed to stderr, all before
/// any file is checked; the flag says whether there were any.
///
/// Folders are walked twice: once to count (which decides how the run is
/// checked, and is printed) and to report, then as the files are checked,
/// so that no list of every path is held.
pub fn list(paths: &[PathBuf]) -> (Files, usize, bool) {
    let mut roots = Vec::with_capacity(paths.len());
    let mut count = 0;
    let mut trouble = false;
    for path in paths {
        if path.is_dir() {
            let mut found = 0;
            let walked = Walk::new(path, true).and_then(|mut walk| {
                while walk.next()?.is_some() {
                    found += 1;
                }
                Ok(())
            });
            if let Err(e) = &walked {
                crate::eprint_diagnostic(&InputError::Unreadable {
                    path: display(path),
                    message: e.to_string(),
                });
                trouble = true;
            }
            if found == 0 {
                crate::eprint_diagnostic(&InputError::NoSources {
                    path: display(path),
                });
                trouble = true;
            }
            count += found;
            roots.push(Root::Folder {
                path: path.clone(),
                failed: walked.is_err(),
            });
        } else {
            count += 1;
            roots.push(Root::File(path.clone()));
        }
    }
    let files = Files {
        roots: roots.into_iter(),
        current: None,
        trouble: false,
    };
    (files, count, trouble)
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
    let (mut files, _, mut trouble) = list(paths);
    let mut sources = Vec::new();
    for file in files.by_ref() {
        match read(&file) {
            Ok(source) => sources.push(source),
            Err(e) => {
                crate::eprint_diagnostic(&e);
                trouble = true;
            }
        }
    }
    (sources, trouble || files.trouble())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain version of `display`, which the fast path must match.
    fn display_reference(path: &Path) -> String {
        facts::sanitize::neutralise_path(&path.to_string_lossy().replace('\\', "/"))
    }

    /// The plain version of `is_article`, on a path.
    fn is_article_reference(path: &Path) -> bool {
        matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("txt" | "md" | "markdown")
        )
    }

    /// The recursive walk that collected every path, which the lazy walk
    /// must follow file for file and note for note.
    fn walk_reference(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
        if depth > MAX_FOLDER_DEPTH {
            return Ok(());
        }
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
                walk_reference(&path, out, depth + 1)?;
            } else if is_article_reference(&path)
                && (kind.is_file() || kind.is_symlink() && path.is_file())
            {
                out.push(path);
            }
        }
        failed.map_or(Ok(()), Err)
    }

    fn temp_root(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("factcheck-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        root
    }

    fn write_tree(root: &Path, files: &[&str]) {
        for file in files {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "text").unwrap();
        }
    }

    /// Walking folders in name order gives the order of a sort of the whole
    /// list by path components, which is what the reports promise; names
    /// where the two could differ ("a" and "a.txt", "a-b" and "a/b") are
    /// mixed in.
    #[test]
    fn walk_order_is_path_order() {
        let root = temp_root("walk");
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
        write_tree(&root, &files);
        let (files_found, count, trouble) = list(std::slice::from_ref(&root));
        let walked: Vec<PathBuf> = files_found.collect();
        let mut sorted = walked.clone();
        sorted.sort();
        fs::remove_dir_all(&root).unwrap();
        assert!(!trouble);
        assert_eq!(count, files.len());
        assert_eq!(walked.len(), files.len());
        assert_eq!(walked, sorted);
    }

    /// The lazy walk yields what the recursive one collected, in its order,
    /// and counts it: nested folders, folders too deep, names that only look
    /// like articles, folders named like articles, files given as such.
    #[test]
    fn lazy_walk_yields_what_the_recursive_walk_collected() {
        let root = temp_root("lazy");
        let mut files = vec![
            "z.TXT".to_string(),
            "x.markdown".into(),
            "notes.rst".into(),
            ".txt".into(),
            "..md".into(),
            "txt".into(),
            "folder.txt/inner.md".into(),
            "empty/.keep".into(),
            "m/n/o/p.md".into(),
        ];
        // Deeper than the walk reads: the last levels are skipped.
        let deep: String = (0..MAX_FOLDER_DEPTH + 3)
            .map(|i| format!("d{i}/"))
            .collect();
        files.push(format!("{deep}deep.txt"));
        let shallow: String = (0..10).map(|i| format!("d{i}/")).collect();
        files.push(format!("{shallow}shallow.txt"));
        let names: Vec<&str> = files.iter().map(String::as_str).collect();
        write_tree(&root, &names);
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(root.join("z.TXT"), root.join("link.txt")).unwrap();
            symlink(root.join("gone.txt"), root.join("broken.txt")).unwrap();
            symlink(root.join("m"), root.join("linked-folder")).unwrap();
            symlink(root.join("m"), root.join("linked-folder.md")).unwrap();
        }
        let mut expected = Vec::new();
        walk_reference(&root, &mut expected, 0).unwrap();
        let given = root.join("notes.rst");
        let in_root = expected.clone();
        expected.push(given.clone());
        expected.extend(in_root);
        let (found, count, trouble) = list(&[root.clone(), given, root.clone()]);
        let walked: Vec<PathBuf> = found.collect();
        fs::remove_dir_all(&root).unwrap();
        assert!(!trouble);
        assert_eq!(count, expected.len());
        assert_eq!(walked, expected);
        assert!(walked.iter().any(|p| p.ends_with("shallow.txt")));
        assert!(!walked.iter().any(|p| p.ends_with("deep.txt")));
    }

    #[test]
    fn is_article_reads_the_extension_as_path_does() {
        let stems = ["", "a", ".", "..", "a.", ".a", "a.b", "é"];
        let extensions = [
            "", "txt", "TXT", "Txt", "md", "mD", "markdown", "MarkDown", "tx", "txtx", "mdx", "é",
            "txt.", ".txt",
        ];
        for stem in stems {
            for extension in extensions {
                for name in [format!("{stem}.{extension}"), format!("{stem}{extension}")] {
                    let name = std::ffi::OsString::from(name);
                    assert_eq!(
                        is_article(&name),
                        is_article_reference(Path::new(&name)),
                        "{name:?}"
                    );
                }
            }
        }
    }

    /// The fast path of `display` shows every path as the plain version
    /// does: every character up to U+3000 (controls, backslash, bidi
    /// controls) in a path, and invalid UTF-8.
    #[test]
    fn display_matches_the_plain_version() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            for path in [format!("dir/a{c}b.txt"), c.to_string()] {
                let path = Path::new(&path);
                assert_eq!(display(path), display_reference(path), "{c:?}");
            }
        }
        #[cfg(unix)]
        for b in 0..=255u8 {
            use std::os::unix::ffi::OsStrExt;
            let bytes = [b'a', b, b'/', b'c'];
            let path = Path::new(std::ffi::OsStr::from_bytes(&bytes));
            assert_eq!(display(path), display_reference(path), "{b}");
        }
    }
}
