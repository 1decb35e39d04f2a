//! Test support: hand-built charters over a real source text, and a runner that
//! builds a check from the default pack's rule of that name (so the tests exercise
//! the pack's real parameters).
//!
//! Everything is located by searching the source for a needle, so tests read as the
//! charter they describe and assertions can compare spans with `kit.span("…")`.

use crate::model::{
    Charter, Field, Format, Issue, IssueKind, Metric, Parsed, Phase, PhaseKind, Section, Side,
    Signature, Span, Text,
};
use crate::parse::phases::DatePart;
use crate::rules::pack::{PackFile, DEFAULT_PACK};
use crate::rules::{Ctx, Hit};
use crate::source::Source;
use crate::vocab::Vocabulary;
use jiff::civil::Date;

pub struct Kit {
    pub source: Source,
    pub charter: Charter,
    pub today: Date,
}

/// The default pack's rule `name` as a table.
pub fn rule(name: &str) -> toml::Table {
    let pack: toml::Table = toml::from_str(DEFAULT_PACK).unwrap();
    pack["rule"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.as_table())
        .find(|r| r["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no rule `{name}` in the default pack"))
        .clone()
}

/// The default pack's params for rule `name`.
pub fn params(name: &str) -> toml::Table {
    rule(name)
        .get("params")
        .and_then(|p| p.as_table())
        .cloned()
        .unwrap_or_default()
}

pub fn vocab() -> Vocabulary {
    let pack: PackFile = toml::from_str(DEFAULT_PACK).unwrap();
    Vocabulary::build([&pack.vocab]).unwrap()
}

/// The value of a hit's argument.
pub fn arg<'a>(hit: &'a Hit, name: &str) -> &'a str {
    hit.args
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("hit has no arg `{name}`: {hit:?}"))
}

impl Kit {
    pub fn md(text: &str) -> Kit {
        Kit::new(text, Format::Markdown)
    }

    pub fn toml(text: &str) -> Kit {
        Kit::new(text, Format::Toml)
    }

    fn new(text: &str, format: Format) -> Kit {
        let source = Source::new("test.charter", text.to_string());
        let mut charter = Charter::empty(format, source.text.len());
        charter.comments = crate::parse::comments::scan(format, &source.text);
        Kit {
            source,
            charter,
            today: Date::new(2026, 9, 1).unwrap(),
        }
    }

    /// The span of the first occurrence of `needle`.
    pub fn span(&self, needle: &str) -> Span {
        self.span_from(0, needle)
    }

    fn span_from(&self, from: usize, needle: &str) -> Span {
        let at = self.source.text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in the source after {from}"))
            + from;
        Span::new(at, at + needle.len())
    }

    /// The first occurrence of `needle` as a model text.
    pub fn text(&self, needle: &str) -> Text {
        Text::new(needle, self.span(needle))
    }

    fn text_from(&self, from: usize, needle: &str) -> Text {
        Text::new(needle, self.span_from(from, needle))
    }

    /// The line holding `span.start`, without its line ending.
    fn line(&self, span: Span) -> Span {
        let (line, _) = self.source.line_col(span.start);
        self.source.line_span(line)
    }

    /// Run the default pack's rule `name` over the charter.
    pub fn run(&self, name: &str) -> Vec<Hit> {
        let rule = rule(name);
        let check = rule["check"].as_str().unwrap();
        let build = super::factory(check).unwrap();
        let check = build(&params(name)).unwrap();
        let vocab = vocab();
        let cx = Ctx::new(&self.charter, &self.source, &vocab, self.today);
        let mut hits = Vec::new();
        check.run(&cx, &mut hits);
        hits
    }

    // ------------------------------------------------------------- metadata

    /// The metadata block: from the start of the file to the end of the last `last`.
    pub fn meta(mut self, last: &str) -> Kit {
        let end = self.source.text.rfind(last).expect("no end of metadata") + last.len();
        self.charter.meta.span = Some(Span::new(0, end));
        self
    }

    pub fn company(mut self, name: &str) -> Kit {
        self.charter.meta.company = Some(self.text(name));
        self
    }

    pub fn partner(mut self, name: &str) -> Kit {
        self.charter.meta.partner = Some(self.text(name));
        self
    }

    pub fn tier(mut self, needle: &str) -> Kit {
        self.charter.meta.tier = Some(Parsed::tier(self.text(needle)));
        self
    }

    pub fn status(mut self, needle: &str) -> Kit {
        self.charter.meta.status = Some(Parsed::status(self.text(needle)));
        self
    }

    /// Leverage values, and the `leverage` key's span over the line holding the first.
    pub fn leverage(mut self, values: &[&str]) -> Kit {
        let values = values.iter().map(|v| Parsed::leverage(self.text(v)));
        self.charter.meta.leverage = values.collect();
        if let Some(first) = self.charter.meta.leverage.first() {
            self.charter.meta.leverage_span = Some(self.line(first.text.span));
        }
        self
    }

    pub fn created(mut self, needle: &str) -> Kit {
        self.charter.meta.created = Some(Parsed::date(self.text(needle)));
        self
    }

    pub fn next_review(mut self, needle: &str) -> Kit {
        self.charter.meta.next_review = Some(Parsed::date(self.text(needle)));
        self
    }

