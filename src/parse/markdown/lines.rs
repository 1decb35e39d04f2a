//! One paragraph, several labels: `**Keel gives:** …⏎**Orbital gives:** …` written
//! with soft or hard line breaks is one Markdown paragraph, but each line is a label
//! of its own. Such a block is cut at the breaks before a label into one block per
//! labelled line, each with its own spans, and read as if written that way.

use super::blocks::{Block, Chunk, Kind};
use super::label::{Label, Reader};
use crate::model::Span;

/// The block cut into one block per labelled line, or `None` when no line after the
/// first starts with a label (nearly every block: then nothing is allocated).
///
/// A line counts as labelled when its label is set off (`**Orbital gives:**`),
/// names a field of the section, or the block's first line is a label too: wrapped
/// prose that happens to put `risk: …` at a line start is not cut.
pub fn labelled_lines(rd: &Reader, section: &str, b: &Block) -> Option<Vec<Block>> {
    if !matches!(b.kind, Kind::Para | Kind::Item { .. }) {
        return None;
    }
    let mut cuts: Vec<(usize, usize, usize)> = Vec::new();
    // Lines that start a sentence of their own after one that ended: in a block of
    // labelled lines, a line of its own, not more of the label's value
    // (`Pebblecrest: you (Martina Osei).⏎Working call every Tuesday.`).
    let mut sentences = 0;
    let mut first_is_label: Option<bool> = None;
    for (k, c) in b.chunks.iter().enumerate() {
        if !is_break(rd.src, b, c) {
            continue;
        }
        let next_plain = c.plain + 1;
        let next_src = b
            .chunks
            .get(k + 1)
            .map_or(c.src_end, |n| n.src)
            .min(rd.src.len());
        let line = b.text.get(next_plain..).unwrap_or_default();
        let Some(name) = label_name(line) else {
            if starts_sentence(b.text.get(..c.plain).unwrap_or_default(), line) {
                cuts.push((c.plain, next_plain, c.src));
                sentences += 1;
            }
            continue;
        };
        let set_off = starts_emphasis(rd.src, next_src);
        // In a timeline, a phase's parts (`Dates:`, `Go/No-Go:`) are its fields.
        let names_field = || {
            rd.lookup.field_for(section, name).is_some()
                || (section == "timeline" && rd.lookup.phase_part_for(name).is_some())
        };
        let first = *first_is_label.get_or_insert_with(|| Label::of(b).is_some());
        if set_off || first || names_field() {
            cuts.push((c.plain, next_plain, c.src));
        }
    }
    if cuts.len() == sentences {
        return None;
    }
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for &(end, next, src_end) in &cuts {
        pieces.push(piece(b, from, end, Some(src_end)));
        from = next;
    }
    pieces.push(piece(b, from, b.text.len(), None));
    Some(pieces)
}

/// Whether chunk `c` is a soft or hard line break: one space of plain text for a
/// source range that holds a line ending.
fn is_break(src: &str, b: &Block, c: &Chunk) -> bool {
    !c.verbatim
        && b.text.get(c.plain..c.plain + 1) == Some(" ")
        && src
            .as_bytes()
            .get(c.src..c.src_end)
            .is_some_and(|s| s.iter().any(|&x| x == b'\n' || x == b'\r'))
}

/// The label a line starts with, if it looks like one (see [`Label::of`]).
fn label_name(line: &str) -> Option<&str> {
    let colon = memchr::memchr(b':', line.as_bytes().get(..=120).unwrap_or(line.as_bytes()))?;
    let name = line.get(..colon)?.trim();
    (crate::model::has_words(name) && !super::label::too_many_words(name)).then_some(name)
}

/// Whether `line` starts a sentence after `before` ended one: a full stop, `!` or `?`
/// at the line's end and a capital letter after it.
fn starts_sentence(before: &str, line: &str) -> bool {
    before.trim_end().ends_with(['.', '!', '?'])
        && line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether the source at `at` (after blanks) opens emphasis: `**`, `__`, `*`, `_`.
fn starts_emphasis(src: &str, at: usize) -> bool {
    let rest = src.as_bytes().get(at..).unwrap_or_default();
    let rest = &rest[rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count()..];
    matches!(rest.first(), Some(b'*' | b'_'))
}

/// The part of `b` from plain offset `from` to `end`, as a block of its own; it ends
/// in the source at `src_end` (the line break), or with the block for the last line.
fn piece(b: &Block, from: usize, end: usize, src_end: Option<usize>) -> Block {
    let last = src_end.is_none();
    let text = b.text.get(from..end).unwrap_or_default();
    let start = if from == 0 {
        b.span.start
    } else {
        b.source_offset(from)
    };
    let stop = src_end.unwrap_or(b.span.end);
    let span = Span::new(start, stop.max(start));
    let chunks = b
        .chunks
        .iter()
        .filter(|c| c.plain >= from && c.plain < end.max(from + 1))
        .map(|c| Chunk {
            plain: c.plain - from,
            ..*c
        })
        .collect();
    let kind = match &b.kind {
        Kind::Item { depth, task } => Kind::Item {
            depth: *depth,
            task: *task,
        },
        _ => Kind::Para,
    };
    Block {
        kind,
        text: text.to_string(),
        span,
        full: if last {
            Span::new(start, b.full.end)
        } else {
            span
        },
        chunks,
    }
}

#[cfg(test)]
mod tests;
