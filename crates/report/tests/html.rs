//! The HTML report: every diagnostic of the seed sources is on the page, the
//! page is inert (no script, no event handler, nothing fetched), a hostile
//! article shows as text, overlapping or broken spans keep the markup well
//! formed, and headless Chromium (Debian's `chromium`, when installed)
//! renders it with every diagnostic and takes a screenshot into
//! `target/test-artifacts/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};

use checker::{Checked, Checker, Diagnostic, Label, Severity, Source};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An article with markup, quotes, entities, an escape sequence and a bidi
/// override, around claims that draw diagnostics.
const HOSTILE: &str = "---\npublished: 2021-09-03\n---\n\
Breaking <script>document.body.setAttribute('data-pwned','1')</script> news\n\n\
<img src=x onerror=alert(1)> <img src=x onerror=\"document.title='pwned'\">\n\n\
Alibaba will invest 100 billion yuan ($ 15.5 billion), \"the CEO\" said, 'twice' &amp; \
\u{1b}[31mloudly\u{1b}[0m \u{202E}desrever\u{202C} <a href=\"https://evil.example/\">link</a>.\n\n\
said the CEO of the company Daniel Zhang (Daniel Zhang) <script>alert(1)</script>.\n\n\
Lei Jun, head of electronics manufacturer Xiaomi, Lei Jun, head of the largest agricultural \
trading platform Pinduoduo, Colin Huang, and others donated.\n";

const HOSTILE_PATH: &str = "sources/<b onmouseover=alert(1)>\"it's\".txt";

