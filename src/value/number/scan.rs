//! The grammar of numbers, read token by token with bounded look-ahead.

use super::currency::currency;
use super::{Bound, DurationUnit, NumberKind, Per};
use crate::value::lex::{Cursor, Kind};
use crate::value::words::cardinal;

type Read = (f64, NumberKind, Option<Bound>);

pub(super) fn expr(c: &mut Cursor) -> Option<Read> {
    let bound = bound(c);
    if c.ahead().is_some_and(|t| t.kind == Kind::Word) && c.word(&["from"]).is_some() {
        let (from, _) = quantity(c)?;
        c.word(&["to"])?;
        let (to, _) = quantity(c)?;
        if from == 0.0 {
            return None;
        }
        return Some((
            (to - from) / from * 100.0,
            NumberKind::Change { from, to },
            bound,
        ));
    }
    let (v, kind) = quantity(c)?;
    Some((v, kind, bound))
}

fn bound(c: &mut Cursor) -> Option<Bound> {
    const PHRASES: [(&[&str], Bound); 21] = [
        (&["at", "least"], Bound::AtLeast),
        (&["no", "less", "than"], Bound::AtLeast),
        (&["not", "less", "than"], Bound::AtLeast),
        (&["no", "fewer", "than"], Bound::AtLeast),
        (&["a", "minimum", "of"], Bound::AtLeast),
        (&["minimum", "of"], Bound::AtLeast),
        (&["minimum"], Bound::AtLeast),
        (&["at", "most"], Bound::AtMost),
        (&["no", "more", "than"], Bound::AtMost),
        (&["not", "more", "than"], Bound::AtMost),
        (&["up", "to"], Bound::AtMost),
        (&["a", "maximum", "of"], Bound::AtMost),
        (&["maximum", "of"], Bound::AtMost),
        (&["maximum"], Bound::AtMost),
        (&["more", "than"], Bound::Above),
        (&["greater", "than"], Bound::Above),
        (&["above"], Bound::Above),
        (&["over"], Bound::Above),
        (&["exceeding"], Bound::Above),
        (&["less", "than"], Bound::Below),
        (&["fewer", "than"], Bound::Below),
    ];
    // Most numbers start with digits: the phrases are asked only of a word, and only
    // those that begin with it.
    let first = c.ahead()?;
    if first.kind == Kind::Word {
        let w = c.str(first);
        let mut phrases = PHRASES.iter().filter(|(p, _)| p[0].eq_ignore_ascii_case(w));
        if let Some(b) = phrases.find(|(p, _)| c.phrase(p)).map(|(_, b)| *b) {
            return Some(b);
        }
        if c.word(&["under", "below"]).is_some() {
            return Some(Bound::Below);
        }
        return None;
    }
    if first.kind != Kind::Punct {
        return None;
    }
    let ch = c.punct(&['≥', '≤', '>', '<'], false)?;
    let or_equal = c.punct(&['='], true).is_some();
    Some(match (ch, or_equal) {
        ('≥', _) | ('>', true) => Bound::AtLeast,
        ('≤', _) | ('<', true) => Bound::AtMost,
        ('>', false) => Bound::Above,
        _ => Bound::Below,
    })
}

/// One amount and what it counts.
fn quantity(c: &mut Cursor) -> Option<(f64, NumberKind)> {
    let mut cur = currency(c);
    let negative = sign(c);
    let (mut v, article) = amount(c, cur.is_some())?;
    if negative {
        v = -v;
    }
    v *= magnitude(c);
    if cur.is_none() {
        let mut d = *c;
        if let Some(found) = currency(&mut d) {
            cur = Some(found);
            *c = d;
        }
    }
    if let Some(currency) = cur {
        return Some((
            v,
            NumberKind::Money {
                currency,
                per: per(c),
            },
        ));
    }
    if percent(c) {
        return Some((v, NumberKind::Percent));
    }
    if let Some(whole) = fraction(c) {
        return Some((v / whole * 100.0, NumberKind::Percent));
    }
    if let Some(u) = duration(c) {
        return Some((v, NumberKind::Duration(u)));
    }
    if headcount(c) {
        return Some((v, NumberKind::Headcount));
    }
    if article {
        return None;
    }
    if let Some(whole) = share(c) {
        if whole > 0.0 {
            return Some((v / whole * 100.0, NumberKind::Share { part: v, whole }));
        }
    }
    Some((v, NumberKind::Plain))
}

fn sign(c: &mut Cursor) -> bool {
    c.ahead();
    let mut d = *c;
    let Some(t) = d.bump() else { return false };
    let before = c.text[..t.start].chars().next_back();
    if t.kind != Kind::Punct || before.is_some_and(|ch| ch.is_alphanumeric()) {
        return false;
    }
    let minus = match d.str(t) {
        "-" | "−" => true,
        "+" => false,
        _ => return false,
    };
    if d.peek()
        .is_some_and(|n| n.kind == Kind::Digits && !n.spaced)
    {
        *c = d;
        return minus;
    }
    false
}

