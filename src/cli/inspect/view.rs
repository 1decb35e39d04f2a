//! How one charter was read, as lines and plain values: built from the model and the
//! source alone (never the parser's internals), rendered by `human` and serialised
//! as is for `--format json`. Field names here are the JSON's, a public contract
//! documented in docs/inspect.md.

use crate::model::{
    Charter, Format, IssueKind, Leverage, Parsed, Side, Span, Status, Text, UnreadKind,
};
use crate::source::Source;
use crate::vocab::Vocabulary;
use jiff::civil::Date;
use serde::Serialize;

/// Values are cut to this many characters: enough to recognise them, short enough
/// to keep one item on one line.
const VALUE_CHARS: usize = 48;

#[derive(Debug, Serialize)]
pub struct FileView {
    pub path: String,
    pub format: &'static str,
    /// Every headings and label the reader could not place; first, as the likeliest
    /// cause of a finding that looks wrong.
    pub unread: Vec<UnreadView>,
    pub issues: Vec<IssueView>,
    /// One entry per metadata key, in a fixed order, absent ones included (with
    /// `written: null`); `leverage` has one entry per value written.
    pub metadata: Vec<MetaView>,
    pub sections: Vec<SectionView>,
    pub phases: Vec<PhaseView>,
    pub metrics: Vec<MetricView>,
    pub signatures: Vec<SignatureView>,
}

#[derive(Debug, Serialize)]
pub struct UnreadView {
    /// `heading` or `label`.
    pub kind: &'static str,
    /// 1–6 for a Markdown heading, 0 for a line that only stands as one; none for a label.
    pub level: Option<u8>,
    /// The heading or label as the reader saw it (markup removed).
    pub text: String,
    /// Its first line as written in the source (`## Delivery plan`, `**Relay:**`).
    pub written: String,
    /// The canonical section it stood in, if any.
    pub section: Option<String>,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Serialize)]
pub struct IssueView {
    /// `syntax`, `unknown-key` or `wrong-type`.
    pub kind: &'static str,
    pub message: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Serialize)]
pub struct MetaView {
    pub key: &'static str,
    /// The value as written; `null` when the charter does not give this key.
    pub written: Option<String>,
    /// The value as read (a date in ISO form, a tier's name, …); `null` when absent or
    /// when it did not parse.
    pub value: Option<String>,
    /// Why the written value did not parse.
    pub error: Option<&'static str>,
    /// `front-matter`, `toml` (a TOML key) or `body` (a line of the Markdown body).
    pub source: Option<&'static str>,
    pub line: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub key: String,
    /// The pack's title for the key.
    pub title: String,
    /// The heading's first line as written in the source (`## 3. Commercials`, `[goals]`).
    pub heading: String,
    pub line: usize,
    /// The heading names no section: the content under it was read as this one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_content: bool,
    pub fields: Vec<FieldView>,
    /// How many unlabelled items (paragraphs, list items, rows) the section holds.
    pub items: usize,
}

#[derive(Debug, Serialize)]
pub struct FieldView {
    pub key: String,
    /// The label as the reader saw it (markup removed).
    pub label: String,
    pub line: usize,
    /// The start of the value, shortened.
    pub value: String,
}

