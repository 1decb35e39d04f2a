//! Attribute lists as pandoc, kramdown and MkDocs write them: at the end of a heading
//! (`# Goals {#goals .unnumbered}`) and after a bracketed span
//! (`[Quillfeather]{.underline}`, as `pandoc -t markdown` writes an underlined run of a
//! Word document). To CommonMark they are text, and a label such as
//! `[Acme]{.underline}:` names no side. They are blanked to spaces in a copy of the
//! body, byte for byte, so that every offset stays the source's. (pulldown-cmark's own
//! heading attributes are not used: with lone `\r` line endings they join the next line
//! to the heading.)

/// The body with each attribute list (and a span's brackets) blanked, or `None` when it
/// has none (the usual case, found with one search).
pub(super) fn blank(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    for brace in memchr::memchr_iter(b'{', bytes) {
        let Some(attrs) = bytes.get(brace..).and_then(attributes_len) else {
            continue;
        };
        let after = bytes.get(brace + attrs..).unwrap_or_default();
        let line_end = after
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(after.len());
        let ends_line = after[..line_end].iter().all(|&b| b == b' ' || b == b'\t');
        let spaced = brace > 0 && matches!(bytes[brace - 1], b' ' | b'\t');
        if ends_line && spaced {
            // `… {#id}` closing a line: a heading's attributes.
            out.get_or_insert_with(|| bytes.to_vec())[brace..brace + attrs].fill(b' ');
            continue;
        }
        let Some(close) = brace.checked_sub(1).filter(|&c| bytes[c] == b']') else {
            continue;
        };
        let line_start = memchr::memrchr2(b'\n', b'\r', &bytes[..close]).map_or(0, |i| i + 1);
        let Some(open) = memchr::memrchr2(b'[', b']', &bytes[line_start..close])
            .map(|i| line_start + i)
            .filter(|&i| bytes[i] == b'[')
        else {
            continue;
        };
        let out = out.get_or_insert_with(|| bytes.to_vec());
        out[open] = b' ';
        out[close..brace + attrs].fill(b' ');
    }
    // Only ASCII bytes were replaced by ASCII spaces: still UTF-8.
    String::from_utf8(out?).ok()
}

/// The length of a pandoc attribute list at the start of `s` (`{.underline}`,
/// `{#intro .note lang=fr}`, `{-}`, kramdown's `{: #id}`), on one line; `None` for
/// other braces (`{partner}`).
fn attributes_len(s: &[u8]) -> Option<usize> {
    let end = s
        .iter()
        .take(200)
        .position(|&b| matches!(b, b'}' | b'\n' | b'\r'))?;
    if s.get(end) != Some(&b'}') {
        return None;
    }
    let inner = s.get(1..end)?;
    let first = inner.iter().find(|b| !b.is_ascii_whitespace())?;
    (matches!(first, b'.' | b'#' | b'-' | b':') || inner.contains(&b'=')).then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::blank;

    #[test]
    fn spans_lose_their_brackets_and_attributes_and_keep_their_length() {
        let body = "[Quillfeather]{.underline}: card payments\n[x]{#a .b k=v} and [y]{-}\n";
        let out = blank(body).unwrap();
        assert_eq!(out.len(), body.len());
        assert_eq!(
            out,
            " Quillfeather             : card payments\n x             and  y    \n"
        );
    }

    #[test]
    fn a_heading_loses_its_attributes() {
        let body = "# 1. Goals {#goals .unnumbered}\r## Exit {: #exit}  \nGoals {-}\n=====\n";
        let out = blank(body).unwrap();
        assert_eq!(out.len(), body.len());
        assert_eq!(
            out,
            "# 1. Goals                     \r## Exit            \nGoals    \n=====\n"
        );
    }

    #[test]
    fn other_braces_and_plain_text_are_left_alone() {
        assert_eq!(blank("no spans here"), None);
        assert_eq!(
            blank("[label]{partner} and a]{.x} with no bracket {#x} mid-line\n"),
            None
        );
        // The opening bracket is on the same line.
        assert_eq!(blank("[a\nb]{.x}\n"), None);
        // Braces glued to a word at a line's end are not attributes.
        assert_eq!(blank("a template{#x}\n"), None);
    }
}
