//! A section's blocks to the model: labelled fields, sub-heading fields, two-column
//! tables, and the unlabelled rest as items. Timeline, metrics and signatures hand
//! their own shapes to `timeline` and `lists`.

use super::blocks::{Block, Kind, RawSection};
use super::{lists, timeline};
use crate::model::{Charter, Field, Section, Span, Text};
use crate::trim;
use crate::vocab::Lookup;

/// A label is a few words; longer text before a colon is a sentence, not a label.
const MAX_LABEL_WORDS: usize = 8;
const MAX_LABEL_BYTES: usize = 120;

pub struct Ctx<'a> {
    pub src: &'a str,
    pub lookup: &'a Lookup<'a>,
}

/// `Label: value` at the start of a paragraph or list item, borrowed from the block
/// so that the many labels that name no field cost no allocation. Source offsets are
/// worked out only for the labels that are kept (`label`, `value`, `value_start`).
pub struct Label<'b> {
    pub name: &'b str,
    /// The text after the colon.
    pub rest: &'b str,
    block: &'b Block,
    /// Offsets in the block's plain text: the name's start, the colon, the value's start.
    lead: usize,
    colon: usize,
    vstart: usize,
}

impl<'b> Label<'b> {
    pub fn of(b: &'b Block) -> Option<Label<'b>> {
        // `:` is ASCII, so its index is a char boundary.
        let head = b.text.as_bytes();
        let colon = memchr::memchr(b':', head.get(..=MAX_LABEL_BYTES).unwrap_or(head))?;
        let raw = &b.text[..colon];
        let name = trim::trim(raw);
        if name.is_empty() || !crate::model::has_words(name) || too_many_words(name) {
            return None;
        }
        let lead = raw.len() - trim::trim_start(raw).len();
        let after = &b.text[colon + 1..];
        let vstart = colon + 1 + (after.len() - trim::trim_start(after).len());
        Some(Label {
            name,
            rest: trim::trim_end(&b.text[vstart..]),
            block: b,
            lead,
            colon,
            vstart,
        })
    }

    /// Where the value starts in the source (the block's end when it is empty).
    pub fn value_start(&self) -> usize {
        if self.vstart < self.block.text.len() {
            self.block.source_offset(self.vstart)
        } else {
            self.block.span.end
        }
    }

    pub fn label(&self) -> Text {
        let span = Span::new(
            self.block.source_offset(self.lead),
            self.block.source_offset(self.colon),
        );
        Text::new(self.name, span)
    }

    /// The text after the colon; its span runs to the end of the block.
    pub fn value(&self) -> Text {
        Text::new(
            self.rest,
            Span::new(self.value_start(), self.block.span.end),
        )
    }
}

/// More than `MAX_LABEL_WORDS` words (runs of non-whitespace), counted without
/// going past the limit.
pub(super) fn too_many_words(name: &str) -> bool {
    // More words than the limit take at least a byte each and a space between.
    if name.len() < 2 * MAX_LABEL_WORDS + 1 {
        return false;
    }
    if name.is_ascii() {
        let mut words = 0;
        let mut in_word = false;
        for &c in name.as_bytes() {
            let space = c.is_ascii_whitespace() || c == b'\x0b';
            if !space && !in_word {
                words += 1;
                if words > MAX_LABEL_WORDS {
                    return true;
                }
            }
            in_word = !space;
        }
        false
    } else {
        name.split_whitespace().nth(MAX_LABEL_WORDS).is_some()
    }
}

/// Index after the list items nested under item `i` (or `i + 1`).
pub fn nested_end(blocks: &[Block], i: usize) -> usize {
    let Some(Kind::Item { depth, .. }) = blocks.get(i).map(|b| &b.kind) else {
        return i + 1;
    };
    let mut j = i + 1;
    while let Some(Kind::Item { depth: d, .. }) = blocks.get(j).map(|b| &b.kind) {
        if d <= depth {
            break;
        }
        j += 1;
    }
    j
}

/// Index after the content under sub-heading `i` of level `level`.
pub fn subsection_end(blocks: &[Block], i: usize, level: u8) -> usize {
    let mut j = i + 1;
    while let Some(b) = blocks.get(j) {
        if matches!(b.kind, Kind::Heading(l) if l <= level) {
            break;
        }
        j += 1;
    }
    j
}

/// Index after the rows of the table that row `i` belongs to.
fn table_end(blocks: &[Block], i: usize, table: usize) -> usize {
    let mut j = i + 1;
    while let Some(Kind::Row { table: t, .. }) = blocks.get(j).map(|b| &b.kind) {
        if *t != table {
            break;
        }
        j += 1;
    }
    j
}

/// A value made of `first` and the lines of `rest` (nested items, content under a
/// sub-heading), one per line; its span runs to the end of the last of them.
pub fn joined<'b>(
    first: Option<Text>,
    rest: impl IntoIterator<Item = &'b Block>,
    empty_at: usize,
) -> Text {
    let mut text = String::new();
    let mut span: Option<Span> = None;
    if let Some(f) = first {
        span = Some(f.span);
        text = f.text;
    }
    for b in rest {
        let line = b.line();
        let line = trim::trim(&line);
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(line);
        span = Some(span.map_or(b.full, |s| s.join(b.full)));
    }
    Text::new(text, span.unwrap_or(Span::empty(empty_at)))
}

