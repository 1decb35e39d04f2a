//! A phase's dates, bar and result, read the same way from either format with the
//! shared readers ([`crate::value::date`], [`crate::value::number`]).
//!
//! The parsers call [`set_dates`] for each value written for a start, an end or the
//! dates as a whole, and [`finish`] once the whole charter is read: relative windows
//! need the signature dates and `created`, which may come after the timeline.

use crate::model::{Charter, Parsed, Phase, PhaseKind, RelativeDates, Span, Text};
use crate::value::date::{dates_in, Anchor, DateValue, Found, Offset};
use crate::value::number::{numbers_in, Number, NumberKind};

mod measure;
mod result;
use jiff::civil::Date;
pub use measure::{bar_measures, read_result, states_figure};
pub use result::result_percent;
use std::ops::Range;

/// Which of a phase's date parts a value was written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    Start,
    End,
    /// Both at once: `Apr 6 – May 15, 2027`, `Q3 2027`, `within 60 days of signing`.
    Dates,
}

/// What a value that holds no date is, for `invalid-date`.
pub const NOT_A_DATE: &str = "not a date that can be read";

/// Set the phase's start and/or end from `value`, written for `part`. The dates are
/// read from the source under the value's span, so each keeps its own span. A value
/// with no date in it is kept as written, unread, so that `TBD` is still reported.
/// Parts already set are not overwritten by a `Dates` value.
pub fn set_dates(src: &str, p: &mut Phase, part: DatePart, value: &Text) {
    let slice = src
        .get(value.span.start..value.span.end)
        .unwrap_or_default();
    let base = value.span.start;
    let text = |f: &Found| {
        let span = Span::new(base + f.range.start, base + f.range.end);
        Text::new(slice.get(f.range.clone()).unwrap_or_default(), span)
    };
    let read = |f: &Found| {
        let mut t = text(f);
        // `2027-01-10 onwards`: a finding points at the day, as for a day alone.
        if matches!(f.value, DateValue::From(_) | DateValue::Until(_)) {
            let mut isos = crate::parse::markdown::iso_dates(src, t.span);
            if let (Some(day), None) = (isos.next(), isos.next()) {
                t = day;
            }
        }
        Parsed {
            text: t,
            value: Ok(f.value.clone()),
        }
    };
    // Where the two days of an ISO range stand, when `iso_value` read it: no need to
    // look for them again.
    let mut iso_days = None;
    let all = match iso_value(slice) {
        Some((found, days)) => {
            iso_days = days;
            vec![found]
        }
        None => all_dates(src, value.span, slice),
    };
    let mut found = all.into_iter();
    let Some(first) = found.next() else {
        let unread = Some(Parsed {
            text: value.clone(),
            value: Err(NOT_A_DATE),
        });
        match part {
            DatePart::End => p.end = unread,
            DatePart::Start | DatePart::Dates => p.start = unread,
        }
        return;
    };
    match part {
        DatePart::Start => p.start = Some(read(&first)),
        DatePart::End => p.end = Some(read(&first)),
        DatePart::Dates => {
            let (start, end) = match &first.value {
                DateValue::Range { .. } => {
                    // Two ISO days (`2026-09-07 to 2026-10-30`): each end at its own day.
                    let at = Span::new(base + first.range.start, base + first.range.end);
                    let each = |t: Text| Parsed {
                        text: t,
                        value: Ok(first.value.clone()),
                    };
                    let day = |r: std::ops::Range<usize>| {
                        let span = Span::new(base + r.start, base + r.end);
                        Text::new(slice.get(r).unwrap_or_default(), span)
                    };
                    let two = match iso_days {
                        Some((a, b)) => (Some(day(a)), Some(day(b)), None),
                        None => {
                            let mut isos = crate::parse::markdown::iso_dates(src, at);
                            (isos.next(), isos.next(), isos.next())
                        }
                    };
                    match two {
                        (Some(a), Some(b), None) => (Some(each(a)), Some(each(b))),
                        _ => (Some(read(&first)), Some(read(&first))),
                    }
                }
                DateValue::Period { .. } | DateValue::Relative(_) => {
                    let mut f = first.clone();
                    f.value = window(f.value);
                    (Some(read(&f)), Some(read(&f)))
                }
                DateValue::From(_) => (Some(read(&first)), None),
                DateValue::Until(_) | DateValue::Ongoing => (None, Some(read(&first))),
                // A day, then the next date written, if any, as the end.
                DateValue::Day(_) | DateValue::Ambiguous { .. } | DateValue::NoSuchDay(_) => {
                    (Some(read(&first)), found.next().map(|f| read(&f)))
                }
            };
            if p.start.is_none() {
                p.start = start;
            }
            if p.end.is_none() {
                p.end = end;
            }
        }
    }
}

