//! Metadata as an issue form writes it: each key a heading, its value the paragraph
//! under it (`### Tier` / blank / `2 - Partnership`), a multiple choice as a checklist
//! (`- [x] Economic`), and a field left empty as `_No response_`.

use super::set;
use crate::model::{Meta, Span, Text};
use crate::parse::meta;

/// The longest value read as a field, in words: a heading that names a key with a
/// paragraph of prose under it is a section about that thing, not a form field.
const MAX_WORDS: usize = 12;

/// What a form prints for a field left empty.
const EMPTY: &str = "_No response_";

/// Read `seg` (at byte `base` of the source), the text under a heading that names
/// metadata key `key`, as that key's value; 1 when it was set.
pub(super) fn field(seg: &str, base: usize, key: &'static str, meta: &mut Meta) -> usize {
    let mut lines = Vec::new();
    let mut at = 0;
    for raw in seg.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let t = line.trim();
        if t.is_empty() {
            if !lines.is_empty() {
                break;
            }
        } else {
            let start = base + at + (line.len() - line.trim_start().len());
            lines.push(Text::new(t, Span::new(start, start + t.len())));
        }
        at += raw.len();
    }
    if key == "leverage" {
        return choices(lines, meta);
    }
    match lines.as_slice() {
        [one] if one.text != EMPTY && one.text.split_whitespace().count() <= MAX_WORDS => {
            set(meta, key, &one.text, one.span)
        }
        _ => 0,
    }
}

/// Leverage as a checklist (the ticked boxes), a list, or one line.
fn choices(lines: Vec<Text>, meta: &mut Meta) -> usize {
    if meta::is_set(meta, "leverage") {
        return 0;
    }
    let mut values = Vec::new();
    for line in &lines {
        let Some(item) = line.text.strip_prefix(['-', '*', '+']) else {
            values.push(line.clone());
            continue;
        };
        let text = match checkbox(item) {
            Some((true, rest)) => rest,
            Some((false, _)) => continue,
            None => item.trim(),
        };
        let start = line.span.start + (line.text.len() - text.len());
        values.push(Text::new(text, Span::new(start, start + text.len())));
    }
    values.retain(|v| !v.text.is_empty() && v.text != EMPTY);
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return 0;
    };
    if values.is_empty() {
        return 0;
    }
    meta.leverage_span = Some(first.span.join(last.span));
    meta.leverage = meta::leverages(values);
    1
}

/// `[x] Economic` → (true, `Economic`), `[ ] Requirement` → (false, …).
fn checkbox(item: &str) -> Option<(bool, &str)> {
    let rest = item.trim_start().strip_prefix('[')?;
    let (mark, rest) = rest.split_once(']')?;
    let ticked = match mark {
        "x" | "X" => true,
        " " | "" => false,
        _ => return None,
    };
    Some((ticked, rest.trim()))
}
