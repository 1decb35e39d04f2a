//! Labels and headings reduced to the words that identify them, by a byte-class table
//! for the ASCII most labels are written in.

use std::cell::RefCell;

/// Reduce a heading or label to the words that identify it: lowercase; leading
/// numbering (`1.`, `2)`, `1.2`, `iv.`), emoji and punctuation removed; `&` read as
/// `and`; dashes, slashes and underscores read as spaces; whitespace collapsed.
/// `{` and `}` survive so that alias templates such as `{partner} gives` keep their tokens.
///
/// `"1. Mutual goals & success!"` → `"mutual goals and success"`;
/// `"💰 Value exchange"` → `"value exchange"`; `"Go/No-Go"` → `"go no go"`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

thread_local! {
    /// Lookups normalize into this buffer: labels are looked up by the thousand and
    /// almost none is kept, so a `String` each would be all allocation.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Call `f` with the normalized form of `s`, built in the thread's scratch buffer.
pub(super) fn with_scratch<R, F: FnOnce(&str) -> R>(s: &str, f: F) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            normalize_into(s, &mut buf);
            f(&buf)
        }
        // Only if `f` itself looks something up: then a buffer of its own.
        Err(_) => f(&normalize(s)),
    })
}

/// [`normalize`], appending to an empty `out`.
pub(super) fn normalize_into(s: &str, out: &mut String) {
    push_words(s, out, &mut false);
    let skip = numbering_len(out);
    if skip > 0 {
        out.drain(..skip);
    }
}

/// The normalized forms of a text's prefixes (`normalize(&text[..cut])` for each cut),
/// read off one pass over the text: a sentence's opening is looked up word by word,
/// and normalizing each longer prefix afresh would read its start again and again.
#[derive(Default)]
pub struct Prefixes {
    /// The text up to the last cut normalized, numbering kept.
    words: String,
    /// Per cut: the length of `words` up to it.
    ends: Vec<usize>,
}

impl Prefixes {
    /// The prefixes of `text` ending at `cuts` (byte offsets at char boundaries, in
    /// order).
    pub fn new(text: &str, cuts: &[usize]) -> Prefixes {
        let mut p = Prefixes {
            words: String::with_capacity(cuts.last().copied().unwrap_or(0)),
            ends: Vec::with_capacity(cuts.len()),
        };
        // What normalizing leaves of a byte depends only on the bytes before it, so
        // each prefix's words are the start of the next one's.
        let mut pending_space = false;
        let mut from = 0;
        for &cut in cuts {
            let chunk = text.get(from..cut).unwrap_or_default();
            push_words(chunk, &mut p.words, &mut pending_space);
            p.ends.push(p.words.len());
            from = cut.max(from);
        }
        p
    }

    /// The words of the longest prefix, its numbering kept: every prefix's words are
    /// among them.
    pub(super) fn words(&self) -> &str {
        &self.words
    }

    /// The prefix up to cut `i`, normalized: its leading numbering is its own (`3` is
    /// a number before another word, not at the end).
    pub fn get(&self, i: usize) -> Option<&str> {
        let words = self.words.get(..*self.ends.get(i)?)?;
        words.get(numbering_len(words)..)
    }
}

