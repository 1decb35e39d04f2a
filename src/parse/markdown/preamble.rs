//! Metadata written in the body, for charters without front matter (or with keys it
//! lacks): a two-column table (`| Tier | 2 – Partnership |`), a one-row wide table
//! (`| Company | Partner | Tier |`), a `Key facts` list (`- Tier: 2`), property lines
//! under the title (`Tier: 2 (partnership)`, `**Partner:** Orbital`), also several
//! in one line of sentences (`Partner: Corbel. Tier 2. Status: crawl.`).
//!
//! Only the preamble is read: the body before the first section, and sections whose
//! heading names metadata (Key facts, Particulars, …). It ends at a section heading,
//! or at any other heading once metadata was found (or after a title and subtitle).
//! Front matter wins: a key it sets is not read here, and when it sets all of them
//! nothing here runs.

use super::sheet::{self, is_meta_heading};
use crate::model::{Meta, Span, Text};
use crate::parse::meta;
use crate::vocab::{strip_numbering, Vocabulary};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Headings read past before any metadata is found: a title and a subtitle.
const TITLES: usize = 2;

/// Fill what `meta` lacks from the preamble of `body` (which starts at byte `base`).
pub fn read(body: &str, base: usize, vocab: &Vocabulary, meta: &mut Meta) {
    if meta::META_KEYS.iter().all(|k| meta::is_set(meta, k)) {
        return;
    }
    let mut found = 0;
    let mut titles = 0;
    let mut pos = 0;
    // The key a heading names (`### Tier`, as an issue form writes it): the text
    // under it is that key's value.
    let mut field = None;
    loop {
        let next = next_heading(body, pos);
        let end = next.as_ref().map_or(body.len(), |h| h.start);
        if let Some(seg) = body.get(pos..end) {
            found += match field {
                Some(key) => form::field(seg, base + pos, key, meta),
                None => Segment::read(seg, base + pos, vocab, meta),
            };
        }
        let Some(h) = next else { break };
        if vocab.section_for(&h.text).is_some() {
            break;
        }
        field = meta::meta_key(&h.text);
        if field.is_none() && !is_meta_heading(&h.text) && !h.marking {
            if found > 0 || titles >= TITLES {
                break;
            }
            titles += 1;
        }
        pos = h.end;
    }
}

struct Heading {
    /// Where the heading's first line starts and its last line ends.
    start: usize,
    end: usize,
    text: String,
    /// A bold line in capitals standing alone (`**SUBJECT TO CONTRACT**`): a lawyer's
    /// marking, neither a title nor content.
    marking: bool,
}

/// The next heading from `pos` on: an ATX heading, a setext heading (the line above
/// the underline), or a bold line standing alone (as Word and Google Docs export
/// headings). Lines inside fenced code are skipped.
fn next_heading(body: &str, mut pos: usize) -> Option<Heading> {
    let mut fence = false;
    let mut prev: Option<(usize, &str)> = None;
    while pos < body.len() {
        let end = body[pos..].find('\n').map_or(body.len(), |i| pos + i);
        let next = (end + 1).min(body.len());
        let line = body[pos..end].trim_end_matches('\r');
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        } else if !fence {
            let indent = line.len() - line.trim_start().len();
            if indent < 4 && t.starts_with('#') {
                let hashes = t.bytes().take_while(|&b| b == b'#').count();
                let rest = &t[hashes..];
                if hashes <= 6 && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
                    let text = rest.trim().trim_end_matches('#').trim();
                    return Some(heading(pos, end, text, false));
                }
            }
            let underline =
                !t.is_empty() && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'));
            if let Some((start, above)) = prev.filter(|_| underline && indent < 4) {
                let a = above.trim();
                if !a.is_empty() && !a.starts_with(['|', '-', '*', '+', '>']) {
                    return Some(heading(start, end, a, false));
                }
            }
            let blank_before = prev.is_none_or(|(_, p)| p.trim().is_empty());
            // Alone: a bold first line of a paragraph (a slide's title line) is no heading.
            let blank_after = body
                .get(next..)
                .and_then(|r| r.split('\n').next())
                .is_none_or(|l| l.trim().is_empty());
            if blank_before
                && blank_after
                && t.len() > 4
                && t.starts_with("**")
                && t.ends_with("**")
            {
                let inner = &t[2..t.len() - 2];
                if !inner.contains("**") {
                    let marking = !inner.contains(char::is_lowercase);
                    return Some(heading(pos, end, &inner.replace('\\', ""), marking));
                }
            }
        }
        prev = Some((pos, line));
        pos = next;
    }
    None
}

