//! One walk over the parsed TOML document, filling the model.
//!
//! The walk only descends where the schema has structure (section → phase, metric or
//! signature → value); whatever lies deeper is a wrong type or an unknown key, and is
//! measured iteratively ([`extent`]), so no input makes us recurse.

use crate::model::{Charter, Field, Issue, Metric, Section, Side, Signature, Span, Text};
use crate::parse::meta::{self, canonical, unknown_key, wrong_type, META_KEYS};
use crate::vocab::{Lookup, MetricPart, Names};
use ::toml::de::{DeString, DeTable, DeValue};
use ::toml::Spanned;
use std::borrow::Cow;

type Key<'i> = Spanned<DeString<'i>>;
type Value<'i> = Spanned<DeValue<'i>>;

/// Keys of a section table besides its text fields ([`crate::model::TEXT_FIELDS`]):
/// what a typo is compared with, together with those. Keys a team's pack adds are
/// accepted (through the vocabulary), only not suggested.
const STRUCTURE_KEYS: &[(&str, &[&str])] = &[
    ("timeline", &["phase"]),
    ("metrics", &["metric"]),
    ("exit", &["criteria"]),
];
pub(super) const PHASE_KEYS: &[&str] = &[
    "name",
    "start",
    "end",
    "dates",
    "scope",
    "deliverables",
    "go-no-go",
    "gate",
    "result",
];
const METRIC_KEYS: &[&str] = &["name", "target"];
const SIGNATURE_KEYS: &[&str] = &["side", "name", "title", "date", "signed"];

pub(super) struct Reader<'a> {
    /// The text the document was parsed from; spans index it directly.
    pub(super) src: &'a str,
    /// Label look-ups, remembered across charters; made without the sides' names.
    pub(super) lookup: &'a Lookup<'a>,
    /// The sides' names, built when first needed: most keys and sides are read
    /// without them, and building them costs more than most charters need.
    names: Option<Names>,
    out: &'a mut Charter,
}

impl<'a> Reader<'a> {
    pub(super) fn new(src: &'a str, lookup: &'a Lookup<'a>, out: &'a mut Charter) -> Self {
        Reader {
            src,
            lookup,
            names: None,
            out,
        }
    }

    pub(super) fn document(mut self, root: &DeTable<'_>) {
        let (rest, covered) =
            meta::read_meta_in(root, 0, self.src, &mut self.out.meta, &mut self.out.issues);
        self.out.meta.span = covered;
        // Sized up front, like the vectors below: growing them one push at a time
        // costs more than reading the values.
        self.out.sections.reserve(rest.len());
        for (key, value) in rest {
            match self.lookup.section_for(key.get_ref()) {
                Some("signatures") => self.signatures(key, value),
                Some(section) => self.section(section, key, value),
                None => {
                    let mut known: Vec<&str> = META_KEYS.to_vec();
                    known.extend(self.lookup.vocab().section_keys());
                    self.unknown(key.get_ref(), span(key), &known);
                }
            }
        }
        // `[[timeline.phase]]` before `[timeline]` moves the table in the parser's
        // map; the model lists sections as they stand in the file.
        self.out.sections.sort_by_key(|s| s.span.start);
    }

    fn section(&mut self, section: &str, key: &Key<'_>, value: &Value<'_>) {
        let DeValue::Table(table) = value.get_ref() else {
            let found = value.get_ref().type_str();
            self.issue(wrong_type(key.get_ref(), found, "a table", span(value)));
            return;
        };
        let mut s = new_section(section, key, value);
        s.fields.reserve(table.len());
        let mut content: Option<Span> = None;
        for (k, v) in table.iter() {
            let extent = self.section_entry(&mut s, k, v);
            content = Some(join(content, span(k).join(extent)));
        }
        finish_section(&mut s, content);
        self.out.sections.push(s);
    }

