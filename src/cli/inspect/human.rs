//! The human form of `charter inspect`: one block per file, a line number in the
//! left gutter of every row, what was not recognised first.

use super::view::{DateView, FileView, MetaView, TextView};
use crate::output::escape;
use std::fmt::Write;

/// Width of the line-number gutter.
const GUTTER: usize = 5;

pub fn render(view: &FileView) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_file(&mut out, view);
    // Headings, labels and values are the file's text: control characters are shown,
    // not sent to the terminal.
    escape::lines(&out).into_owned()
}

fn write_file(out: &mut String, v: &FileView) -> std::fmt::Result {
    writeln!(out, "{} ({})", escape::line(&v.path), v.format)?;
    writeln!(
        out,
        "  read: {} · {} · {} · {}",
        count(v.sections.len(), "section", "sections"),
        count(v.phases.len(), "phase", "phases"),
        count(v.metrics.len(), "metric", "metrics"),
        count(v.signatures.len(), "signature", "signatures"),
    )?;

    if v.unread.is_empty() && v.sections.is_empty() && v.format == "markdown" {
        // Nothing unread and nothing read: the file has no heading charter could see
        // (a `1) Goals` line over dashes is a list item and a rule to Markdown).
        writeln!(
            out,
            "  ! no section headings were found: write them as Markdown headings (`## Goals`)"
        )?;
    } else if v.unread.is_empty() {
        writeln!(out, "  ✓ every heading and label was recognised")?;
    } else {
        writeln!(
            out,
            "\n  ! NOT RECOGNISED ({}): rename these, or add the words to your rule pack",
            v.unread.len()
        )?;
        for u in &v.unread {
            let what = if u.level.is_some() {
                "heading"
            } else {
                "label"
            };
            let place = match &u.section {
                Some(s) => format!("  (in {s})"),
                None => String::new(),
            };
            row(
                out,
                Some(u.line),
                &format!("{what:<12} {}{place}", u.written),
            )?;
        }
    }
    if !v.issues.is_empty() {
        writeln!(out, "\n  ! PARSE ISSUES ({})", v.issues.len())?;
        for i in &v.issues {
            row(out, Some(i.line), &format!("{:<12} {}", i.kind, i.message))?;
        }
    }

    writeln!(out, "\n  METADATA")?;
    for m in v.metadata.iter().filter(|m| m.written.is_some()) {
        meta(out, m)?;
    }
    // The keys not given, on one row: seven rows of dashes would bury the rest.
    let absent: Vec<&str> = v
        .metadata
        .iter()
        .filter(|m| m.written.is_none())
        .map(|m| m.key)
        .collect();
    if !absent.is_empty() {
        row(out, None, &format!("not given: {}", absent.join(", ")))?;
    }

    writeln!(out, "\n  SECTIONS")?;
    if v.sections.is_empty() {
        row(out, None, "none recognised")?;
    }
    for s in &v.sections {
        // The pack's title only when the heading does not already say it.
        let title = if s.by_content {
            format!("  = {} (by content)", s.title)
        } else if s.heading.to_lowercase().contains(&s.title.to_lowercase()) {
            String::new()
        } else {
            format!("  = {}", s.title)
        };
        row(
            out,
            Some(s.line),
            &format!("{:<16} {}{title}", s.key, s.heading),
        )?;
        for f in &s.fields {
            // A TOML key is its own label: repeating it says nothing.
            let label = if f.label == f.key {
                String::new()
            } else {
                quoted(&f.label)
            };
            row(
                out,
                Some(f.line),
                &format!("  {:<16} {label:<22} {}", f.key, f.value),
            )?;
        }
        if s.items > 0 {
            row(
                out,
                None,
                &format!(
                    "  + {}",
                    count(s.items, "unlabelled item", "unlabelled items")
                ),
            )?;
        }
    }

    writeln!(out, "\n  TIMELINE")?;
    if v.phases.is_empty() {
        row(out, None, "no phases")?;
    }
    for p in &v.phases {
        let kind = p.kind.unwrap_or("? (not crawl, walk or run)");
        let dates = format!("{} → {}", date(p.start.as_ref()), date(p.end.as_ref()));
        row(
            out,
            Some(p.line),
            &format!("{kind:<6} {}  {dates}", quoted(&p.name)),
        )?;
        if let Some(r) = &p.relative {
            let from = match &r.counted_from {
                Some(d) => format!("counted from {d}"),
                None => "nothing to count from: no dates made up".to_string(),
            };
            row(out, None, &format!("  relative  {} ({from})", r.read_as))?;
        }
        part(out, "scope", p.scope.as_ref())?;
        part(out, "go/no-go", p.go_no_go.as_ref())?;
        if let Some(b) = p.bar_percent {
            row(out, None, &format!("  {:<9} {b}", "bar %"))?;
        }
        part(out, "result", p.result.as_ref())?;
        if let Some(r) = p.result_percent {
            row(out, None, &format!("  {:<9} {r}", "result %"))?;
        }
    }

    writeln!(out, "\n  METRICS")?;
    if v.metrics.is_empty() {
        row(out, None, "no metrics")?;
    }
    for m in &v.metrics {
        let target = match &m.target {
            Some(t) => format!("  target: {}", t.text),
            None => String::new(),
        };
        row(out, Some(m.line), &format!("{}{target}", m.name))?;
    }

    writeln!(out, "\n  SIGNATURES")?;
    if v.signatures.is_empty() {
        row(out, None, "no signatures")?;
    }
    for s in &v.signatures {
        let signed = if s.signed {
            "✓ signed"
        } else {
            "✗ unsigned"
        };
        let date = match &s.date {
            Some(d) => format!("  {}", d.text),
            None => String::new(),
        };
        row(
            out,
            Some(s.line),
            &format!(
                "{:<8} {signed:<10} {}{date}",
                s.side.unwrap_or("? side"),
                s.who
            ),
        )?;
    }
    Ok(())
}

