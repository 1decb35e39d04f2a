//! ISO 8601 calendar dates as charters write them, checked by us rather than the
//! TOML parser (which accepts `"2026-02-30"` as an ordinary string).

use jiff::civil::Date;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Malformed,
    /// Well formed but not on the calendar, such as `2026-02-30`.
    Impossible,
}

impl DateError {
    /// What is wrong, in a few words.
    pub fn reason(&self) -> &'static str {
        match self {
            DateError::Malformed => "not a date of the form YYYY-MM-DD",
            DateError::Impossible => "no such day on the calendar",
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason())
    }
}

/// Parse `YYYY-MM-DD` (surrounding whitespace allowed; a TOML datetime's time part is ignored).
pub fn parse(s: &str) -> Result<Date, DateError> {
    // Dates are nearly always written without spaces around them: no Unicode trim then.
    let untrimmed =
        |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !char::from(b).is_whitespace());
    let s = if untrimmed(s.as_bytes().first()) && untrimmed(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    };
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateError::Malformed);
    }
    // A full datetime (`2026-09-15T10:00:00Z`) is accepted for its date.
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return Err(DateError::Malformed);
    }
    // Digits only (no sign), so the value is read off directly.
    let digit = |i: usize| match b[i] {
        c @ b'0'..=b'9' => Ok(i32::from(c - b'0')),
        _ => Err(DateError::Malformed),
    };
    let y = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let m = digit(5)? * 10 + digit(6)?;
    let d = digit(8)? * 10 + digit(9)?;
    Date::new(y as i16, m as i8, d as i8).map_err(|_| DateError::Impossible)
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    day_number(b) - day_number(a)
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`): arithmetic rather than a jiff span, which costs more than the
/// phase-duration check that asks for it.
fn day_number(date: Date) -> i64 {
    let (m, d) = (i64::from(date.month()), i64::from(date.day()));
    // The year from March, so that the leap day ends it.
    let y = i64::from(date.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Today in the local time zone (UTC when the zone cannot be read).
pub fn today() -> Date {
    match local_zone() {
        Some(tz) => jiff::Timestamp::now().to_zoned(tz).date(),
        None => jiff::Zoned::now().date(),
    }
}

/// The zone `/etc/localtime` describes, when `TZ` is not set (jiff is asked otherwise).
///
/// jiff's own answer is the same zone, found by name: it lists the whole zoneinfo
/// database first, a noticeable share of linting one charter in a pre-commit hook
/// (bench/README.md). Only the date is needed, and the file alone has every offset.
fn local_zone() -> Option<jiff::tz::TimeZone> {
    if !cfg!(unix) || std::env::var_os("TZ").is_some() {
        return None;
    }
    let bytes = std::fs::read("/etc/localtime").ok()?;
    jiff::tz::TimeZone::tzif("Local", &bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_dates_only() {
        assert_eq!(parse("2026-09-15").map(|d| d.day()), Ok(15));
        assert_eq!(parse(" 2024-02-29 ").map(|d| d.month()), Ok(2));
        assert_eq!(parse("2026-02-30"), Err(DateError::Impossible));
        assert_eq!(parse("2026-13-01"), Err(DateError::Impossible));
        assert_eq!(parse("2026-9-15"), Err(DateError::Malformed));
        assert_eq!(parse("next week"), Err(DateError::Malformed));
        assert_eq!(parse("2026-09-15T10:00:00Z").map(|d| d.day()), Ok(15));
    }

    #[test]
    fn today_is_the_day_jiff_gives() {
        // Read between two of jiff's answers, so that midnight cannot fail the test.
        let before = jiff::Zoned::now().date();
        let ours = today();
        let after = jiff::Zoned::now().date();
        assert!(
            ours == before || ours == after,
            "{ours} vs {before}..{after}"
        );
    }

    #[test]
    fn counts_days() {
        let a = parse("2026-01-01").unwrap();
        let b = parse("2026-03-01").unwrap();
        assert_eq!(days_between(a, b), 59);
        assert_eq!(days_between(b, a), -59);
    }

    #[test]
    fn day_numbers_count_the_days_jiff_counts() {
        use jiff::civil::date;
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        let days = [
            date(2026, 9, 7),
            date(2024, 2, 28),
            date(2024, 2, 29),
            date(2024, 3, 1),
            date(2000, 2, 29),
            date(1900, 3, 1),
            date(2100, 2, 28),
            date(1, 1, 1),
            date(-9999, 1, 1),
            date(9999, 12, 31),
            date(2026, 12, 31),
            date(2027, 1, 1),
        ];
        // And every day of four years, from the first of those.
        let mut all: Vec<_> = days.to_vec();
        let mut d = date(2023, 1, 1);
        for _ in 0..(4 * 366) {
            all.push(d);
            d = d.tomorrow().expect("in range");
        }
        for &a in &days {
            for &b in &all {
                let by_jiff = a.until(b).ok().map(|span| i64::from(span.get_days()));
                assert_eq!(Some(day_number(b) - day_number(a)), by_jiff, "{a} {b}");
            }
        }
    }
}
