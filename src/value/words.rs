//! Numbers written as words (`seventy`, `twenty-five`, `one hundred and ten`), and the
//! month names, shared by both readers.

use super::lex::Cursor;

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// `zero` to `ninety-nine` (also `twenty five`).
fn below_hundred(c: &mut Cursor) -> Option<f64> {
    if let Some(i) = c.word(&UNITS) {
        return Some(i as f64);
    }
    let tens = (c.word(&TENS)? as f64 + 2.0) * 10.0;
    let mut d = *c;
    // `twenty-five`, or `twenty five`.
    if d.punct(&['-'], true).is_some() && !d.next_tight() {
        return Some(tens);
    }
    match d.word(&UNITS[1..10]) {
        Some(i) => {
            *c = d;
            Some(tens + i as f64 + 1.0)
        }
        None => Some(tens),
    }
}

/// A whole number in words, up to the billions (`one hundred and ten`, `two million`).
pub(crate) fn cardinal(c: &mut Cursor) -> Option<f64> {
    let mut total = 0.0;
    let mut group = below_hundred(c)?;
    loop {
        if c.word(&["hundred"]).is_some() {
            group *= 100.0;
            let mut d = *c;
            d.word(&["and"]);
            if let Some(v) = below_hundred(&mut d) {
                group += v;
                *c = d;
            }
        }
        let Some(i) = c.word(&["thousand", "million", "billion"]) else {
            break;
        };
        total += group * [1e3, 1e6, 1e9][i];
        group = 0.0;
        let mut d = *c;
        d.word(&["and"]);
        match below_hundred(&mut d) {
            Some(v) => {
                group = v;
                *c = d;
            }
            None => break,
        }
    }
    Some(total + group)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its abbreviation (`Sept` too), with an optional full stop after it; 1 to 12.
pub(crate) fn month(c: &mut Cursor) -> Option<u8> {
    c.ahead();
    let mut d = *c;
    let t = d.bump()?;
    let w = d.str(t);
    if !(3..=9).contains(&w.len()) || !w.is_ascii() {
        return None;
    }
    let lower = w.to_ascii_lowercase_array()?;
    let lower = &lower[..w.len()];
    let m = MONTHS.iter().position(|m| {
        m.as_bytes() == lower || (lower.len() == 3 && m.as_bytes().starts_with(lower))
    });
    let m = match m {
        Some(m) => m,
        None if lower == b"sept" => 8,
        None => return None,
    };
    // `Mar.`: the stop belongs to the abbreviation.
    if w.len() < MONTHS[m].len() {
        d.punct(&['.'], true);
    }
    *c = d;
    Some(m as u8 + 1)
}

const WEEKDAYS: [&str; 17] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// A weekday name before a date (`Monday 1 March 2027`), with a comma or stop after it.
pub(crate) fn weekday(c: &mut Cursor) -> bool {
    if c.word(&WEEKDAYS).is_none() {
        return false;
    }
    c.punct(&[',', '.'], true);
    true
}

trait LowerArray {
    fn to_ascii_lowercase_array(&self) -> Option<[u8; 9]>;
}

impl LowerArray for str {
    /// Lower-cased into a stack buffer: month names are looked up without allocating.
    fn to_ascii_lowercase_array(&self) -> Option<[u8; 9]> {
        let mut out = [0u8; 9];
        if self.len() > 9 {
            return None;
        }
        for (o, b) in out.iter_mut().zip(self.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        Some(out)
    }
}
