//! A file's text and the arithmetic from byte spans to lines and columns.

use crate::model::Span;

/// One input's text, with a leading BOM removed (spans are relative to the text
/// without it, which is also what an editor shows).
#[derive(Debug)]
pub struct Source {
    /// The path as given on the command line or found by the walk (`-` for stdin).
    pub name: String,
    pub text: String,
    /// Built on first use: most charters have no finding, and so never need it.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// Lookups answered without `line_starts` so far; see [`Source::line_col`].
    direct_lookups: std::sync::atomic::AtomicUsize,
}

/// Lookups answered by counting line breaks before the index is built: a file with a
/// finding or two (each asked for its start, end and suppression) needs no index.
const DIRECT_LOOKUPS: usize = 8;

impl Source {
    pub fn new(name: impl Into<String>, mut text: String) -> Source {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Source {
            name: name.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
            direct_lookups: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(memchr_lines(&self.text));
            starts
        })
    }

    /// Clamp a span to the text and to character boundaries, so it can be sliced
    /// and handed to a renderer without risk.
    pub fn clamp(&self, span: Span) -> Span {
        let len = self.text.len();
        let mut start = span.start.min(len);
        let mut end = span.end.min(len).max(start);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    }

    /// The text under a span (clamped).
    pub fn slice(&self, span: Span) -> &str {
        let s = self.clamp(span);
        &self.text[s.start..s.end]
    }

    /// 1-based line and 1-based column in characters for a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(Span::empty(offset)).start;
        let (line, start) = match self.line_before_index(offset) {
            Some(found) => found,
            None => {
                let starts = self.line_starts();
                let line = match starts.binary_search(&offset) {
                    Ok(i) => i,
                    Err(i) => i - 1,
                };
                (line, starts[line])
            }
        };
        let col = self.text[start..offset]
            .chars()
            .filter(|&c| c != '\r')
            .count();
        (line + 1, col + 1)
    }

    /// The 0-based line of `offset` and the start of that line, counted with SIMD
    /// (cheaper than building the index) while the index is not built, for the first
    /// few lookups, and when no `\r` comes before `offset` (then every line ends with
    /// `\n`). `None`: use the index.
    fn line_before_index(&self, offset: usize) -> Option<(usize, usize)> {
        use std::sync::atomic::Ordering::Relaxed;
        if self.line_starts.get().is_some()
            || self.direct_lookups.fetch_add(1, Relaxed) >= DIRECT_LOOKUPS
        {
            return None;
        }
        let before = &self.text.as_bytes()[..offset];
        if memchr::memchr(b'\r', before).is_some() {
            return None;
        }
        let line = memchr::memchr_iter(b'\n', before).count();
        let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        Some((line, start))
    }

    /// Byte range of the 1-based line `line`, without its line ending.
    pub fn line_span(&self, line: usize) -> Span {
        let starts = self.line_starts();
        let i = line.saturating_sub(1).min(starts.len() - 1);
        let start = starts[i];
        let mut end = starts.get(i + 1).copied().unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }
}

/// Offsets just after each line ending (`\n`, `\r\n`, or a lone `\r`).
fn memchr_lines(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes).filter_map(move |i| match bytes[i] {
        b'\r' if bytes.get(i + 1) == Some(&b'\n') => None,
        _ => Some(i + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let s = Source::new("x", "ab\r\nçé x\nlast".to_string());
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(4), (2, 1));
        // 'x' after two 2-byte characters and a space
        assert_eq!(s.line_col(9), (2, 4));
        assert_eq!(s.line_col(s.text.len()), (3, 5));
        assert_eq!(s.line_span(1), Span::new(0, 2));
    }

    #[test]
    fn counted_lines_agree_with_the_index() {
        for text in [
            "",
            "a",
            "\n",
            "ab\nçé x\n\nlast",
            "a\r\nb\rc\n\r\rd",
            "x\ny\r",
            "\u{2028}é\nü\n",
        ] {
            let counted = Source::new("x", text.to_string());
            let indexed = Source::new("x", text.to_string());
            indexed.line_count();
            for offset in 0..=text.len() + 1 {
                // A fresh source for each offset: all answered without the index.
                let fresh = Source::new("x", text.to_string());
                assert_eq!(
                    fresh.line_col(offset),
                    indexed.line_col(offset),
                    "{text:?} at {offset}"
                );
                assert_eq!(
                    counted.line_col(offset),
                    indexed.line_col(offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn bom_is_removed_and_spans_clamped() {
        let s = Source::new("x", "\u{feff}é".to_string());
        assert_eq!(s.text, "é");
        assert_eq!(s.clamp(Span::new(1, 99)), Span::new(0, 2));
    }
}