    pub fn issue(mut self, kind: IssueKind, message: &str, needle: &str) -> Kit {
        let span = self.span(needle);
        self.charter.issues.push(Issue {
            kind,
            message: message.to_string(),
            span,
        });
        self
    }

    // ------------------------------------------------------------- sections

    /// A section whose heading is the line holding `heading`; it runs to the next
    /// heading of the same or a higher level (Markdown `#`s; a `[table]` line in TOML).
    pub fn section(mut self, key: &str, heading: &str) -> Kit {
        let head = self.line(self.span(heading));
        let level = |line: &str| -> Option<usize> {
            match self.charter.format {
                Format::Markdown => {
                    let n = line.chars().take_while(|&c| c == '#').count();
                    (n > 0).then_some(n)
                }
                Format::Toml => line.starts_with('[').then_some(1),
            }
        };
        let own = level(self.source.slice(head)).unwrap_or(1);
        let text = &self.source.text;
        let body_start = (head.end + 1).min(text.len());
        let mut end = text.len();
        let mut at = body_start;
        for line in text[body_start..].split_inclusive('\n') {
            if level(line).is_some_and(|l| l <= own) {
                end = at;
                break;
            }
            at += line.len();
        }
        let heading_text = self.source.slice(head).trim_start_matches('#').trim();
        self.charter.sections.push(Section {
            key: key.to_string(),
            heading: Text::new(heading_text, head),
            span: Span::new(head.start, end),
            body: Span::new(body_start, end),
            fields: Vec::new(),
            items: Vec::new(),
        });
        self
    }

    fn last_section(&mut self) -> &mut Section {
        self.charter
            .sections
            .last_mut()
            .expect("add a section first")
    }

    /// A field of the last section: `label` and then `value`, searched within it.
    /// An empty `value` is an empty text right after the label.
    pub fn field(mut self, key: &str, label: &str, value: &str) -> Kit {
        let from = self.last_section().span.start;
        let label = self.text_from(from, label);
        let value = if value.is_empty() {
            Text::new("", Span::empty(label.span.end))
        } else {
            self.text_from(label.span.end, value)
        };
        self.last_section().fields.push(Field {
            key: key.to_string(),
            label,
            value,
        });
        self
    }

    /// An unlabelled item of the last section.
    pub fn item(mut self, needle: &str) -> Kit {
        let from = self.last_section().span.start;
        let item = self.text_from(from, needle);
        self.last_section().items.push(item);
        self
    }

    // ------------------------------------------------------------- timeline

    /// A phase over the line holding `needle` (named by it), of kind `kind` (`""`: unrecognised).
    pub fn phase(mut self, kind: &str, needle: &str) -> Kit {
        let name = self.text(needle);
        let span = self.line(name.span);
        let kind = PhaseKind::parse(kind);
        self.charter.phases.push(Phase::new(name, kind, span));
        self
    }

    fn in_phase(&mut self, needle: &str) -> Text {
        let from = self
            .charter
            .phases
            .last()
            .expect("add a phase first")
            .span
            .start;
        self.text_from(from, needle)
    }

    pub fn start(mut self, needle: &str) -> Kit {
        let t = self.in_phase(needle);
        let p = self.charter.phases.last_mut().unwrap();
        crate::parse::phases::set_dates(&self.source.text, p, DatePart::Start, &t);
        self
    }

    pub fn end(mut self, needle: &str) -> Kit {
        let t = self.in_phase(needle);
        let p = self.charter.phases.last_mut().unwrap();
        crate::parse::phases::set_dates(&self.source.text, p, DatePart::End, &t);
        self
    }

    /// The last phase's go/no-go; `""` is an empty text (an empty table cell).
    pub fn gate(mut self, needle: &str) -> Kit {
        let t = if needle.is_empty() {
            Text::new(
                "",
                Span::empty(self.charter.phases.last().unwrap().span.end),
            )
        } else {
            self.in_phase(needle)
        };
        let p = self.charter.phases.last_mut().unwrap();
        p.go_no_go = Some(t);
        crate::parse::phases::read_outcome(p);
        self
    }

    pub fn result(mut self, needle: &str) -> Kit {
        let t = self.in_phase(needle);
        let p = self.charter.phases.last_mut().unwrap();
        p.result = Some(t);
        crate::parse::phases::read_outcome(p);
        self
    }

    // ------------------------------------------------------------- metrics, signatures

    /// A metric over the line holding `name`, with an optional separate target.
    pub fn metric(mut self, name: &str, target: Option<&str>) -> Kit {
        let name = self.text(name);
        let span = self.line(name.span);
        let target = target.map(|t| self.text_from(span.start, t));
        self.charter.metrics.push(Metric { name, target, span });
        self
    }

    /// A signature over the line holding `needle`.
    pub fn sig(mut self, needle: &str, side: Option<Side>, signed: bool) -> Kit {
        let span = self.line(self.span(needle));
        let who = Text::new(needle, self.span(needle));
        self.charter.signatures.push(Signature {
            span,
            who,
            signed,
            date: None,
            side,
        });
        self
    }

    pub fn sig_date(mut self, needle: &str) -> Kit {
        let from = self
            .charter
            .signatures
            .last()
            .expect("add a signature")
            .span
            .start;
        let t = self.text_from(from, needle);
        self.charter.signatures.last_mut().unwrap().date = Some(t);
        self
    }
}