fn meta(out: &mut String, m: &MetaView) -> std::fmt::Result {
    let Some(written) = &m.written else {
        return Ok(());
    };
    let read = match (&m.value, m.error) {
        (_, Some(e)) => format!("✗ {e}"),
        // A plain text (partner, company) or a value written in its own spelling says
        // nothing more when repeated.
        (Some(v), None) if v == written => String::new(),
        (Some(v), None) => format!("→ {v}"),
        (None, None) => String::new(),
    };
    let from = m.source.map(|s| s.replace('-', " ")).unwrap_or_default();
    row(
        out,
        m.line,
        &format!("{:<12} {:<24} {from:<13} {read}", m.key, quoted(written)),
    )
}

fn date(d: Option<&DateView>) -> String {
    match d {
        None => "—".to_string(),
        Some(d) => match (&d.value, d.error) {
            (Some(v), _) if *v == d.written => v.clone(),
            (Some(v), _) => format!("{} (= {v})", quoted(&d.written)),
            (None, e) => format!("{} ✗ {}", quoted(&d.written), e.unwrap_or("unread")),
        },
    }
}

fn part(out: &mut String, name: &str, t: Option<&TextView>) -> std::fmt::Result {
    match t {
        Some(t) => row(out, Some(t.line), &format!("  {name:<9} {}", t.text)),
        None => row(out, None, &format!("  {name:<9} —")),
    }
}

/// One row: the line number (or blanks) in the gutter, then the text, trailing
/// spaces trimmed.
fn row(out: &mut String, line: Option<usize>, text: &str) -> std::fmt::Result {
    let gutter = line.map(|l| l.to_string()).unwrap_or_default();
    writeln!(out, "  {gutter:>GUTTER$}  {}", text.trim_end())
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

fn count(n: usize, one: &str, many: &str) -> String {
    crate::output::plural(n, one, many)
}
