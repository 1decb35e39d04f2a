//! A term sheet (`super::super::sheet`) is turned, once it ends, into the sections its
//! keys open: a row whose key names a section other than the one open starts a
//! heading (the key, its span) and a table holding the row; a row whose key is a
//! field of the open section, or text, joins that section's table; a metadata row
//! ends the section before (the preamble reads it), as does a clause of the agreement
//! itself (`Governing law`), which no section reads. The key stays in each row, so
//! that it reads as the field it names (`Meetings`, `Pebblestone's commitments`).

use super::sections::UNDECIDED;
use super::Chunk;
use super::{Builder, Kind, RawSection};
use crate::model::{Span, Text};
use crate::parse::markdown::sheet::{self, Key};
use crate::parse::meta;
use crate::vocab::{strip_numbering, Lookup};

/// What a key names: a section (a phase is its timeline's), a metadata key, the
/// agreement's own boilerplate, or else.
pub(super) fn key<'v>(lookup: &Lookup<'v>, k: &str) -> Key<'v> {
    sheet::term_key(k, |k| match names_section(lookup, k) {
        Key::Other => match meta::meta_key(strip_numbering(k).trim_end_matches(':')) {
            Some(_) => Key::Meta,
            None => Key::Other,
        },
        key => key,
    })
}

/// The section a key opens (or that it is boilerplate, which opens none), else
/// `Other`: all that deciding whether a table is a term
/// sheet needs, without the metadata key reader, which costs more than the lookups.
pub(super) fn section_key<'v>(lookup: &Lookup<'v>, k: &str) -> Key<'v> {
    sheet::term_key(k, |k| names_section(lookup, k))
}

fn names_section<'v>(lookup: &Lookup<'v>, k: &str) -> Key<'v> {
    if lookup.vocab().is_boilerplate(k) {
        return Key::Boilerplate;
    }
    if let Some((s, _)) = lookup.heading_for(k) {
        return Key::Section(s);
    }
    if lookup.phase_for(k).is_some() {
        return Key::Section(TIMELINE);
    }
    Key::Other
}

/// The section phases belong to.
const TIMELINE: &str = "timeline";

impl Builder<'_> {
    /// The term sheet whose rows are `pool[start..end]` becomes the sections its keys
    /// open, at `level`.
    pub(super) fn term_sheet(&mut self, start: usize, end: usize, level: u8) {
        // The header (`Term | Provision`) names no field: each key does. A timeline
        // keeps it, as its rows stay a table.
        let (header, rows) = self.take_table(start, end);
        let lookup = self.lookup;
        // The section the rows go to: the one the table sits in until a key opens one.
        let mut run: Option<&str> = self
            .open
            .and_then(|i| self.out.sections.get(i))
            .map(|s| s.key);
        for row in &rows {
            let Kind::Row { cells, .. } = &row.kind else {
                continue;
            };
            let Some(k) = cells.first() else { continue };
            // A key that names another section opens it, as a sibling heading would;
            // a key that names the open one, or none, is its row.
            let opens = match key(lookup, &k.text) {
                Key::Meta | Key::Boilerplate => {
                    self.close_section();
                    run = None;
                    continue;
                }
                Key::Section(s) if run != Some(s) => Some(s),
                _ => None,
            };
            if let Some(s) = opens {
                // A key is never the charter's title.
                self.titled = true;
                self.close_section();
                let text = if s != TIMELINE && lookup.heading_for(&k.text).is_some() {
                    k.text.clone()
                } else {
                    // A phase opens its timeline, under the timeline's own title.
                    lookup.vocab().title(s)
                };
                self.heading(level, &text, k.span);
                run = self
                    .open
                    .and_then(|i| self.out.sections.get(i))
                    .map(|o| o.key);
            }
            if self.open.is_none() {
                continue;
            }
            // The key is a heading: the opening one the section's (read as its
            // field or phase when it is one), any other a sub-heading in it, as a
            // field or phase is written. Its value is the text under it, a clause
            // an item (`(a) For Clinicly: … (b) For Fenmore: …`).
            // A timeline keeps its rows: a phase per row, read as a timeline table is.
            if run == Some(TIMELINE) {
                if opens.is_some() {
                    self.table += 1;
                    if let Some(h) = &header {
                        self.push_row(h, usize::MAX);
                    }
                }
                self.push_row(row, usize::MAX);
                continue;
            }
            if opens.is_none() {
                let kind = Kind::Heading(level.saturating_add(1));
                self.push_text(kind, &k.text, k.span, true);
            }
            if let Some(v) = cells.get(1) {
                self.push_clauses(&v.text, v.span);
            }
        }
        // The charter goes on after the sheet (an execution block): what follows
        // belongs to no key, and its content decides what it is.
        self.close_section();
        self.out.sections.push(RawSection {
            key: UNDECIDED,
            heading: Text::new("", Span::empty(self.content_end)),
            level,
            span: Span::empty(self.content_end),
            body_start: self.content_end,
            blocks: self.out.len..self.out.len,
        });
        self.open = Some(self.out.sections.len() - 1);
    }
}

