//! Callouts, admonitions and content tabs, as docs sites and note apps write them:
//! Obsidian and GitHub `> [!warning] Triggers`, MkDocs `!!! info "Crawl"`, its
//! collapsible `??? note "Why"` and content tabs `=== "Stackmoor"`, Docusaurus
//! `:::tip Title` … `:::`. The title names what the block holds, so it stands as a
//! heading (a section, field or phase by the same vocabulary as headings), as a bold
//! line does (`bold`); the block's body is its content. A block without a title is
//! only content. The markers themselves are never text: a title line is no exit
//! criterion, a closing `:::` no part of the last item.
//!
//! MkDocs indents a block's body four spaces, which CommonMark reads as code (after a
//! blank line) or as more of the title's paragraph. When a charter has such a block,
//! its body is read again from a copy of the text ([`dedent`]) in which the first of
//! those spaces is a `>`: a block quote, which CommonMark reads as Markdown. The copy
//! is as long as the text, so every offset stays the source's.

use super::sections::BOLD_LEVEL;
use super::{Builder, Span};

/// What a paragraph's first line opens.
pub(super) struct Opened {
    /// The title and where it is in the source; `None` for a block without one.
    title: Option<Span>,
    /// Where the marker's line ends (before its line break).
    line_end: usize,
    /// The block's body is indented (MkDocs), to be read from [`dedent`]'s copy.
    indented: bool,
}

/// The marker line of a callout opening the paragraph at `src[at..]`, when it is one.
/// Most paragraphs start with none of the marker bytes, and cost one test.
pub(super) fn opens(src: &str, at: usize) -> Option<Opened> {
    let first = *src.as_bytes().get(at)?;
    if !matches!(first, b'!' | b'?' | b'=' | b':' | b'[') {
        return None;
    }
    let rest = src.get(at..)?;
    let line = rest.get(..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len()))?;
    let line = line.trim_end();
    let (title, indented) = match first {
        b'!' | b'?' | b'=' => (mkdocs(line)?, true),
        b':' => (docusaurus(line)?, false),
        _ => (obsidian(line)?, false),
    };
    Some(Opened {
        title: title.map(|(a, b)| Span::new(at + a, at + b)),
        line_end: at + line.len(),
        indented,
    })
}

type Title = Option<(usize, usize)>;

/// `!!! info "Title"`, `??? note`, `???+ tip "Title"`, `=== "Title"`: the title's range
/// in `line`, when the line is such a marker.
fn mkdocs(line: &str) -> Option<Title> {
    let b = line.as_bytes();
    let mark = *b.first()?;
    if b.get(..3)? != [mark; 3] {
        return None;
    }
    let mut i = 3;
    if mark != b'!' && b.get(i) == Some(&b'+') {
        i += 1;
    }
    if !matches!(b.get(i), Some(b' ' | b'\t')) {
        return None;
    }
    // Admonitions name their type, and maybe more classes (`inline end`); tabs do not.
    let mut classes = 0;
    loop {
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        let word = b
            .get(i..)?
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || **c == b'-')
            .count();
        if word == 0 {
            break;
        }
        i += word;
        classes += 1;
    }
    if (mark == b'=') != (classes == 0) {
        return None;
    }
    match b.get(i) {
        // Without a title, one type word: `??? who pays` is a question left open.
        None if classes == 1 => Some(None),
        None => None,
        Some(b'"') => {
            let close = i + 1 + memchr::memchr(b'"', b.get(i + 1..)?)?;
            if close + 1 != b.len() {
                return None;
            }
            Some(Some((i + 1, close)).filter(|(a, z)| z > a))
        }
        Some(_) => None,
    }
}