/// [`normalize`]'s words of `s` appended to `out`, its leading numbering kept;
/// `pending` says a break was read and no word has followed it yet, so that text
/// may be pushed in pieces.
fn push_words(s: &str, out: &mut String, pending: &mut bool) {
    out.reserve(s.len());
    let mut pending_space = *pending;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match BYTE_CLASS[usize::from(b)] {
            KEEP | UPPER => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                // A run of ASCII word bytes is copied whole, and lowercased in place
                // when it has capitals: no Unicode lowercase machinery, no byte pushes.
                let start = i;
                let mut upper = false;
                while let Some(&c) = bytes.get(i) {
                    match BYTE_CLASS[usize::from(c)] {
                        KEEP => {}
                        UPPER => upper = true,
                        // One space between words is kept as it is: "Hiro Vogel" is
                        // one copy, not two and a space.
                        BREAK
                            if c == b' '
                                && bytes
                                    .get(i + 1)
                                    .is_some_and(|&n| BYTE_CLASS[usize::from(n)] <= UPPER) => {}
                        _ => break,
                    }
                    i += 1;
                }
                let from = out.len();
                // ASCII bytes at both ends: char boundaries.
                out.push_str(s.get(start..i).unwrap_or_default());
                if upper {
                    out[from..].make_ascii_lowercase();
                }
            }
            AND => {
                i += 1;
                push_word(out, &mut pending_space, "and");
            }
            // "partner's" reads as "partners"
            JOIN => i += 1,
            BREAK => {
                i += 1;
                pending_space = true;
            }
            _ => {
                let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                i += c.len_utf8();
                if is_alphanumeric(c) {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.extend(c.to_lowercase());
                } else if c != '’' {
                    pending_space = true;
                }
            }
        }
    }
    *pending = pending_space;
}

/// What [`normalize_into`] does with each byte: keep it (`a`-`z`, digits, `{`, `}`),
/// lowercase it, read `and`, join the words around it, break words, or decode a
/// non-ASCII character.
const KEEP: u8 = 0;
const UPPER: u8 = 1;
const AND: u8 = 2;
const JOIN: u8 = 3;
const BREAK: u8 = 4;
const WIDE: u8 = 5;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'{' || c == b'}' {
            KEEP
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c == b'&' || c == b'+' {
            AND
        } else if c == b'\'' {
            JOIN
        } else {
            BREAK
        };
        b += 1;
    }
    t
};

/// `char::is_alphanumeric`, skipping its table search for the punctuation, symbol and
/// emoji blocks charters use (dashes, quotes, `×`, `≥`, pictographs): none of their
/// characters is a letter or a number (a test checks each one).
fn is_alphanumeric(c: char) -> bool {
    !NOT_ALPHANUMERIC.iter().any(|r| r.contains(&c)) && c.is_alphanumeric()
}

const NOT_ALPHANUMERIC: [std::ops::RangeInclusive<char>; 8] = [
    '\u{a0}'..='\u{a9}',
    '\u{ab}'..='\u{b1}',
    '\u{d7}'..='\u{d7}',
    '\u{f7}'..='\u{f7}',
    '\u{2000}'..='\u{206f}',
    '\u{2190}'..='\u{23ff}',
    '\u{2500}'..='\u{2775}',
    '\u{1f300}'..='\u{1faff}',
];

pub(super) fn push_word(out: &mut String, pending_space: &mut bool, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = true;
}

/// How many leading bytes are section numbers: `1 mutual goals` → `mutual goals`,
/// `2 1 walk` → `walk`, `iv exit` → `exit`, `section 3 metrics` → `metrics`,
/// `step 2 walk` → `walk`.
fn numbering_len(s: &str) -> usize {
    let mut words: &str = s;
    // Byte by byte: every byte compared is ASCII, so a non-ASCII word is never numbering.
    while let Some(sp) = words.bytes().position(|b| b == b' ') {
        let (first, rest) = (&words.as_bytes()[..sp], &words[sp + 1..]);
        // Most labels start with a word that cannot be numbering: say so at once.
        if let [lead, _, ..] = first {
            if !lead.is_ascii_digit() && !matches!(lead, b'i' | b'v' | b'x' | b's' | b'p' | b'c') {
                break;
            }
        }
        let numeric = first.iter().all(u8::is_ascii_digit);
        let roman = first.len() <= 4 && first.iter().all(|c| matches!(c, b'i' | b'v' | b'x'));
        let marker = matches!(first, b"section" | b"part" | b"step" | b"chapter")
            && rest
                .bytes()
                .take_while(|&b| b != b' ')
                .all(|b| b.is_ascii_digit());
        let single_letter = first.len() == 1 && first != b"a" && first != b"i";
        if numeric || roman || marker || single_letter {
            words = rest;
        } else {
            break;
        }
    }
    s.len() - words.len()
}

#[cfg(test)]
mod tests;