/// The unlabelled text of a block as an item, if it says anything.
pub fn item(b: &Block) -> Option<Text> {
    let line = b.line();
    let t = trim::trim(&line);
    (!t.is_empty()).then(|| Text::new(t, b.span))
}

/// Fill one section (and the charter's phases, metrics, signatures) from its blocks.
pub fn section(ctx: &Ctx, raw: RawSection<'_>, blocks: &[Block], charter: &mut Charter) {
    let body_end = raw.span.end.max(raw.body_start);
    let key = raw.key;
    let mut sec = Section {
        key: key.to_string(),
        heading: raw.heading,
        span: raw.span,
        body: Span::new(raw.body_start, body_end),
        fields: Vec::new(),
        items: Vec::new(),
    };
    let mut i = 0;
    while let Some(b) = blocks.get(i) {
        match &b.kind {
            Kind::Heading(level) => {
                let end = subsection_end(blocks, i, *level);
                let under = blocks.get(i + 1..end).unwrap_or_default();
                if let Some(f) = ctx.lookup.field_for(key, &b.text) {
                    sec.fields.push(Field {
                        key: f.to_string(),
                        label: Text::new(b.text.clone(), b.span),
                        value: joined(None, under, b.span.end),
                    });
                    i = end;
                } else if key == "timeline" && ctx.lookup.phase_for(&b.text).is_some() {
                    timeline::heading_phase(ctx, b, under, &mut sec, charter);
                    i = end;
                } else {
                    // A sub-heading that names nothing: its content is the section's.
                    i += 1;
                }
            }
            Kind::Row { table, .. } => {
                let end = table_end(blocks, i, *table);
                let rows = blocks.get(i..end).unwrap_or_default();
                match key {
                    "timeline" => timeline::table(ctx, rows, &mut sec, charter),
                    "metrics" => lists::metrics_table(ctx, rows, &mut sec, charter),
                    "signatures" => lists::signatures_table(ctx, rows, &mut sec, charter),
                    _ => field_table(ctx, rows, &mut sec),
                }
                i = end;
            }
            Kind::Para | Kind::Item { .. } => i = line(ctx, blocks, i, &mut sec, charter),
        }
    }
    charter.sections.push(sec);
}

