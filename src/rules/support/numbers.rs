//! Numbers in messages, and percentages read from a text.

use super::bytes::next_in_range;

/// A number for a message: `20`, `12.5`.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Percentages written in a text: `≥ 20%`, `20 %`, `20 percent`, `12.5 per cent`.
#[derive(Debug)]
pub(crate) struct Percentages;

/// What [`Percentages::max`] finds, as a regex: kept for the test that holds the two
/// together.
#[cfg(test)]
const PERCENTAGE: &str = r"(?i-u)[0-9]+(?:[.,][0-9]+)?\s*(?:%|percent(?-u:\b)|per\s+cent(?-u:\b))";

impl Percentages {
    pub(crate) fn new() -> Result<Percentages, String> {
        Ok(Percentages)
    }

    /// The largest percentage in the text, if it states any.
    ///
    /// The matches of `PERCENTAGE` (leftmost first, not overlapping), read by hand: a
    /// regex search costs more in set-up per text than this whole scan. A match takes
    /// the whole run of digits it starts in (what could follow a shorter run is a
    /// digit, which nothing in the pattern accepts), so when none starts at the
    /// first digit of a run, none starts inside it either.
    pub(crate) fn max(&self, text: &str) -> Option<f64> {
        let b = text.as_bytes();
        let digits_end =
            |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut best: Option<f64> = None;
        let mut i = 0;
        loop {
            i = next_digit(b, i);
            if i >= b.len() {
                break;
            }
            let int_end = digits_end(i);
            // `(?:[.,][0-9]+)?` is greedy: with the fraction first, then without.
            let frac_end = match b.get(int_end) {
                Some(b'.' | b',') if b.get(int_end + 1).is_some_and(u8::is_ascii_digit) => {
                    Some(digits_end(int_end + 1))
                }
                _ => None,
            };
            let found = frac_end
                .and_then(|e| unit_end(b, e).map(|end| (e, end)))
                .or_else(|| unit_end(b, int_end).map(|end| (int_end, end)));
            let Some((number_end, end)) = found else {
                i = int_end;
                continue;
            };
            if let Some(v) = decimal(&text[i..number_end]) {
                best = Some(best.map_or(v, |m| m.max(v)));
            }
            i = end;
        }
        best
    }
}

/// The first ASCII digit at or after `from`, or the end of `b`.
fn next_digit(b: &[u8], from: usize) -> usize {
    next_in_range(b, from, b'0', b'9')
}

/// A number as [`Percentages::max`] reads it: digits, perhaps a fraction after `.` or
/// `,`. Whole numbers of up to 15 digits are counted up directly: exact in an `f64`, so
/// the same value as parsing gives, without the parser and without a copy of the text.
fn decimal(s: &str) -> Option<f64> {
    if s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n = s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(n as f64);
    }
    if s.contains(',') {
        s.replace(',', ".").parse().ok()
    } else {
        s.parse().ok()
    }
}

/// The end of `\s*(?:%|percent\b|per\s+cent\b)` (ASCII, any case) matched at `at`.
fn unit_end(b: &[u8], at: usize) -> Option<usize> {
    // `\s` without Unicode: also the vertical tab, which `is_ascii_whitespace` leaves out.
    let space = |c: &u8| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ');
    let skip_spaces = |from: usize| from + b[from..].iter().take_while(|c| space(c)).count();
    let word_at = |from: usize, word: &[u8]| {
        b.get(from..from + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    // `(?-u:\b)` after a letter: no ASCII word character follows.
    let boundary = |from: usize| {
        !b.get(from)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    let at = skip_spaces(at);
    if b.get(at) == Some(&b'%') {
        return Some(at + 1);
    }
    if word_at(at, b"percent") && boundary(at + 7) {
        return Some(at + 7);
    }
    if word_at(at, b"per") {
        let cent = skip_spaces(at + 3);
        if cent > at + 3 && word_at(cent, b"cent") && boundary(cent + 4) {
            return Some(cent + 4);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(number(20.0), "20");
        assert_eq!(number(12.5), "12.5");
        let p = Percentages::new().unwrap();
        assert_eq!(
            p.max("≥ 20% faster, 35 % of users, 12.5 percent"),
            Some(35.0)
        );
        assert_eq!(p.max("40 per cent"), Some(40.0));
        assert_eq!(p.max("customers are happy"), None);
    }

    #[test]
    fn next_digit_skips_exactly_the_bytes_that_are_not_digits() {
        let naive = |b: &[u8], from: usize| {
            from + b[from..].iter().take_while(|c| !c.is_ascii_digit()).count()
        };
        for c in 0..=255u8 {
            for at in 0..20 {
                // Around the byte, bytes whose low seven bits are digits' (`0xB5`).
                let mut b = [b'x'; 20];
                b[(at + 3) % 20] = 0xB5;
                b[at] = c;
                for from in 0..=20 {
                    assert_eq!(next_digit(&b, from), naive(&b, from), "{c} at {at}");
                }
            }
        }
    }

    #[test]
    fn percentages_are_what_the_regex_finds() {
        let re = crate::rules::support::regex::build(PERCENTAGE).expect("builds");
        let by_regex = |text: &str| {
            re.find_iter(text)
                .filter_map(|m| {
                    let hit = &text[m.range()];
                    let end = hit
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                        .unwrap_or(hit.len());
                    hit[..end].replace(',', ".").parse::<f64>().ok()
                })
                .reduce(f64::max)
        };
        let p = Percentages::new().expect("builds");
        let alphabet = [
            "1", "2", "0", ".", ",", " ", "\t", "\u{b}", "\n", "%", "p", "P", "er", "ER", "cent",
            "percent", "per", "x", "_", "é", "5%", "9.5",
        ];
        // A fixed pseudo-random walk over many short texts made of those pieces.
        let mut seed: u64 = 7;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 60) as usize;
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(p.max(&text), by_regex(&text), "{text:?}");
        }
    }
}