#[derive(Debug, Serialize)]
pub struct PhaseView {
    pub name: String,
    /// `crawl`, `walk` or `run`; `null` when the name was not recognised as one.
    pub kind: Option<&'static str>,
    pub line: usize,
    pub start: Option<DateView>,
    pub end: Option<DateView>,
    pub scope: Option<TextView>,
    pub go_no_go: Option<TextView>,
    pub result: Option<TextView>,
    /// A window written relative to another date, as read (`day 1 to day 60 after
    /// signing`), and the day it was counted from (`null` when the charter gives none,
    /// and then no dates were made up).
    pub relative: Option<RelativeView>,
    /// The bar's and the result's numbers as read (a percentage; a share `N of M` as
    /// its percentage).
    pub bar_percent: Option<f64>,
    pub result_percent: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct RelativeView {
    pub read_as: String,
    pub counted_from: Option<String>,
}

/// A date as written and as read. A reader that resolves relative dates adds how it
/// did so here, next to the value.
#[derive(Debug, Serialize)]
pub struct DateView {
    pub written: String,
    /// ISO 8601 (`2027-04-06`); `null` when it did not parse.
    pub value: Option<String>,
    pub error: Option<&'static str>,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct TextView {
    /// Shortened to its start.
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct MetricView {
    pub name: String,
    pub target: Option<TextView>,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct SignatureView {
    pub who: String,
    /// `company` (ours), `partner`, or `null` when the names did not tell.
    pub side: Option<&'static str>,
    pub signed: bool,
    pub date: Option<TextView>,
    pub line: usize,
}

/// Read the model of one charter into its view.
pub fn build(source: &Source, charter: &Charter, vocab: &Vocabulary) -> FileView {
    let line = |span: Span| source.line_col(span.start).0;
    let text = |t: &Text| TextView {
        text: shorten(&t.text),
        line: line(t.span),
    };
    FileView {
        path: source.name.clone(),
        format: charter.format.name(),
        unread: charter
            .unread
            .iter()
            .map(|u| {
                let (line, column) = source.line_col(u.text.span.start);
                let (kind, level) = match u.kind {
                    UnreadKind::Heading { level } => ("heading", Some(level)),
                    UnreadKind::Label => ("label", None),
                };
                UnreadView {
                    kind,
                    level,
                    text: shorten(&u.text.text),
                    written: shorten(source.slice(u.text.span)),
                    section: u.section.clone(),
                    line,
                    column,
                }
            })
            .collect(),
        issues: charter
            .issues
            .iter()
            .map(|i| {
                let (line, column) = source.line_col(i.span.start);
                IssueView {
                    kind: issue_kind(i.kind),
                    message: i.message.clone(),
                    line,
                    column,
                }
            })
            .collect(),
        metadata: metadata(source, charter),
        sections: charter
            .sections
            .iter()
            .map(|s| SectionView {
                key: s.key.clone(),
                title: vocab.title(&s.key),
                heading: shorten(source.slice(s.heading.span)),
                line: line(s.heading.span),
                by_content: charter.format == Format::Markdown
                    && vocab
                        .heading_for(&s.heading.text)
                        .is_none_or(|(k, _)| k != s.key),
                fields: s
                    .fields
                    .iter()
                    .map(|f| FieldView {
                        key: f.key.clone(),
                        label: shorten(&f.label.text),
                        line: line(f.label.span),
                        value: shorten(&f.value.text),
                    })
                    .collect(),
                items: s.items.len(),
            })
            .collect(),
        phases: charter
            .phases
            .iter()
            .map(|p| PhaseView {
                name: shorten(&p.name.text),
                kind: p.kind.map(|k| k.name()),
                line: line(p.span),
                start: p.start.as_ref().map(|d| date(source, d)),
                end: p.end.as_ref().map(|d| date(source, d)),
                scope: p.scope.as_ref().map(text),
                go_no_go: p.go_no_go.as_ref().map(text),
                result: p.result.as_ref().map(text),
                relative: p.relative.as_ref().map(|r| RelativeView {
                    read_as: r.written.to_string(),
                    counted_from: r.anchor.map(|d| d.to_string()),
                }),
                bar_percent: p.bar.as_ref().map(|n| n.value),
                result_percent: p.achieved.as_ref().map(|n| n.value),
            })
            .collect(),
        metrics: charter
            .metrics
            .iter()
            .map(|m| MetricView {
                name: shorten(&m.name.text),
                target: m.target.as_ref().map(text),
                line: line(m.span),
            })
            .collect(),
        signatures: charter
            .signatures
            .iter()
            .map(|s| SignatureView {
                who: shorten(&s.who.text),
                side: s.side.map(side_name),
                signed: s.signed,
                date: s.date.as_ref().map(text),
                line: line(s.span),
            })
            .collect(),
    }
}

fn metadata(source: &Source, charter: &Charter) -> Vec<MetaView> {
    let meta = &charter.meta;
    let origin = |span: Span| match charter.format {
        Format::Toml => "toml",
        Format::Markdown => match meta.span {
            Some(fm) if fm.start <= span.start && span.end <= fm.end => "front-matter",
            _ => "body",
        },
    };
    let entry = |key: &'static str, written: &Text, value: Result<String, &'static str>| {
        let (value, error) = match value {
            Ok(v) => (Some(v), None),
            Err(e) => (None, Some(e)),
        };
        MetaView {
            key,
            written: Some(shorten(&written.text)),
            value,
            error,
            source: Some(origin(written.span)),
            line: Some(source.line_col(written.span.start).0),
        }
    };
    let plain = |key, t: &Text| entry(key, t, Ok(t.text.clone()));
    let absent = |key| MetaView {
        key,
        written: None,
        value: None,
        error: None,
        source: None,
        line: None,
    };
    let iso = |d: &Date| d.to_string();
    let mut out = vec![
        meta.partner
            .as_ref()
            .map_or_else(|| absent("partner"), |t| plain("partner", t)),
        meta.company
            .as_ref()
            .map_or_else(|| absent("company"), |t| plain("company", t)),
        meta.tier.as_ref().map_or_else(
            || absent("tier"),
            |p| entry("tier", &p.text, read(p, |t| t.name().to_string())),
        ),
        meta.status.as_ref().map_or_else(
            || absent("status"),
            |p| entry("status", &p.text, read(p, |s| status_name(*s).to_string())),
        ),
    ];
    if meta.leverage.is_empty() {
        out.push(absent("leverage"));
    }
    for p in &meta.leverage {
        let value = read(p, |l| leverage_name(*l).to_string());
        out.push(entry("leverage", &p.text, value));
    }
    out.push(meta.created.as_ref().map_or_else(
        || absent("created"),
        |p| entry("created", &p.text, read(p, iso)),
    ));
    out.push(meta.next_review.as_ref().map_or_else(
        || absent("next-review"),
        |p| entry("next-review", &p.text, read(p, iso)),
    ));
    out
}

/// A parsed value named for display, or why it did not parse.
fn read<T>(p: &Parsed<T>, name: impl Fn(&T) -> String) -> Result<String, &'static str> {
    p.value.as_ref().map(name).map_err(|e| *e)
}

fn date<T: std::fmt::Display>(source: &Source, d: &Parsed<T>) -> DateView {
    DateView {
        written: shorten(&d.text.text),
        value: d.value.as_ref().ok().map(ToString::to_string),
        error: d.value.as_ref().err().copied(),
        line: source.line_col(d.text.span.start).0,
    }
}

fn issue_kind(kind: IssueKind) -> &'static str {
    match kind {
        IssueKind::Syntax => "syntax",
        IssueKind::UnknownKey => "unknown-key",
        IssueKind::WrongType => "wrong-type",
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Company => "company",
        Side::Partner => "partner",
    }
}

/// The metadata spelling of a status (`status: walk`).
fn status_name(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft",
        Status::Crawl => "crawl",
        Status::Walk => "walk",
        Status::Run => "run",
        Status::Ended => "ended",
    }
}

/// The metadata spelling of a leverage (`leverage: [co-marketing]`).
fn leverage_name(leverage: Leverage) -> &'static str {
    match leverage {
        Leverage::Requirement => "requirement",
        Leverage::Economic => "economic",
        Leverage::Competitive => "competitive",
        Leverage::Customer => "customer",
        Leverage::CoMarketing => "co-marketing",
    }
}

/// The first line of a text, whitespace collapsed, cut to [`VALUE_CHARS`] characters
/// with `…` when longer (or when more lines follow).
pub fn shorten(text: &str) -> String {
    let mut lines = text.trim().lines();
    let first = lines.next().unwrap_or("");
    let more = lines.next().is_some();
    let mut out = String::new();
    let mut count = 0;
    for word in first.split_whitespace() {
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count >= VALUE_CHARS {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    if more {
        out.push('…');
    }
    out
}
