//! Metadata keys (partner, company, tier, …) read from a TOML table: the TOML front
//! matter of a Markdown charter and the top level of a TOML charter share this.

mod described;
mod keys;
use crate::model::{Issue, IssueKind, Leverage, Meta, Parsed, Span, Text};
pub use crate::suggest::{canonical, canonical_key, closest};
use crate::value::date::DateValue;
use jiff::civil::Date;
pub use keys::meta_key;
use std::borrow::Cow;
use toml::de::{DeString, DeTable, DeValue};
use toml::value::Datetime;
use toml::Spanned;

/// The metadata keys, in their canonical spelling.
pub const META_KEYS: &[&str] = &[
    "partner",
    "company",
    "tier",
    "leverage",
    "status",
    "created",
    "next-review",
];

/// Fill `meta` from the metadata keys of `table`. Spans in `table` are relative to
/// its own text, which starts at byte `base` of the source. Returns the keys that are
/// not metadata, for the caller to read as sections or report as unknown.
pub fn read_meta<'t, 'i>(
    table: &'t DeTable<'i>,
    base: usize,
    meta: &mut Meta,
    issues: &mut Vec<Issue>,
) -> Entries<'t, 'i> {
    read_meta_with(table, base, None, meta, issues).0
}

/// [`read_meta`], with the text `table` was parsed from, so that dates keep the text
/// the author wrote (see [`scalar_in`]). Also returns what the metadata keys and
/// their values cover (None when there are none).
pub fn read_meta_in<'t, 'i>(
    table: &'t DeTable<'i>,
    base: usize,
    src: &str,
    meta: &mut Meta,
    issues: &mut Vec<Issue>,
) -> (Entries<'t, 'i>, Option<Span>) {
    read_meta_with(table, base, Some(src), meta, issues)
}

type Entries<'t, 'i> = Vec<(&'t Spanned<DeString<'i>>, &'t Spanned<DeValue<'i>>)>;

fn read_meta_with<'t, 'i>(
    table: &'t DeTable<'i>,
    base: usize,
    src: Option<&str>,
    meta: &mut Meta,
    issues: &mut Vec<Issue>,
) -> (Entries<'t, 'i>, Option<Span>) {
    // Room for the keys that are not metadata: none in most front matter.
    let mut rest = Vec::with_capacity(table.len().saturating_sub(META_KEYS.len()));
    let mut covered: Option<Span> = None;
    for (key, value) in table.iter() {
        let span = shift(value.span(), base);
        let whole = shift(key.span(), base).join(span);
        let name = meta_key(key.get_ref()).unwrap_or_default();
        match name {
            "leverage" => {
                meta.leverage_span = Some(whole);
                let values = list_with(value, base, src, key.get_ref(), issues);
                meta.leverage = leverages(values);
                covered = Some(covered.map_or(whole, |c| c.join(whole)));
                continue;
            }
            "" => {
                rest.push((key, value));
                continue;
            }
            _ => set(
                meta,
                name,
                scalar_with(value, base, src, key.get_ref(), issues),
            ),
        }
        covered = Some(covered.map_or(whole, |c| c.join(whole)));
    }
    (rest, covered)
}

/// Put the text of metadata key `key` (canonical, not `leverage`) in its place, read
/// as that key's value.
pub fn set(meta: &mut Meta, key: &str, text: Option<Text>) {
    match key {
        "partner" => meta.partner = text,
        "company" => meta.company = text,
        "tier" => meta.tier = text.map(Parsed::tier),
        "status" => meta.status = text.map(Parsed::status),
        "created" => meta.created = text.map(day),
        "next-review" => meta.next_review = text.map(day),
        _ => {}
    }
}

/// Whether metadata key `key` (canonical) already has a value.
pub fn is_set(meta: &Meta, key: &str) -> bool {
    match key {
        "partner" => meta.partner.is_some(),
        "company" => meta.company.is_some(),
        "tier" => meta.tier.is_some(),
        "status" => meta.status.is_some(),
        "created" => meta.created.is_some(),
        "next-review" => meta.next_review.is_some(),
        "leverage" => meta.leverage_span.is_some(),
        _ => true,
    }
}

