//! The tokens a number or a date can begin with. The readers try their grammar only
//! at these, so most words of a sentence cost one look-up rather than a full attempt.
//!
//! The sets may hold more than the grammars need, never less: the readers' tests run
//! them against trying every token (`value/tests.rs`).

use super::lex::{Kind, Tok};

/// A reader a token can begin.
#[derive(Clone, Copy)]
pub(crate) enum Reader {
    Number,
    Date,
}

const NUMBER: u8 = 1;
const DATE: u8 = 2;

/// Whether `t` (a token of `text`) can begin what `reader` reads.
#[inline]
pub(crate) fn can_start(text: &str, t: Tok, reader: Reader) -> bool {
    let want = match reader {
        Reader::Number => NUMBER,
        Reader::Date => DATE,
    };
    let s = text.get(t.start..t.end).unwrap_or_default();
    let class = match t.kind {
        Kind::Digits => NUMBER | DATE,
        Kind::Punct => punct(s),
        Kind::Word => word(s.as_bytes()),
    };
    class & want != 0
}

/// Comparison signs, signs and currency symbols.
fn punct(s: &str) -> u8 {
    match s {
        "<" | ">" | "≥" | "≤" | "-" | "−" | "+" | "$" | "£" | "€" | "¥" | "₹" | "₩" | "₽" | "₺"
        | "₪" | "₫" | "₴" | "₦" | "฿" | "₱" => NUMBER,
        _ => 0,
    }
}

fn word(s: &[u8]) -> u8 {
    let mut lower = [0u8; 9];
    let Some(lower) = lower.get_mut(..s.len()) else {
        return 0;
    };
    lower.copy_from_slice(s);
    lower.make_ascii_lowercase();
    let class = lower_word(lower);
    // Currency codes and prefixed dollars (`USD`, `US$`, `A$`) are capitals, case kept.
    let caps = s.len() <= 3 && s.iter().all(u8::is_ascii_uppercase);
    if caps {
        class | NUMBER
    } else {
        class
    }
}

fn lower_word(w: &[u8]) -> u8 {
    match w {
        // Counts and amounts in words, and `from` (a change or an opening date).
        b"a" | b"an" | b"zero" | b"one" | b"two" | b"three" | b"four" | b"five" | b"six"
        | b"seven" | b"eight" | b"nine" | b"ten" | b"eleven" | b"twelve" | b"thirteen"
        | b"fourteen" | b"fifteen" | b"sixteen" | b"seventeen" | b"eighteen" | b"nineteen"
        | b"twenty" | b"thirty" | b"forty" | b"fifty" | b"sixty" | b"seventy" | b"eighty"
        | b"ninety" | b"from" => NUMBER | DATE,
        // Bounds (`at least`, `no more than`, `under`) and `half`, `dozen`.
        b"at" | b"no" | b"not" | b"minimum" | b"up" | b"maximum" | b"more" | b"greater"
        | b"above" | b"over" | b"exceeding" | b"less" | b"fewer" | b"under" | b"below"
        | b"half" | b"dozen" => NUMBER,
        // Ranges, open ends and windows (`between`, `until`, `within`, `weeks 1–6`, `for`).
        b"between" | b"until" | b"till" | b"ongoing" | b"within" | b"for" | b"day" | b"days"
        | b"week" | b"weeks" | b"month" | b"months" => DATE,
        // Weekdays before a date.
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday"
        | b"sunday" | b"mon" | b"tue" | b"tues" | b"wed" | b"thu" | b"thur" | b"thurs" | b"fri"
        | b"sat" | b"sun" => DATE,
        // Months, by name or three letters (`Sept` too).
        b"january" | b"february" | b"march" | b"april" | b"may" | b"june" | b"july" | b"august"
        | b"september" | b"october" | b"november" | b"december" | b"jan" | b"feb" | b"mar"
        | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" => DATE,
        // Quarters and halves (`Q3`, `H2`).
        [b'q', b'1'..=b'4'] | [b'h', b'1'..=b'2'] => DATE,
        _ => 0,
    }
}