/// `:::tip Title`, `::: warning`, `:::note[Title]`: the title's range, when the line
/// opens a block (a type word right after the colons).
fn docusaurus(line: &str) -> Option<Title> {
    let colons = line.bytes().take_while(|&c| c == b':').count();
    if colons < 3 {
        return None;
    }
    let after = line.get(colons..)?;
    let kind = after.trim_start();
    let at = colons + after.len() - kind.len();
    let word = kind
        .bytes()
        .take_while(|c| c.is_ascii_alphabetic() || *c == b'-')
        .count();
    if word == 0 {
        return None;
    }
    let rest = kind.get(word..)?;
    let from = at + word;
    if let Some(inner) = rest.strip_prefix('[') {
        let close = inner.rfind(']')?;
        return Some(trimmed(line, from + 1, from + 1 + close));
    }
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(trimmed(line, from, line.len()))
}

/// `[!warning] Triggers`, `[!danger]- We stop if` (after the quote's `>`): the title's
/// range, when the line opens a callout.
fn obsidian(line: &str) -> Option<Title> {
    let inner = line.strip_prefix("[!")?;
    let close = inner.find(']')?;
    let kind = inner.get(..close)?;
    if kind.is_empty() || !kind.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-') {
        return None;
    }
    let mut from = 2 + close + 1;
    if matches!(line.as_bytes().get(from), Some(b'+' | b'-')) {
        from += 1;
    }
    Some(trimmed(line, from, line.len()))
}

/// `line[a..b]` without blanks at either end; `None` when that leaves nothing.
fn trimmed(line: &str, a: usize, b: usize) -> Title {
    let t = line.get(a..b)?;
    let inner = t.trim();
    let start = a + (t.len() - t.trim_start().len());
    (!inner.is_empty()).then_some((start, start + inner.len()))
}

/// Whether `t` is a closing `:::` (text on a line of its own, or a paragraph).
pub(super) fn is_fence(t: &str) -> bool {
    let t = t.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b':')
}

impl Builder<'_> {
    /// A paragraph starting at `span` opens a callout: its title is read as a heading,
    /// and the marker line is not text. Whether the whole paragraph was the marker.
    pub(super) fn callout(&mut self, span: Span) -> bool {
        let Some(o) = opens(self.src, span.start) else {
            if self.src.as_bytes().get(span.start) == Some(&b':') {
                return is_fence(self.src.get(span.start..span.end).unwrap_or_default());
            }
            return false;
        };
        self.out.indented |= o.indented;
        if let Some(t) = o.title {
            let text = self.src.get(t.start..t.end).unwrap_or_default();
            self.heading(BOLD_LEVEL, text, t);
        }
        let whole = self
            .src
            .get(o.line_end..span.end)
            .is_none_or(|r| r.trim().is_empty() || is_fence(r));
        if !whole {
            self.skip_to = o.line_end + 1;
        }
        whole
    }
}

/// A copy of `body`, as long as it, in which the indented body of each MkDocs block
/// (`!!!`, `???`, `===`) is a block quote: the first of its four spaces is a `>`.
/// Nested blocks nest quotes.
pub(super) fn dedent(body: &str) -> String {
    let mut out = body.as_bytes().to_vec();
    // The columns of the open blocks' markers.
    let mut open: Vec<usize> = Vec::new();
    let mut pos = 0;
    while pos < body.len() {
        let end = memchr::memchr(b'\n', &body.as_bytes()[pos..]).map_or(body.len(), |i| pos + i);
        let line = body.get(pos..end).unwrap_or_default();
        let text = line.trim_start_matches(' ');
        let indent = line.len() - text.len();
        if !text.trim().is_empty() {
            open.retain(|&col| indent >= col + 4);
            for &col in &open {
                if let Some(b) = out.get_mut(pos + col) {
                    *b = b'>';
                }
            }
            if mkdocs(text.trim_end()).is_some() {
                open.push(indent);
            }
        }
        pos = end + 1;
    }
    // Only ASCII spaces were replaced, by an ASCII byte.
    String::from_utf8(out).unwrap_or_else(|_| body.to_string())
}

#[cfg(test)]
mod tests;
