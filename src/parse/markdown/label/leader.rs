//! Where a label ends and its value starts: a colon, or a leader as plain text lines
//! up its fields. The metadata reader's property lines use the same leaders.

use super::MAX_LABEL_BYTES;

/// Where a label ends and its value starts in `text`, as (end of the name, start of
/// what follows the separator): the first colon within a label's length that is no
/// time, ratio or address (`08:30`, `3:1`, `https://`), or a leader before it, as
/// plain text lines up its fields (`Escalation ........ to the MDs`). Both are ASCII,
/// so the offsets are char boundaries.
pub(in crate::parse::markdown) fn separator(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let head = b.get(..=MAX_LABEL_BYTES).unwrap_or(b);
    let digit = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_digit);
    let colon = memchr::memchr_iter(b':', head).find(|&i| {
        let inside_number = digit(i.checked_sub(1)) && digit(Some(i + 1));
        !inside_number && !b.get(i + 1..).is_some_and(|r| r.starts_with(b"//"))
    });
    let upto = colon.unwrap_or(head.len());
    match text.get(..upto).and_then(|h| leader(h, false)) {
        Some((start, value)) => Some((start, value)),
        None => colon.map(|c| (c, c + 1 + dataview(&b[c + 1..]))),
    }
}

/// 1 when a colon is the second of Dataview's `key:: value` (Obsidian's inline
/// fields), which is part of the separator and not of the value; 0 otherwise.
pub(in crate::parse::markdown) fn dataview(after_colon: &[u8]) -> usize {
    usize::from(after_colon.first() == Some(&b':'))
}

/// The first leader between a key and its value in `line`: its start and where the
/// value starts. A leader is a blank then a run of dots, underscores or ellipses
/// (`Tier ........ 2`, `Tier ____ 2`). `loose`, for the property lines of a
/// preamble, also takes a tab, two blanks or more, two dots, or a lone ellipsis
/// (`Tier<TAB>2`, `Tier    2`, `Tier … 2`); in a section, where prose may hold
/// those and a spaced `...`, a run of four or more followed by a blank is asked for.
pub(in crate::parse::markdown) fn leader(line: &str, loose: bool) -> Option<(usize, usize)> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let b = line.as_bytes();
    let dot = |i: usize| matches!(b.get(i), Some(b'.' | b'_'));
    let blank = |i: usize| matches!(b.get(i), Some(b' ' | b'\t'));
    let ellipsis = |i: usize| b.get(i..).is_some_and(|r| r.starts_with(ELLIPSIS));
    let start = if loose {
        (0..b.len()).find(|&i| {
            b[i] == b'\t'
                || (blank(i) && (blank(i + 1) || (dot(i + 1) && dot(i + 2))))
                || ellipsis(i)
        })?
    } else {
        memchr::memchr3_iter(b'.', b'_', ELLIPSIS[0], b).find_map(|p| {
            let at = p.checked_sub(1).filter(|&a| blank(a))?;
            let (mut i, mut run) = (p, 0);
            loop {
                if dot(i) {
                    i += 1;
                } else if ellipsis(i) {
                    i += ELLIPSIS.len();
                } else {
                    break;
                }
                run += 1;
            }
            (run >= 4 && (i == b.len() || blank(i))).then_some(at)
        })?
    };
    let value = line[start..].trim_start_matches([' ', '\t', '.', '_', '…']);
    Some((start, line.len() - value.len()))
}
