//! Finding spots in TOML text that the parser reports without a position.

use crate::model::Span;

/// The first key (bare or table header) with at least `min_dots` dots, from its start
/// to the dot that reaches the count. One pass over the bytes, skipping strings and
/// comments; runs only after the parser has reported the problem.
pub(super) fn long_dotted_key(text: &str, min_dots: usize) -> Option<Span> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut run: Option<usize> = None;
    let mut dots = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                run = None;
                dots = 0;
                continue;
            }
            b'"' | b'\'' => {
                // A quoted key part continues a key; a string value is skipped all the same.
                run.get_or_insert(i);
                i = skip_string(b, i);
                continue;
            }
            b'.' => {
                let start = *run.get_or_insert(i);
                dots += 1;
                if dots >= min_dots {
                    return Some(Span::new(start, i + 1));
                }
            }
            b' ' | b'\t' => {}
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                run.get_or_insert(i);
            }
            _ => {
                run = None;
                dots = 0;
            }
        }
        i += 1;
    }
    None
}

/// The offset just past the string opening at `i` (or the end of the text).
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let escapes = q == b'"';
    if b[i..].starts_with(&[q, q, q]) {
        let mut j = i + 3;
        while j < b.len() {
            if escapes && b[j] == b'\\' {
                j += 2;
            } else if b[j..].starts_with(&[q, q, q]) {
                // Up to two more quotes may close it: `""""""` ends a string holding `""`.
                let mut end = j + 3;
                while end < b.len() && end < j + 5 && b[end] == q {
                    end += 1;
                }
                return end;
            } else {
                j += 1;
            }
        }
        return b.len();
    }
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' if escapes => j += 2,
            b'\n' => return j,
            c if c == q => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_long_key_not_the_strings() {
        let key = ["a"; 6].join(".");
        let text = format!("x = \"a.b.c.d.e.f.g\" # h.i.j.k.l.m\ny = 1.5\n\"q\".{key} = 1\n");
        let at = text.find("\"q\"").unwrap();
        let span = long_dotted_key(&text, 6).unwrap();
        assert_eq!(span.start, at);
        assert_eq!(&text[span.start..span.end], "\"q\".a.a.a.a.a.");
        assert_eq!(long_dotted_key("a.b = '''x.y.z.w'''\n", 3), None);
        assert_eq!(long_dotted_key("s = \"\"\"a\\\"\"\"", 1), None);
    }
}
