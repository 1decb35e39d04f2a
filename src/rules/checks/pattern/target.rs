//! What a `pattern` rule matches: its targets, the pieces of the charter they name,
//! and how messages name each piece.

use crate::model::{Charter, Format, Span, Text};
use crate::rules::support::places::side_of_key;
use crate::rules::Ctx;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    Document,
    Section(String),
    Field(String, String),
    Items(String),
    Fields(String),
}

impl Target {
    pub(super) fn parse(s: &str) -> Result<Target, String> {
        let bad = || {
            format!(
                "unknown target `{s}` (expected document, section:<key>, \
                 field:<section>/<field>, items:<section> or fields:<section>)"
            )
        };
        if s == "document" {
            return Ok(Target::Document);
        }
        let (kind, rest) = s.split_once(':').ok_or_else(bad)?;
        if rest.is_empty() {
            return Err(bad());
        }
        Ok(match kind {
            "section" => Target::Section(rest.to_string()),
            "items" => Target::Items(rest.to_string()),
            "fields" => Target::Fields(rest.to_string()),
            "field" => match rest.split_once('/') {
                Some((sec, field)) if !sec.is_empty() && !field.is_empty() => {
                    Target::Field(sec.to_string(), field.to_string())
                }
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        })
    }

    /// The section the target lies in, if any.
    pub(super) fn section(&self) -> Option<&str> {
        match self {
            Target::Document => None,
            Target::Section(s) | Target::Field(s, _) | Target::Items(s) | Target::Fields(s) => {
                Some(s)
            }
        }
    }
}

/// One piece of a target: a span to match, and how to report it.
pub(super) struct Piece<'a> {
    pub(super) span: Span,
    /// The whole document: an `unmatched` hit is about the charter, not a place.
    pub(super) whole: bool,
    /// The piece's plain text, for `found`.
    pub(super) text: &'a str,
    pub(super) name: Name<'a>,
}

/// How a piece is named in messages; the names are only made for a hit.
#[derive(Clone, Copy)]
pub(in crate::rules::checks) enum Name<'a> {
    Charter,
    /// A section's title, from its key.
    Title(&'a str),
    Field {
        key: &'a str,
        label: Option<&'a Text>,
    },
}

impl Name<'_> {
    /// The `target` and `target_side` of a hit.
    pub(in crate::rules::checks) fn target(self, cx: &Ctx<'_>) -> (String, String) {
        match self {
            Name::Charter => ("the charter".into(), "the charter".into()),
            Name::Title(key) => {
                let title = cx.vocab.title(key);
                (title.clone(), title)
            }
            Name::Field { key, label } => {
                let name = field_name(cx.charter, key, label);
                let side = side_text(cx.charter, key, &name);
                (name, side)
            }
        }
    }
}

/// The text under a span clamped already: `Source::slice` would clamp it again, for
/// each segment and each use.
pub(super) fn clamped<'a>(cx: &Ctx<'a>, s: Span) -> &'a str {
    cx.source.text.get(s.start..s.end).unwrap_or_default()
}

/// A span minus the comments (sorted, disjoint) that overlap it, into `out`.
pub(super) fn segments(span: Span, comments: &[Span], out: &mut Vec<Span>) {
    out.clear();
    let mut from = span.start;
    for c in comments
        .iter()
        .filter(|c| c.end > span.start && c.start < span.end)
    {
        if c.start > from {
            out.push(Span::new(from, c.start));
        }
        from = from.max(c.end);
    }
    if from < span.end {
        out.push(Span::new(from, span.end));
    }
}

/// A match without the format's syntax at its ends: a pattern anchored on `\W*` takes
/// in TOML's quotes, brackets and commas (`"Nothing."`, `["nothing"]`) and Markdown's
/// emphasis markers (`*nothing*`), which are how the value is written, not what it
/// says. Trimmed, the finding points at the words and quotes the same text whatever
/// the format. A match that is nothing but such characters is kept as it is.
pub(in crate::rules::checks) fn without_markup(
    format: Format,
    text: &str,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let syntax = |c: char| {
        c.is_whitespace()
            || match format {
                Format::Toml => matches!(c, '"' | '\'' | '[' | ']' | ','),
                Format::Markdown => matches!(c, '*' | '_' | '`' | '~'),
            }
    };
    let m = &text[start..end];
    let inner = m.trim_start_matches(syntax);
    let lead = m.len() - inner.len();
    let inner = inner.trim_end_matches(syntax);
    if inner.is_empty() {
        return (start, end);
    }
    (start + lead, start + lead + inner.len())
}

/// A field's name for messages: its label as written, else its key. The numbering
/// and emoji a label may start with (`### 2.2 💰 Partner gives`, `**✅ We lose:**`)
/// are left out, as they are when the label is matched: numbered or emoji headings
/// give the same messages as plain ones.
fn field_name(charter: &Charter, key: &str, label: Option<&Text>) -> String {
    let label = label.map(|l| without_decoration(l.text.trim().trim_end_matches(':').trim_end()));
    match label {
        Some(l) if !l.is_empty() && charter.format == Format::Toml => {
            crate::rules::support::text::shorten(&l.replace(['-', '_'], " "))
        }
        Some(l) if !l.is_empty() => crate::rules::support::text::shorten(l),
        _ => key.replace('-', " "),
    }
}

/// A label without what precedes its first word: punctuation, emoji, and tokens with
/// no letter in them (`1.`, `2.2`, `3)`, `2️⃣`, `§ 4`). Matching a label to a field
/// ignores them too, so they are never part of what identifies it. A label that is
/// nothing else is kept as it is.
pub(super) fn without_decoration(label: &str) -> &str {
    let mut rest = label;
    loop {
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let token = rest.split_whitespace().next().unwrap_or_default();
        let numbering = !token.is_empty() && !token.chars().any(char::is_alphabetic);
        if !numbering {
            break;
        }
        rest = &rest[token.len()..];
    }
    if rest.is_empty() {
        label
    } else {
        rest
    }
}

fn side_text(charter: &Charter, key: &str, name: &str) -> String {
    side_of_key(key).map_or_else(
        || name.to_string(),
        |s| crate::rules::support::places::side_name(charter, s),
    )
}