/// A paragraph or list item (with its nested items); returns the index after it.
fn line(ctx: &Ctx, blocks: &[Block], i: usize, sec: &mut Section, charter: &mut Charter) -> usize {
    let Some(b) = blocks.get(i) else { return i + 1 };
    let end = nested_end(blocks, i);
    let nested = blocks.get(i + 1..end).unwrap_or_default();
    let label = Label::of(b);
    if let Some(l) = &label {
        if let Some(f) = ctx.lookup.field_for(&sec.key, l.name) {
            sec.fields.push(Field {
                key: f.to_string(),
                label: l.label(),
                value: joined(Some(l.value()), nested, l.value_start()),
            });
            return end;
        }
    }
    let is_item = matches!(b.kind, Kind::Item { .. });
    match sec.key.as_str() {
        "timeline" if is_item => {
            if let Some(l) = label.filter(|l| ctx.lookup.phase_for(l.name).is_some()) {
                timeline::item_phase(ctx, b, l, nested, sec, charter);
                return end;
            }
        }
        "metrics" if is_item => {
            lists::metric_item(ctx, b, nested, charter);
            return end;
        }
        "signatures" if is_item => {
            match lists::signature(ctx, b) {
                Some(s) => charter.signatures.push(s),
                None => sec.items.extend(item(b)),
            }
            return i + 1;
        }
        _ => {}
    }
    sec.items.extend(item(b));
    i + 1
}

/// Rows of a two-column table whose first cell names a field are fields; other rows
/// are items. A header row that names no field is column titles, not content.
pub fn field_table(ctx: &Ctx, rows: &[Block], sec: &mut Section) {
    for row in rows {
        let Kind::Row { cells, header, .. } = &row.kind else {
            continue;
        };
        if let Some(f) = row_field(ctx, &sec.key, cells) {
            sec.fields.push(f);
        } else if !header {
            sec.items.extend(item(row));
        }
    }
}

/// A field from a two-column row `| label | value |`.
pub fn row_field(ctx: &Ctx, section: &str, cells: &[Text]) -> Option<Field> {
    let [label, value] = cells else { return None };
    let key = ctx.lookup.field_for(section, &label.text)?;
    Some(Field {
        key: key.to_string(),
        label: label.clone(),
        value: value.clone(),
    })
}

/// ISO-date-like tokens (`\d{4}-\d{1,2}-\d{1,2}`, not inside a longer number) in the
/// source under `span`, each with its own span, left to right. Impossible dates are
/// kept: a rule reports them.
pub fn dates(src: &str, span: Span) -> Dates<'_> {
    Dates {
        s: src.get(span.start..span.end).unwrap_or_default(),
        base: span.start,
        from: 0,
    }
}

/// The iterator of [`dates`]: it jumps from one `-` to the next (every date has one
/// four bytes in), so text without dashes costs one vectorised search.
pub struct Dates<'s> {
    s: &'s str,
    base: usize,
    /// Where the next date may start (the end of the last one).
    from: usize,
}

impl Iterator for Dates<'_> {
    type Item = Text;

    fn next(&mut self) -> Option<Text> {
        let b = self.s.as_bytes();
        let mut dash = self.from + 4;
        loop {
            dash += memchr::memchr(b'-', b.get(dash..)?)?;
            let at = dash - 4;
            if let Some(end) = date_at(b, at) {
                self.from = end;
                return Some(Text::new(
                    &self.s[at..end],
                    Span::new(self.base + at, self.base + end),
                ));
            }
            dash += 1;
        }
    }
}

/// The end of the date that starts at `i` (its year's first digit), if one does.
fn date_at(b: &[u8], i: usize) -> Option<usize> {
    let digit = |at: usize| b.get(at).is_some_and(u8::is_ascii_digit);
    // Up to `max` digits from `from`, when there are at least `min`.
    let digits = |from: usize, min: usize, max: usize| {
        let n = (0..max).take_while(|k| digit(from + k)).count();
        (n >= min).then_some(n)
    };
    // A date is at least `2026-1-1`: eight bytes.
    if i + 8 > b.len() || (i > 0 && digit(i - 1)) || digits(i, 4, 4).is_none() {
        return None;
    }
    let m = digits(i + 5, 1, 2)?;
    if b.get(i + 5 + m) != Some(&b'-') {
        return None;
    }
    let d = digits(i + 6 + m, 1, 2)?;
    let end = i + 6 + m + d;
    (!digit(end)).then_some(end)
}
