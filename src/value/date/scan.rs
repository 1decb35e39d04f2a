//! The grammar of date expressions, read token by token with bounded look-ahead.

use super::relative::relative;
use super::{DateValue, NoSuchDay, Period};
use crate::value::lex::{Cursor, Kind};
use crate::value::words::{month, weekday};
use jiff::civil::Date;

/// A date as written, before a range fills in what it leaves out.
#[derive(Clone, Copy, Debug)]
pub(super) enum Point {
    /// Day, month and year as far as they are written (`6`, `Nov 2`, `1 March 2027`,
    /// `March 2027`).
    Parts {
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
    },
    /// A quarter (1–4) or half (1–2) of a year.
    Share {
        period: Period,
        n: u32,
        y: Option<i32>,
    },
    /// A numeric date already read to its end (`03/04/2027`).
    Done(Outcome),
}

#[derive(Clone, Copy, Debug)]
pub(super) enum Outcome {
    Day(Date),
    Ambiguous(Date, Date),
    NoSuch(NoSuchDay),
}

/// A point's first and last day, or the day it names that does not exist.
type Days = Result<(Date, Date, Option<Period>), NoSuchDay>;

fn day(y: i32, m: u32, d: u32) -> Result<Date, NoSuchDay> {
    let none = NoSuchDay {
        year: y,
        month: m,
        day: d,
    };
    let (Ok(y16), Ok(m8), Ok(d8)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return Err(none);
    };
    Date::new(y16, m8, d8).map_err(|_| none)
}

fn months(y: i32, first: u32, count: u32, period: Option<Period>) -> Option<Days> {
    let start = day(y, first, 1).ok()?;
    let last = day(y, first + count - 1, 1).ok()?.last_of_month();
    Some(Ok((start, last, period)))
}

impl Point {
    /// The days this point covers, when it is complete.
    pub(super) fn days(self) -> Option<Days> {
        match self {
            Point::Parts {
                y: Some(y),
                m: Some(m),
                d: Some(d),
            } => Some(day(y, m, d).map(|d| (d, d, None))),
            Point::Parts {
                y: Some(y),
                m: Some(m),
                d: None,
            } => months(y, m, 1, Some(Period::Month)),
            Point::Share {
                period,
                n,
                y: Some(y),
            } => {
                let len = if period == Period::Quarter { 3 } else { 6 };
                months(y, (n - 1) * len + 1, len, Some(period))
            }
            Point::Done(Outcome::Day(d)) => Some(Ok((d, d, None))),
            _ => None,
        }
    }

    fn year(self) -> Option<i32> {
        match self {
            Point::Parts { y, .. } => y,
            Point::Share { y, .. } => y,
            Point::Done(_) => None,
        }
    }

    fn with_year(self, year: i32) -> Point {
        match self {
            Point::Parts { y: None, m, d } => Point::Parts {
                y: Some(year),
                m,
                d,
            },
            Point::Share { period, n, y: None } => Point::Share {
                period,
                n,
                y: Some(year),
            },
            p => p,
        }
    }

    fn value(self) -> Option<DateValue> {
        match self {
            Point::Done(Outcome::Ambiguous(a, b)) => Some(DateValue::Ambiguous {
                day_first: a,
                month_first: b,
            }),
            Point::Done(Outcome::NoSuch(n)) => Some(DateValue::NoSuchDay(n)),
            p => Some(match p.days()? {
                Err(n) => DateValue::NoSuchDay(n),
                Ok((d, _, None)) => DateValue::Day(d),
                Ok((first, last, Some(period))) => DateValue::Period {
                    period,
                    first,
                    last,
                },
            }),
        }
    }
}

/// One date expression starting at the cursor.
pub(super) fn expr(c: &mut Cursor) -> Option<DateValue> {
    let start = *c;
    // Most dates start with digits: the leading words are asked only of a word.
    if c.ahead()?.kind == Kind::Word {
        if let Some(lead) = c.word(&["between", "from", "until", "till", "ongoing"]) {
            return led(c, lead);
        }
    }
    if let Some(v) = relative(c) {
        return Some(v);
    }
    *c = start;
    let a = point(c)?;
    if let Some(v) = range_after(c, a) {
        return Some(v);
    }
    if ongoing(c) {
        return opening(a);
    }
    a.value()
}

