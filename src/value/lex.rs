//! The tokens both readers walk: digit runs, words, and single other characters.
//!
//! A [`Cursor`] is `Copy`, so a reader tries a form from one place and, when it does not
//! fit, goes back by restoring the copy it took.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII digits only.
    Digits,
    /// Letters, then letters or digits (`March`, `Q3`, `FTEs`).
    Word,
    /// Any other single character.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whitespace came between this token and the one before it.
    pub spaced: bool,
}

/// Punctuation, currency signs, arrows, maths, shapes, dingbats and emoji: blocks with
/// no letter or digit in them, which charters use often (`≥`, `–`, `’`, `→`, `🐢`)
/// and which the Unicode tables answer slowly.
fn symbol(c: char) -> bool {
    matches!(
        u32::from(c),
        0x2000..=0x206F | 0x20A0..=0x20CF | 0x2190..=0x245F | 0x2500..=0x2775 | 0x2794..=0x2BFF
            | 0x1F300..=0x1FAFF
    )
}

fn letter_or_digit(c: char) -> bool {
    !symbol(c) && c.is_alphanumeric()
}

#[derive(Clone, Copy)]
pub(crate) struct Cursor<'a> {
    pub text: &'a str,
    pos: usize,
    /// The end of the last token taken (where a match ends).
    pub last_end: usize,
    /// The token at `pos`, once lexed: a grammar asks the same token for many word
    /// lists in turn, and each asks without moving.
    ahead: Option<Tok>,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Cursor {
            text,
            pos: 0,
            last_end: 0,
            ahead: None,
        }
    }

    #[inline]
    pub fn at_end(&self) -> bool {
        self.peek().is_none()
    }

    #[inline]
    pub fn peek(&self) -> Option<Tok> {
        self.ahead.or_else(|| self.lex())
    }

    /// The next token, remembered so that asking again costs nothing.
    #[inline]
    pub fn ahead(&mut self) -> Option<Tok> {
        if self.ahead.is_none() {
            self.ahead = self.lex();
        }
        self.ahead
    }

    #[inline]
    pub fn bump(&mut self) -> Option<Tok> {
        let t = self.ahead()?;
        self.jump(t.end);
        Some(t)
    }

    /// Moves to `end`, as if a token ending there had been taken.
    #[inline]
    pub fn jump(&mut self, end: usize) {
        self.pos = end;
        self.last_end = end;
        self.ahead = None;
    }

    fn lex(&self) -> Option<Tok> {
        let b = self.text.as_bytes();
        let mut i = self.pos;
        let mut spaced = false;
        // Skip whitespace, ASCII fast and Unicode (no-break and thin spaces) too.
        while i < b.len() {
            if b[i].is_ascii_whitespace() {
                i += 1;
            } else if b[i] >= 0x80 {
                match self.text[i..].chars().next() {
                    Some(c) if c.is_whitespace() => i += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
            spaced = true;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        let kind = if b[i].is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Digits
        } else if b[i].is_ascii_alphabetic() {
            // ASCII bytes a byte at a time; a letter beyond ASCII (`Zürich`) carries on by chars.
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if b.get(i).is_some_and(|&x| x >= 0x80) {
                for c in self.text[i..].chars() {
                    if !letter_or_digit(c) {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            Kind::Word
        } else if b[i] < 0x80 {
            i += 1;
            Kind::Punct
        } else {
            let first = self.text[i..].chars().next()?;
            if !symbol(first) && first.is_alphabetic() {
                for c in self.text[i..].chars() {
                    if !letter_or_digit(c) {
                        break;
                    }
                    i += c.len_utf8();
                }
                Kind::Word
            } else {
                i += first.len_utf8();
                Kind::Punct
            }
        };
        Some(Tok {
            kind,
            start,
            end: i,
            spaced,
        })
    }

    #[inline]
    pub fn str(&self, t: Tok) -> &'a str {
        &self.text[t.start..t.end]
    }

    /// Takes the next token if it is one of `words` (ASCII case ignored); returns its index.
    #[inline]
    pub fn word(&mut self, words: &[&str]) -> Option<usize> {
        let t = self.ahead()?;
        if t.kind != Kind::Word {
            return None;
        }
        let s = self.str(t);
        let i = words.iter().position(|w| w.eq_ignore_ascii_case(s))?;
        self.jump(t.end);
        Some(i)
    }

    /// Takes a sequence of words (`at least`), all or none.
    pub fn phrase(&mut self, words: &[&str]) -> bool {
        self.ahead();
        let mut c = *self;
        for w in words {
            if c.word(&[w]).is_none() {
                return false;
            }
        }
        *self = c;
        true
    }

    /// Takes the next token if it is one of `chars`; `tight` asks for no space before it.
    #[inline]
    pub fn punct(&mut self, chars: &[char], tight: bool) -> Option<char> {
        let t = self.ahead()?;
        if t.kind != Kind::Punct || (tight && t.spaced) {
            return None;
        }
        let ch = self.str(t).chars().next()?;
        if !chars.contains(&ch) {
            return None;
        }
        self.jump(t.end);
        Some(ch)
    }

    /// Takes a run of digits of a length in `len`, and its value.
    #[inline]
    pub fn digits(&mut self, len: std::ops::RangeInclusive<usize>, tight: bool) -> Option<u32> {
        let t = self.ahead()?;
        if t.kind != Kind::Digits || (tight && t.spaced) || !len.contains(&(t.end - t.start)) {
            return None;
        }
        // The token is ASCII digits only: folded in place, `None` past `u32` as `parse` would.
        let mut v: u32 = 0;
        for &b in self.str(t).as_bytes() {
            v = v.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
        }
        self.jump(t.end);
        Some(v)
    }

    /// A `-` and then a run of exactly two digits, both tight (`-03` in `2027-03-01`):
    /// what `punct(&['-'], true)` and then `digits(2..=2, true)` take, read from the
    /// bytes, as ISO dates are common and the tokens cost more. When no digits follow,
    /// the `-` is taken alone, as those two calls would leave it.
    pub fn hyphen_two_digits(&mut self) -> Option<u32> {
        let b = self.text.as_bytes();
        let p = self.pos;
        if b.get(p) != Some(&b'-') {
            return None;
        }
        self.jump(p + 1);
        let digit = |i: usize| b.get(i).copied().filter(u8::is_ascii_digit);
        let (Some(tens), Some(units), None) = (digit(p + 1), digit(p + 2), digit(p + 3)) else {
            return None;
        };
        self.jump(p + 3);
        Some(u32::from(tens - b'0') * 10 + u32::from(units - b'0'))
    }

    /// The next token is tight against the last one (no space between).
    #[inline]
    pub fn next_tight(&self) -> bool {
        self.peek().is_some_and(|t| !t.spaced)
    }

    /// The next token is a word or digits tight against the last one (`2027-03x`).
    #[inline]
    pub fn next_tight_alnum(&self) -> bool {
        self.peek()
            .is_some_and(|t| !t.spaced && t.kind != Kind::Punct)
    }

    /// Takes the next token if it is one of `words` with no space before it (`1st`).
    #[inline]
    pub fn word_tight(&mut self, words: &[&str]) -> Option<usize> {
        if self.ahead().is_some_and(|t| t.spaced) {
            return None;
        }
        self.word(words)
    }
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    #[test]
    fn hyphen_two_digits_takes_what_punct_then_digits_take() {
        for text in [
            "2027-03-01",
            "2027-3-01",
            "2027-031",
            "2027 -03",
            "2027- 03",
            "2027-03x",
            "2027-",
            "2027",
            "2027–03",
            "2027-0",
            "2027-99-1",
        ] {
            let mut a = Cursor::new(text);
            a.digits(4..=4, false);
            let mut b = a;
            let by_tokens = a.punct(&['-'], true).and_then(|_| a.digits(2..=2, true));
            assert_eq!(b.hyphen_two_digits(), by_tokens, "{text}");
            assert_eq!((b.pos, b.last_end), (a.pos, a.last_end), "{text}");
        }
    }

    #[test]
    fn symbol_blocks_hold_no_letter_or_digit() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if super::symbol(c) {
                assert!(!c.is_alphanumeric(), "{c:?}");
            }
        }
    }
}