/// Digits, number words, `half`, `a dozen`; the flag says it was `a`/`an` alone,
/// which counts only before a unit. `money`: a currency stands before it.
fn amount(c: &mut Cursor, money: bool) -> Option<(f64, bool)> {
    if let Some(v) = literal(c, money) {
        return Some((v, false));
    }
    if c.word(&["half"]).is_some() {
        let mut d = *c;
        if d.punct(&['-'], true).is_some() && d.word_tight(&["time"]).is_some() {
            *c = d;
        }
        return Some((0.5, false));
    }
    if c.word(&["dozen"]).is_some() {
        return Some((12.0, false));
    }
    if c.word(&["a", "an"]).is_some() {
        let scale = [100.0, 1e3, 1e6, 1e9, 12.0];
        return match c.word(&["hundred", "thousand", "million", "billion", "dozen"]) {
            Some(i) => Some((scale[i], false)),
            None => Some((1.0, true)),
        };
    }
    Some((cardinal(c)?, false))
}

/// Digits with thousands separators and a decimal part: `1,200`, `1 200`, `12.5`,
/// `1.200.000,50`; a decimal comma only before a percent sign or a magnitude
/// (`12,5 %`, `1,1 Mio.`) or after a currency (`EUR 3,5`). After a currency a dot
/// before three digits separates thousands (`EUR 240.000`): money is not written to
/// a thousandth; but `£1.250m` is a decimal, as English writes it.
fn literal(c: &mut Cursor, money: bool) -> Option<f64> {
    c.ahead();
    let mut d = *c;
    let t = d.bump()?;
    if t.kind != Kind::Digits {
        return None;
    }
    let text = c.text;
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let group_at = |i: usize| digit(i) && digit(i + 1) && digit(i + 2) && !digit(i + 3);
    let mut end = t.end;
    let mut v = 0.0;
    let mut add = |s: usize, e: usize| {
        for &x in &b[s..e] {
            v = v * 10.0 + f64::from(x - b'0');
        }
    };
    add(t.start, t.end);
    let mut groups = 1;
    let mut sep: Option<&str> = None;
    // A separator (one to three bytes) is followed by a group's digit: with no digit
    // in the three bytes after the run, no separator needs trying.
    if t.end - t.start <= 3 && (1..=3).any(|k| digit(end + k)) {
        for s in [",", "'", " ", "\u{a0}", "\u{202f}", "\u{2009}", "."] {
            if sep.is_some_and(|x| x != s) {
                continue;
            }
            while text[end..].starts_with(s) && group_at(end + s.len()) {
                // A lone `.` group is a decimal (`12.500`) unless money or more groups
                // say otherwise.
                let thousands_money = money && !magnitude_word(text[end + 4..].trim_start());
                let more = text[end + 4..].starts_with('.') || text[end + 4..].starts_with(',');
                if s == "." && groups == 1 && !thousands_money && !more {
                    break;
                }
                sep = Some(s);
                add(end + s.len(), end + s.len() + 3);
                groups += 1;
                end += s.len() + 3;
            }
        }
    }
    let decimal = match sep {
        Some(".") => ',',
        Some(",") => '.',
        _ if text[end..].starts_with('.') => '.',
        _ => ',',
    };
    if text[end..].starts_with(decimal) && digit(end + 1) {
        let mut j = end + 1;
        while digit(j) {
            j += 1;
        }
        let unit_after = || {
            let after = text[j..].trim_start();
            after.starts_with('%') || magnitude_word(after)
        };
        if decimal == '.' || sep == Some(".") || (j - end <= 3 && (money || unit_after())) {
            let mut scale = 0.1;
            for &x in &b[end + 1..j] {
                v += f64::from(x - b'0') * scale;
                scale /= 10.0;
            }
            end = j;
        }
    }
    c.jump(end);
    Some(v)
}

/// Whether `s` starts with a magnitude (`Mio.`, `million`, `m`, `bn`) as a word.
fn magnitude_word(s: &str) -> bool {
    let word = s
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    [
        "k", "m", "mn", "bn", "tn", "thousand", "million", "mio", "billion", "trillion",
    ]
    .iter()
    .any(|m| word.eq_ignore_ascii_case(m))
}

fn magnitude(c: &mut Cursor) -> f64 {
    const TIGHT: [(&str, f64); 8] = [
        ("k", 1e3),
        ("K", 1e3),
        ("m", 1e6),
        ("M", 1e6),
        ("mn", 1e6),
        ("bn", 1e9),
        ("B", 1e9),
        ("tn", 1e12),
    ];
    c.ahead();
    let mut d = *c;
    if let Some(t) = d.bump() {
        if !t.spaced && t.kind == Kind::Word {
            if let Some((_, m)) = TIGHT.iter().find(|(s, _)| *s == d.str(t)) {
                *c = d;
                return *m;
            }
        }
    }
    let words = ["thousand", "million", "mio", "billion", "bn", "trillion"];
    match c.word(&words) {
        Some(i) => [1e3, 1e6, 1e6, 1e9, 1e9, 1e12][i],
        None => 1.0,
    }
}

