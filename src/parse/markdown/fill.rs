//! A section's blocks to the model: labelled fields, sub-heading fields, two-column
//! tables, and the unlabelled rest as items. Timeline, metrics and signatures hand
//! their own shapes to `timeline` and `lists`.

use super::blocks::{Block, Kind, RawSection};
use super::label::{field_of, field_table, item, joined, nested_end, Label, Reader};
use super::{lines, lists, runin, sentences, sided, stakes, timeline};
use crate::model::{Charter, Field, Section, Span, Text, Unread, UnreadKind};

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

/// Index after the content of a sub-heading naming field `own`, from `start` up to
/// `end`: a line whose own label names another field of the section (`**Keel loses:**
/// …` after `**Keel gives**` and its list) starts that field instead. One naming the
/// same field is the body restating whose it is (`### 3.1 Lattice` over `Lattice
/// SHALL gain a steering product: …`), not a new field that leaves the heading's empty.
/// A deeper sub-heading naming another field starts it too (a section's own heading
/// that is a field, `Pebblestone's commitments`, over `### Ashcombe's commitments`).
fn field_end(
    rd: &Reader,
    section: &str,
    own: &str,
    blocks: &[Block],
    start: usize,
    end: usize,
) -> usize {
    (start..end)
        .find(|&j| {
            blocks.get(j).is_some_and(|b| {
                let names = match b.kind {
                    Kind::Para | Kind::Item { depth: 0, .. } => {
                        Label::with_aside(b).and_then(|l| field_of(rd, section, l.name))
                    }
                    Kind::Heading(_) => field_of(rd, section, &b.text),
                    _ => None,
                };
                names.is_some_and(|f| f != own)
            })
        })
        .unwrap_or(end)
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

/// Fill one section (and the charter's phases, metrics, signatures) from its blocks.
pub fn section(rd: &Reader, raw: RawSection<'_>, blocks: &[Block], charter: &mut Charter) {
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
    // Unlabelled paragraphs, read for fields stated in sentences once the section is
    // read, and only if a side's field is still missing (most charters label them).
    let mut prose: Vec<Block> = Vec::new();
    let mut i = 0;
    while let Some(b) = blocks.get(i) {
        match &b.kind {
            Kind::Heading(level) => {
                let end = subsection_end(blocks, i, *level);
                let under = blocks.get(i + 1..end).unwrap_or_default();
                if let Some(f) = field_of(rd, key, &b.text) {
                    let end = field_end(rd, key, f, blocks, i + 1, end);
                    let under = blocks.get(i + 1..end).unwrap_or_default();
                    sec.fields.push(Field {
                        key: f.to_string(),
                        label: Text::new(b.text.clone(), b.span),
                        value: joined(None, under, b.span.end),
                    });
                    i = end;
                } else if key == "timeline" && rd.lookup.phase_for(&b.text).is_some() {
                    timeline::heading_phase(rd, b, under, &mut sec, charter);
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
                    "timeline" => timeline::table(rd, rows, &mut sec, charter),
                    "metrics" => lists::metrics_table(rd, rows, &mut sec, charter),
                    "signatures" => lists::signatures_table(rd, rows, &mut sec, charter),
                    _ => field_table(rd, rows, &mut sec),
                }
                i = end;
            }
            Kind::Para | Kind::Item { .. } => {
                if let Some(next) = list_field(rd, blocks, i, &mut sec) {
                    i = next;
                    continue;
                }
                match lines::labelled_lines(rd, key, b).or_else(|| {
                    (key == "signatures")
                        .then(|| lines::every_line(rd, b))
                        .flatten()
                }) {
                    // One block per labelled line, then the item's nested lines after them.
                    Some(mut pieces) => {
                        let end = nested_end(blocks, i);
                        pieces.extend(blocks.get(i + 1..end).unwrap_or_default().iter().cloned());
                        i = end;
                        // `**Crawl – pilot**⏎Dates: …⏎Go/No-Go: …`: a first line that
                        // names a phase heads the labelled lines under it.
                        if let Some((head, under)) = pieces.split_first().filter(|(h, _)| {
                            key == "timeline"
                                && Label::of(h).is_none()
                                && rd.lookup.phase_for(&h.text).is_some()
                        }) {
                            timeline::heading_phase(rd, head, under, &mut sec, charter);
                            continue;
                        }
                        let mut j = 0;
                        while j < pieces.len() {
                            j = match phase_lines(rd, key, &pieces, j) {
                                Some((head, l, under)) => {
                                    timeline::item_phase(rd, head, l, under, &mut sec, charter);
                                    j + 1 + under.len()
                                }
                                None => line(rd, &pieces, j, &mut sec, &mut prose, charter),
                            };
                        }
                    }
                    None => i = line(rd, blocks, i, &mut sec, &mut prose, charter),
                }
            }
        }
    }
    if !prose.is_empty() {
        let sided = rd.lookup.vocab().side_field_keys(key);
        if sided.iter().any(|k| sec.field(k).is_none()) {
            let before = sec.fields.len();
            for b in &prose {
                let stated = sentences::fields(rd, key, b);
                sec.fields.extend(stated);
            }
            // In the order written, as if read in place.
            if sec.fields.len() > before {
                sec.fields.sort_by_key(|f| f.label.span.start);
            }
        }
    }
    if key == "signatures" {
        super::captions::join(rd.src, &mut charter.signatures);
    }
    stakes::losses_under_loss_heading(rd, &mut sec);
    stakes::losses_under_lead_in(rd, blocks, &mut sec);
    for f in &mut sec.fields {
        unanswered(&mut f.value);
    }
    charter.sections.push(sec);
}

/// `* Crawl: 11-Jan-2027 to …⏎    Go/no-go: …⏎    Result: …`: in a timeline, a
/// labelled line naming a phase, and the lines cut after it up to the next phase:
/// its parts, hard-wrapped into the same paragraph. `None` for a phase line with
/// no lines after it, which [`line`] reads with its nested items.
fn phase_lines<'b>(
    rd: &Reader,
    section: &str,
    pieces: &'b [Block],
    j: usize,
) -> Option<(&'b Block, Label<'b>, &'b [Block])> {
    if section != "timeline" {
        return None;
    }
    let names_phase = |b: &'b Block| Label::of(b).filter(|l| rd.lookup.phase_for(l.name).is_some());
    let head = pieces.get(j)?;
    let l = names_phase(head)?;
    let end = (j + 1..pieces.len())
        .find(|&k| pieces.get(k).and_then(names_phase).is_some())
        .unwrap_or(pieces.len());
    let under = pieces.get(j + 1..end).filter(|u| !u.is_empty())?;
    Some((head, l, under))
}

