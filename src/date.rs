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

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Malformed => f.write_str("not a date of the form YYYY-MM-DD"),
            DateError::Impossible => f.write_str("no such day on the calendar"),
        }
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
    a.until(b).map(|span| span.get_days() as i64).unwrap_or(0)
}

/// Today in the local time zone (UTC when the zone cannot be read).
pub fn today() -> Date {
    jiff::Zoned::now().date()
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
    fn counts_days() {
        let a = parse("2026-01-01").unwrap();
        let b = parse("2026-03-01").unwrap();
        assert_eq!(days_between(a, b), 59);
        assert_eq!(days_between(b, a), -59);
    }
}
