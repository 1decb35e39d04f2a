//! Dates found in free text: a timeline cell or line such as `2026-01-05 → 2026-03-31`.

use crate::model::{Span, Text};

/// ISO-date-like tokens (`\d{4}-\d{1,2}-\d{1,2}`, not inside a longer number) in the
/// source under `span`, each with its own span, left to right. Impossible dates are
/// kept: a rule reports them.
pub fn dates(src: &str, span: Span) -> Dates<'_> {
    Dates {
        s: src.get(span.start..span.end).unwrap_or_default(),
        base: span.start,
        from: 0,
    }
}

/// The iterator of [`dates`]: it jumps from one `-` to the next (every date has one
/// four bytes in), so text without dashes costs one vectorised search.
pub struct Dates<'s> {
    s: &'s str,
    base: usize,
    /// Where the next date may start (the end of the last one).
    from: usize,
}

impl Iterator for Dates<'_> {
    type Item = Text;

    fn next(&mut self) -> Option<Text> {
        let b = self.s.as_bytes();
        let mut dash = self.from + 4;
        loop {
            dash += memchr::memchr(b'-', b.get(dash..)?)?;
            let at = dash - 4;
            if let Some(end) = date_at(b, at) {
                self.from = end;
                return Some(Text::new(
                    &self.s[at..end],
                    Span::new(self.base + at, self.base + end),
                ));
            }
            dash += 1;
        }
    }
}

/// The end of the date that starts at `i` (its year's first digit), if one does.
fn date_at(b: &[u8], i: usize) -> Option<usize> {
    let digit = |at: usize| b.get(at).is_some_and(u8::is_ascii_digit);
    // Up to `max` digits from `from`, when there are at least `min`.
    let digits = |from: usize, min: usize, max: usize| {
        let n = (0..max).take_while(|k| digit(from + k)).count();
        (n >= min).then_some(n)
    };
    // A date is at least `2026-1-1`: eight bytes.
    if i + 8 > b.len() || (i > 0 && digit(i - 1)) || digits(i, 4, 4).is_none() {
        return None;
    }
    let m = digits(i + 5, 1, 2)?;
    if b.get(i + 5 + m) != Some(&b'-') {
        return None;
    }
    let d = digits(i + 6 + m, 1, 2)?;
    let end = i + 6 + m + d;
    (!digit(end)).then_some(end)
}
