//! Whether a piece of a target matches what the pattern asks for, once what it is told
//! to leave out (`ignore-words`, `ignore-clause`, `ignore`) is blanked.

use super::Pattern;

impl Pattern {
    /// Whether `ignore` may match in `text`: it holds one of `ignore-when`, or there
    /// are none.
    pub(super) fn may_ignore(&self, text: &str) -> bool {
        let b = text.as_bytes();
        self.ignore_when.is_empty() || self.ignore_when.iter().any(|w| w.is_in(b))
    }

    /// Whether one segment matches `must-match`, `words` or `numbers`, read without
    /// what `ignore-words` and `ignore-clause` blank in it, and then without what
    /// `ignore` matches: that is looked for only in a text that matches as written,
    /// and the text read again only when it was there.
    pub(super) fn matches(&self, seg: &str) -> bool {
        let mut blanks = Vec::new();
        if let Some((w, n_words)) = &self.ignore {
            w.each_match_of(seg, |a, b, i| {
                blanks.push(if i < *n_words {
                    (a, b)
                } else {
                    clause(seg, a, b)
                });
            });
        }
        let masked;
        let piece = match blanks.as_slice() {
            [] => seg,
            _ => {
                // Spaces over whole ASCII matches and clauses cut at ASCII bytes keep the
                // text valid UTF-8 and every word apart.
                let mut bytes = seg.as_bytes().to_vec();
                for &(a, b) in &blanks {
                    bytes[a..b].fill(b' ');
                }
                masked = String::from_utf8(bytes).unwrap_or_default();
                masked.as_str()
            }
        };
        let found = |text: &str| {
            self.words.as_ref().is_some_and(|w| w.is_match(text))
                || self.wanted.iter().any(|w| w.is_match(text))
                || self.numbers.any_in(text)
        };
        found(piece)
            && match self
                .ignore_regex
                .as_ref()
                .filter(|_| self.may_ignore(piece))
                .map(|re| blank(re.get(), piece))
            {
                Some(std::borrow::Cow::Owned(kept)) => found(&kept),
                _ => true,
            }
    }
}

/// `text` with what `re` matches replaced by spaces (a copy only when it matches).
pub(super) fn blank<'a>(
    re: &regex_automata::meta::Regex,
    text: &'a str,
) -> std::borrow::Cow<'a, str> {
    let mut out: Option<String> = None;
    let mut last = 0;
    for m in re.find_iter(text) {
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(&text[last..m.start()]);
        o.extend(std::iter::repeat_n(' ', m.end() - m.start()));
        last = m.end();
    }
    match out {
        Some(mut o) => {
            o.push_str(&text[last..]);
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The clause of `text` around `a..b`: from after the comma, semicolon, full stop or
/// line break before it to the one after it.
fn clause(text: &str, a: usize, b: usize) -> (usize, usize) {
    let stop = |c: &u8| matches!(c, b',' | b';' | b'.' | b'\n' | b'\r');
    let h = text.as_bytes();
    let start = h[..a].iter().rposition(stop).map_or(0, |i| i + 1);
    let end = h[b..].iter().position(stop).map_or(h.len(), |i| b + i);
    (start, end)
}