fn percent(c: &mut Cursor) -> bool {
    c.punct(&['%'], false).is_some()
        || c.word(&["percent", "pct"]).is_some()
        || c.phrase(&["per", "cent"])
}

fn duration(c: &mut Cursor) -> Option<DurationUnit> {
    let mut d = *c;
    d.punct(&['-'], true);
    d.word(&["business", "working", "calendar"]);
    let i = d.word(&[
        "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
    ])?;
    *c = d;
    Some(
        [
            DurationUnit::Hour,
            DurationUnit::Day,
            DurationUnit::Week,
            DurationUnit::Month,
            DurationUnit::Year,
        ][i / 2],
    )
}

const PEOPLE: [&str; 36] = [
    "fte",
    "ftes",
    "engineer",
    "engineers",
    "developer",
    "developers",
    "people",
    "person",
    "persons",
    "staff",
    "analyst",
    "analysts",
    "designer",
    "designers",
    "manager",
    "managers",
    "scientist",
    "scientists",
    "consultant",
    "consultants",
    "specialist",
    "specialists",
    "architect",
    "architects",
    "heads",
    "hires",
    "employee",
    "employees",
    "contractor",
    "contractors",
    "rep",
    "reps",
    "pm",
    "pms",
    "headcount",
    "time",
];

/// A role noun, perhaps after two describing words (`three senior backend engineers`).
fn headcount(c: &mut Cursor) -> bool {
    // `half-time` has been read as the amount already.
    if c.text[..c.last_end].ends_with("time") {
        return true;
    }
    let mut d = *c;
    for _ in 0..3 {
        if d.word(&PEOPLE[..35]).is_some() {
            *c = d;
            return true;
        }
        let mut e = d;
        e.punct(&['-'], true);
        match e.bump() {
            Some(t) if t.kind == Kind::Word => d = e,
            _ => return false,
        }
    }
    false
}

/// A fraction of a group: `two thirds of`, `three quarters of`, `half of` (the amount
/// `half` already read): the whole it divides by. Only before `of`, as `two quarters`
/// alone is a period.
fn fraction(c: &mut Cursor) -> Option<f64> {
    let mut d = *c;
    let read = c.text.as_bytes().get(..c.last_end).unwrap_or_default();
    let half = read.len() >= 4 && read[read.len() - 4..].eq_ignore_ascii_case(b"half");
    let whole = if half {
        1.0
    } else {
        let i = d.word(&[
            "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths",
        ])?;
        [3.0, 3.0, 4.0, 4.0, 5.0, 5.0, 10.0, 10.0][i]
    };
    let mut e = d;
    e.word(&["of"])?;
    *c = d;
    Some(whole)
}

/// `of 10`, `out of 10`, `in 10`, or `/10` before a noun.
fn share(c: &mut Cursor) -> Option<f64> {
    let mut d = *c;
    if d.word(&["of"]).is_some() || d.phrase(&["out", "of"]) {
        // `eight of the ten pilots`
        let mut e = d;
        if e.word(&["the"]).is_some() {
            d = e;
        }
        let whole = literal(&mut d, false).or_else(|| cardinal(&mut d))?;
        if percent(&mut d.clone()) {
            return None;
        }
        *c = d;
        return Some(whole);
    }
    // `seven in ten`, `1 in 5 depots`: a small whole, not a period or a year (`3 in
    // 10 weeks`, `2 in 2027`).
    if d.word(&["in"]).is_some() {
        let whole = literal(&mut d, false).or_else(|| cardinal(&mut d))?;
        let mut e = d;
        if whole > 100.0 || percent(&mut e.clone()) || duration(&mut e).is_some() {
            return None;
        }
        *c = d;
        return Some(whole);
    }
    d.punct(&['/'], true)?;
    let whole = literal(&mut d, false)?;
    let noun = d.peek().is_some_and(|t| t.kind == Kind::Word && t.spaced);
    if !noun {
        return None;
    }
    *c = d;
    Some(whole)
}

fn per(c: &mut Cursor) -> Option<Per> {
    let mut d = *c;
    let found = if d.word(&["a", "per"]).is_some() || d.punct(&['/'], true).is_some() {
        match d.word(&["year", "annum", "yr", "month", "mo"])? {
            0..=2 => Per::Year,
            _ => Per::Month,
        }
    } else {
        match d.word(&["annually", "yearly", "pa", "monthly"])? {
            3 => Per::Month,
            _ => Per::Year,
        }
    };
    *c = d;
    Some(found)
}
