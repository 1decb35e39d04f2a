//! Words in a text, and a text shortened for a message.

use super::bytes::{ascii_alphanumeric, ASCII_HIGH, ONES};

/// A count of words (runs of alphanumeric characters) up to a minimum, text by text,
/// each text read no further than needed.
pub(crate) struct WordCount {
    seen: usize,
    min: usize,
}

impl WordCount {
    pub(crate) fn new(min: usize) -> WordCount {
        WordCount { seen: 0, min }
    }

    /// Count the words of one more text; whether the minimum is reached.
    pub(crate) fn add(&mut self, t: &str) -> bool {
        let mut in_word = false;
        let b = t.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Eight ASCII bytes at once: the word starts among them counted together.
            // The last few padded with NULs, which start no word (a label such as
            // `We give` is shorter than eight bytes).
            let chunk = match b.get(i..i + 8) {
                Some(chunk) => <[u8; 8]>::try_from(chunk).ok(),
                None => {
                    let mut padded = [0; 8];
                    padded[..b.len() - i].copy_from_slice(&b[i..]);
                    Some(padded)
                }
            };
            if let Some(chunk) = chunk {
                let x = u64::from_le_bytes(chunk);
                if x & ASCII_HIGH == 0 {
                    let word = ascii_alphanumeric(x);
                    // A word starts at an alphanumeric byte after one that is not: the
                    // byte before each is one place lower (the first one's, the last
                    // byte read).
                    let before = (word << 8) | if in_word { 0x80 } else { 0 };
                    let starts = word & !before;
                    if starts != 0 {
                        // One bit per byte, summed into the top byte by the multiply:
                        // cheaper than `count_ones` without the POPCNT instruction.
                        let count = ((starts >> 7).wrapping_mul(ONES)) >> 56;
                        self.seen += count as usize;
                        if self.seen >= self.min {
                            return true;
                        }
                    }
                    in_word = word >> 63 != 0;
                    i += 8;
                    continue;
                }
            }
            // ASCII bytes read as they are: decoding characters and a Unicode table
            // look-up only for the others.
            let byte = b[i];
            let word = if byte.is_ascii() {
                i += 1;
                byte.is_ascii_alphanumeric()
            } else {
                let c = t[i..].chars().next().unwrap_or_default();
                i += c.len_utf8().max(1);
                c.is_alphanumeric()
            };
            if word && !in_word {
                self.seen += 1;
                if self.seen >= self.min {
                    return true;
                }
            }
            in_word = word;
        }
        false
    }

    /// Whether the minimum is reached (at once when it is 0).
    pub(crate) fn enough(&self) -> bool {
        self.seen >= self.min
    }
}

/// A text for a message: whitespace collapsed, at most 60 characters (`…` when cut).
pub(crate) fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= MAX {
        return collapsed;
    }
    let mut out: String = collapsed.chars().take(MAX - 1).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the texts hold at least `min` words, reading no further than needed.
    fn has_words_at_least<'a>(texts: impl Iterator<Item = &'a String>, min: usize) -> bool {
        let mut count = WordCount::new(min);
        for t in texts {
            if count.add(t) {
                return true;
            }
        }
        count.enough()
    }

    #[test]
    fn words_and_shortened_texts() {
        let texts = ["We give:".to_string(), " two engineers, $40k".to_string()];
        assert!(has_words_at_least(texts.iter(), 5));
        assert!(!has_words_at_least(texts.iter(), 6));
        assert!(!has_words_at_least([" -- ".to_string()].iter(), 1));
        assert_eq!(shorten("a  b\n c"), "a b c");
        let long = "x".repeat(80);
        assert_eq!(shorten(&long).chars().count(), 60);
        assert!(shorten(&long).ends_with('…'));
    }

    #[test]
    fn words_are_counted_eight_bytes_at_a_time_as_one_at_a_time() {
        // The count one character at a time, as it was.
        let one_by_one = |texts: &[&str], min: usize| {
            let mut seen = 0;
            for t in texts {
                let mut in_word = false;
                for c in t.chars() {
                    let word = c.is_alphanumeric();
                    if word && !in_word {
                        seen += 1;
                        if seen >= min {
                            return true;
                        }
                    }
                    in_word = word;
                }
            }
            seen >= min
        };
        let bits = [
            "a", "Z", "0", "9", " ", "-", "_", "@", "[", "`", "{", "/", ":", "é", "日", "\n",
        ];
        let mut texts = Vec::new();
        for a in bits {
            for b in bits {
                for c in bits {
                    // Long enough for a chunk or two, with the bits at every offset.
                    texts.push(format!("{a}{b}{c}xy z{a}{c}{b}  {b}{a}"));
                    texts.push(format!("{c}{a}       {b}{b}{a}{c}"));
                    // Shorter than a chunk: the padded tail alone.
                    texts.push(format!("{a}{b} {c}"));
                }
            }
        }
        for t in &texts {
            for min in 0..12 {
                let mut count = WordCount::new(min);
                let added = count.add(t) || count.enough();
                assert_eq!(added, one_by_one(&[t], min), "{t:?} {min}");
                let mut count = WordCount::new(min);
                let both = count.add("one two") || count.add(t) || count.enough();
                assert_eq!(both, one_by_one(&["one two", t], min), "{t:?} {min}");
            }
        }
    }
}
