//! Markdown charters: front matter, then sections under headings. See docs/format.md.
//!
//! Three steps, each linear in the input: `front_matter` splits and reads the
//! metadata; `blocks` runs pulldown-cmark once over the body into flat blocks grouped
//! by section; `fill` (with `timeline` and `lists`) turns each section's blocks into
//! fields, items, phases, metrics and signatures.

mod blocks;
mod fill;
mod lists;
mod timeline;
pub(crate) mod yaml;

use crate::model::{Charter, Format, Issue, IssueKind, Span};
use crate::parse::front_matter;
use crate::source::Source;
use crate::vocab::{Names, Vocabulary};

/// pulldown-cmark does not recurse, but every line re-checks each open container,
/// so deep nesting followed by many (lazy continuation) lines is quadratic: 8,000
/// levels and 8,000 lines take seconds. Nesting that deep is cheap to write only on
/// one line (`>>>>…`, `- - - …`), which is what `too_deep` looks for; no charter nests
/// anywhere near this.
const MAX_NESTING: usize = 32;

pub fn parse(source: &Source, vocab: &Vocabulary) -> Charter {
    let text = source.text.as_str();
    let mut charter = Charter::empty(Format::Markdown, text.len());
    let fm = front_matter::read(text);
    charter.meta = fm.meta;
    charter.issues = fm.issues;
    let names = Names::new(
        charter.meta.company.as_ref().map(|t| t.text.as_str()),
        charter.meta.partner.as_ref().map(|t| t.text.as_str()),
    );
    let base = fm.body_start.min(text.len());
    let body = text.get(base..).unwrap_or_default();

    let body = match too_deep(body) {
        Some(at) => {
            charter.issues.push(Issue {
                kind: IssueKind::Syntax,
                message: format!(
                    "Markdown nested more than {MAX_NESTING} levels deep; the rest of the file is not read"
                ),
                span: Span::empty(base + at),
            });
            body.get(..at).unwrap_or_default()
        }
        None => body,
    };

    let pool = POOL.take();
    let mut blocks = blocks::collect(pool, body, base, text, vocab, &names);
    misplaced_front_matter(body, base, &blocks.verbatim, &mut charter.issues);
    let ctx = fill::Ctx {
        src: text,
        vocab,
        names: &names,
    };
    charter.sections.reserve_exact(blocks.sections.len());
    for raw in std::mem::take(&mut blocks.sections) {
        let own = blocks.blocks().get(raw.blocks.clone()).unwrap_or_default();
        fill::section(&ctx, raw, own, &mut charter);
    }
    let pool = blocks.into_pool();
    if pool.worth_keeping() {
        POOL.set(pool);
    }
    charter
}

thread_local! {
    /// This thread's spare blocks (see `blocks::Pool`).
    static POOL: std::cell::Cell<blocks::Pool> = std::cell::Cell::new(blocks::Pool::default());
}

/// `+++` line pairs outside code blocks: TOML front matter that is not at the top
/// (or a second block after it). `---` pairs are not checked here: in a Markdown body
/// they are thematic breaks and setext underlines.
fn misplaced_front_matter(body: &str, base: usize, verbatim: &[Span], issues: &mut Vec<Issue>) {
    let mut code = verbatim.iter().peekable();
    let mut open: Option<Span> = None;
    for line in front_matter::plus_lines(body, base) {
        while code.peek().is_some_and(|c| c.end <= line.start) {
            code.next();
        }
        if code.peek().is_some_and(|c| c.start <= line.start) {
            continue;
        }
        match open.take() {
            None => open = Some(line),
            Some(first) => issues.push(Issue {
                kind: IssueKind::Syntax,
                message: "front matter in the middle of the document; only a block at the very top is read".into(),
                span: first.join(line),
            }),
        }
    }
}

/// Where the body first opens more than `MAX_NESTING` containers on one line: block
/// quote markers, bullet and ordered list markers at the start of a line.
fn too_deep(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    // Line starts: the start of the body and after every `\n` or `\r`, found in one
    // vectorised pass (a `\r\n` gives an extra "line" at the `\n`, which has no marker).
    let starts = std::iter::once(0).chain(memchr::memchr2_iter(b'\n', b'\r', bytes).map(|i| i + 1));
    for line_start in starts {
        // Most lines start with a letter, `#` or `|`: nothing to count.
        if !matches!(
            bytes.get(line_start),
            Some(b' ' | b'\t' | b'>' | b'-' | b'*' | b'+' | b'0'..=b'9')
        ) {
            continue;
        }
        let mut depth = 0;
        let mut i = line_start;
        loop {
            while matches!(bytes.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            let marker = match bytes.get(i) {
                Some(b'>') => 1,
                Some(b'-' | b'*' | b'+') if matches!(bytes.get(i + 1), Some(b' ' | b'\t')) => 1,
                Some(b'0'..=b'9') => {
                    let digits = bytes[i..]
                        .iter()
                        .take(10)
                        .take_while(|b| b.is_ascii_digit())
                        .count();
                    match (bytes.get(i + digits), bytes.get(i + digits + 1)) {
                        (Some(b'.' | b')'), Some(b' ' | b'\t')) => digits + 1,
                        _ => 0,
                    }
                }
                _ => 0,
            };
            if marker == 0 {
                break;
            }
            depth += 1;
            i += marker;
            if depth > MAX_NESTING {
                return Some(line_start);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
