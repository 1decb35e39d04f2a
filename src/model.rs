//! The charter model: one shape filled from either format, every value with its span.
//!
//! Parsers (`parse::markdown`, `parse::toml`) build it; rules read it. Nothing here
//! knows about a file format, and nothing here reports: problems the parser meets
//! are kept in [`Charter::issues`] and turned into findings by the rules that own them.

use crate::date::{self, DateError};
use jiff::civil::Date;

mod comments;
mod measure;
mod phase;
mod phase_index;
mod values;
pub use comments::{Comments, Directive, DirectiveKind};
pub use measure::Measure;
pub use phase::{Phase, PhaseKind, RelativeDates};
pub use phase_index::{restates, PhaseIndex};
pub use values::{Leverage, Status, Tier};

/// A byte range into the source text (after any BOM was removed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn empty(at: usize) -> Span {
        Span { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A piece of text as the model sees it, and where it stands in the source.
///
/// `text` is plain text (Markdown markup removed, TOML string unescaped); `span`
/// covers what the author wrote for it, so rules can show it and patterns can run
/// over `source[span]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub span: Span,
}

/// Whether a text has a word in it: an alphanumeric character.
pub fn has_words(t: &str) -> bool {
    // ASCII first: a text such as `≥ 20%` would otherwise look `≥` up in the Unicode
    // tables before reaching the `2`.
    t.bytes().any(|b| b.is_ascii_alphanumeric())
        || (!t.is_ascii() && t.chars().any(|c| !c.is_ascii() && c.is_alphanumeric()))
}

impl Text {
    pub fn new(text: impl Into<String>, span: Span) -> Text {
        Text {
            text: text.into(),
            span,
        }
    }

    /// Whether the text says anything at all (not only whitespace and punctuation).
    pub fn has_words(&self) -> bool {
        has_words(&self.text)
    }

    /// Parse the text as an ISO 8601 calendar date (`2026-09-15`).
    pub fn date(&self) -> Result<Date, DateError> {
        date::parse(&self.text)
    }
}

/// A value as written and as read: the parser reads it once, and rules take the value
/// (or, when the text is not one, the reason) from here rather than reading it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed<T> {
    pub text: Text,
    pub value: Result<T, &'static str>,
}

impl<T: Copy> Parsed<T> {
    /// The value, when the text is one.
    pub fn ok(&self) -> Option<T> {
        self.value.as_ref().ok().copied()
    }
}

impl Parsed<Date> {
    /// An ISO 8601 calendar date; see [`date::parse`].
    pub fn date(text: Text) -> Parsed<Date> {
        let value = date::parse(&text.text).map_err(|e| e.reason());
        Parsed { text, value }
    }
}

impl Parsed<Tier> {
    pub fn tier(text: Text) -> Parsed<Tier> {
        let value = Tier::parse(&text.text).ok_or("not a known tier");
        Parsed { text, value }
    }
}

impl Parsed<Status> {
    pub fn status(text: Text) -> Parsed<Status> {
        let value = Status::parse(&text.text).ok_or("not a known status");
        Parsed { text, value }
    }
}

impl Parsed<Leverage> {
    pub fn leverage(text: Text) -> Parsed<Leverage> {
        let value = Leverage::parse(&text.text).ok_or("not a known leverage");
        Parsed { text, value }
    }
}

/// The plain text fields of each section, in their canonical spelling: the keys of a
/// TOML charter's section tables and of an answers file. The default pack's vocabulary
/// declares exactly these (a test holds them together); a team's pack may add more.
pub const TEXT_FIELDS: &[(&str, &[&str])] = &[
    ("goals", &["us", "partner", "customers"]),
    (
        "value-exchange",
        &[
            "we-give",
            "partner-gives",
            "we-lose",
            "partner-loses",
            "balanced",
        ],
    ),
    ("timeline", &["run-cadence"]),
    ("metrics", &["tracking", "cadence"]),
    (
        "governance",
        &[
            "our-owner",
            "partner-owner",
            "our-sponsor",
            "partner-sponsor",
            "partner-manager",
            "escalation",
            "sync-cadence",
        ],
    ),
];

/// The text fields of one section (none for sections without any).
pub fn text_fields(section: &str) -> &'static [&'static str] {
    TEXT_FIELDS
        .iter()
        .find(|(name, _)| *name == section)
        .map_or(&[], |(_, fields)| fields)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Toml,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Toml => "toml",
        }
    }
}

/// Which side of the partnership a value belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Our company.
    Company,
    Partner,
}

/// A whole charter.
#[derive(Clone, Debug)]
pub struct Charter {
    pub format: Format,
    /// Length of the source text in bytes; every span lies within `0..=len`.
    pub len: usize,
    pub meta: Meta,
    /// Canonical sections found, in document order. A section that appears twice
    /// is listed twice; unknown headings are not listed.
    pub sections: Vec<Section>,
    /// Timeline phases in document order (from a table, H3 sub-headings or `[[timeline.phase]]`).
    pub phases: Vec<Phase>,
    /// Metrics listed in the metrics section.
    pub metrics: Vec<Metric>,
    /// Signature lines in the signatures section.
    pub signatures: Vec<Signature>,
    /// What the parser could not read cleanly. Never fatal: the rest of the model is kept.
    pub issues: Vec<Issue>,
    /// Headings and labels the reader saw but could not place (no section, no field):
    /// what `charter inspect` lists and `missing-section` points at.
    pub unread: Vec<Unread>,
    /// Comments and suppression directives, read with the rest.
    pub comments: Comments,
    /// While the charter is read: its phases by kind and dates, to find the phase a
    /// restated one joins.
    pub(crate) phase_index: PhaseIndex,
}