    /// Read one key of a section; returns the extent of its value.
    fn section_entry(&mut self, s: &mut Section, k: &Key<'_>, v: &Value<'_>) -> Span {
        let written: &str = k.get_ref();
        match (s.key.as_str(), canonical(written).as_ref()) {
            ("timeline", "phase" | "phases") => {
                let mut extent = span(v);
                let elements = self.elements(k, v);
                s.items.reserve(elements.len());
                self.out.phases.reserve(elements.len());
                for el in elements {
                    let DeValue::Table(t) = el.get_ref() else {
                        self.wrong(written, el, "a table");
                        continue;
                    };
                    let phase = self.phase(t, span(el));
                    extent = extent.join(phase.span);
                    s.items.push(super::phase::phase_item(&phase));
                    self.out.phases.push(phase);
                }
                extent
            }
            ("metrics", "metric" | "metrics") => {
                let mut extent = span(v);
                let elements = self.elements(k, v);
                s.items.reserve(elements.len());
                self.out.metrics.reserve(elements.len());
                for el in elements {
                    let metric = match el.get_ref() {
                        DeValue::Table(t) => self.metric(t, span(el)),
                        // A bare string is a metric written in one line, target and all.
                        DeValue::String(_) => Metric {
                            name: Text::new(el.get_ref().as_str().unwrap_or_default(), span(el)),
                            target: None,
                            span: span(el),
                        },
                        _ => {
                            self.wrong(written, el, "a table");
                            continue;
                        }
                    };
                    extent = extent.join(metric.span);
                    s.items.push(metric_item(&metric));
                    self.out.metrics.push(metric);
                }
                extent
            }
            ("exit", "criteria") => {
                s.items
                    .extend(meta::list_in(v, 0, self.src, written, &mut self.out.issues));
                span(v)
            }
            (section, _) => match self.field_for(section, written) {
                Some(field) => {
                    if let Some(value) = self.text(written, v) {
                        s.fields.push(Field {
                            key: field.to_string(),
                            label: Text::new(written, span(k)),
                            value,
                        });
                    }
                    extent(v)
                }
                None => {
                    let structure = STRUCTURE_KEYS
                        .iter()
                        .find(|(name, _)| *name == section)
                        .map_or(&[][..], |(_, keys)| keys);
                    let known: Vec<&str> = crate::model::text_fields(section)
                        .iter()
                        .chain(structure)
                        .copied()
                        .collect();
                    self.unknown(written, span(k), &known);
                    extent(v)
                }
            },
        }
    }

    fn signatures(&mut self, key: &Key<'_>, value: &Value<'_>) {
        let mut s = new_section("signatures", key, value);
        let mut content: Option<Span> = None;
        let elements = self.elements(key, value);
        s.items.reserve(elements.len());
        self.out.signatures.reserve(elements.len());
        for el in elements {
            let DeValue::Table(t) = el.get_ref() else {
                self.wrong(key.get_ref(), el, "a table");
                continue;
            };
            let (sig, inner) = self.signature(t, span(el));
            content = Some(join(content, inner.unwrap_or(sig.span)));
            s.span = s.span.join(sig.span);
            s.items.push(signature_item(&sig));
            self.out.signatures.push(sig);
        }
        finish_section(&mut s, content);
        self.out.sections.push(s);
    }

    fn metric(&mut self, t: &DeTable<'_>, header: Span) -> Metric {
        let mut m = Metric {
            name: Text::new("", header),
            target: None,
            span: header,
        };
        for (k, v) in t.iter() {
            let written: &str = k.get_ref();
            m.span = m.span.join(span(k)).join(extent(v));
            let part = match canonical(written).as_ref() {
                "name" | "metric" => Some(MetricPart::Name),
                "target" => Some(MetricPart::Target),
                _ => self.lookup.metric_part_for(written),
            };
            match part {
                Some(MetricPart::Name) => {
                    if let Some(name) = self.text(written, v) {
                        m.name = name;
                    }
                }
                Some(MetricPart::Target) => m.target = self.text(written, v),
                None => self.unknown(written, span(k), METRIC_KEYS),
            }
        }
        m
    }