fn heading(start: usize, end: usize, text: &str, marking: bool) -> Heading {
    Heading {
        start,
        end,
        text: text.to_string(),
        marking,
    }
}

/// Plain text and where its pieces came from.
#[derive(Default)]
struct Plain {
    text: String,
    /// (offset in `text`, source start, source end, the text is the source verbatim).
    chunks: Vec<(usize, usize, usize, bool)>,
}

impl Plain {
    fn push(&mut self, t: &str, src: Span, verbatim: bool) {
        self.chunks
            .push((self.text.len(), src.start, src.end, verbatim));
        self.text.push_str(t);
    }

    /// The source span of `text[a..b]`.
    fn span(&self, a: usize, b: usize) -> Span {
        let at = |x: usize, end: bool| {
            let i = self
                .chunks
                .partition_point(|c| if end { c.0 < x } else { c.0 <= x });
            match i.checked_sub(1).and_then(|i| self.chunks.get(i)) {
                Some(&(plain, src, src_end, true)) => (src + (x - plain)).min(src_end),
                Some(&(_, src, src_end, false)) => {
                    if end {
                        src_end
                    } else {
                        src
                    }
                }
                None => self.chunks.first().map_or(0, |c| c.1),
            }
        };
        Span::new(at(a, false), at(b, true))
    }
}

/// One pass of pulldown-cmark over a stretch of the preamble.
#[derive(Default)]
struct Segment {
    unit: Option<Plain>,
    row: Vec<(Plain, Span)>,
    rows: Vec<Vec<(Plain, Span)>>,
    cell: Option<(Plain, Span)>,
    in_heading: bool,
    found: usize,
}

impl Segment {
    /// Read `seg` (at byte `base` of the source) into `meta`; how many keys were set.
    fn read(seg: &str, base: usize, vocab: &Vocabulary, meta: &mut Meta) -> usize {
        // A key is followed by a colon, a table bar, or a leader (`Tier .... 2`).
        let leader = || seg.contains("..") || seg.contains("__") || seg.contains("  ");
        if !seg.contains([':', '|', '\t', '…']) && !leader() {
            return 0;
        }
        let mut s = Segment::default();
        let opts =
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_WIKILINKS;
        for (event, r) in Parser::new_ext(seg, opts).into_offset_iter() {
            let span = Span::new(base + r.start, base + r.end);
            s.event(event, span, seg, base, vocab, meta);
        }
        s.flush(meta);
        s.found
    }

