//! The crawl–walk–run calendar: default spans from a start date, each phase starting
//! the Monday after the previous one ends, so phases never overlap.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// Default spans, from the middle of the usual ranges (crawl 4–8 weeks, walk 8–12
/// weeks, run 6–12 months).
pub const CRAWL_WEEKS: i64 = 6;
pub const WALK_WEEKS: i64 = 10;
pub const RUN_MONTHS: i64 = 12;

/// The first Monday strictly after `day` (a Monday gives the one a week later).
pub fn next_monday(day: Date) -> Date {
    let mut d = day;
    loop {
        d = d.tomorrow().unwrap_or(d);
        if d.weekday() == Weekday::Monday || d == Date::MAX {
            return d;
        }
    }
}

/// The last day of a phase that starts on `start` and lasts `span`: the day before
/// the span is up, pulled back to the Friday when that is a weekend, so phases end
/// on a working day.
fn end_of(start: Date, span: jiff::Span) -> Date {
    let after = start.checked_add(span).unwrap_or(Date::MAX);
    let mut end = after.yesterday().unwrap_or(after);
    while matches!(end.weekday(), Weekday::Saturday | Weekday::Sunday) && end > start {
        end = end.yesterday().unwrap_or(end);
    }
    end
}

/// The start and end of crawl, walk and run. `given` holds dates an answers file
/// fixed for each phase; the rest are computed from `start` and the default spans.
pub fn plan(
    start: Date,
    given: [(Option<Date>, Option<Date>); 3],
) -> Result<[(Date, Date); 3], String> {
    let spans = [CRAWL_WEEKS.weeks(), WALK_WEEKS.weeks(), RUN_MONTHS.months()];
    let names = ["crawl", "walk", "run"];
    let mut out = [(start, start); 3];
    let mut previous_end: Option<Date> = None;
    for i in 0..3 {
        let s = match (given[i].0, previous_end) {
            (Some(s), _) => s,
            (None, Some(prev)) => next_monday(prev),
            (None, None) => start,
        };
        let e = given[i].1.unwrap_or_else(|| end_of(s, spans[i]));
        if e < s {
            return Err(format!(
                "the {} phase ends on {e}, before it starts on {s}",
                names[i]
            ));
        }
        if let Some(prev) = previous_end {
            if s <= prev {
                return Err(format!(
                    "the {} phase starts on {s}, before the {} phase ends on {prev}",
                    names[i],
                    names[i - 1]
                ));
            }
        }
        out[i] = (s, e);
        previous_end = Some(e);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn next_monday_is_strictly_after() {
        assert_eq!(next_monday(date(2026, 11, 21)), date(2026, 11, 23));
        assert_eq!(next_monday(date(2026, 11, 23)), date(2026, 11, 30));
    }

    #[test]
    fn phases_follow_each_other_from_monday_to_friday() {
        let p = plan(date(2027, 1, 4), [(None, None); 3]).unwrap();
        assert_eq!(p[0], (date(2027, 1, 4), date(2027, 2, 12)));
        assert_eq!(p[1], (date(2027, 2, 15), date(2027, 4, 23)));
        assert_eq!(p[2].0, date(2027, 4, 26));
        assert_eq!(p[2].1, date(2028, 4, 25));
    }

    #[test]
    fn given_dates_win_and_the_rest_follow() {
        let p = plan(
            date(2027, 1, 4),
            [(None, Some(date(2027, 2, 26))), (None, None), (None, None)],
        )
        .unwrap();
        assert_eq!(p[1].0, date(2027, 3, 1));
        assert!(plan(
            date(2027, 1, 4),
            [(None, None), (Some(date(2027, 1, 5)), None), (None, None)]
        )
        .is_err());
        assert!(plan(
            date(2027, 1, 4),
            [(None, Some(date(2027, 1, 1))), (None, None), (None, None)]
        )
        .is_err());
    }
}