impl Builder<'_> {
    /// A value cell (plain `text`, its source at `span`) as blocks: one paragraph when
    /// it is one clause, else its lead-in a paragraph and each clause an item.
    fn push_clauses(&mut self, text: &str, span: Span) {
        let src = self.src.get(span.start..span.end).unwrap_or_default();
        let pieces = clauses(text);
        if pieces.len() < 2 {
            self.push_text(Kind::Para, text, span, true);
            return;
        }
        let mut from = 0;
        for (i, &(at, mark)) in pieces.iter().enumerate() {
            let end = pieces.get(i + 1).map_or(text.len(), |p| p.0);
            let piece = text.get(at + mark..end).unwrap_or_default().trim();
            // The same mark (`(b)`, `Fenmore`) in the source, from the last one on.
            let mark_text = text.get(at..at + mark.max(1)).unwrap_or_default().trim();
            let s = src
                .get(from..)
                .and_then(|r| r.find(mark_text))
                .map_or(from, |j| from + j);
            let next_src = pieces
                .get(i + 1)
                .and_then(|p| text.get(p.0..p.0 + p.1.max(1)))
                .and_then(|m| src.get(s + 1..)?.find(m.trim()).map(|j| s + 1 + j))
                .unwrap_or(src.len());
            let piece_span = Span::new(span.start + s, span.start + next_src.max(s));
            let piece_span = super::trim_end(self.src, piece_span);
            from = s;
            let kind = if i == 0 && mark == 0 {
                Kind::Para
            } else {
                Kind::Item {
                    depth: 0,
                    task: None,
                }
            };
            self.push_text(kind, piece, piece_span, false);
        }
    }

    fn push_text(&mut self, kind: Kind, text: &str, span: Span, whole: bool) {
        if text.is_empty() {
            return;
        }
        let pushed = self.push(kind, span);
        if let Some(b) = pushed.and_then(|i| self.out.pool.get_mut(i)) {
            b.text.push_str(text);
            b.full = span;
            b.chunks.push(Chunk {
                plain: 0,
                src: span.start,
                src_end: span.end,
                verbatim: whole && text.len() == span.len(),
            });
        }
        self.content_end = self.content_end.max(span.end);
    }
}

/// Where a cell's clauses start, and how long each one's mark is: `(a)`, `(ii)` (the
/// mark dropped from the text), or a sentence that starts with a short label and a
/// colon (`… Officer. Fenmore: Gareth Pell`, the label kept). A lead-in before the
/// first mark is a clause of its own with no mark. One clause is no split.
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0
            || b.get(i.wrapping_sub(1))
                .is_some_and(|c| c.is_ascii_whitespace());
        if boundary && b.get(i) == Some(&b'(') {
            let close = b
                .get(i + 1..)
                .and_then(|r| r.iter().take(5).position(|&c| c == b')'));
            if let Some(c) = close {
                let inner = text.get(i + 1..i + 1 + c).unwrap_or_default();
                if is_enumerator(inner) {
                    let mark = text.get(i..).map_or(0, |r| {
                        let after = c + 2;
                        after + (r.len() - after - r.get(after..).unwrap_or("").trim_start().len())
                    });
                    out.push((i, mark));
                    i += c + 2;
                    continue;
                }
            }
        }
        // `. Fenmore: …`: a sentence led by a label of a word or two.
        if b.get(i) == Some(&b'.') && b.get(i + 1) == Some(&b' ') {
            let rest = text.get(i + 2..).unwrap_or_default();
            if let Some(colon) = rest.find(':') {
                let label = rest.get(..colon).unwrap_or_default();
                let words = label.split_whitespace().count();
                if (1..=2).contains(&words)
                    && label.starts_with(|c: char| c.is_uppercase())
                    && !label.contains(['.', ',', ';', '('])
                {
                    out.push((i + 2, 0));
                }
            }
        }
        i += 1;
    }
    // A `Name: …` sentence split needs its first sentence to be led the same way.
    if out.iter().all(|&(_, m)| m == 0) {
        let first = text.find(':').map(|c| text.get(..c).unwrap_or_default());
        let led = first.is_some_and(|l| {
            (1..=2).contains(&l.split_whitespace().count()) && !l.contains(['.', ',', ';', '('])
        });
        if !led {
            return Vec::new();
        }
    }
    if out.first().is_some_and(|&(at, _)| at > 0) {
        out.insert(0, (0, 0));
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// `a`…`h` or a roman numeral up to `x`: a clause's number in a term sheet.
fn is_enumerator(inner: &str) -> bool {
    matches!(inner.len(), 1) && inner.bytes().all(|c| (b'a'..=b'h').contains(&c))
        || matches!(
            inner,
            "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x"
        )
}

#[cfg(test)]
mod tests {
    use super::clauses;

    fn split(text: &str) -> Vec<&str> {
        let c = clauses(text);
        c.iter()
            .enumerate()
            .map(|(i, &(at, mark))| {
                let end = c.get(i + 1).map_or(text.len(), |p| p.0);
                text[at + mark..end].trim()
            })
            .collect()
    }

    #[test]
    fn a_cell_splits_at_its_clause_marks_or_its_labelled_sentences() {
        assert_eq!(
            split("If: (a) fewer than 9; (b) below 20%."),
            ["If:", "fewer than 9;", "below 20%."]
        );
        assert_eq!(
            split("Clinicly: Amara Nwosu, COO. Fenmore: Gareth Pell, Director."),
            [
                "Clinicly: Amara Nwosu, COO.",
                "Fenmore: Gareth Pell, Director."
            ]
        );
        assert_eq!(
            split("Fortnightly working session; monthly steering."),
            [] as [&str; 0]
        );
        assert_eq!(split("Binding. The terms: confidential."), [] as [&str; 0]);
    }
}