    fn event(
        &mut self,
        event: Event<'_>,
        span: Span,
        seg: &str,
        base: usize,
        vocab: &Vocabulary,
        meta: &mut Meta,
    ) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.in_heading = true,
            Event::End(TagEnd::Heading(_)) => self.in_heading = false,
            Event::Start(Tag::Paragraph) if self.unit.is_none() => {
                self.unit = Some(Plain::default())
            }
            Event::Start(Tag::Item) => {
                self.flush(meta);
                self.unit = Some(Plain::default());
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => self.flush(meta),
            Event::Start(Tag::Table(_)) => self.rows.clear(),
            Event::Start(Tag::TableCell) => {
                let t = seg
                    .get(span.start - base..span.end - base)
                    .unwrap_or_default();
                let lead = t.len() - t.trim_start_matches([' ', '\t', '|']).len();
                let body = t.trim_matches([' ', '\t', '|', '\r', '\n']);
                let start = span.start + lead;
                self.cell = Some((Plain::default(), Span::new(start, start + body.len())));
            }
            Event::End(TagEnd::TableCell) => self.row.extend(self.cell.take()),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                self.rows.push(std::mem::take(&mut self.row))
            }
            Event::End(TagEnd::Table) => self.table(vocab, meta),
            Event::Text(t) | Event::Code(t) if !self.in_heading => {
                let verbatim = t.len() == span.len();
                if let Some((p, _)) = &mut self.cell {
                    p.push(&t, span, verbatim);
                } else if let Some(p) = &mut self.unit {
                    p.push(&t, span, verbatim);
                }
            }
            // `Company` / `: Tallowby`, a definition list, reads `Company: Tallowby`.
            Event::SoftBreak if super::blocks::definitions::follows(seg, span.end - base) => {}
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = &mut self.unit {
                    p.push("\n", span, false);
                }
            }
            _ => {}
        }
    }

    /// Read the open paragraph or list item, line by line.
    fn flush(&mut self, meta: &mut Meta) {
        let Some(p) = self.unit.take() else { return };
        let mut at = 0;
        for line in p.text.split('\n') {
            let pieces = pieces(line);
            let several = pieces.len() > 1;
            for (off, piece) in pieces {
                for (key, a, b) in pairs(piece, several) {
                    let value = &piece[a..b];
                    let (a, b) = (at + off + a, at + off + b);
                    self.found += set(meta, key, value, p.span(a, b));
                }
            }
            at += line.len() + 1;
        }
    }

    /// A two-column table is keys and values row by row (its header too, which is a
    /// pair or `Field | Value`); a table whose header names two keys or more is read
    /// column by column from its first row.
    fn table(&mut self, vocab: &Vocabulary, meta: &mut Meta) {
        let rows = std::mem::take(&mut self.rows);
        let Some(header) = rows.first() else { return };
        let data = rows.get(1..).unwrap_or_default();
        let names = |c: &str| is_meta_heading(c) || vocab.heading_for(c).is_some();
        if let Some(col) = sheet::section_column(data, cell_text, names) {
            self.sheet_meta(data, col, vocab, meta);
            return;
        }
        let keys: Vec<Option<&'static str>> = header
            .iter()
            .map(|(p, _)| meta::meta_key(p.text.trim()))
            .collect();
        if keys.iter().flatten().count() >= 2 && keys.len() > 2 {
            if let Some(row) = rows.get(1) {
                for (key, (p, span)) in keys.iter().zip(row) {
                    if let Some(key) = key {
                        self.found += set(meta, key, p.text.trim(), *span);
                    }
                }
            }
            return;
        }
        for row in &rows {
            if let [(k, _), (v, span), ..] = row.as_slice() {
                // A term sheet numbers its keys (`3. Tier`).
                let k = strip_numbering(k.text.trim());
                if let Some(key) = meta::meta_key(k.trim_end_matches(':')) {
                    self.found += set(meta, key, v.text.trim(), *span);
                }
            }
        }
    }
}

impl Segment {
    /// A sheet's runs named like metadata (`Basics`): each row's first cell beside the
    /// section column is a key, the next its value (`| Basics | Tier | 2 |`).
    fn sheet_meta(
        &mut self,
        rows: &[Vec<(Plain, Span)>],
        col: usize,
        vocab: &Vocabulary,
        meta: &mut Meta,
    ) {
        for (row, run) in rows.iter().zip(sheet::run_names(rows, col, cell_text)) {
            if !is_meta_heading(run) || vocab.section_for(run).is_some() {
                continue;
            }
            let mut rest = row.iter().enumerate().filter(|(i, _)| *i != col);
            if let (Some((_, (k, _))), Some((_, (v, span)))) = (rest.next(), rest.next()) {
                if let Some(key) = meta::meta_key(k.text.trim().trim_end_matches(':')) {
                    self.found += set(meta, key, v.text.trim(), *span);
                }
            }
        }
    }
}

/// A preamble table row's cell `i`, trimmed.
#[allow(clippy::ptr_arg)] // the rows are `Vec`s; `sheet` takes a function of one row
fn cell_text(row: &Vec<(Plain, Span)>, i: usize) -> Option<&str> {
    row.get(i).map(|(p, _)| p.text.trim())
}

/// Set `key` to `value` unless it has one (or the value is blank): 1 when set.
fn set(meta: &mut Meta, key: &str, value: &str, span: Span) -> usize {
    if value.is_empty() || meta::is_set(meta, key) {
        return 0;
    }
    let text = Text::new(value, span);
    if key == "leverage" {
        meta.leverage_span = Some(span);
        meta.leverage = meta::leverages(vec![text]);
    } else {
        meta::set(meta, key, Some(text));
    }
    1
}