/// A metadata date: `YYYY-MM-DD`, or a day as people write it (`1 March 2027`,
/// `March 1, 2027`), also with its ISO form beside it in parentheses. A day that is
/// not on the calendar is an error, as in ISO form.
pub fn day(text: Text) -> Parsed<Date> {
    let value = match crate::date::parse(&text.text) {
        Ok(d) => Ok(d),
        Err(e) => {
            let t = text.text.as_str();
            let (before, inside) = match t.split_once('(') {
                Some((b, rest)) => (b, rest.split_once(')').map(|(i, _)| i)),
                None => (t, None),
            };
            let read = |s: &str| crate::value::date::read_whole(s);
            match read(t).or_else(|| read(before)) {
                Some(DateValue::Day(d)) => Ok(d),
                Some(DateValue::NoSuchDay(_)) => Err(crate::date::DateError::Impossible.reason()),
                other => match inside.and_then(read) {
                    Some(DateValue::Day(d)) => Ok(d),
                    _ if matches!(other, Some(DateValue::Ambiguous { .. })) => {
                        Err("day-first or month-first? write it as YYYY-MM-DD")
                    }
                    _ => Err(e.reason()),
                },
            }
        }
    };
    Parsed { text, value }
}

/// Leverage values, each read: a value that lists several (`economic, customer`,
/// `economic + customer`, `requirement and economic`) counts as each of them.
pub fn leverages(values: Vec<Text>) -> Vec<Parsed<Leverage>> {
    let mut out = Vec::with_capacity(values.len());
    for t in values {
        if Leverage::parse(&t.text).is_none() && t.text.split_whitespace().nth(3).is_some() {
            // A sentence describing the leverage (`Kettle's till data is a requirement
            // for our product`): the kinds its words name, each at its word.
            let found = described::leverage(&t);
            if !found.is_empty() {
                out.extend(found);
                continue;
            }
        }
        split_list(t, |piece| out.push(Parsed::leverage(piece)));
    }
    out
}

/// The items of a list written in one text, outside parentheses: split at `,` `;`
/// `+` `&` `/` and the word `and`. Each item's span is its own when the text is the
/// source as written (or quoted), else the whole text's.
fn split_list(t: Text, mut each: impl FnMut(Text)) {
    let s = t.text.as_str();
    let is_sep = |b: u8| matches!(b, b',' | b';' | b'+' | b'&' | b'/');
    if !s.bytes().any(|b| is_sep(b) || b == b' ') {
        return each(t);
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b if depth == 0 && is_sep(b) => cuts.push((i, i + 1)),
            b' ' if depth == 0 && bytes[i + 1..].len() >= 4 => {
                let next = &bytes[i + 1..i + 5];
                if next[..3].eq_ignore_ascii_case(b"and") && next[3] == b' ' {
                    cuts.push((i, i + 4));
                }
            }
            _ => {}
        }
        i += 1;
    }
    if cuts.is_empty() {
        return each(t);
    }
    // Where the text starts inside its span: 0 as written, 1 inside quotes.
    let offset = match t.span.len().checked_sub(s.len()) {
        Some(0) => Some(0),
        Some(2) => Some(1),
        _ => None,
    };
    let mut from = 0;
    for (a, b) in cuts.into_iter().chain(std::iter::once((s.len(), s.len()))) {
        let piece = &s[from..a];
        let lead = piece.len() - piece.trim_start().len();
        let piece_trim = piece.trim();
        if !piece_trim.is_empty() {
            let span = match offset {
                Some(o) => {
                    let start = t.span.start + o + from + lead;
                    Span::new(start, start + piece_trim.len())
                }
                None => t.span,
            };
            each(Text::new(piece_trim, span));
        }
        from = b;
    }
}

/// A scalar value as text: strings, integers, floats, booleans and dates alike (a
/// `tier = 2` and a `tier = "2"` mean the same). An array or table is a wrong type.
pub fn scalar(
    value: &Spanned<DeValue<'_>>,
    base: usize,
    key: &str,
    issues: &mut Vec<Issue>,
) -> Option<Text> {
    scalar_with(value, base, None, key, issues)
}

/// [`scalar`], with the text the value was parsed from: a bare date is then kept as
/// written. That matters for dates the TOML parser rejects (`2026-02-30`), which it
/// hands over empty, and for datetimes written with a space instead of `T`.
pub fn scalar_in(
    value: &Spanned<DeValue<'_>>,
    base: usize,
    src: &str,
    key: &str,
    issues: &mut Vec<Issue>,
) -> Option<Text> {
    scalar_with(value, base, Some(src), key, issues)
}

