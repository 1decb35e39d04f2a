//! One paragraph, several labels: `**Keel gives:** …⏎**Orbital gives:** …` written
//! with soft or hard line breaks is one Markdown paragraph, but each line is a label
//! of its own. Such a block is cut at the breaks before a label into one block per
//! labelled line, each with its own spans, and read as if written that way.
//!
//! The same goes for a label that opens a sentence inside a line (`**For us:**
//! Objective 1. **For the partner:** Objective 2.`, `… the whole of 2027. Tollgate
//! gives: the engineering …`): a memo runs its labels on in one paragraph.

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
    let mut bold_lines: Option<bool> = None;
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
        let set_off = starts_emphasis(rd.src, next_src);
        // `**Lumarq wins** → …⏎**Vesterbro wins** → …`: lines that each open with
        // bold text are a list written without bullets, labelled or not.
        if starts_emphasis(rd.src, c.src_end)
            && *bold_lines.get_or_insert_with(|| starts_emphasis(rd.src, b.span.start))
        {
            cuts.push((c.plain, next_plain, c.src));
            continue;
        }
        let Some(name) = label_name(line) else {
            if starts_sentence(b.text.get(..c.plain).unwrap_or_default(), line) {
                cuts.push((c.plain, next_plain, c.src));
                sentences += 1;
            }
            continue;
        };
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
    // Cuts only at sentences leave the block as written: no label after its first line.
    let line_labels = cuts.len() - sentences;
    let mid_labels = sentence_cuts(rd, section, b, &mut first_is_label, &mut cuts);
    if line_labels == 0 && !mid_labels {
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

/// The paragraph cut at every line break, one block per line, or `None` when it has
/// one line. Under the signatures heading each line of a paragraph is a signer of its
/// own (`Anders Kjær, CEO, Lumarq ApS — signed 9 Feb 2027⏎Mette Rask, CEO, …`).
pub fn every_line(rd: &Reader, b: &Block) -> Option<Vec<Block>> {
    if !matches!(b.kind, Kind::Para) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for c in &b.chunks {
        if is_break(rd.src, b, c) {
            pieces.push(piece(b, from, c.plain, Some(c.src)));
            from = c.plain + 1;
        }
    }
    if pieces.is_empty() {
        return None;
    }
    pieces.push(piece(b, from, b.text.len(), None));
    Some(pieces)
}

/// Add the cuts before labels that open a sentence inside a line, in text order;
/// whether it added any.
/// Such a label is cut off when it names a field of the section, or is set off
/// (`**For the partner:**`) in a block whose first line is a label too; only where
/// the plain text maps to the source byte for byte, so the pieces keep their spans.
fn sentence_cuts(
    rd: &Reader,
    section: &str,
    b: &Block,
    first_is_label: &mut Option<bool>,
    cuts: &mut Vec<(usize, usize, usize)>,
) -> bool {
    let text = b.text.as_bytes();
    let Some(last) = b.chunks.last() else {
        return false;
    };
    // Past the last chunk nothing is mapped.
    let mapped = text.len().min(last.plain + (last.src_end - last.src));
    let before = cuts.len();
    for i in memchr::memchr3_iter(b'.', b'?', b'!', text.get(..mapped).unwrap_or_default()) {
        let next = i + 2;
        if text.get(i + 1) != Some(&b' ') || !text.get(next).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let Some(at) = source_at(b, next) else {
            continue;
        };
        let line = b.text.get(next..).unwrap_or_default();
        let Some(name) = label_name(line) else {
            continue;
        };
        let set_off = at
            .checked_sub(1)
            .and_then(|p| rd.src.as_bytes().get(p))
            .is_some_and(|c| matches!(c, b'*' | b'_'));
        let mut first = || *first_is_label.get_or_insert_with(|| Label::of(b).is_some());
        // Unmarked, a name with asides between commas is a sentence that runs on to a
        // colon (`Corbel, honestly, loses nothing really: …`), not a label; one comma
        // may end a leading clause (`If it fails, Keel loses:`).
        // A role over both sides (`Executive sponsors: Fernhill's CRO and Ostrava's
        // VP EMEA`) is a label too.
        let plain_label = || {
            let field = |l: &str| super::label::field_of(rd, section, l);
            memchr::memchr_iter(b',', name.as_bytes()).nth(1).is_none()
                && (field(name).is_some() || super::sided::is_role(rd.lookup.names(), name, field))
        };
        if (set_off && first()) || plain_label() {
            // The previous piece ends after its full stop, where the markup closes.
            let end = source_at(b, i + 1).unwrap_or(at);
            cuts.push((i + 1, next, end));
        }
    }
    let added = cuts.len() > before;
    if added && before > 0 {
        // A full stop before a line break is cut once.
        cuts.sort_unstable_by_key(|c| c.1);
        cuts.dedup_by_key(|c| c.1);
    }
    added
}

/// The source offset of plain offset `at` when a chunk maps it exactly: it starts a
/// chunk, or lies inside a chunk whose text is the source byte for byte.
fn source_at(b: &Block, at: usize) -> Option<usize> {
    let idx = b.chunks.partition_point(|c| c.plain <= at);
    let c = b.chunks.get(idx.checked_sub(1)?)?;
    if at == c.plain {
        return Some(c.src);
    }
    (c.verbatim && at - c.plain <= c.src_end - c.src).then(|| c.src + (at - c.plain))
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

/// The label a line starts with, if it looks like one (see [`Label::of`]). A sentence
/// that ends before the colon is wrapped text, not a label (`(Director, Ostrava).
/// Executive sponsors: …`): a label that follows it opens a sentence inside the line,
/// which [`sentence_cuts`] reads.
fn label_name(line: &str) -> Option<&str> {
    let (end, _) = super::label::separator(line)?;
    let name = line.get(..end)?.trim();
    let ends_sentence = memchr::memchr3_iter(b'.', b'?', b'!', name.as_bytes())
        .any(|i| name.as_bytes().get(i + 1) == Some(&b' '));
    (crate::model::has_words(name) && !super::label::too_many_words(name) && !ends_sentence)
        .then_some(name)
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
    // A piece cut inside a chunk (after a full stop) starts with the chunk's rest.
    let chunks = b
        .chunks
        .iter()
        .enumerate()
        .filter(|&(k, c)| {
            let inside =
                c.plain < from && b.chunks.get(k + 1).is_none_or(|n| n.plain > from) && c.verbatim;
            (c.plain >= from || inside) && c.plain < end.max(from + 1)
        })
        .map(|(_, c)| match from.checked_sub(c.plain) {
            Some(d) if d > 0 => Chunk {
                plain: 0,
                src: (c.src + d).min(c.src_end),
                ..*c
            },
            _ => Chunk {
                plain: c.plain - from,
                ..*c
            },
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