/// Separators of property lines (`Tier: 2 | Status: crawl`, `Tier 1 · Status walk`).
const PROPERTY_SEPARATORS: [&str; 4] = [" | ", " · ", " • ", " ; "];

/// A line split at its property separators: each piece and its offset in the line.
fn pieces(line: &str) -> Vec<(usize, &str)> {
    let mut out = vec![(0, line)];
    for sep in PROPERTY_SEPARATORS {
        if !line.contains(sep) {
            continue;
        }
        out = out
            .into_iter()
            .flat_map(|(off, piece)| {
                let mut parts = Vec::new();
                let mut from = 0;
                for (i, _) in piece.match_indices(sep) {
                    parts.push((off + from, &piece[from..i]));
                    from = i + sep.len();
                }
                parts.push((off + from, &piece[from..]));
                parts
            })
            .collect();
    }
    out
}

/// The `Key: value` pairs of one line, as (key, value start, value end) in the line:
/// `Tier: 2`, and after it further sentences that start with a key, with or without
/// a colon (`Partner: Corbel. Tier 2. Status: crawl.`). A piece of a property line
/// (`several`) may start with a key and no colon (`Tier 1`) after an emoji or two.
fn pairs(line: &str, several: bool) -> Vec<(&'static str, usize, usize)> {
    let mut out = Vec::new();
    let lead = line.len()
        - line
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let first = key_colon(line, 0)
        .or_else(|| key_leader(line, lead))
        .or_else(|| {
            several
                .then(|| key_colon(line, lead).or_else(|| key_space(line, lead)))
                .flatten()
        });
    let Some((key, value)) = first else {
        return out;
    };
    let mut current = (key, value);
    let mut from = value;
    // Sentence ends inside the value: `. ` followed by another key.
    while let Some(i) = line[from..].find(". ") {
        let dot = from + i;
        let next = dot + 2;
        let found = key_colon(line, next).or_else(|| key_space(line, next));
        if let Some((k, v)) = found {
            out.push((current.0, current.1, dot));
            current = (k, v);
            from = v;
        } else {
            from = next;
        }
    }
    let end = line.trim_end().len();
    let end = if line[..end].ends_with('.') && current.0 != "partner" && current.0 != "company" {
        end - 1
    } else {
        end
    };
    out.push((current.0, current.1, end.max(current.1)));
    out.retain(|&(_, a, b)| !line[a..b].trim().is_empty());
    out.iter_mut().for_each(|p| {
        let v = &line[p.1..p.2];
        p.1 += v.len() - v.trim_start().len();
        p.2 = p.1 + v.trim().len();
    });
    out
}

/// A key and a colon at `at` (after a list marker or blanks): the key and where its
/// value starts.
fn key_colon(line: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = line.get(at..)?;
    let colon = rest.find(':')?;
    let key = rest[..colon].trim();
    if key.is_empty() || key.len() > 40 || key.split_whitespace().count() > 4 {
        return None;
    }
    let after = rest.as_bytes().get(colon + 1..).unwrap_or_default();
    let value = colon + 1 + super::label::dataview(after);
    Some((meta::meta_key(key)?, at + value))
}

/// A key, a leader and its value, as plain text lines up a list of properties:
/// `Tier ........ 2`, `Tier ____ 2`, `Tier<TAB>2`, `Tier    2` (dots, underscores or
/// an ellipsis, or a tab or two spaces or more, with blanks around them).
fn key_leader(line: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = line.get(at..)?;
    let (start, value) = super::label::leader(rest, true)?;
    let key = rest[..start].trim();
    if key.is_empty() || key.split_whitespace().count() > 4 {
        return None;
    }
    Some((meta::meta_key(key)?, at + value))
}

/// A sentence that starts with a key and its value without a colon (`Tier 2`): only
/// the single-word keys, so prose is not read as metadata.
fn key_space(line: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = line.get(at..)?;
    let sp = rest.find(' ')?;
    let key = meta::meta_key(&rest[..sp])?;
    matches!(key, "tier" | "status" | "leverage").then_some((key, at + sp + 1))
}

mod form;
#[cfg(test)]
mod tests;
