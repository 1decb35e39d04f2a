//! Labels and the pieces the section fillers share: `Label: value` in a block, labelled
//! table rows, nested items and the values they join into. `fill`, `timeline` and
//! `lists` all read through these, and none of them through each other.

use super::blocks::{Block, Kind};
use super::sided;
use crate::model::{Field, Section, Span, Text};
use crate::trim;
use crate::value::number::NumberKind;
use crate::vocab::Lookup;

mod leader;
pub(super) use leader::{dataview, leader, separator};

/// A label is a few words; longer text before a colon is a sentence, not a label.
const MAX_LABEL_WORDS: usize = 8;
const MAX_LABEL_BYTES: usize = 120;

/// What the fillers read besides the blocks: the source and the vocabulary, with
/// the sides' names (the Markdown counterpart of the TOML parser's `Reader`).
pub struct Reader<'a> {
    pub src: &'a str,
    pub lookup: &'a Lookup<'a>,
}

/// `Label: value` at the start of a paragraph or list item, borrowed from the block
/// so that the many labels that name no field cost no allocation. Source offsets are
/// worked out only for the labels that are kept (`label`, `value`, `value_start`).
#[derive(Clone)]
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
        Label::read(b, false)
    }

    /// [`Label::of`], not counting a bracketed aside that ends the label among its
    /// words (`Objective for shared customers (the insurer's brokers and corporate
    /// clients):`). For the sections of fields: in a timeline, `**Crawl** (1 February
    /// 2027 to 26 March 2027): …` is a phase sentence, not a label.
    pub fn with_aside(b: &'b Block) -> Option<Label<'b>> {
        Label::read(b, true)
    }

    fn read(b: &'b Block, aside: bool) -> Option<Label<'b>> {
        let (colon, vfrom) = separator(&b.text)?;
        let marker = clause_marker(&b.text[..colon]);
        let raw = &b.text[marker..colon];
        let name = trim::trim(raw);
        let counted = if aside { before_aside(name) } else { name };
        if name.is_empty() || !crate::model::has_words(name) || too_many_words(counted) {
            return None;
        }
        let lead = marker + raw.len() - trim::trim_start(raw).len();
        let after = &b.text[vfrom..];
        let vstart = vfrom + (after.len() - trim::trim_start(after).len());
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

/// The length of a clause marker before a label, `(a) ` or `iv) `, which the
/// vocabulary's numbering rule does not drop (`a` is also a word); 0 when none.
fn clause_marker(head: &str) -> usize {
    let t = head.trim_start();
    let lead = head.len() - t.len();
    let open = usize::from(t.starts_with('('));
    let body = t
        .as_bytes()
        .get(open..)
        .unwrap_or_default()
        .iter()
        .take(5)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let close = open + body;
    let closed = (1..=4).contains(&body) && t.as_bytes().get(close) == Some(&b')');
    let spaced = t
        .as_bytes()
        .get(close + 1)
        .is_some_and(|b| b.is_ascii_whitespace());
    if closed && spaced {
        lead + close + 1
    } else {
        0
    }
}

/// The field a label names in `section`; failing that, the field its words before an
/// aside that ends it name (`For shared customers (the shippers)`), then the aside's
/// own. The whole label is tried first: in `Owner (us)` and `Loses (Keel)` the aside
/// is what names the side. But an aside that names another field than the words
/// before it is the author saying whose it is: `Gantry's clients (shared customers)`
/// are the customers, not Gantry.
pub fn field_of<'a>(rd: &Reader<'a>, section: &str, name: &str) -> Option<&'a str> {
    let whole = rd.lookup.field_for(section, name);
    let head = before_aside(name);
    if head.len() == name.len() {
        return whole;
    }
    let aside = name
        .get(head.len() + 1..name.len().saturating_sub(1))
        .map(str::trim)
        .filter(|a| !a.is_empty());
    let head = head.trim_end();
    let of = |p: Option<&str>| {
        p.filter(|p| !p.is_empty())
            .and_then(|p| rd.lookup.field_for(section, p))
    };
    match whole {
        Some(w) => match of(aside) {
            Some(a) if a != w && of(Some(head)) == Some(w) => Some(a),
            // `Customers (shoppers ordering from both of us)`: an aside that speaks of
            // both sides makes the label neither's; the words before it decide.
            // Failing that, the aside's own people without its pronoun (`Utility
            // field crews (our shared users)` are the shared users).
            _ if aside.is_some_and(both_sides) => of(Some(head))
                .or_else(|| of(aside.map(without_pronoun)))
                .or(Some(w)),
            _ => Some(w),
        },
        None => of(Some(head)).or_else(|| of(aside)),
    }
}

/// Whether an aside speaks of both sides at once (`from both of us`, `each side's`,
/// `our shared users`).
fn both_sides(aside: &str) -> bool {
    aside.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["both", "each", "either", "shared", "joint", "mutual"]
            .iter()
            .any(|b| w.eq_ignore_ascii_case(b))
    })
}