impl Charter {
    pub fn empty(format: Format, len: usize) -> Charter {
        Charter {
            format,
            len,
            meta: Meta::default(),
            sections: Vec::new(),
            phases: Vec::new(),
            metrics: Vec::new(),
            signatures: Vec::new(),
            issues: Vec::new(),
            unread: Vec::new(),
            comments: Comments::default(),
            phase_index: PhaseIndex::default(),
        }
    }

    /// The first section with this canonical key.
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The first field `field` of section `section`.
    pub fn field(&self, section: &str, field: &str) -> Option<&Field> {
        self.sections
            .iter()
            .filter(|s| s.key == section)
            .flat_map(|s| s.fields.iter())
            .find(|f| f.key == field)
    }

    pub fn phase(&self, kind: PhaseKind) -> Option<&Phase> {
        self.phases.iter().find(|p| p.kind == Some(kind))
    }

    /// Where to point a finding about the charter as a whole: the front matter
    /// (or TOML metadata) when there is one, otherwise the start of the file.
    pub fn anchor(&self) -> Span {
        self.meta.span.unwrap_or(Span::empty(0))
    }

    /// [`Charter::anchor`] cut to its first line, given the source text: underlining
    /// the whole front matter says no more and buries the message.
    pub fn anchor_in(&self, text: &str) -> Span {
        let span = self.anchor();
        let start = span.start.min(text.len());
        let end = span.end.min(text.len()).max(start);
        let line_end = text[start..end]
            .find(['\r', '\n'])
            .map(|i| start + i)
            .unwrap_or(end);
        Span::new(start, line_end)
    }
}

/// Metadata: front matter in Markdown, top-level keys in TOML.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    /// The front matter block (or the TOML metadata keys), if any.
    pub span: Option<Span>,
    pub partner: Option<Text>,
    pub company: Option<Text>,
    /// As written (`2`, `"strategic"`, `"Tier 3"`) and read by [`Tier::parse`].
    pub tier: Option<Parsed<Tier>>,
    /// Each leverage value as written and read by [`Leverage::parse`].
    pub leverage: Vec<Parsed<Leverage>>,
    /// The span of the `leverage` key and value, when the key is present.
    pub leverage_span: Option<Span>,
    /// As written and read by [`Status::parse`].
    pub status: Option<Parsed<Status>>,
    /// Dates as written and read (`invalid-date` reports the bad ones).
    pub created: Option<Parsed<Date>>,
    pub next_review: Option<Parsed<Date>>,
}

impl Meta {
    pub fn tier(&self) -> Option<Tier> {
        self.tier.as_ref().and_then(Parsed::ok)
    }

    pub fn status(&self) -> Option<Status> {
        self.status.as_ref().and_then(Parsed::ok)
    }

    /// True unless the status says the charter is past drafting. A charter with no
    /// status is treated as a draft.
    pub fn is_draft(&self) -> bool {
        Status::is_draft(self.status())
    }
}

/// A canonical section such as `goals` or `value-exchange`.
#[derive(Clone, Debug)]
pub struct Section {
    /// Canonical key from the rule pack's vocabulary.
    pub key: String,
    /// The heading as written (Markdown) or the table header (TOML).
    pub heading: Text,
    /// The whole section, heading included.
    pub span: Span,
    /// The section's content, heading excluded (empty span right after the heading when there is none).
    pub body: Span,
    /// Labelled content matched to canonical field keys (`we-give`, `escalation`, …).
    pub fields: Vec<Field>,
    /// Unlabelled content: paragraphs, list items, table rows, in order.
    pub items: Vec<Text>,
}

impl Section {
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Whether the section holds any words at all, in fields or items.
    pub fn has_content(&self) -> bool {
        self.fields.iter().any(|f| f.value.has_words()) || self.items.iter().any(Text::has_words)
    }
}

/// Labelled content: `- **We give:** two engineers`, `### For the partner`, `we-give = "…"`.
#[derive(Clone, Debug)]
pub struct Field {
    /// Canonical key from the vocabulary.
    pub key: String,
    /// The label as written (`We give`, `Keel gives`, `we-give`).
    pub label: Text,
    /// What follows the label.
    pub value: Text,
}

#[derive(Clone, Debug)]
pub struct Metric {
    /// The metric as written (its name, or the whole line when there is no separate target).
    pub name: Text,
    /// An explicit target, when the format separates it (`Target:` label, a Target column, `target = …`).
    pub target: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Signature {
    /// The whole signature line or table.
    pub span: Span,
    /// Who signed, as written (name, title, company).
    pub who: Text,
    /// A ticked box in Markdown; `signed = true` (or a date) in TOML.
    pub signed: bool,
    pub date: Option<Text>,
    /// Which side this signature is for, when it could be told from the names.
    pub side: Option<Side>,
}

/// A heading or label the reader could not place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    pub kind: UnreadKind,
    /// The heading or label as written, and where.
    pub text: Text,
    /// The canonical section it stood in, if any (a label's section; `None` for a
    /// heading outside every section).
    pub section: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnreadKind {
    /// A heading (or a line that stands as one) that names no section.
    Heading {
        /// 1–6 for Markdown headings; 0 for a line that only stands as a heading.
        level: u8,
    },
    /// `Label: value` that names no field of its section.
    Label,
}

/// Something the parser could not read cleanly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub kind: IssueKind,
    pub message: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueKind {
    /// Front matter or TOML that does not parse; a front matter block that is unclosed,
    /// empty, or repeated later in the file. Reported by `parse-error`.
    Syntax,
    /// A key the format does not know. Reported by `unknown-key`.
    UnknownKey,
    /// A key with a value of the wrong type (a table where text belongs). Reported by `parse-error`.
    WrongType,
}

#[cfg(test)]
mod tests;
