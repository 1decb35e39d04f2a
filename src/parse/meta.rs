//! Metadata keys (partner, company, tier, …) read from a TOML table: the TOML front
//! matter of a Markdown charter and the top level of a TOML charter share this.

use crate::model::{Issue, IssueKind, Meta, Parsed, Span, Text};
pub use crate::suggest::{canonical, canonical_key, closest};
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
                meta.leverage = values.into_iter().map(Parsed::leverage).collect();
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
        "created" => meta.created = text.map(Parsed::date),
        "next-review" => meta.next_review = text.map(Parsed::date),
        _ => {}
    }
}

/// The metadata key `key` names, if any. Keys are nearly always written as
/// [`META_KEYS`] spells them: those are found without making the canonical form.
fn meta_key(key: &str) -> Option<&'static str> {
    let known = |k: &str| META_KEYS.iter().copied().find(|&m| m == k);
    known(key).or_else(|| known(&canonical(key)))
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
mod tests {
    use super::*;

    #[test]
    fn reads_metadata_and_returns_the_rest() {
        let src = "partner = \"Northwind\"\ntier = 2\nleverage = \"economic\"\nnext_review = 2027-01-15\n[goals]\nus = \"x\"\n";
        let table = DeTable::parse(src).unwrap();
        let mut meta = Meta::default();
        let mut issues = Vec::new();
        let rest = read_meta(table.get_ref(), 10, &mut meta, &mut issues);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(meta.partner.as_ref().unwrap().text, "Northwind");
        assert_eq!(meta.tier.as_ref().unwrap().text.text, "2");
        assert_eq!(meta.leverage.len(), 1);
        assert_eq!(meta.next_review.as_ref().unwrap().text.text, "2027-01-15");
        let p = meta.partner.unwrap().span;
        assert_eq!(&src[p.start - 10..p.end - 10], "\"Northwind\"");
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].0.get_ref().as_ref(), "goals");
    }

    #[test]
    fn dates_keep_their_written_text_with_the_source() {
        // The parser rejects the day but keeps the key; the text must survive for `invalid-date`.
        let src = "created = 2026-02-30\nnext-review = 2027-01-15 10:00:00\n";
        let (table, errors) = DeTable::parse_recoverable(src);
        assert_eq!(errors.len(), 1);
        let mut meta = Meta::default();
        let mut issues = Vec::new();
        read_meta_in(table.get_ref(), 0, src, &mut meta, &mut issues);
        assert_eq!(meta.created.unwrap().text.text, "2026-02-30");
        assert_eq!(meta.next_review.unwrap().text.text, "2027-01-15 10:00:00");
    }

    #[test]
    fn datetimes_are_written_as_their_display_writes_them() {
        for text in [
            "2026-07-08",
            "0001-01-01",
            "9999-12-31",
            "2026-02-30",
            "2026-07-08T10:00:00",
            "2026-07-08 10:00:00.120Z",
            "2026-07-08T10:00:00+05:30",
            "10:00:00",
        ] {
            if let Ok(d) = text.parse::<Datetime>() {
                assert_eq!(datetime_text(&d), d.to_string(), "{text:?}");
            }
        }
        for (year, month, day) in [
            (0, 0, 0),
            (7, 1, 9),
            (999, 10, 99),
            (9999, 99, 10),
            (10000, 1, 1),
            (65535, 255, 255),
            (2026, 100, 1),
            (2026, 1, 100),
        ] {
            let date = toml::value::Date { year, month, day };
            let d = Datetime {
                date: Some(date),
                time: None,
                offset: None,
            };
            assert_eq!(datetime_text(&d), d.to_string(), "{date:?}");
        }
    }

    #[test]
    fn canonical_keys_are_borrowed_when_already_canonical() {
        for key in [
            "next-review",
            "Next_Review",
            " tier\t",
            "\u{a0}tier\u{a0}",
            "\u{b}tier",
            "",
            " ",
            "É_x",
            "we-give",
        ] {
            let old = key.trim().to_ascii_lowercase().replace('_', "-");
            assert_eq!(canonical(key), old, "{key:?}");
        }
        assert!(matches!(canonical("next-review"), Cow::Borrowed(_)));
        assert!(matches!(canonical("next_review"), Cow::Owned(_)));
    }

    #[test]
    fn wrong_types_and_typos_are_issues() {
        let table = DeTable::parse("tier = [1]\n").unwrap();
        let mut meta = Meta::default();
        let mut issues = Vec::new();
        read_meta(table.get_ref(), 0, &mut meta, &mut issues);
        assert_eq!(issues[0].kind, IssueKind::WrongType);
        assert_eq!(closest("parnter", META_KEYS), Some("partner"));
        assert_eq!(closest("next_reveiw", META_KEYS), Some("next-review"));
        assert_eq!(closest("zzz", META_KEYS), None);
    }
}
