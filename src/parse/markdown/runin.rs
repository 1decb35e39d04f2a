//! Clauses that open with a run-in heading, as memoranda write them: `**Section 6.1
//! Decision owners.** Corvane: Daniel Whitcomb, VP. RSU Extension: Dr. Amara Osei, …`
//! (the heading names what the labels after it are, one per side), or `**Section 6.3
//! Partner manager.** Lucia Ferrante (Corvane), dedicated.` (the heading is the label
//! of what follows). Each label is read with the heading before it, through the pack's
//! aliases and the sides' names, so the words stay the pack's.

use super::blocks::{Block, Kind};
use super::label::{clause_number, field_of, Reader};
use crate::model::{Field, Span, Text};

/// A run-in heading is a few words.
const MAX_HEAD_WORDS: usize = 5;
/// A label after it is a side's name, perhaps with a word or two.
const MAX_LABEL_WORDS: usize = 4;

/// Where the first full stop followed by a blank is in `text`, found from the stop:
/// a substring search costs more to set up than most paragraphs take to scan.
pub(super) fn full_stop(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr_iter(b'.', b).find(|&i| b.get(i + 1) == Some(&b' '))
}

/// The fields a paragraph opening with a run-in heading states in `section`, or
/// `None` when it does not open with one or its heading and labels name no field.
pub fn fields(rd: &Reader, section: &str, b: &Block) -> Option<Vec<Field>> {
    if !matches!(b.kind, Kind::Para) {
        return None;
    }
    let text = b.text.as_str();
    let from = clause_number(text);
    let stop = full_stop(text.get(from..)?)? + from;
    let head = text.get(from..stop)?.trim();
    let words = head.split_whitespace().count();
    if words == 0 || words > MAX_HEAD_WORDS || head.contains(':') {
        return None;
    }
    let body = stop + 2;
    let end_at = |end: usize| {
        if end >= text.len() {
            b.span.end
        } else {
            b.source_offset(end)
        }
    };
    let mut out: Vec<Field> = Vec::new();
    let mut label = String::new();
    for (start, end) in pieces(text, body) {
        let piece = text.get(start..end).unwrap_or_default();
        let named = piece.split_once(':').and_then(|(name, _)| {
            let n = name.split_whitespace().count();
            if n == 0 || n > MAX_LABEL_WORDS {
                return None;
            }
            label.clear();
            label.push_str(head);
            label.push(' ');
            label.push_str(name.trim());
            Some((name, field_of(rd, section, &label)?))
        });
        match (named, out.last_mut()) {
            (Some((name, key)), _) => {
                let colon = start + name.len();
                let after = text.get(colon + 1..end).unwrap_or_default();
                let vstart = colon + 1 + (after.len() - after.trim_start().len());
                let lead = start + (name.len() - name.trim_start().len());
                out.push(Field {
                    key: key.to_string(),
                    label: Text::new(
                        name.trim(),
                        Span::new(b.source_offset(lead), b.source_offset(colon)),
                    ),
                    value: Text::new(
                        after.trim(),
                        Span::new(b.source_offset(vstart).min(end_at(end)), end_at(end)),
                    ),
                });
            }
            // A sentence with no label of its own continues the value before it
            // (`Dr. Amara Osei` is cut after `Dr.`).
            (None, Some(f)) => {
                f.value.text.push(' ');
                f.value.text.push_str(piece.trim());
                f.value.span = Span::new(f.value.span.start, end_at(end));
            }
            (None, None) => {}
        }
    }
    if out.is_empty() {
        // A heading set off in bold that alone names a field: what follows it is the
        // value. Unmarked, a short first sentence is prose (`I decide for Hightide.`).
        if !set_off(rd.src, b.source_offset(stop)) {
            return None;
        }
        let key = field_of(rd, section, head)?;
        let lead = from + (text.get(from..)?.len() - text.get(from..)?.trim_start().len());
        out.push(Field {
            key: key.to_string(),
            label: Text::new(
                head,
                Span::new(b.source_offset(lead), b.source_offset(stop)),
            ),
            value: Text::new(
                text.get(body..).unwrap_or_default().trim(),
                Span::new(b.source_offset(body).min(b.span.end), b.span.end),
            ),
        });
    }
    Some(out)
}

/// Whether the heading's closing `.` at source offset `dot` is inside or just before
/// the end of emphasis (`**Partner manager.**`, `**Partner manager**.`).
fn set_off(src: &str, dot: usize) -> bool {
    let after = src.get(dot + 1..).unwrap_or_default();
    let before = src.get(..dot).unwrap_or_default();
    after.starts_with(['*', '_']) || before.ends_with(['*', '_'])
}

/// The sentences of `text` from byte `from`: cut after `. ` before a capital.
fn pieces(text: &str, from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    let bytes = text.as_bytes();
    for i in from..bytes.len() {
        let cut = bytes.get(i) == Some(&b'.')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase);
        if cut && i > start {
            out.push((start, i + 1));
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests;