    /// A signature and the span of its keys (None when it has none).
    fn signature(&mut self, t: &DeTable<'_>, header: Span) -> (Signature, Option<Span>) {
        let mut inner: Option<Span> = None;
        let (mut side, mut name, mut title, mut date, mut signed) = (None, None, None, None, None);
        let mut side_given = false;
        for (k, v) in t.iter() {
            let written: &str = k.get_ref();
            inner = Some(join(inner, span(k).join(extent(v))));
            match canonical(written).as_ref() {
                "side" => {
                    side_given = true;
                    side = self
                        .scalar_str(written, v)
                        .and_then(|t| side_named(&t, || self.names()));
                }
                "name" => name = self.scalar(written, v),
                "title" => title = self.scalar(written, v),
                "date" => date = self.scalar(written, v),
                "signed" => match v.get_ref() {
                    DeValue::Boolean(b) => signed = Some(*b),
                    DeValue::String(t) => {
                        // Still reported (the key takes true or false), but `pending`
                        // is read as not signed, not overruled by a date.
                        self.wrong(written, v, "true or false");
                        signed = crate::parse::signed::mark(t).or(Some(false));
                    }
                    _ => self.wrong(written, v, "true or false"),
                },
                _ => self.unknown(written, span(k), SIGNATURE_KEYS),
            }
        }
        let who = match (name, title) {
            (Some(n), Some(t)) => {
                let mut both = n.text;
                both.push_str(", ");
                both.push_str(&t.text);
                Text::new(both, n.span.join(t.span))
            }
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => Text::new("", header),
        };
        if !side_given {
            side = self.names().side_of(&who.text);
        }
        let sig = Signature {
            span: header.join(inner.unwrap_or(header)),
            who,
            signed: signed.unwrap_or(date.is_some()),
            date,
            side,
        };
        (sig, inner)
    }

    fn names(&mut self) -> &Names {
        let meta = &self.out.meta;
        self.names.get_or_insert_with(|| {
            Names::new(
                meta.company.as_ref().map(|t| t.text.as_str()),
                meta.partner.as_ref().map(|t| t.text.as_str()),
            )
        })
    }

    /// [`Vocabulary::field_for`]. The names only matter to a label that is not an
    /// alias as written (`northwind-gives`), so they are left out of the first try.
    fn field_for(&mut self, section: &str, label: &str) -> Option<&'a str> {
        let lookup = self.lookup;
        lookup
            .field_for(section, label)
            .or_else(|| lookup.vocab().field_for(section, label, self.names()))
    }

    /// The elements of an array of tables; a lone table is read as an array of one.
    fn elements<'v, 'i>(&mut self, key: &Key<'_>, value: &'v Value<'i>) -> &'v [Value<'i>] {
        match value.get_ref() {
            DeValue::Array(items) => items,
            DeValue::Table(_) => std::slice::from_ref(value),
            other => {
                let found = other.type_str();
                self.issue(wrong_type(
                    key.get_ref(),
                    found,
                    "an array of tables",
                    span(value),
                ));
                &[]
            }
        }
    }

    /// Text as the model keeps it: a scalar, or an array of scalars read one per line.
    pub(super) fn text(&mut self, key: &str, v: &Value<'_>) -> Option<Text> {
        let DeValue::Array(items) = v.get_ref() else {
            return self.scalar(key, v);
        };
        let mut text = String::new();
        for item in items.iter() {
            if let Some(t) = self.scalar_str(key, item) {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&t);
            }
        }
        Some(Text::new(text, span(v)))
    }

    pub(super) fn scalar(&mut self, key: &str, v: &Value<'_>) -> Option<Text> {
        meta::scalar_in(v, 0, self.src, key, &mut self.out.issues)
    }

    /// [`Self::scalar`] for text that is only looked at, not kept: no copy.
    fn scalar_str<'v>(&mut self, key: &str, v: &'v Value<'_>) -> Option<Cow<'v, str>>
    where
        'a: 'v,
    {
        match meta::scalar_text(v, Some(self.src)) {
            Ok(text) => Some(text),
            Err(found) => {
                self.issue(wrong_type(key, found, "text", span(v)));
                None
            }
        }
    }

    fn wrong(&mut self, key: &str, v: &Value<'_>, expected: &str) {
        self.issue(wrong_type(key, v.get_ref().type_str(), expected, span(v)));
    }

    pub(super) fn unknown(&mut self, key: &str, at: Span, known: &[&str]) {
        // A key with no extent is one the parser made up while recovering from a
        // syntax error (already reported); even `"" = 1` has its quotes.
        if !at.is_empty() {
            self.issue(unknown_key(key, at, known));
        }
    }

    fn issue(&mut self, issue: Issue) {
        self.out.issues.push(issue);
    }
}

