//! The grammar of date expressions, read token by token with bounded look-ahead.

use super::{Anchor, DateValue, NoSuchDay, Offset, Period, Relative};
use crate::value::lex::{Cursor, Kind};
use crate::value::words::{cardinal, month, weekday};
use jiff::civil::Date;

/// A date as written, before a range fills in what it leaves out.
#[derive(Clone, Copy, Debug)]
enum Point {
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
enum Outcome {
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
    fn days(self) -> Option<Days> {
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
    if c.word(&["between"]).is_some() {
        let a = point(c)?;
        c.word(&["and"])?;
        return range(a, point(c)?);
    }
    if c.word(&["from"]).is_some() {
        let a = point(c)?;
        if let Some(v) = range_after(c, a) {
            return Some(v);
        }
        ongoing(c);
        return opening(a);
    }
    if c.word(&["until", "till"]).is_some() {
        return match point(c)?.days()? {
            Ok((_, last, _)) => Some(DateValue::Until(last)),
            Err(n) => Some(DateValue::NoSuchDay(n)),
        };
    }
    if c.word(&["ongoing"]).is_some() {
        return Some(DateValue::Ongoing);
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

fn opening(a: Point) -> Option<DateValue> {
    match a.days()? {
        Ok((first, _, _)) => Some(DateValue::From(first)),
        Err(n) => Some(DateValue::NoSuchDay(n)),
    }
}

/// `, ongoing`, `– ongoing`, `onwards`: an open end after a start.
fn ongoing(c: &mut Cursor) -> bool {
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
        '-' => {
            c.punct(&['>'], true);
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
fn point(c: &mut Cursor) -> Option<Point> {
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
    c.punct(&['-'], true)?;
    let m = c.digits(2..=2, true)?;
    let mut d = *c;
    if d.punct(&['-'], true).is_some() {
        if let Some(day) = d.digits(2..=2, true) {
            *c = d;
            return Some(Point::Parts {
                y: Some(y),
                m: Some(m),
                d: Some(day),
            });
        }
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

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
}

fn unit(c: &mut Cursor) -> Option<Unit> {
    let i = c.word(&["day", "days", "week", "weeks", "month", "months"])?;
    Some([Unit::Day, Unit::Week, Unit::Month][i / 2])
}

fn offset(n: i32, u: Unit) -> Offset {
    match u {
        Unit::Day => Offset { months: 0, days: n },
        Unit::Week => Offset {
            months: 0,
            days: 7 * n,
        },
        Unit::Month => Offset { months: n, days: 0 },
    }
}

/// A whole count in digits or words (`60`, `sixty`, `a`).
fn count(c: &mut Cursor) -> Option<i32> {
    if let Some(n) = c.digits(1..=4, false) {
        return Some(n as i32);
    }
    if c.word(&["a", "an", "one"]).is_some() {
        return Some(1);
    }
    let n = cardinal(c)?;
    (n.fract() == 0.0 && n <= 10_000.0).then_some(n as i32)
}

fn anchor(c: &mut Cursor) -> Option<Anchor> {
    c.word(&["the"]);
    if c.word(&["contract", "agreement"]).is_some() {
        c.word(&["signing", "signature", "execution"])?;
        return Some(Anchor::Signing);
    }
    if c.word(&["signing", "signature", "execution", "countersignature"])
        .is_some()
    {
        return Some(Anchor::Signing);
    }
    if c.word(&["kickoff"]).is_some() {
        return Some(Anchor::Kickoff);
    }
    let mut d = *c;
    if d.word(&["kick"]).is_some() {
        d.punct(&['-'], true);
        if d.word(&["off"]).is_some() {
            *c = d;
            return Some(Anchor::Kickoff);
        }
    }
    if c.word(&["start", "commencement", "beginning"]).is_some() {
        return Some(Anchor::Start);
    }
    if c.word(&["previous", "prior", "preceding", "last"])
        .is_some()
    {
        c.word(&["phase"])?;
        return Some(Anchor::PreviousPhase);
    }
    let mut d = *c;
    let t = d.bump()?;
    let w = d.str(t);
    let stop = [
        "a", "an", "this", "that", "it", "which", "each", "every", "any", "and", "or",
    ];
    if t.kind != Kind::Word || stop.iter().any(|s| s.eq_ignore_ascii_case(w)) {
        return None;
    }
    *c = d;
    Some(Anchor::Named(w.to_lowercase()))
}

fn rel(anchor: Anchor, start: Offset, end: Offset) -> DateValue {
    DateValue::Relative(Relative { anchor, start, end })
}

fn minus_day(o: Offset) -> Offset {
    Offset {
        days: o.days - 1,
        ..o
    }
}

/// `within 60 days of signing`, `6 weeks from kickoff`, `10 weeks starting 19 Apr 2027`,
/// `weeks 1–6`, `months 4–9`, `for 8 weeks after crawl`.
fn relative(c: &mut Cursor) -> Option<DateValue> {
    let start = *c;
    if c.word(&["within"]).is_some() {
        let n = count(c)?;
        let u = unit(c)?;
        c.word(&["of", "from", "after", "following"])?;
        return Some(rel(anchor(c)?, Offset::default(), offset(n, u)));
    }
    if let Some(u) = unit(c) {
        let n = c.digits(1..=3, false)? as i32;
        let mut m = n;
        let mut d = *c;
        if d.punct(&['–', '—', '-'], false).is_some() || d.word(&["to"]).is_some() {
            if let Some(v) = d.digits(1..=3, false) {
                m = v as i32;
                *c = d;
            }
        }
        let mut d = *c;
        let a = match d
            .word(&["of", "after", "from"])
            .and_then(|_| anchor(&mut d))
        {
            Some(a) => {
                *c = d;
                a
            }
            None => Anchor::Start,
        };
        if n < 1 || m < n {
            return None;
        }
        return Some(rel(a, offset(n - 1, u), minus_day(offset(m, u))));
    }
    *c = start;
    let window = c.word(&["for"]).is_some();
    let n = count(c)?;
    let u = unit(c)?;
    let span = offset(n, u);
    let mut d = *c;
    if d.word(&["starting", "beginning", "commencing", "from"])
        .is_some()
    {
        d.word(&["on", "from"]);
        if let Some(Ok((first, _, None))) = point(&mut d).and_then(|p| p.days()) {
            let last = minus_day(span).from(first)?;
            *c = d;
            return Some(DateValue::Range {
                start: first,
                end: last,
            });
        }
    }
    let before = match c.word(&["from", "after", "following", "before"]) {
        Some(i) => i == 3,
        None => c.phrase(&["prior", "to"]).then_some(true)?,
    };
    let a = anchor(c)?;
    if window {
        return Some(rel(a, Offset::default(), minus_day(span)));
    }
    let at = if before {
        Offset {
            months: -span.months,
            days: -span.days,
        }
    } else {
        span
    };
    Some(rel(a, at, at))
}