fn scalar_with(
    value: &Spanned<DeValue<'_>>,
    base: usize,
    src: Option<&str>,
    key: &str,
    issues: &mut Vec<Issue>,
) -> Option<Text> {
    let span = shift(value.span(), base);
    match scalar_text(value, src) {
        Ok(text) => Some(Text::new(text, span)),
        Err(found) => {
            issues.push(wrong_type(key, found, "text", span));
            None
        }
    }
}

/// The text of a scalar (see [`scalar_in`]), borrowed where it can be; for an array
/// or table, the name of its type.
pub fn scalar_text<'v>(
    value: &'v Spanned<DeValue<'_>>,
    src: Option<&'v str>,
) -> Result<Cow<'v, str>, &'static str> {
    Ok(match value.get_ref() {
        DeValue::String(s) => Cow::Borrowed(s.as_ref()),
        DeValue::Integer(i) => Cow::Borrowed(i.as_str()),
        DeValue::Float(f) => Cow::Borrowed(f.as_str()),
        DeValue::Boolean(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        DeValue::Datetime(d) => match src.and_then(|src| src.get(value.span())) {
            Some(written) => Cow::Borrowed(written.trim()),
            None => Cow::Owned(datetime_text(d)),
        },
        other => return Err(other.type_str()),
    })
}

/// `d.to_string()`. A bare date, as every charter has, is written digit by digit:
/// the formatting machinery costs about a thousand instructions a date.
fn datetime_text(d: &Datetime) -> String {
    match (d.date, d.time, d.offset) {
        (Some(date), None, None) if date.year <= 9999 && date.month <= 99 && date.day <= 99 => {
            let mut s = String::with_capacity(10);
            push_digits(&mut s, date.year, 4);
            s.push('-');
            push_digits(&mut s, date.month.into(), 2);
            s.push('-');
            push_digits(&mut s, date.day.into(), 2);
            s
        }
        _ => d.to_string(),
    }
}

/// The last `width` decimal digits of `n`, zero-padded (`{n:0width$}` for `n` of at
/// most `width` digits).
fn push_digits(s: &mut String, n: u16, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u16.pow(place) % 10;
        s.push(char::from(b'0' + digit as u8));
    }
}

/// A list of scalars; a lone scalar is read as a list of one.
pub fn list(
    value: &Spanned<DeValue<'_>>,
    base: usize,
    key: &str,
    issues: &mut Vec<Issue>,
) -> Vec<Text> {
    list_with(value, base, None, key, issues)
}

/// [`list`], keeping dates as written (see [`scalar_in`]).
pub fn list_in(
    value: &Spanned<DeValue<'_>>,
    base: usize,
    src: &str,
    key: &str,
    issues: &mut Vec<Issue>,
) -> Vec<Text> {
    list_with(value, base, Some(src), key, issues)
}

fn list_with(
    value: &Spanned<DeValue<'_>>,
    base: usize,
    src: Option<&str>,
    key: &str,
    issues: &mut Vec<Issue>,
) -> Vec<Text> {
    match value.get_ref() {
        DeValue::Array(items) => items
            .iter()
            .filter_map(|item| scalar_with(item, base, src, key, issues))
            .collect(),
        _ => scalar_with(value, base, src, key, issues)
            .into_iter()
            .collect(),
    }
}

pub fn wrong_type(key: &str, found: &str, expected: &str, span: Span) -> Issue {
    let key = shown_key(key);
    Issue {
        kind: IssueKind::WrongType,
        message: format!("`{key}` should be {expected}, not {found}"),
        span,
    }
}

/// A key as a message quotes it. `toml` keeps the `\r` of a CRLF in the text of an
/// unterminated quoted key (an LF file's key ends before the `\n`); like
/// [`canonical_key`], the message does not count it.
fn shown_key(key: &str) -> &str {
    key.trim_end_matches(['\r', '\n'])
}

pub fn unknown_key(key: &str, span: Span, known: &[&str]) -> Issue {
    let key = shown_key(key);
    let hint = closest(key, known)
        .map(|k| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default();
    Issue {
        kind: IssueKind::UnknownKey,
        message: format!("unknown key `{key}`{hint}"),
        span,
    }
}

pub fn shift(r: std::ops::Range<usize>, base: usize) -> Span {
    Span::new(r.start + base, r.end + base)
}

#[cfg(test)]
mod tests;