fn new_section(section: &str, key: &Key<'_>, value: &Value<'_>) -> Section {
    let heading = Text::new(key.get_ref().as_ref(), span(key));
    Section {
        key: section.to_string(),
        span: heading.span.join(span(value)),
        heading,
        body: Span::default(),
        fields: Vec::new(),
        items: Vec::new(),
    }
}

/// The body is what the keys and values cover; an empty table's body is the empty
/// span after its header.
fn finish_section(s: &mut Section, content: Option<Span>) {
    s.body = content.unwrap_or(Span::empty(s.span.end));
    s.span = s.span.join(s.body);
}

/// A metric or signature as one of its section's items: see [`super::phase::phase_item`].
fn metric_item(m: &Metric) -> Text {
    Text::new(cells([&m.name].into_iter().chain(&m.target)), m.span)
}

fn signature_item(s: &Signature) -> Text {
    Text::new(cells([&s.who].into_iter().chain(&s.date)), s.span)
}

pub(super) fn cells<'t>(texts: impl Iterator<Item = &'t Text> + Clone) -> String {
    // Sized up front: this runs for every phase, metric and signature.
    let size = texts.clone().map(|t| t.text.len() + 3).sum();
    let mut out = String::with_capacity(size);
    for t in texts.filter(|t| !t.text.is_empty()) {
        if !out.is_empty() {
            out.push_str(" | ");
        }
        out.push_str(&t.text);
    }
    out
}

/// `side = "company"`, `"us"`, `"partner"`, or either side's name from the metadata.
fn side_named<'n>(text: &str, names: impl FnOnce() -> &'n Names) -> Option<Side> {
    match canonical(text).as_ref() {
        "company" | "us" | "we" | "our" | "ours" | "our-side" => Some(Side::Company),
        "partner" | "the-partner" | "they" | "them" | "their-side" => Some(Side::Partner),
        _ => names().side_of(text),
    }
}

pub(super) fn span<T>(s: &Spanned<T>) -> Span {
    Span::from(s.span())
}

fn join(acc: Option<Span>, s: Span) -> Span {
    acc.map_or(s, |a| a.join(s))
}

/// Everything a value covers, nested tables and arrays included. A table's own span
/// is only its header, so the keys under it are visited; iteratively, since a value
/// we do not read may be nested as deep as the parser allows.
pub(super) fn extent(v: &Value<'_>) -> Span {
    let mut out = span(v);
    if !matches!(v.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
        return out;
    }
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v.get_ref() {
            DeValue::Table(t) => {
                for (k, c) in t.iter() {
                    out = out.join(span(k)).join(span(c));
                    stack.push(c);
                }
            }
            DeValue::Array(a) => {
                for c in a.iter() {
                    out = out.join(span(c));
                    stack.push(c);
                }
            }
            _ => {}
        }
    }
    out
}