/// What an issue form prints for a field left empty (`_No response_`, read as plain
/// text): no value, so that the field reads as empty and not as two words.
const NO_RESPONSE: &str = "No response";

fn unanswered(value: &mut Text) {
    if crate::trim::trim(&value.text) == NO_RESPONSE {
        value.text.clear();
        value.span = Span::empty(value.span.start);
    }
}

/// A paragraph that heads a list as a field's label (see [`list_head`]) and the items
/// under it, as that field; the index after them. Read once per paragraph: the label
/// behind it costs a scan of the line.
fn list_field(rd: &Reader, blocks: &[Block], i: usize, sec: &mut Section) -> Option<usize> {
    let b = blocks.get(i).filter(|b| matches!(b.kind, Kind::Para))?;
    let key = sec.key.as_str();
    let (f, name) = list_head(rd, key, blocks, i)?;
    let mut end = i + 1;
    while matches!(blocks.get(end).map(|b| &b.kind), Some(Kind::Item { .. })) {
        end += 1;
    }
    let end = field_end(rd, key, f, blocks, i + 1, end);
    let under = blocks.get(i + 1..end).unwrap_or_default();
    sec.fields.push(Field {
        key: f.to_string(),
        label: Text::new(name, b.span),
        value: joined(None, under, b.span.end),
    });
    Some(end)
}

/// A one-line paragraph that only names a field (`Lumarq`, `Lumarq:`, `Our side`)
/// right above a list: it heads the list, as a sub-heading would. The field and the
/// label's words.
fn list_head<'a, 'b>(
    rd: &Reader<'a>,
    section: &str,
    blocks: &'b [Block],
    i: usize,
) -> Option<(&'a str, &'b str)> {
    if matches!(section, "timeline" | "metrics" | "signatures") {
        return None;
    }
    let b = blocks.get(i)?;
    if !matches!(blocks.get(i + 1)?.kind, Kind::Item { depth: 0, .. }) {
        return None;
    }
    let name = match Label::with_aside(b) {
        Some(l) if l.rest.is_empty() => l.name,
        Some(_) => return None,
        None => crate::trim::trim(&b.text),
    };
    if name.is_empty() || super::label::too_many_words(name) {
        return None;
    }
    field_of(rd, section, name).map(|f| (f, name))
}