/// What follows a leading word (`between`, `from`, `until`, `till`, `ongoing`, by index).
fn led(c: &mut Cursor, lead: usize) -> Option<DateValue> {
    match lead {
        0 => {
            let a = point(c)?;
            c.word(&["and"])?;
            range(a, point(c)?)
        }
        1 => {
            let a = point(c)?;
            if let Some(v) = range_after(c, a) {
                return Some(v);
            }
            ongoing(c);
            opening(a)
        }
        2 | 3 => match point(c)?.days()? {
            Ok((_, last, _)) => Some(DateValue::Until(last)),
            Err(n) => Some(DateValue::NoSuchDay(n)),
        },
        _ => Some(DateValue::Ongoing),
    }
}

fn opening(a: Point) -> Option<DateValue> {
    match a.days()? {
        Ok((first, _, _)) => Some(DateValue::From(first)),
        Err(n) => Some(DateValue::NoSuchDay(n)),
    }
}

/// `, ongoing`, `– ongoing`, `onwards`: an open end after a start; so is a dash, an
/// arrow or a plus with nothing after it (`Aug 2027 →`, `Q3 2027 –`, `2028+`).
fn ongoing(c: &mut Cursor) -> bool {
    let mut e = *c;
    if let Some(p) = e.punct(&['–', '—', '-', '→', '+'], false) {
        if p == '-' {
            e.punct(&['>'], true);
        }
        if e.ahead().is_none() {
            *c = e;
            return true;
        }
    }
    let mut d = *c;
    if d.punct(&[',', '–', '—', '-'], false).is_none() {
        d.word(&["to", "until"]);
    }
    if d.word(&["ongoing", "onwards", "onward", "present"])
        .is_some()
    {
        *c = d;
        return true;
    }
    false
}

/// A separator and a second point after `a`, read as a range; the cursor stays put
/// when there is none.
fn range_after(c: &mut Cursor, a: Point) -> Option<DateValue> {
    let mut d = *c;
    separator(&mut d)?;
    let v = range(a, point(&mut d)?)?;
    *c = d;
    Some(v)
}

fn separator(c: &mut Cursor) -> Option<()> {
    if c.word(&["to", "through", "thru", "until", "till"])
        .is_some()
    {
        return Some(());
    }
    match c.punct(&['–', '—', '-', '→', '.', '…'], false)? {
        // `->`, and `--` / `---` as pandoc and plain text write en and em dashes.
        '-' => {
            if c.punct(&['-'], true).is_some() {
                c.punct(&['-'], true);
            } else {
                c.punct(&['>'], true);
            }
        }
        '.' => {
            c.punct(&['.'], true)?;
        }
        _ => {}
    }
    Some(())
}

/// Two points as one range, each filling in from the other what it leaves out.
fn range(a: Point, b: Point) -> Option<DateValue> {
    let (mut a, mut b) = (a, b);
    // `6–24 April 2027`: the start's month from the end; `Apr 6 – 15, 2027`: the end's from the start.
    if let (Point::Parts { m: None, .. }, Point::Parts { m: Some(m), .. }) = (a, b) {
        if let Point::Parts { y, d, .. } = a {
            a = Point::Parts { y, m: Some(m), d };
        }
    }
    if let (Point::Parts { m: Some(m), .. }, Point::Parts { m: None, y, d }) = (a, b) {
        b = Point::Parts { y, m: Some(m), d };
    }
    match (a.year(), b.year()) {
        (None, Some(y)) => {
            a = a.with_year(y);
            // `2 Nov – 18 Jan 2028` began in 2027.
            if let (Some(Ok(x)), Some(Ok(z))) = (a.days(), b.days()) {
                if let (true, Point::Parts { m, d, .. }) = (x.0 > z.1, a) {
                    a = Point::Parts {
                        y: Some(y - 1),
                        m,
                        d,
                    };
                }
            }
        }
        (Some(y), None) if matches!(b, Point::Parts { .. }) => b = b.with_year(y),
        _ => {}
    }
    let (start, end) = match (a.days()?, b.days()?) {
        (Ok(x), Ok(z)) => (x.0, z.1),
        (Err(n), _) | (_, Err(n)) => return Some(DateValue::NoSuchDay(n)),
    };
    Some(DateValue::Range { start, end })
}

fn year(c: &mut Cursor) -> Option<i32> {
    let mut d = *c;
    let y = d.digits(4..=4, false)?;
    if !(1900..=2199).contains(&y) || d.next_tight_alnum() {
        return None;
    }
    *c = d;
    Some(y as i32)
}

/// `, 2027` or ` 2027` after a day or month.
fn comma_year(c: &mut Cursor) -> Option<i32> {
    let mut d = *c;
    d.punct(&[','], true);
    let y = year(&mut d)?;
    *c = d;
    Some(y)
}

