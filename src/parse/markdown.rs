//! Markdown charters: front matter, then sections under headings. See docs/format.md.
//!
//! Three steps, each linear in the input: `front_matter` splits and reads the
//! metadata; `blocks` runs pulldown-cmark once over the body into flat blocks grouped
//! by section; `fill` (with `timeline` and `lists`) turns each section's blocks into
//! fields, items, phases, metrics and signatures.

mod blocks;
mod captions;
mod columns;
mod counterpart;
mod dates;
pub(crate) use dates::dates as iso_dates;
mod fill;
mod inline;
mod label;
mod lines;
mod lists;
mod parties;
mod preamble;
mod replies;
mod runin;
mod sentences;
mod sheet;
mod sided;
mod sides;
mod stakes;
mod stated;
mod timeline;
mod title;
pub(crate) mod yaml;

use crate::model::{Charter, Format, Issue, IssueKind, Span};
use crate::parse::front_matter;
use crate::source::Source;
use crate::vocab::{Memo, Names, Vocabulary};

/// pulldown-cmark does not recurse, but every line re-checks each open container,
/// so deep nesting followed by many (lazy continuation) lines is quadratic: 8,000
/// levels and 8,000 lines take seconds. Nesting that deep is cheap to write only on
/// one line (`>>>>…`, `- - - …`), which is what `too_deep` looks for; no charter nests
/// anywhere near this.
const MAX_NESTING: usize = 32;

pub fn parse(source: &Source, vocab: &Vocabulary) -> Charter {
    parse_with(source, &mut Memo::new(vocab))
}

/// [`parse`], looking labels up through `memo`, which a caller parsing many charters
/// keeps from one to the next.
pub fn parse_with(source: &Source, memo: &mut Memo<'_>) -> Charter {
    let text = source.text.as_str();
    let mut charter = Charter::empty(Format::Markdown, text.len());
    charter.comments = super::comments::scan(Format::Markdown, text);
    let fm = front_matter::read(text);
    charter.meta = fm.meta;
    charter.issues = fm.issues;
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

    // Pandoc's attribute lists and plain-text tables are rewritten in a copy, byte for
    // byte in length: everything below reads the copy, and spans stay the source's.
    let copy = blocks::rewrite(body).map(|new| {
        let after = text.get(base + body.len()..).unwrap_or_default();
        [text.get(..base).unwrap_or_default(), new.as_str(), after].concat()
    });
    let (text, body) = match &copy {
        Some(c) => (
            c.as_str(),
            c.get(base..base + body.len()).unwrap_or_default(),
        ),
        None => (text, body),
    };

    // Metadata in the body, where front matter lacks it, names the sides too.
    preamble::read(body, base, memo.vocab(), &mut charter.meta);
    stated::read(body, base, &mut charter.meta);
    parties::fill_sides(
        body,
        base,
        |t| memo.vocab().section_for(t).is_some(),
        &mut charter.meta,
    );
    title::fill_sides(
        body,
        base,
        |t| memo.vocab().section_for(t).is_some(),
        &mut charter.meta,
    );
    if let Some(t) = &fm.title {
        title::fill_sides_from(
            t,
            |t| memo.vocab().section_for(t).is_some(),
            &mut charter.meta,
        );
    }
    counterpart::fill(body, base, &mut charter.meta);
    let names = Names::new(
        charter.meta.company.as_ref().map(|t| t.text.as_str()),
        charter.meta.partner.as_ref().map(|t| t.text.as_str()),
    );
    let pool = POOL.take();
    let lookup = memo.lookup(&names);
    let mut blocks = blocks::collect(pool, body, base, text, &lookup);
    misplaced_front_matter(body, base, &blocks.verbatim, &mut charter.issues);
    charter.unread.append(&mut blocks.unread);
    let rd = label::Reader {
        src: text,
        lookup: &lookup,
    };
    charter.sections.reserve_exact(blocks.sections.len());
    for raw in std::mem::take(&mut blocks.sections) {
        let own = blocks.blocks().get(raw.blocks.clone()).unwrap_or_default();
        fill::section(&rd, raw, own, &mut charter);
    }
    fill::signatures_outside(&mut charter);
    replies::read(&rd, base, &mut charter);
    fill::signatures_outside(&mut charter);
    let pool = blocks.into_pool();
    if pool.worth_keeping() {
        POOL.set(pool);
    }
    super::phases::finish(&mut charter);
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
///
/// Such a line starts with more than `MAX_NESTING` bytes that can only be markers or
/// blanks ([`MARKUP`]), and so covers a byte at a multiple of [`STRIDE`] within its
/// first `STRIDE` bytes. Only those sampled bytes are looked at first: on prose, one
/// byte in 32 and a step or two back, instead of every line start.
fn too_deep(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut at = 0;
    // A plain loop: as an iterator chain this costs twice as much.
    while let Some(&b) = bytes.get(at) {
        if MARKUP[usize::from(b)] {
            if let Some(start) = deep_line_start(bytes, at) {
                if opens_too_many(bytes, start) {
                    return Some(start);
                }
            }
        }
        at += STRIDE;
    }
    None
}

/// Samples one byte in this many: a line that opens too many containers starts with
/// more than `MAX_NESTING` marker bytes, so one of its first `STRIDE` bytes is sampled.
const STRIDE: usize = MAX_NESTING;

/// Bytes a run of container markers is made of: blanks, `>`, `-`, `*`, `+`, digits,
/// `.` and `)`.
static MARKUP: [bool; 256] = {
    let mut t = [false; 256];
    let set = b" \t>-*+0123456789.)";
    let mut i = 0;
    while i < set.len() {
        t[set[i] as usize] = true;
        i += 1;
    }
    t
};

/// The start of the line that `at` (a [`MARKUP`] byte) is in, if that line could open
/// more than `MAX_NESTING` containers with `at` among its first `STRIDE` bytes: every
/// byte from the line start to `MAX_NESTING` bytes past it is [`MARKUP`].
fn deep_line_start(bytes: &[u8], at: usize) -> Option<usize> {
    let markup = |i: usize| bytes.get(i).is_some_and(|&b| MARKUP[usize::from(b)]);
    // Back to the first byte of the run, at most `STRIDE - 1` bytes before `at`.
    let back = (1..=at.min(STRIDE))
        .find(|&k| !markup(at - k))
        .map_or(at, |k| k - 1);
    let start = at - back;
    let at_line_start = start == 0 || matches!(bytes.get(start - 1), Some(b'\n' | b'\r'));
    if back >= STRIDE || !at_line_start {
        return None;
    }
    (at + 1..=start + MAX_NESTING).all(markup).then_some(start)
}

/// Whether the line at `line_start` opens more than `MAX_NESTING` containers.
fn opens_too_many(bytes: &[u8], line_start: usize) -> bool {
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
            return false;
        }
        depth += 1;
        i += marker;
        if depth > MAX_NESTING {
            return true;
        }
    }
}

