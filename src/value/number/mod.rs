//! Numbers as people write them: `1,200`, `12,5 %`, `seventy per cent`, `at least 20%`,
//! `6 of 10 stores`, `£1.2m a year`, `two FTEs`, `90-day`, `from 5 days to 3`.
//!
//! [`numbers_in`] finds them all; [`percent_in`], [`money_in`] and [`headcount_in`]
//! give the first of one kind. Digits inside dates are read as plain numbers too:
//! callers that read both drop the numbers that lie inside a date's range.

mod currency;
mod scan;
#[cfg(test)]
mod tests;

use std::ops::Range;

#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// Bytes in the text, the bound words and units included.
    pub range: Range<usize>,
    /// The amount: in units for money, as a percentage for percentages, shares and changes.
    pub value: f64,
    pub kind: NumberKind,
    /// `at least`, `≥`, `under`: what the text says of the value.
    pub bound: Option<Bound>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberKind {
    Plain,
    Percent,
    /// `6 of 10`, `6 out of 10`, `6/10 stores`: `value` is the share as a percentage.
    Share {
        part: f64,
        whole: f64,
    },
    Money {
        currency: Currency,
        per: Option<Per>,
    },
    /// People: `two FTEs`, `a dedicated engineer`, `half-time`.
    Headcount,
    Duration(DurationUnit),
    /// `from 5 days to 3`: `value` is the change as a percentage of `from`.
    Change {
        from: f64,
        to: f64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// `at least`, `no less than`, `≥`, `minimum`.
    AtLeast,
    /// `at most`, `no more than`, `up to`, `≤`, `maximum`.
    AtMost,
    /// `above`, `over`, `more than`, `>`.
    Above,
    /// `under`, `below`, `less than`, `<`.
    Below,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    Year,
    Month,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationUnit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// An ISO 4217 code (`$` is read as `USD`, `¥` as `JPY`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency(pub [u8; 3]);

impl Currency {
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

/// Every number in `text`, left to right, not overlapping.
pub fn numbers_in(text: &str) -> Numbers<'_> {
    Numbers {
        cursor: crate::value::lex::Cursor::new(text),
        every_token: false,
    }
}

/// [`numbers_in`] trying the grammar at every token: the reference the start set is
/// tested against.
#[cfg(test)]
pub(crate) fn numbers_in_every_token(text: &str) -> Numbers<'_> {
    Numbers {
        every_token: true,
        ..numbers_in(text)
    }
}

pub struct Numbers<'a> {
    cursor: crate::value::lex::Cursor<'a>,
    every_token: bool,
}

impl Iterator for Numbers<'_> {
    type Item = Number;

    fn next(&mut self) -> Option<Number> {
        use crate::value::start::{can_start, Reader};
        loop {
            let tok = self.cursor.ahead()?;
            if self.every_token || can_start(self.cursor.text, tok, Reader::Number) {
                let mut c = self.cursor;
                if let Some((value, kind, bound)) = scan::expr(&mut c) {
                    self.cursor = c;
                    return Some(Number {
                        range: tok.start..c.last_end,
                        value,
                        kind,
                        bound,
                    });
                }
            }
            self.cursor.bump();
        }
    }
}

/// The first percentage or share (`≥ 70%`, `6 of 10 stores`), as a percentage.
pub fn percent_in(text: &str) -> Option<Number> {
    numbers_in(text).find(|n| matches!(n.kind, NumberKind::Percent | NumberKind::Share { .. }))
}

/// The first amount of money.
pub fn money_in(text: &str) -> Option<Number> {
    numbers_in(text).find(|n| matches!(n.kind, NumberKind::Money { .. }))
}

/// The first headcount (`two FTEs`, `half-time`).
pub fn headcount_in(text: &str) -> Option<Number> {
    numbers_in(text).find(|n| n.kind == NumberKind::Headcount)
}
