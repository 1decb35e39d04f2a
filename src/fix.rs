//! `charter lint --fix`: the edits that need no invented content. Missing sections
//! are added with the same prompts `charter new` writes (rendered from the same
//! templates, so they cannot drift); dates and signature checkboxes are put in their
//! normal form. Nothing else is touched, and nothing is ever removed.

use crate::model::{Charter, Format, IssueKind, Span, Text, Tier};
use crate::parse;
use crate::render::{self, answers::Answers, Request};
use crate::source::Source;
use crate::vocab::Vocabulary;
use jiff::civil::Date;
use std::path::PathBuf;

/// One replacement in the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    span: Span,
    with: String,
}

/// What `--fix` needs beyond the charter itself.
pub struct FixOptions<'a> {
    pub vocab: &'a Vocabulary,
    pub today: Date,
    /// The team's template folder, when the config names one.
    pub templates: Option<PathBuf>,
}

/// What `--fix` makes of one charter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Nothing to change.
    Unchanged,
    /// The fixed text.
    Fixed(String),
    /// The file is to be left as it is, for this reason (one line, for a message).
    Refused(String),
}

/// The fixed text, nothing to fix, or why the file is left alone. An error is a
/// template that could not be rendered.
///
/// A fix is only offered when it reads back as meant: the fixed text parses no worse
/// than the original and has nothing left to fix, so a second `--fix` never changes
/// what the first one wrote. A charter that does not parse is never touched: what
/// its reader lost past the error (sections, dates) would be added a second time.
pub fn fix(source: &Source, charter: &Charter, opts: &FixOptions<'_>) -> Result<Fix, String> {
    let first_error = charter.issues.iter().find(|i| i.kind == IssueKind::Syntax);
    if let Some(issue) = first_error {
        return Ok(Fix::Refused(format!(
            "it does not parse ({}); correct that first",
            issue.message
        )));
    }
    let Some(full) = candidate(source, charter, opts, true)? else {
        return Ok(Fix::Unchanged);
    };
    if settled(&source.name, &full, charter.format, opts)? {
        return Ok(Fix::Fixed(full));
    }
    // A missing section would not be read where it goes (after an unclosed code
    // block, say): the fixes made in place (dates, checkboxes) alone, when they too
    // leave nothing that a second run would change.
    let sections_refused = || {
        Fix::Refused("a missing section would not be read where it would go; add it by hand".into())
    };
    let Some(part) = candidate(source, charter, opts, false)? else {
        return Ok(sections_refused());
    };
    let part_source = Source::new(source.name.as_str(), part.clone());
    let part_charter = parse::parse(&part_source, charter.format, opts.vocab);
    let again_full = candidate(&part_source, &part_charter, opts, true)?;
    let stable = !has_syntax_error(&part_charter)
        && candidate(&part_source, &part_charter, opts, false)?.is_none()
        && match again_full {
            None => true,
            Some(t) => !settled(&source.name, &t, charter.format, opts)?,
        };
    Ok(if stable {
        Fix::Fixed(part)
    } else {
        sections_refused()
    })
}

fn has_syntax_error(charter: &Charter) -> bool {
    charter.issues.iter().any(|i| i.kind == IssueKind::Syntax)
}

/// The fixed text parses without a syntax error and has nothing left to fix.
fn settled(name: &str, text: &str, format: Format, opts: &FixOptions<'_>) -> Result<bool, String> {
    let source = Source::new(name, text.to_string());
    let charter = parse::parse(&source, format, opts.vocab);
    if has_syntax_error(&charter) {
        return Ok(false);
    }
    Ok(candidate(&source, &charter, opts, true)?.is_none())
}

/// The text with every fix applied, or `None` when there is nothing to fix.
fn candidate(
    source: &Source,
    charter: &Charter,
    opts: &FixOptions<'_>,
    with_sections: bool,
) -> Result<Option<String>, String> {
    let mut edits = Vec::new();
    dates(source, charter, &mut edits);
    if charter.format == Format::Markdown {
        checkboxes(source, charter, &mut edits);
    }
    if with_sections {
        sections(source, charter, opts, &mut edits)?;
    }
    if edits.is_empty() {
        return Ok(None);
    }
    // Apply from the end so earlier offsets stay valid; insertions at the same place
    // keep their order.
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut text = source.text.clone();
    for e in edits.iter().rev() {
        let s = source.clamp(e.span);
        text.replace_range(s.start..s.end, &e.with);
    }
    Ok((text != source.text).then_some(text))
}

/// The line ending the file uses most (`\n` when it has none): added lines use it,
/// so a CRLF or CR-only file does not come out mixed.
fn line_ending(text: &str) -> &'static str {
    let crlf = memchr::memmem::find_iter(text.as_bytes(), b"\r\n").count();
    let cr = memchr::memchr_iter(b'\r', text.as_bytes()).count() - crlf;
    let lf = memchr::memchr_iter(b'\n', text.as_bytes()).count() - crlf;
    if cr > crlf && cr > lf {
        "\r"
    } else if crlf > lf {
        "\r\n"
    } else {
        "\n"
    }
}

/// A date written `2026-9-5`, `2026/09/05` or `2026.09.05` becomes `2026-09-05` when
/// that day exists; impossible dates are left for `invalid-date` to report.
fn dates(source: &Source, c: &Charter, edits: &mut Vec<Edit>) {
    let texts = c
        .meta
        .created
        .iter()
        .chain(&c.meta.next_review)
        .map(|d| &d.text)
        .chain(
            c.phases
                .iter()
                .flat_map(|p| p.start.iter().chain(&p.end))
                .map(|d| &d.text),
        )
        .chain(c.signatures.iter().flat_map(|s| &s.date));
    for t in texts {
        if let Some(e) = normal_date(source, t) {
            edits.push(e);
        }
    }
}

