//! Dates as people write them: `1 March 2027`, `Q3 2027`, `6–24 April 2027`,
//! `from 1 Sep 2027`, `within 60 days of signing`, `03/04/2027` (ambiguous).
//!
//! [`dates_in`] finds every date expression in a text; [`read_whole`] says whether a
//! whole value (a table cell, a `Start:` value) is one. A day, month or year without
//! enough to place it on the calendar is not returned: `Q3` or `1 March` alone, `2027`
//! alone, `3.2`, `1/2`.

mod relative;
mod scan;
#[cfg(test)]
mod tests;

use jiff::civil::Date;
use std::fmt;
use std::ops::Range;

/// One date expression and where it is in the text (bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub value: DateValue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DateValue {
    Day(Date),
    /// A month, quarter or half year, first and last day included.
    Period {
        period: Period,
        first: Date,
        last: Date,
    },
    /// Both ends included. The start may be after the end when the text says so.
    Range {
        start: Date,
        end: Date,
    },
    /// `from 1 Sep 2027`, `from Q3 2027, ongoing`: the first day, with no end.
    From(Date),
    /// `until 31 Dec 2027`: the last day, with no start.
    Until(Date),
    /// `ongoing` on its own.
    Ongoing,
    /// A day or window counted from another date (`within 60 days of signing`).
    Relative(Relative),
    /// `03/04/2027`: both readings are days and they differ; no guess is made.
    Ambiguous {
        day_first: Date,
        month_first: Date,
    },
    /// Written as a date but not on the calendar (`31 April 2027`).
    NoSuchDay(NoSuchDay),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Month,
    Quarter,
    Half,
}

/// A day that does not exist; `Display` gives the ISO form it would have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoSuchDay {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for NoSuchDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What a relative date is counted from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    Signing,
    Kickoff,
    /// The start of the phase or charter the value belongs to (`weeks 1–6`).
    Start,
    PreviousPhase,
    /// Another named date or phase, lower-cased (`after crawl` → `crawl`).
    Named(String),
}

/// An offset from an anchor; months are added on the calendar, then days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Offset {
    pub months: i32,
    pub days: i32,
}

/// A day (`start == end`) or window, both ends included, counted from an anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relative {
    pub anchor: Anchor,
    pub start: Offset,
    pub end: Offset,
}

impl Offset {
    pub fn from(self, anchor: Date) -> Option<Date> {
        // Two steps: a span's units share one sign, and `9 months less a day` has two.
        let months = jiff::Span::new().try_months(self.months).ok()?;
        let days = jiff::Span::new().try_days(self.days).ok()?;
        anchor.checked_add(months).ok()?.checked_add(days).ok()
    }
}

impl Relative {
    /// The day or range this is once the anchor's date is known.
    pub fn resolve(&self, anchor: Date) -> Option<DateValue> {
        let start = self.start.from(anchor)?;
        if self.start == self.end {
            return Some(DateValue::Day(start));
        }
        let end = self.end.from(anchor)?;
        Some(DateValue::Range { start, end })
    }
}

/// How the reader understood a date, for people (`charter inspect`): ISO days,
/// `a – b` for a range, and words for what is not on the calendar yet.
impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::Period { first, last, .. }
            | DateValue::Range {
                start: first,
                end: last,
            } => write!(f, "{first} – {last}"),
            DateValue::From(d) => write!(f, "from {d}"),
            DateValue::Until(d) => write!(f, "until {d}"),
            DateValue::Ongoing => f.write_str("ongoing"),
            DateValue::Relative(r) => write!(f, "{r}"),
            DateValue::Ambiguous {
                day_first,
                month_first,
            } => write!(f, "ambiguous: {day_first} or {month_first}"),
            DateValue::NoSuchDay(d) => write!(f, "no such day: {d}"),
        }
    }
}

impl fmt::Display for Relative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let anchor = match &self.anchor {
            Anchor::Signing => "signing",
            Anchor::Kickoff => "kickoff",
            Anchor::Start => "the start",
            Anchor::PreviousPhase => "the previous phase",
            Anchor::Named(n) => n.as_str(),
        };
        let offset = |o: Offset| match o.months {
            0 => format!("day {}", o.days),
            m => format!("month {m}, day {}", o.days),
        };
        if self.start == self.end {
            write!(f, "{} after {anchor}", offset(self.start))
        } else {
            write!(
                f,
                "{} to {} after {anchor}",
                offset(self.start),
                offset(self.end)
            )
        }
    }
}

impl DateValue {
    /// The first day covered, when there is one.
    pub fn first_day(&self) -> Option<Date> {
        match *self {
            DateValue::Day(d) | DateValue::From(d) => Some(d),
            DateValue::Period { first, .. } => Some(first),
            DateValue::Range { start, .. } => Some(start),
            _ => None,
        }
    }

    /// The last day covered, when there is one.
    pub fn last_day(&self) -> Option<Date> {
        match *self {
            DateValue::Day(d) | DateValue::Until(d) => Some(d),
            DateValue::Period { last, .. } => Some(last),
            DateValue::Range { end, .. } => Some(end),
            _ => None,
        }
    }
}

/// Every date expression in `text`, left to right, not overlapping.
pub fn dates_in(text: &str) -> Dates<'_> {
    Dates {
        cursor: crate::value::lex::Cursor::new(text),
        every_token: false,
    }
}

/// [`dates_in`] trying the grammar at every token: the reference the start set is
/// tested against.
#[cfg(test)]
pub(crate) fn dates_in_every_token(text: &str) -> Dates<'_> {
    Dates {
        every_token: true,
        ..dates_in(text)
    }
}

pub struct Dates<'a> {
    cursor: crate::value::lex::Cursor<'a>,
    every_token: bool,
}

impl Iterator for Dates<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        use crate::value::start::{can_start, Reader};
        loop {
            let tok = self.cursor.ahead()?;
            if self.every_token || can_start(self.cursor.text, tok, Reader::Date) {
                let mut c = self.cursor;
                if let Some(value) = scan::expr(&mut c) {
                    self.cursor = c;
                    return Some(Found {
                        range: tok.start..c.last_end,
                        value,
                    });
                }
            }
            self.cursor.bump();
        }
    }
}

/// The date, range or window that `text` is as a whole (surrounding space and a final
/// full stop allowed), or `None` when it is something else.
pub fn read_whole(text: &str) -> Option<DateValue> {
    let t = text.trim();
    let t = t.strip_suffix('.').unwrap_or(t).trim_end();
    let mut c = crate::value::lex::Cursor::new(t);
    let value = scan::expr(&mut c)?;
    c.at_end().then_some(value)
}

/// The day a text is when it is nothing but one ISO day on the calendar in the years
/// the grammar reads as years (`2026-04-11`), read without the grammar: signature
/// dates and table cells are nearly all written so, and read again by the rules.
/// What [`dates_in`] finds first in such a text is that day (tested); `None` for any
/// other text, which is left to the grammar.
pub fn iso_day(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    let num = |r: Range<usize>| s.get(r)?.parse::<i8>().ok();
    let year = s.get(..4)?.parse::<i16>().ok()?;
    (1900..=2199).contains(&year).then_some(())?;
    Date::new(year, num(5..7)?, num(8..10)?).ok()
}

/// The first date in `text` ([`dates_in`]), with [`iso_day`]'s shortcut for a text
/// that is one ISO day.
pub fn first_in(text: &str) -> Option<DateValue> {
    match iso_day(text) {
        Some(day) => Some(DateValue::Day(day)),
        None => dates_in(text).next().map(|f| f.value),
    }
}