#[cfg(test)]
mod prose_tests;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod too_deep_tests {
    use super::{too_deep, MAX_NESTING};

    /// [`too_deep`] as it was: every line start looked at.
    fn reference(body: &str) -> Option<usize> {
        let bytes = body.as_bytes();
        let starts =
            std::iter::once(0).chain(memchr::memchr2_iter(b'\n', b'\r', bytes).map(|i| i + 1));
        starts
            .filter(|&s| s < bytes.len())
            .find(|&s| super::opens_too_many(bytes, s))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Markers, blanks, line endings and text in any mix, deep runs included.
        #[test]
        fn sampling_finds_the_line_every_line_start_finds(
            s in "(>{1,40}|(- |\\* |\\+ |1\\. |22\\) ){1,20}|[ \t]{1,6}|\n|\r\n|\r|[a-z#|]{1,8}|[-*+.)0-9]{1,5}|é|💰){0,80}"
        ) {
            proptest::prop_assert_eq!(too_deep(&s), reference(&s));
        }
    }

    #[test]
    fn deep_lines_are_found_wherever_they_start() {
        let deep = "> ".repeat(MAX_NESTING) + ">";
        for lead in 0..80 {
            for eol in ["\n", "\r\n", "\r"] {
                let text = format!("{}{eol}{deep} x{eol}", "a".repeat(lead));
                assert_eq!(too_deep(&text), reference(&text), "{lead} {eol:?}");
                assert!(too_deep(&text).is_some());
                let shallow = format!("{}{eol}{}{eol}", "a".repeat(lead), &deep[2..]);
                assert_eq!(too_deep(&shallow), None, "{lead} {eol:?}");
            }
        }
        let spaced = format!("{}- x", "-      ".repeat(MAX_NESTING));
        assert_eq!(too_deep(&spaced), reference(&spaced));
        assert_eq!(too_deep(&" ".repeat(5000)), None);
    }
}