/// A day, month, quarter or half, with as much of its year and month as is written.
pub(super) fn point(c: &mut Cursor) -> Option<Point> {
    weekday(c);
    let start = *c;
    if let Some(y) = c.digits(4..=4, false) {
        return iso(c, y as i32);
    }
    if let Some(a) = c.digits(1..=2, false) {
        let mut d = *c;
        if let Some(p) = numeric(&mut d, a) {
            *c = d;
            return Some(p);
        }
        let mut d = *c;
        if let Some(p) = hyphen_month(&mut d, a) {
            *c = d;
            return Some(p);
        }
        c.word_tight(&["st", "nd", "rd", "th"]);
        c.word(&["of"]);
        let mut d = *c;
        let Some(m) = month(&mut d) else {
            // A bare day, which only a range can complete.
            return (1..=31).contains(&a).then_some(Point::Parts {
                y: None,
                m: None,
                d: Some(a),
            });
        };
        *c = d;
        let y = comma_year(c);
        return Some(Point::Parts {
            y,
            m: Some(m as u32),
            d: Some(a),
        });
    }
    *c = start;
    if let Some(m) = month(c) {
        let mut d = *c;
        if let Some(day) = d.digits(1..=2, false) {
            if d.word_tight(&["st", "nd", "rd", "th"]).is_some() || !d.next_tight_alnum() {
                *c = d;
                let y = comma_year(c);
                return Some(Point::Parts {
                    y,
                    m: Some(m as u32),
                    d: Some(day),
                });
            }
        }
        let y = comma_year(c);
        return Some(Point::Parts {
            y,
            m: Some(m as u32),
            d: None,
        });
    }
    // `Q3 2027`, `H2 2027`; without a year they are not placed on the calendar.
    let t = c.bump()?;
    let w = c.str(t).as_bytes();
    if t.kind != Kind::Word || w.len() != 2 {
        return None;
    }
    let (period, max) = match w[0] {
        b'Q' | b'q' => (Period::Quarter, 4),
        b'H' | b'h' => (Period::Half, 2),
        _ => return None,
    };
    let n = u32::from(w[1].wrapping_sub(b'0'));
    if !(1..=max).contains(&n) {
        return None;
    }
    // Without a year only a range can place it (`Q3 – Q4 2027`).
    Some(Point::Share {
        period,
        n,
        y: year(c),
    })
}

/// `2027-03-01` or `2027-03`, tight; the year is read already.
fn iso(c: &mut Cursor, y: i32) -> Option<Point> {
    let m = c.hyphen_two_digits()?;
    let mut d = *c;
    if let Some(day) = d.hyphen_two_digits() {
        *c = d;
        return Some(Point::Parts {
            y: Some(y),
            m: Some(m),
            d: Some(day),
        });
    }
    if !(1..=12).contains(&m) || c.next_tight_alnum() {
        return None;
    }
    Some(Point::Parts {
        y: Some(y),
        m: Some(m),
        d: None,
    })
}

/// `03/04/2027` (either order) or `03.04.2027` (day first), tight; `a` is read already.
fn numeric(c: &mut Cursor, a: u32) -> Option<Point> {
    let sep = c.punct(&['/', '.'], true)?;
    let b = c.digits(1..=2, true)?;
    c.punct(&[sep], true)?;
    let y = c.digits(4..=4, true)? as i32;
    if c.next_tight_alnum() {
        return None;
    }
    let outcome = if sep == '.' || a > 12 {
        match day(y, b, a) {
            Ok(d) => Outcome::Day(d),
            Err(_) if b > 12 => return None,
            Err(n) => Outcome::NoSuch(n),
        }
    } else if b > 12 || a == b {
        match day(y, a, b) {
            Ok(d) => Outcome::Day(d),
            Err(n) => Outcome::NoSuch(n),
        }
    } else {
        // Both at most 12 and different: two real days.
        Outcome::Ambiguous(day(y, b, a).ok()?, day(y, a, b).ok()?)
    };
    Some(Point::Done(outcome))
}

/// `02-Dec-2026` or `11-Jan` (a range's start), tight; the day `a` is read already.
fn hyphen_month(c: &mut Cursor, a: u32) -> Option<Point> {
    if !(1..=31).contains(&a) {
        return None;
    }
    c.punct(&['-'], true)?;
    if !c.next_tight() {
        return None;
    }
    let m = month(c)?;
    let mut d = *c;
    let y = match d.punct(&['-'], true).and_then(|_| d.digits(4..=4, true)) {
        Some(y) if !d.next_tight_alnum() => {
            *c = d;
            Some(y as i32)
        }
        _ => None,
    };
    if c.next_tight_alnum() {
        return None;
    }
    Some(Point::Parts {
        y,
        m: Some(u32::from(m)),
        d: Some(a),
    })
}