/// A paragraph or list item (with its nested items); returns the index after it.
fn line(
    rd: &Reader,
    blocks: &[Block],
    i: usize,
    sec: &mut Section,
    prose: &mut Vec<Block>,
    charter: &mut Charter,
) -> usize {
    let Some(b) = blocks.get(i) else { return i + 1 };
    let end = nested_end(blocks, i);
    let nested = blocks.get(i + 1..end).unwrap_or_default();
    let label = match sec.key.as_str() {
        "timeline" | "metrics" | "signatures" => Label::of(b),
        _ => Label::with_aside(b),
    };
    // `**6.1 Decision owners.** Keel: …`: a run-in heading, then labels (or the value).
    if label
        .as_ref()
        .is_none_or(|l| runin::full_stop(l.name).is_some())
        && !matches!(sec.key.as_str(), "timeline" | "metrics" | "signatures")
    {
        if let Some(fields) = runin::fields(rd, &sec.key, b) {
            sec.fields.extend(fields);
            return end;
        }
    }
    // `Executive sponsors: Acme: … · Orbital: …`: one label over both sides' parts.
    if !matches!(sec.key.as_str(), "timeline" | "metrics" | "signatures") {
        let field = |l: &str| field_of(rd, &sec.key, l);
        if let Some(fields) = sided::fields(rd.lookup.names(), b, field) {
            sec.fields.extend(fields);
            return end;
        }
    }
    if let Some(l) = &label {
        if let Some(f) = field_of(rd, &sec.key, l.name).or_else(|| person_of_side(rd, sec, l)) {
            sec.fields.push(Field {
                key: f.to_string(),
                label: l.label(),
                value: joined(Some(l.value()), nested, l.value_start()),
            });
            return end;
        }
    }
    if let Some(f) = label
        .is_none()
        .then(|| item_head(rd, &sec.key, b, nested))
        .flatten()
    {
        let label = Text::new(crate::trim::trim(&b.text), b.span);
        let value = joined(None, nested, b.span.end);
        sec.fields.push(Field {
            key: f.to_string(),
            label,
            value,
        });
        return end;
    }
    let is_item = matches!(b.kind, Kind::Item { .. });
    match sec.key.as_str() {
        "timeline" => match label
            .as_ref()
            .filter(|l| rd.lookup.phase_for(l.name).is_some())
        {
            Some(l) => {
                timeline::item_phase(rd, b, l.clone(), nested, sec, charter);
                return end;
            }
            None => {
                if let Some(next) = timeline::sentence_phases(rd, blocks, i, sec, charter) {
                    sec.items.extend(item(b));
                    return next;
                }
            }
        },
        "metrics" if is_item => {
            lists::metric_item(rd, b, nested, charter);
            return end;
        }
        // `Guest satisfaction: improve` (a definition list, or a labelled line): a
        // metric named by its label, as a list item or a table's row is.
        "metrics"
            if label
                .as_ref()
                .is_some_and(|l| lists::states_metric(rd, l, b)) =>
        {
            if let Some(l) = &label {
                lists::labelled_metric(rd, l, b, charter);
            }
            return end;
        }
        "signatures" if is_item => {
            match lists::signature(rd, b) {
                Some(s) => charter.signatures.push(s),
                None => sec.items.extend(item(b)),
            }
            return i + 1;
        }
        _ => {}
    }
    // `Signed for Acme: Jane Roe, CEO, 12 Feb 2027` closing a memo's last section is
    // a signature wherever it stands; [`signatures_outside`] gives it a section.
    if label.as_ref().is_some_and(|l| signs_for(l.name)) {
        if let Some(s) = lists::signature(rd, b) {
            charter.signatures.push(s);
            return i + 1;
        }
    }
    // Under the signatures heading a line of a paragraph that names a side or says it
    // is signed is a signature line, as a list item is (`Ana Park, CEO, Sprout — 12 Feb`).
    if sec.key == "signatures" {
        if let Some(s) = lists::signature(rd, b).filter(|s| s.side.is_some() || s.signed) {
            charter.signatures.push(s);
            return i + 1;
        }
    }
    // A clause ending in a colon (`What each of us wants out of it, in plain terms:`)
    // introduces what follows: it names no field and states none by itself.
    if introduces(b, label.as_ref()) {
        sec.items.extend(item(b));
        return i + 1;
    }
    // An unlabelled paragraph may state fields in sentences (`Birch puts in …`): kept
    // for [`section`] to read once it knows whether a side's field is missing.
    if !matches!(sec.key.as_str(), "timeline" | "metrics" | "signatures")
        && rd.lookup.vocab().has_fields(&sec.key)
    {
        prose.push(b.clone());
    }
    if let Some(l) = label.filter(|l| looks_like_label(l.name)) {
        charter.unread.push(Unread {
            kind: UnreadKind::Label,
            text: l.label(),
            section: Some(sec.key.clone()),
        });
    }
    sec.items.extend(item(b));
    i + 1
}