/// Every date in `slice` (the source under `span`), in order.
fn all_dates(src: &str, span: Span, slice: &str) -> Vec<Found> {
    let base = span.start;
    let mut all: Vec<Found> = dates_in(slice).collect();
    // Then `2026-4-1`, which the reader leaves alone: the ISO shape with one-digit
    // parts, read on the calendar, where no date was found.
    for t in crate::parse::markdown::iso_dates(src, span) {
        let range = t.span.start - base..t.span.end - base;
        let free = all
            .iter()
            .all(|f| f.range.end <= range.start || range.end <= f.range.start);
        if let Some(value) = free.then(|| short_iso(&t.text)).flatten() {
            all.push(Found { range, value });
        }
    }
    all.sort_by_key(|f| f.range.start);
    all
}

/// What [`all_dates`] finds in a value that is nothing but one ISO day on the
/// calendar (`2027-01-10`) or two joined by `to` (`2027-01-10 to 2027-03-31`), as
/// most tables and front matter write them, read without the whole grammar; `None`
/// for any other value. With a range, where its two days stand in `slice`.
#[allow(clippy::type_complexity)]
fn iso_value(slice: &str) -> Option<(Found, Option<(Range<usize>, Range<usize>)>)> {
    let day = crate::value::date::iso_day;
    // ` to ` found from its `t`: a substring search costs more to set up than a
    // table cell takes to scan.
    let b = slice.as_bytes();
    let to = memchr::memchr_iter(b't', b)
        .find(|&i| i > 0 && b[i - 1] == b' ' && b[i..].starts_with(b"to "))
        .and_then(|i| Some((slice.get(..i - 1)?, slice.get(i + 3..)?)));
    let (value, days) = match to {
        None => (DateValue::Day(day(slice)?), None),
        Some((a, b)) => {
            let range = DateValue::Range {
                start: day(a)?,
                end: day(b)?,
            };
            (
                range,
                Some((0..a.len(), slice.len() - b.len()..slice.len())),
            )
        }
    };
    let found = Found {
        range: 0..slice.len(),
        value,
    };
    Some((found, days))
}

/// A phase's dates written as one day counted forward (`6 weeks from kickoff`) say
/// how long the phase runs from that day, not that it lasts one day: the window
/// from the anchor to the day before. Any other value is kept.
fn window(v: DateValue) -> DateValue {
    match v {
        DateValue::Relative(mut r)
            if r.start == r.end && (r.start.months > 0 || r.start.days > 0) =>
        {
            r.end.days -= 1;
            r.start = Offset::default();
            DateValue::Relative(r)
        }
        v => v,
    }
}