/// An aside without the possessive that opens it (`our shared users` → `shared users`).
fn without_pronoun(aside: &str) -> &str {
    let (first, rest) = aside.split_once(' ').unwrap_or((aside, ""));
    let possessive = ["our", "their", "your"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p));
    if possessive {
        rest
    } else {
        aside
    }
}

/// `name` without a bracketed aside that ends it (`For shared customers (the shippers
/// and their carriers)`): the aside describes the label and is not counted as words.
fn before_aside(name: &str) -> &str {
    match name.strip_suffix(')').and_then(|n| n.rfind('(')) {
        Some(at) if at > 0 => name.get(..at).unwrap_or(name),
        _ => name,
    }
}

/// More than `MAX_LABEL_WORDS` words (runs of non-whitespace), counted without
/// going past the limit. Words in a parenthesised aside do not count: in
/// `3.1 Crawl (1 February 2027 to 26 March 2027):` the label is the phase's name,
/// the aside only dates it.
pub(super) fn too_many_words(name: &str) -> bool {
    // More words than the limit take at least a byte each and a space between.
    if name.len() < 2 * MAX_LABEL_WORDS + 1 {
        return false;
    }
    let mut words = 0;
    let mut in_word = false;
    let mut depth = 0u32;
    let mut step = |c: char, space: bool| {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if !space && !in_word && depth == 0 {
            words += 1;
        }
        in_word = !space;
        words > MAX_LABEL_WORDS
    };
    if name.is_ascii() {
        name.bytes()
            .any(|c| step(char::from(c), c.is_ascii_whitespace() || c == b'\x0b'))
    } else {
        name.chars().any(|c| step(c, c.is_whitespace()))
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

/// The unlabelled text of a block as an item, if it says anything. A paragraph's
/// clause number (`6.1 Either party may end …`) is its place in the document, not
/// part of what it says: a rule that looks for a number must not find it.
pub fn item(b: &Block) -> Option<Text> {
    let line = b.line();
    let t = trim::trim(&line);
    if t.is_empty() {
        return None;
    }
    if matches!(b.kind, Kind::Para) {
        let skip = clause_number(t);
        let rest = trim::trim_start(t.get(skip..).unwrap_or_default());
        if skip > 0 && !rest.is_empty() {
            let at = line.len() - trim::trim_start(&line).len() + (t.len() - rest.len());
            let start = b.source_offset(at).min(b.span.end);
            return Some(Text::new(rest, Span::new(start, b.span.end)));
        }
    }
    Some(Text::new(t, b.span))
}

/// The length of the clause number a paragraph starts with (`6.1`, `6.1.`, `6.`,
/// `1.2.3`), followed by a space; 0 when none. `3.5 FTE` and `2.5 million` are
/// quantities, which the number reader tells apart from a bare `6.1`.
pub(super) fn clause_number(t: &str) -> usize {
    let b = t.as_bytes();
    let digits = |from: usize| {
        b.iter()
            .skip(from)
            .take(4)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let first = digits(0);
    if !(1..=3).contains(&first) {
        return 0;
    }
    let (mut end, mut groups) = (first, 0);
    while b.get(end) == Some(&b'.') {
        let n = digits(end + 1);
        if !(1..=3).contains(&n) {
            break;
        }
        end += 1 + n;
        groups += 1;
    }
    let dot = b.get(end) == Some(&b'.');
    let len = end + usize::from(dot);
    if !b.get(len).is_some_and(u8::is_ascii_whitespace) {
        return 0;
    }
    let numbering = match (groups, dot) {
        (0, false) => false,
        // `3.5 FTE`: a decimal followed by a unit, read as a quantity.
        (1, false) => crate::value::number::numbers_in(t)
            .next()
            .is_some_and(|n| n.range == (0..end) && n.kind == NumberKind::Plain),
        _ => true,
    };
    if numbering {
        len
    } else {
        0
    }
}

/// Rows of a two-column table whose first cell names a field are fields; other rows
/// are items. A header row that names no field is column titles, not content.
///
/// A wider table is read by its shape: a party × attribute matrix (`| | Keel | Orbital |`
/// with rows `Gives`, `Owner`, or transposed, `| Party | Gives | Loses |`) gives a
/// field for each cell whose column title and row title together name one
/// (`Keel` + `Gives` is `Keel gives`).
pub fn field_table(rd: &Reader, rows: &[Block], sec: &mut Section) {
    let titles = header_cells(rows);
    // Per column: the field its title alone names, and where it is in `sec.fields`
    // once a row has given it a value (see `matrix_fields`).
    let mut columns: Vec<(Option<&str>, Option<usize>)> = titles
        .iter()
        .map(|t| (rd.lookup.field_for(&sec.key, &t.text), None))
        .collect();
    // `| Vantor puts in | Plume puts in |`: a column per field, read down the columns.
    if super::columns::per_field(rd, rows, titles, &columns, sec) {
        return;
    }
    for row in rows {
        let Kind::Row { cells, header, .. } = &row.kind else {
            continue;
        };
        if let Some(f) = row_field(rd, &sec.key, cells) {
            sec.fields.push(f);
        } else if *header {
            continue;
        } else if let Some(fs) =
            sided::fields(rd.lookup.names(), row, |l| field_of(rd, &sec.key, l))
        {
            // `| Owners | Acme: … Orbital: … |`: one row, both sides' holders.
            sec.fields.extend(fs);
        } else if !matrix_fields(rd, &sec.key, titles, cells, &mut columns, &mut sec.fields) {
            // `| Partner manager | Jonas Lind (dedicated) | — |`: a row whose title
            // names a field on its own, whichever side's column holds the value.
            match super::columns::row_alone(rd, &sec.key, titles, cells) {
                Some(f) => sec.fields.push(f),
                None => sec.items.extend(item(row)),
            }
        }
    }
}

/// The header row's cells, when the table has one.
pub fn header_cells(rows: &[Block]) -> &[Text] {
    match rows.first().map(|r| &r.kind) {
        Some(Kind::Row {
            cells,
            header: true,
            ..
        }) => cells,
        _ => &[],
    }
}

/// The fields of one row of a matrix: each cell after the first whose column title and
/// the row's first cell name a field together, in either order. Whether any did.
/// When the column title alone names that field (`| | Furrow gives | … |` with rows
/// `People`, `Money`), the rows are parts of one field: each row's cell joins it.
fn matrix_fields(
    rd: &Reader,
    section: &str,
    titles: &[Text],
    cells: &[Text],
    columns: &mut [(Option<&str>, Option<usize>)],
    out: &mut Vec<Field>,
) -> bool {
    let Some((row_title, values)) = cells.split_first() else {
        return false;
    };
    if titles.len() < 3 || !row_title.has_words() {
        return false;
    }
    let mut found = false;
    let mut label = String::new();
    for (title, value) in titles.iter().skip(1).zip(values) {
        if !title.has_words() || !value.has_words() {
            continue;
        }
        let mut named = None;
        for (a, b) in [(title, row_title), (row_title, title)] {
            label.clear();
            label.push_str(&a.text);
            label.push(' ');
            label.push_str(&b.text);
            named = rd.lookup.field_for(section, &label);
            if named.is_some() {
                break;
            }
        }
        // `| Party | Exposure if we stop |`: in a column title beside a row that names
        // a side, `we` is both sides; the title without it is asked instead.
        if named.is_none() {
            if let Some(general) = without_pronouns(&title.text) {
                label.clear();
                label.push_str(&row_title.text);
                label.push(' ');
                label.push_str(&general);
                named = rd.lookup.field_for(section, &label);
            }
        }
        // `| Shared restaurant customers | … |` under `What good looks like`: a row
        // that is a group of people is the people the column speaks for.
        if named.is_none() {
            if let Some(own) = rd.lookup.field_for(section, &row_title.text) {
                label.clear();
                label.push_str(&title.text);
                label.push_str(" for ");
                label.push_str(&row_title.text);
                named = rd.lookup.field_for(section, &label).filter(|k| *k == own);
            }
        }
        let Some(key) = named else { continue };
        found = true;
        let column = titles
            .iter()
            .position(|t| std::ptr::eq(t, title))
            .and_then(|c| columns.get_mut(c))
            .filter(|(alone, _)| *alone == Some(key));
        let joined = column
            .as_ref()
            .and_then(|(_, at)| *at)
            .and_then(|at| out.get_mut(at));
        if let Some(field) = joined {
            let v = &mut field.value;
            v.text.push_str("; ");
            v.text.push_str(&value.text);
            v.span = crate::model::Span::new(v.span.start, value.span.end.max(v.span.end));
            continue;
        }
        let label = match column {
            Some((_, at)) => {
                *at = Some(out.len());
                title.clone()
            }
            None => Text::new(label.as_str(), row_title.span),
        };
        out.push(Field {
            key: key.to_string(),
            label,
            value: value.clone(),
        });
    }
    found
}

/// `text` without the first-person pronouns, when it has any.
fn without_pronouns(text: &str) -> Option<String> {
    const PRONOUNS: [&str; 3] = ["we", "us", "our"];
    let is_pronoun = |w: &str| PRONOUNS.iter().any(|p| w.eq_ignore_ascii_case(p));
    text.split_whitespace().any(is_pronoun).then(|| {
        text.split_whitespace()
            .filter(|w| !is_pronoun(w))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A field from a two-column row `| label | value |`.
pub fn row_field(rd: &Reader, section: &str, cells: &[Text]) -> Option<Field> {
    let [label, value] = cells else { return None };
    let key = field_of(rd, section, &label.text)?;
    Some(Field {
        key: key.to_string(),
        label: label.clone(),
        value: value.clone(),
    })
}

#[cfg(test)]
mod tests;
