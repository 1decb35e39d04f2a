//! Dates counted from another: `within 60 days of signing`, `6 weeks from kickoff`,
//! `10 weeks starting 19 Apr 2027`, `weeks 1–6`, `for 8 weeks after crawl`.

use super::scan::point;
use super::{Anchor, DateValue, Offset, Relative};
use crate::value::lex::{Cursor, Kind};
use crate::value::words::cardinal;

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
    c.ahead();
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
pub(super) fn relative(c: &mut Cursor) -> Option<DateValue> {
    let start = *c;
    let word = c.ahead()?.kind == Kind::Word;
    if word && c.word(&["within"]).is_some() {
        let n = count(c)?;
        let u = unit(c)?;
        c.word(&["of", "from", "after", "following"])?;
        return Some(rel(anchor(c)?, Offset::default(), offset(n, u)));
    }
    if let Some(u) = word.then(|| unit(c)).flatten() {
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