/// `2026-4-1`: a day (or a day that does not exist) in the ISO shape with short parts.
fn short_iso(t: &str) -> Option<DateValue> {
    let mut parts = t.split('-').map(|p| p.parse::<i32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (Ok(m8), Ok(d8), Ok(y16)) = (i8::try_from(m), i8::try_from(d), i16::try_from(y)) else {
        return None;
    };
    Some(match Date::new(y16, m8, d8) {
        Ok(day) => DateValue::Day(day),
        Err(_) => DateValue::NoSuchDay(crate::value::date::NoSuchDay {
            year: y,
            month: m as u32,
            day: d as u32,
        }),
    })
}

/// The dates written somewhere in a phase's line or heading, when there are any:
/// [`set_dates`] for the dates as a whole, leaving the phase as it is otherwise.
pub fn dates_within(src: &str, p: &mut Phase, span: Span) {
    let slice = src.get(span.start..span.end).unwrap_or_default();
    if dates_in(slice).next().is_some() {
        set_dates(src, p, DatePart::Dates, &Text::new(slice, span));
    }
}

/// The largest percentage or share in a text (`≥ 20%`, `9 of 12 stores`).
pub fn largest_percent(text: &str) -> Option<Number> {
    if !may_state_percent(text) {
        return None;
    }
    numbers_in(text)
        .filter(|n| matches!(n.kind, NumberKind::Percent | NumberKind::Share { .. }))
        .reduce(|a, b| if b.value > a.value { b } else { a })
}

/// A phase's bar and result as read: the bar's thresholds and its headline (the
/// largest threshold percentage or share), the result's figures, whether it is under
/// way and whether it states a figure at all.
pub fn read_outcome(p: &mut Phase) {
    p.bars = p
        .go_no_go
        .as_ref()
        .map(|t| bar_measures(&t.text))
        .unwrap_or_default();
    p.bar = p
        .bars
        .iter()
        .filter(|m| {
            matches!(
                m.number.kind,
                NumberKind::Percent | NumberKind::Share { .. }
            )
        })
        .map(|m| &m.number)
        .reduce(|a, b| if b.value > a.value { b } else { a })
        .cloned();
    p.under_way = p.result.as_ref().is_some_and(|t| says_under_way(&t.text));
    let result = p.result.as_ref().filter(|_| !p.under_way);
    (p.achieved, p.results) = result.map(|t| read_result(&t.text)).unwrap_or_default();
    // A figure read as a result's measure is a figure: no need to look again.
    p.measured = !p.results.is_empty() || result.is_some_and(|t| states_figure(&t.text));
}

/// Words a result opens with when the phase has no outcome yet: `In progress: 5 of 8
/// live`, `Ongoing`, `Under way`, `Not yet measured`, `Still running`.
const UNDER_WAY: &[&str] = &[
    "in progress",
    "ongoing",
    "on going",
    "under way",
    "underway",
    "not yet",
    "running",
    "pending",
    "still",
];

/// Whether a result says the phase is still under way rather than how it ended.
pub fn says_under_way(result: &str) -> bool {
    // Past a status mark or emoji (`🟡 In progress`).
    let t = result.trim_start_matches(|c: char| !c.is_alphanumeric());
    UNDER_WAY.iter().any(|w| {
        t.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
            && !t
                .as_bytes()
                .get(w.len())
                .is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// Whether `text` can hold a percentage or share at all: one is written with `%`,
/// `percent`, `pct` or `per cent`, or as `9 of 12`, `seven in ten` or `9/12`. A bar or result with none
/// of these (`ROI model holds at 40 accounts`) is not read for numbers.
fn may_state_percent(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2(b'%', b'/', b).is_some()
        || b.windows(2).any(|w| {
            w.eq_ignore_ascii_case(b"of")
                || w.eq_ignore_ascii_case(b"in")
                || w.eq_ignore_ascii_case(b"pe")
                || w.eq_ignore_ascii_case(b"pc")
        })
}

/// Once the whole charter is read: each phase's bar and result as numbers, and its
/// relative window counted from the date it names, when the charter gives it.
pub fn finish(c: &mut Charter) {
    if c.phases.is_empty() {
        return;
    }
    let signed = signing_date(c);
    let created = c.meta.created.as_ref().and_then(|d| d.ok());
    // The last phase of each kind so far, for `after the crawl`: looked up, not
    // searched for, so a long timeline costs no more per phase than a short one.
    let mut last_of: [Option<usize>; 3] = [None; 3];
    for i in 0..c.phases.len() {
        let (before, rest) = c.phases.split_at_mut(i);
        let Some(p) = rest.first_mut() else { break };
        let earlier = last_of;
        if let Some(slot) = p.kind.and_then(|k| last_of.get_mut(k as usize)) {
            *slot = Some(i);
        }
        read_outcome(p);
        let written = [&p.start, &p.end].into_iter().find_map(|d| match d {
            Some(Parsed {
                value: Ok(DateValue::Relative(r)),
                ..
            }) => Some(r.clone()),
            _ => None,
        });
        let Some(written) = written else { continue };
        let after = |d: Date| d.tomorrow().ok();
        let anchor = match &written.anchor {
            Anchor::Signing => signed,
            Anchor::Kickoff | Anchor::Start => before
                .first()
                .and_then(Phase::start_date)
                .or(signed)
                .or(created),
            Anchor::PreviousPhase => before.last().and_then(Phase::end_date).and_then(after),
            Anchor::Named(name) => {
                let kind = PhaseKind::parse(name);
                kind.and_then(|k| earlier.get(k as usize).copied().flatten())
                    .and_then(|j| before.get(j))
                    .and_then(Phase::end_date)
                    .and_then(after)
            }
        };
        if let Some(value) = anchor.and_then(|a| written.resolve(a)) {
            for d in [&mut p.start, &mut p.end].into_iter().flatten() {
                if matches!(d.value, Ok(DateValue::Relative(_))) {
                    d.value = Ok(value.clone());
                }
            }
        }
        p.relative = Some(RelativeDates { written, anchor });
    }
}

/// The day the charter was signed: the latest date of a signed signature, as the
/// last signature is the one that makes it binding.
fn signing_date(c: &Charter) -> Option<Date> {
    c.signatures
        .iter()
        .filter(|s| s.signed)
        .filter_map(|s| s.date.as_ref())
        .filter_map(|t| match crate::value::date::first_in(&t.text)? {
            DateValue::Day(d) => Some(d),
            _ => None,
        })
        .max()
}

#[cfg(test)]
mod tests;