/// Every file of `sources/` plus `extra` articles, checked together as
/// `factcheck check` does.
fn run(extra: &[(&str, &str)]) -> Vec<Checked> {
    let root = root();
    let base = facts::load_dir_named(&root.join("facts"), "facts").expect("facts/ loads");
    let checker = Checker::new(&base);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut sources: Vec<Source> = paths
        .iter()
        .map(|p| Source {
            path: format!("sources/{}", p.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(p).unwrap(),
        })
        .collect();
    sources.extend(extra.iter().map(|(path, text)| Source {
        path: (*path).to_owned(),
        text: (*text).to_owned(),
    }));
    let mut checked: Vec<Checked> = sources
        .into_iter()
        .map(|s| checker.check(s, None))
        .collect();
    checker::cross_check(&base, &mut checked);
    checked
}

/// An independent oracle for the renderer's escaping.
fn escaped(text: &str) -> String {
    report::sanitize::neutralise(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// How a browser serialises a text node.
fn dom_text(text: &str) -> String {
    report::sanitize::neutralise(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// One tag of a document.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attributes: Vec<(String, String)>,
    raw: String,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every tag of `html`, in order, skipping the doctype, comments and the
/// contents of `<style>` (quote-aware, so a `>` inside a quoted value does
/// not end a tag).
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        if rest.starts_with("<!") {
            rest = &rest[rest.find('>').expect("unclosed declaration") + 1..];
            continue;
        }
        let mut chars = rest.char_indices().skip(1).peekable();
        let closing = chars.peek().is_some_and(|&(_, c)| c == '/');
        if closing {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&(_, c)) = chars.peek() {
            if c.is_ascii_alphanumeric() || c == '-' {
                name.push(c.to_ascii_lowercase());
                chars.next();
            } else {
                break;
            }
        }
        assert!(
            !name.is_empty(),
            "a bare `<` in markup: {}",
            &rest[..rest.len().min(60)]
        );
        let mut attributes = Vec::new();
        let end = loop {
            let Some((i, c)) = chars.next() else {
                panic!("unclosed tag: {}", &rest[..rest.len().min(80)]);
            };
            match c {
                '>' => break i,
                c if c.is_whitespace() || c == '/' => {}
                _ => {
                    let mut attr = c.to_ascii_lowercase().to_string();
                    while let Some(&(_, c)) = chars.peek() {
                        if c.is_whitespace() || c == '=' || c == '>' || c == '/' {
                            break;
                        }
                        attr.push(c.to_ascii_lowercase());
                        chars.next();
                    }
                    let mut value = String::new();
                    if chars.peek().is_some_and(|&(_, c)| c == '=') {
                        chars.next();
                        match chars.peek().map(|&(_, c)| c) {
                            Some(q @ ('"' | '\'')) => {
                                chars.next();
                                for (_, c) in chars.by_ref() {
                                    if c == q {
                                        break;
                                    }
                                    value.push(c);
                                }
                            }
                            _ => {
                                while let Some(&(_, c)) = chars.peek() {
                                    if c.is_whitespace() || c == '>' {
                                        break;
                                    }
                                    value.push(c);
                                    chars.next();
                                }
                            }
                        }
                    }
                    attributes.push((attr, value));
                }
            }
        };
        let raw = rest[..=end].to_owned();
        rest = &rest[end + 1..];
        if name == "style" && !closing {
            rest = &rest[rest.find("</style>").expect("unclosed style")..];
        }
        out.push(Tag {
            name,
            closing,
            attributes,
            raw,
        });
    }
    out
}

/// Panics unless `html` is inert: no script, no event handler, no element
/// that loads anything, links only to fragments of the page.
fn assert_inert(html: &str) {
    for tag in tags(html) {
        let raw = tag.raw.to_lowercase();
        assert!(
            !matches!(
                tag.name.as_str(),
                "script"
                    | "img"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "link"
                    | "base"
                    | "form"
                    | "svg"
                    | "video"
                    | "audio"
                    | "source"
            ),
            "forbidden element: {}",
            tag.raw
        );
        for (name, value) in &tag.attributes {
            assert!(!name.starts_with("on"), "event handler: {}", tag.raw);
            assert!(
                !matches!(name.as_str(), "src" | "srcset" | "style" | "action"),
                "{name} attribute: {}",
                tag.raw
            );
            if name == "href" {
                assert!(value.starts_with('#'), "non-fragment link: {}", tag.raw);
            }
        }
        for bad in ["http://", "https://", "javascript:", "data:", "url("] {
            assert!(!raw.contains(bad), "{bad} in a tag: {}", tag.raw);
        }
    }
    let lower = html.to_lowercase();
    assert!(!lower.contains("url("), "a CSS url()");
    assert!(!lower.contains("@import"), "a CSS @import");
}

/// Panics unless every non-void element is closed in order.
fn assert_well_formed(html: &str) {
    let mut open: Vec<String> = Vec::new();
    for tag in tags(html) {
        if matches!(tag.name.as_str(), "meta" | "br" | "hr" | "wbr") {
            continue;
        }
        if tag.closing {
            let top = open.pop();
            assert_eq!(
                top.as_deref(),
                Some(tag.name.as_str()),
                "misnested {}",
                tag.raw
            );
        } else {
            open.push(tag.name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}

fn mark_ids(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "mark" && !t.closing)
        .filter_map(|t| t.attr("id").map(str::to_owned))
        .collect()
}

const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'";

#[test]
fn every_diagnostic_of_the_seed_sources_is_on_the_page() {
    let all = run(&[]);
    let html = report::html::render(&all);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let total: usize = all.iter().map(|c| c.diagnostics.len()).sum();
    assert!(total > 0, "the seed sources have discrepancies");
    let ids = mark_ids(&html);
    assert_eq!(ids.len(), total, "one identified mark per diagnostic");
    for (i, c) in all.iter().enumerate() {
        assert!(html.contains(&format!("<section class=\"source\" id=\"s{i}\">")));
        assert!(html.contains(&escaped(&c.path)));
        if let Some(date) = c.extraction.published {
            assert!(html.contains(&format!("Published {date}")), "{}", c.path);
        }
        let claims = c.claim_count();
        assert!(
            html.contains(&format!(
                "{claims} claim{}, {} verified;",
                if claims == 1 { "" } else { "s" },
                c.verified_count()
            )),
            "{}",
            c.path
        );
        for (j, d) in c.diagnostics.iter().enumerate() {
            assert!(
                html.contains(&escaped(&d.message)),
                "{}: {}",
                c.path,
                d.message
            );
            assert!(
                ids.contains(&format!("s{i}-m{j}")),
                "{}: {}",
                c.path,
                d.message
            );
            assert!(html.contains(&format!(
                "<li class=\"diag sev-{}\" id=\"s{i}-d{j}\">",
                d.severity.as_str()
            )));
            for text in [d.expected.as_deref(), d.fact.as_deref(), d.help.as_deref()]
                .into_iter()
                .flatten()
            {
                assert!(html.contains(&escaped(text)), "{text}");
            }
            for l in &d.labels {
                assert!(html.contains(&escaped(&l.message)), "{}", l.message);
            }
        }
    }
    assert_well_formed(&html);
}

#[test]
fn the_page_is_inert_and_self_contained() {
    for html in [
        report::html::render(&run(&[])),
        report::html::render(&run(&[(HOSTILE_PATH, HOSTILE)])),
    ] {
        assert!(html.contains(CSP_META), "CSP meta");
        assert!(html.contains(report::html::CONTENT_SECURITY_POLICY));
        assert!(!html.to_lowercase().contains("<script"));
        assert_inert(&html);
        assert_well_formed(&html);
    }
}

#[test]
fn a_hostile_article_shows_as_escaped_neutralised_text() {
    let all = run(&[(HOSTILE_PATH, HOSTILE)]);
    let hostile = all.iter().find(|c| c.path == HOSTILE_PATH).unwrap();
    assert!(
        !hostile.diagnostics.is_empty(),
        "the hostile article draws diagnostics"
    );
    let html = report::html::render(&all);
    for shown in [
        "&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;",
        "&quot;the CEO&quot; said, &#39;twice&#39; &amp;amp;",
        "?[31mloudly?[0m ???desrever???",
        "&lt;a href=&quot;https://evil.example/&quot;&gt;link&lt;/a&gt;",
        "sources/&lt;b onmouseover=alert(1)&gt;&quot;it&#39;s&quot;.txt",
    ] {
        assert!(html.contains(shown), "{shown}");
    }
    for raw in [
        "\u{1b}",
        "\u{202E}",
        "\u{202C}",
        "<img",
        "<a href=\"http",
        "<b ",
    ] {
        assert!(!html.contains(raw), "{raw:?} reached the page");
    }
    assert_inert(&html);
    assert_well_formed(&html);
}

fn diagnostic(span: std::ops::Range<usize>, severity: Severity, labels: Vec<Label>) -> Diagnostic {
    Diagnostic {
        code: "amount-mismatch",
        severity,
        message: format!("made up at {span:?} <b>"),
        span,
        found: "x".into(),
        expected: Some("y".into()),
        fact: Some("fact".into()),
        labels,
        help: Some("line one\nline two".into()),
    }
}

#[test]
fn overlapping_empty_and_broken_spans_keep_the_markup_well_formed() {
    let mut all = run(&[(
        "sources/crafted.txt",
        "Crossing spans: alpha beta gamma delta, ünïcödé € text.\n",
    )]);
    let c = all
        .iter_mut()
        .find(|c| c.path == "sources/crafted.txt")
        .unwrap();
    let label = |span: std::ops::Range<usize>| Label {
        span,
        message: "related <i>".into(),
        path: None,
    };
    let far = Label {
        span: 0..5,
        message: "elsewhere".into(),
        path: Some("sources/missing.txt".into()),
    };
    let euro = c.text.find('€').unwrap();
    c.diagnostics = vec![
        diagnostic(16..32, Severity::Error, vec![label(33..38)]), // "alpha beta gamma", label "delta"
        diagnostic(22..38, Severity::Warning, vec![label(16..21)]), // crosses the first
        diagnostic(22..26, Severity::Note, vec![]),               // nested in both, same start
        diagnostic(22..26, Severity::Error, vec![far]),           // identical span
        diagnostic(40..40, Severity::Note, vec![]),               // empty
        diagnostic(
            euro + 1..euro + 2,
            Severity::Error,
            vec![label(euro..euro + 1)],
        ), // not char boundaries
        diagnostic(500..600, Severity::Warning, vec![label(700..800)]), // past the end
    ];
    let html = report::html::render(&all);
    assert_well_formed(&html);
    assert_inert(&html);
    let i = all
        .iter()
        .position(|c| c.path == "sources/crafted.txt")
        .unwrap();
    let ids = mark_ids(&html);
    for j in 0..5 {
        assert!(ids.contains(&format!("s{i}-m{j}")), "mark {j}");
    }
    for j in 5..7 {
        assert!(
            !ids.contains(&format!("s{i}-m{j}")),
            "broken span {j} marked"
        );
        assert!(
            html.contains(&format!("id=\"s{i}-d{j}\"")),
            "broken span {j} explained"
        );
    }
    assert!(html.contains("not a place in the text"));
    // The text survives the splitting: only tags were inserted.
    let text_only: String = {
        let section = html.split(&format!("id=\"s{i}\"")).nth(1).unwrap();
        let body = section
            .split("<div class=\"text\" aria-label=\"Article text\">")
            .nth(1)
            .unwrap();
        let body = body.split("</div>").next().unwrap();
        let mut plain = String::new();
        let mut in_tag = false;
        let mut in_badge = false;
        let mut rest = body;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("<a ") {
                in_badge = true;
            } else if rest.starts_with("</a>") {
                in_badge = false;
            }
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag && !in_badge => plain.push(c),
                _ => {}
            }
            rest = &rest[c.len_utf8()..];
        }
        plain
    };
    assert_eq!(
        text_only,
        "Crossing spans: alpha beta gamma delta, ünïcödé € text.\n"
    );
}

#[cfg(unix)]
mod browser {
    //! Headless Chromium over the rendered page.

    use std::fs::File;
    use std::os::unix::process::CommandExt;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    use super::*;

    const CHROMIUM: &str = "/usr/bin/chromium";
    const TIME_LIMIT: Duration = Duration::from_secs(60);

    fn scratch() -> PathBuf {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("html-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// `target/test-artifacts/`, beside `CARGO_TARGET_TMPDIR` (`target/tmp`).
    fn artifacts() -> PathBuf {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let dir = tmp.parent().unwrap_or(tmp).join("test-artifacts");
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Runs Chromium headless on `page` with `args` and a fresh profile,
    /// killing its process group after [`TIME_LIMIT`]; returns its stdout.
    fn chromium(dir: &Path, page: &Path, args: &[String]) -> String {
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        let n = RUNS.fetch_add(1, Ordering::SeqCst);
        let profile = dir.join(format!("profile-{n}"));
        let stdout_path = dir.join(format!("stdout-{n}"));
        let stderr_path = dir.join(format!("stderr-{n}"));
        let mut child = Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(args)
            .arg(format!("file://{}", page.display()))
            .stdin(Stdio::null())
            .stdout(File::create(&stdout_path).unwrap())
            .stderr(File::create(&stderr_path).unwrap())
            .process_group(0)
            .spawn()
            .expect("chromium starts");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > TIME_LIMIT {
                // The whole group: Chromium's helpers too.
                let _ = Command::new("kill")
                    .args(["-KILL", &format!("-{}", child.id())])
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium ran over {TIME_LIMIT:?}: {args:?}");
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        assert!(status.success(), "chromium failed ({status}): {stderr}");
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::read_to_string(&stdout_path).unwrap()
    }

    /// Has Chromium screenshot `page` (1280×4000) into `artifacts/{name}.png`.
    fn screenshot(dir: &Path, page: &Path, name: &str) {
        let png = artifacts().join(format!("{name}.png"));
        let _ = std::fs::remove_file(&png);
        chromium(
            dir,
            page,
            &[
                format!("--screenshot={}", png.display()),
                "--window-size=1280,4000".to_owned(),
                "--hide-scrollbars".to_owned(),
            ],
        );
        let header = std::fs::read(&png).expect("a screenshot");
        assert!(
            header.starts_with(b"\x89PNG"),
            "not a PNG: {}",
            png.display()
        );
    }

    /// Renders `checked`, has Chromium load it, checks the DOM it built,
    /// screenshots it to `artifacts/{name}.png` and returns the DOM.
    fn check_in_browser(dir: &Path, name: &str, checked: &[Checked]) -> String {
        let html = report::html::render(checked);
        let page = dir.join(format!("{name}.html"));
        std::fs::write(&page, &html).unwrap();
        std::fs::write(artifacts().join(format!("{name}.html")), &html).unwrap();

        let dom = chromium(dir, &page, &["--dump-dom".to_owned()]);
        assert!(
            dom.contains("<title>Fact-check report</title>"),
            "page did not load: {dom}"
        );
        let dom_tags = tags(&dom);
        for tag in &dom_tags {
            assert_ne!(tag.name, "script", "a script element in the DOM");
            assert_ne!(tag.name, "img", "an img element in the DOM");
            for (attr, _) in &tag.attributes {
                assert!(
                    !attr.starts_with("on"),
                    "event handler in the DOM: {}",
                    tag.raw
                );
                assert_ne!(attr, "data-pwned", "a script ran");
            }
        }
        let marks = mark_ids(&dom);
        for (i, c) in checked.iter().enumerate() {
            for (j, d) in c.diagnostics.iter().enumerate() {
                assert!(
                    dom.contains(&dom_text(&d.message)),
                    "message not in the DOM: {}",
                    d.message
                );
                if c.text.get(d.span.clone()).is_some() {
                    assert!(
                        marks.contains(&format!("s{i}-m{j}")),
                        "no mark for {}",
                        d.message
                    );
                }
            }
        }

        screenshot(dir, &page, name);
        dom
    }

    #[test]
    fn chromium_renders_every_diagnostic_and_runs_nothing() {
        if !Path::new(CHROMIUM).exists() {
            eprintln!(
                "SKIPPED chromium_renders_every_diagnostic_and_runs_nothing: {CHROMIUM} not found \
                 (install Debian's `chromium` package to run the browser test)"
            );
            return;
        }
        let dir = scratch();

        let seed = run(&[]);
        check_in_browser(&dir, "html-report", &seed);
        // The whole report is taller than one screenshot: one more per
        // source, rendered alone, so that every diagnostic can be seen.
        for (i, c) in seed.iter().enumerate() {
            let page = dir.join(format!("source-{i}.html"));
            std::fs::write(&page, report::html::render(std::slice::from_ref(c))).unwrap();
            screenshot(&dir, &page, &format!("html-report-source-{i}"));
        }

        let hostile: Vec<Checked> = run(&[(HOSTILE_PATH, HOSTILE)])
            .into_iter()
            .filter(|c| c.path == HOSTILE_PATH)
            .collect();
        let dom = check_in_browser(&dir, "html-report-hostile", &hostile);
        // The markup of the article is in the DOM only as text.
        for text in [
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(1)&gt;",
            "&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;",
        ] {
            assert!(dom.contains(text), "{text} not shown as text");
        }
        assert!(!dom.contains("pwned</title>"), "a handler ran");

        let _ = std::fs::remove_dir_all(&dir);
        eprintln!(
            "screenshots: {}",
            artifacts().join("html-report.png").display()
        );
    }
}