fn normal_date(source: &Source, t: &Text) -> Option<Edit> {
    let written = t.text.trim();
    if crate::date::parse(written).is_ok() {
        return None;
    }
    let parts: Vec<&str> = written.split(['-', '/', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
    if y < 1000 {
        return None;
    }
    let date = Date::new(y, m as i8, d as i8).ok()?;
    // Replace the written text where it stands inside the value's span (a TOML span
    // includes the quotes).
    let slice = source.slice(t.span);
    let at = slice.find(written)?;
    let start = source.clamp(t.span).start + at;
    Some(Edit {
        span: Span::new(start, start + written.len()),
        with: date.to_string(),
    })
}

/// `- [X]` is read as signed, but `- [x]` is the form everyone else writes.
fn checkboxes(source: &Source, c: &Charter, edits: &mut Vec<Edit>) {
    for sig in &c.signatures {
        let line_start = source.text[..source.clamp(sig.span).start]
            .rfind(['\n', '\r'])
            .map(|i| i + 1)
            .unwrap_or(0);
        let line = &source.text[line_start..source.clamp(sig.span).end];
        if let Some(i) = line.find("[X]") {
            let at = line_start + i + 1;
            edits.push(Edit {
                span: Span::new(at, at + 1),
                with: "x".to_string(),
            });
        }
    }
}

/// Missing sections, taken from the skeleton `charter new` would write for this
/// charter's tier and names, inserted in their usual place.
fn sections(
    source: &Source,
    c: &Charter,
    opts: &FixOptions<'_>,
    edits: &mut Vec<Edit>,
) -> Result<(), String> {
    let order: Vec<&str> = opts.vocab.section_keys().collect();
    let missing: Vec<&str> = order
        .iter()
        .copied()
        .filter(|k| c.section(k).is_none())
        // A heading that could be this section was not recognised: adding another would
        // leave two. `missing-section` names that heading instead, for the writer to
        // rename (or to teach the pack).
        .filter(|k| opts.vocab.closest_heading(k, &c.unread).is_none())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let req = Request {
        partner: name_of("partner", &c.meta.partner, c.format)
            .unwrap_or_else(|| "the partner".to_string()),
        company: name_of("company", &c.meta.company, c.format),
        tier: c.meta.tier().unwrap_or(Tier::Partnership),
        format: c.format,
        start: render::dates::next_monday(opts.today),
        start_given: false,
        today: opts.today,
        answers: Answers::default(),
        templates: opts.templates.clone(),
    };
    let skeleton_text = render::render(&req).map_err(|e| e.to_string())?;
    let skeleton_source = Source::new("skeleton", skeleton_text);
    let skeleton = parse::parse(&skeleton_source, c.format, opts.vocab);
    let eol = line_ending(&source.text);
    for key in missing {
        let Some(section) = skeleton.section(key) else {
            continue;
        };
        let mut block = skeleton_source.slice(section.span).to_string();
        if key == "timeline" {
            blank_phase_dates(&mut block, section.span.start, &skeleton);
        }
        let block = block.trim_end().to_string();
        let at = insertion_point(source, c, &order, key);
        let with = if at >= source.text.len() {
            let sep = if source.text.ends_with(['\n', '\r']) || source.text.is_empty() {
                ""
            } else {
                "\n"
            };
            format!("{sep}\n{block}\n")
        } else {
            format!("{block}\n\n")
        };
        edits.push(Edit {
            span: Span::empty(at),
            with: with.replace('\n', eol),
        });
    }
    Ok(())
}

/// The skeleton's phase dates left blank: they were computed from today, and a
/// charter's dates are for its authors to set, never for `--fix` to invent.
fn blank_phase_dates(block: &mut String, base: usize, skeleton: &Charter) {
    let mut spans: Vec<Span> = skeleton
        .phases
        .iter()
        .flat_map(|p| p.start.iter().chain(&p.end))
        .map(|d| d.text.span)
        .filter(|s| s.start >= base && s.end - base <= block.len())
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.start));
    spans.dedup();
    let empty = if skeleton.format == Format::Toml {
        "\"\""
    } else {
        ""
    };
    for s in spans {
        block.replace_range(s.start - base..s.end - base, empty);
    }
}

/// Before the first present section that comes after `key` in the usual order
/// (Markdown), or at the end of the file.
fn insertion_point(source: &Source, c: &Charter, order: &[&str], key: &str) -> usize {
    if c.format == Format::Markdown {
        let pos = order.iter().position(|k| *k == key).unwrap_or(order.len());
        let next = c
            .sections
            .iter()
            .filter(|s| {
                order
                    .iter()
                    .position(|k| *k == s.key)
                    .is_some_and(|p| p > pos)
            })
            .map(|s| s.span.start)
            .min();
        if let Some(start) = next {
            // The section span starts at its heading's `#`: insert before that line.
            // A lone `\r` ends a line too (CommonMark).
            let line_start = source.text[..start.min(source.text.len())]
                .rfind(['\n', '\r'])
                .map(|i| i + 1)
                .unwrap_or(0);
            return line_start;
        }
    }
    source.text.len()
}

/// A side's name to write into the added sections' prompts: one the templates take
/// (`render::check_values`), else none, and the prompts name the side in general
/// words. A name the charter garbles is no reason to refuse the fix.
fn name_of(key: &str, t: &Option<Text>, format: Format) -> Option<String> {
    t.as_ref()
        .filter(|t| t.has_words())
        .map(|t| t.text.clone())
        .filter(|n| render::check_values(&[(key.to_string(), n.clone())], format).is_ok())
}

/// A unified diff of a fix, for `--diff`.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests;