/// `- [x] Bramblecart` over nested items: an item that only names a field heads
/// them, as a sub-heading would, unless they name fields of their own.
fn item_head<'a>(rd: &Reader<'a>, key: &str, b: &Block, nested: &[Block]) -> Option<&'a str> {
    let name = crate::trim::trim(&b.text);
    if nested.is_empty() || matches!(key, "timeline" | "metrics" | "signatures") {
        return None;
    }
    if super::label::too_many_words(name) {
        return None;
    }
    let f = field_of(rd, key, name)?;
    let own = |n: &Block| Label::of(n).and_then(|l| field_of(rd, key, l.name));
    nested.iter().all(|n| own(n).is_none()).then_some(f)
}

/// Under governance a side's bare name labels the person who decides for it, in the
/// first person in a letter from one side (`Damplock: me (Callum Reid)`, `Pebblecrest:
/// you (Martina Osei)`) or by name: read as `Damplock owner`. A team there (`Granite
/// side: the growth team decides together`) is nobody's name.
fn person_of_side<'a>(rd: &Reader<'a>, sec: &Section, l: &Label) -> Option<&'a str> {
    if sec.key != "governance" || !rd.lookup.names().is_bare_side(l.name) {
        return None;
    }
    let value = l.value();
    let first = value.text.split_whitespace().next().unwrap_or_default();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    let pronoun = ["me", "i", "i'm", "i'll", "myself", "you", "yourself"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p));
    if !pronoun && !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let name = l.name.trim();
    let name = name.strip_suffix(" side").unwrap_or(name);
    rd.lookup.field_for(&sec.key, &format!("{name} owner"))
}

/// Labels that name no field are listed as unread only when they read as labels: a
/// few words before the colon, not a sentence that happens to have one.
const UNREAD_LABEL_WORDS: usize = 5;

fn looks_like_label(name: &str) -> bool {
    name.split_whitespace().nth(UNREAD_LABEL_WORDS).is_none() && !name.ends_with(['.', '?', '!'])
}

/// Whether a paragraph that names no field is an introduction: it ends in its only
/// colon, and the words before it are a clause, not a label (too many of them, or a
/// comma between them).
fn introduces(b: &Block, label: Option<&Label>) -> bool {
    if !matches!(b.kind, Kind::Para) || !crate::trim::trim_end(&b.text).ends_with(':') {
        return false;
    }
    match label {
        Some(l) => l.rest.is_empty() && (l.name.contains(',') || !looks_like_label(l.name)),
        None => b.text.bytes().filter(|&c| c == b':').count() == 1,
    }
}

/// A label that says who signs for whom: `Signed for Acme`, `Signed by`, `Signed on
/// behalf of Acme`.
fn signs_for(name: &str) -> bool {
    let mut w = name.split_whitespace();
    w.next().is_some_and(|f| f.eq_ignore_ascii_case("signed"))
        && w.next().is_some_and(|s| {
            ["for", "by", "on"]
                .iter()
                .any(|x| s.eq_ignore_ascii_case(x))
        })
}

/// Signature lines read under other sections (a memo's closing `Signed for …` lines)
/// when the charter has no signatures section: they are its signatures section, with
/// an empty heading where the first of them starts.
pub fn signatures_outside(charter: &mut Charter) {
    if charter.signatures.is_empty() || charter.section("signatures").is_some() {
        return;
    }
    let Some(first) = charter.signatures.first().map(|s| s.span) else {
        return;
    };
    let span = charter
        .signatures
        .iter()
        .fold(first, |acc, s| acc.join(s.span));
    charter.sections.push(Section {
        key: "signatures".to_string(),
        heading: Text::new("", Span::empty(first.start)),
        span,
        body: span,
        fields: Vec::new(),
        items: Vec::new(),
    });
}
