//! Source ranges as pulldown-cmark gives them, narrowed to the text they hold.

use crate::model::Span;

/// Drop trailing whitespace from a span (ranges often include the line ending).
pub fn trim_end(src: &str, span: Span) -> Span {
    let bytes = src.as_bytes();
    let mut end = span.end.min(bytes.len());
    while end > span.start && bytes.get(end - 1).is_some_and(|b| b.is_ascii_whitespace()) {
        end -= 1;
    }
    Span::new(span.start.min(end), end)
}

/// A cell's range without the padding and pipes around its text.
pub(super) fn trim_cell(src: &str, span: Span) -> Span {
    let bytes = src.as_bytes();
    let mut start = span.start;
    let mut end = span.end.min(bytes.len());
    while start < end
        && bytes
            .get(start)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'|'))
    {
        start += 1;
    }
    while end > start
        && bytes
            .get(end - 1)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'|' | b'\r' | b'\n'))
    {
        end -= 1;
    }
    Span::new(start, end)
}

/// Where a list item's content starts: after its marker (`-`, `1.`) and task box.
pub(super) fn item_content_start(src: &str, item: Span) -> usize {
    let bytes = src.as_bytes();
    let end = item.end.min(bytes.len());
    let mut i = item.start.min(end);
    while i < end && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if i < end && matches!(bytes[i], b'-' | b'*' | b'+' | b'.' | b')') {
        i += 1;
    }
    while i < end && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    if i + 3 <= end
        && bytes[i] == b'['
        && bytes[i + 2] == b']'
        && matches!(bytes[i + 1], b' ' | b'x' | b'X')
    {
        i += 3;
        while i < end && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
    }
    // Only ASCII was skipped, so `i` is a char boundary.
    i
}
