//! `--format human`: miette's graphical report for each finding, then a summary.
//!
//! miette is handed an *excerpt* of the file (the finding's lines with one line of
//! context), not the whole file: it rescans its source from the start for every
//! label, which is quadratic on a large file with many findings, and it panics on
//! labels past column 65,535. A very long line is shown as a window around the span.
//! Names, messages and excerpts go through [`escape`]: a charter's control characters
//! are shown, never sent to the terminal.

use super::{escape, plural, Diagnostic, InputFailure, Report, Run};
use crate::model::Span;
use crate::rules::{Finding, Severity};
use crate::source::Source;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// Lines longer than this are shown as a window around the span.
const LONG_LINE: usize = 300;
/// Characters of context on each side of the span in a window.
const WINDOW_CONTEXT: usize = 60;
/// A multi-line span is shown on at most this many lines.
const MAX_SPAN_LINES: usize = 6;

pub struct Human {
    handler: GraphicalReportHandler,
    color: bool,
}

impl Human {
    pub fn new(color: bool) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        // Fixed width and no links: output is byte-stable in tests and CI logs.
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_links(false)
            .with_context_lines(1);
        Human { handler, color }
    }

    fn render(&self, source: &Source, finding: &Finding, out: &mut String) {
        let (excerpt, label) = Excerpt::new(source, finding.span);
        // Without an excerpt (an empty file) miette names no file: the message does.
        let message = match label {
            Some(_) => escape::line(&finding.message),
            None => format!(
                "{}: {}",
                escape::line(&source.name),
                escape::line(&finding.message)
            )
            .into(),
        };
        let diag = HumanDiag {
            finding,
            message,
            help: escape::line(&finding.help),
            excerpt: &excerpt,
            label,
        };
        if self.handler.render_report(out, &diag).is_err() {
            // Rendering failed (it should not): fall back to the concise line.
            let (line, col) = source.line_col(finding.span.start);
            out.push_str(&format!(
                "{}:{line}:{col}: {}[{}] {}\n",
                escape::line(&source.name),
                finding.severity,
                finding.rule,
                diag.message
            ));
        }
        out.push('\n');
    }
}

impl Report for Human {
    fn file(&self, source: &Source, findings: &[Finding], _diagnostics: &[Diagnostic]) -> String {
        let mut out = String::new();
        for f in findings {
            self.render(source, f, &mut out);
        }
        out
    }

    fn failure(&self, failure: &InputFailure) -> String {
        let mark = if self.color {
            "\x1b[31m×\x1b[0m"
        } else {
            "×"
        };
        format!(
            "  {mark} {}: {}\n",
            escape::line(&failure.path),
            escape::line(&failure.message)
        )
    }

    fn finish(&self, run: &Run<'_>) -> String {
        let s = run.summary;
        let mut out = if s.errors + s.warnings + s.infos == 0 {
            format!(
                "{} checked: no findings",
                plural(s.files, "charter", "charters")
            )
        } else {
            s.line()
        };
        if !run.failures.is_empty() {
            out.push_str(&format!(
                "; {} could not be read",
                plural(run.failures.len(), "input", "inputs")
            ));
        }
        out.push('\n');
        out
    }

    fn wants_all(&self) -> bool {
        false
    }

    fn for_people(&self) -> bool {
        true
    }
}

struct HumanDiag<'a> {
    finding: &'a Finding,
    /// The finding's message and help, escaped.
    message: std::borrow::Cow<'a, str>,
    help: std::borrow::Cow<'a, str>,
    excerpt: &'a Excerpt,
    label: Option<SourceSpan>,
}

impl fmt::Debug for HumanDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for HumanDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for HumanDiag<'_> {}

impl miette::Diagnostic for HumanDiag<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}({})",
            self.finding.rule, self.finding.code
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.label.map(|_| self.excerpt as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.label?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            None, span,
        ))))
    }
}

/// A few lines of a file, standing in for it: line numbers and the first line's
/// column are those of the real file.
struct Excerpt {
    name: String,
    text: String,
    /// 0-based line of the file where the excerpt starts.
    first_line: usize,
    /// Characters of the first line cut off before the excerpt (window mode).
    column_shift: usize,
}

impl Excerpt {
    /// The excerpt around `span`, and the span's place in it (`None` for an empty file).
    fn new(source: &Source, span: Span) -> (Excerpt, Option<SourceSpan>) {
        let span = source.clamp(span);
        let (line_a, _) = source.line_col(span.start);
        let mut line_b = source.line_col(span.end).0;
        // A span ending right after a newline ends on the line before.
        if line_b > line_a && source.line_span(line_b).start == span.end {
            line_b -= 1;
        }
        let line_b = line_b.min(line_a + MAX_SPAN_LINES - 1);
        let first = line_a.saturating_sub(1).max(1);
        let last = (line_b + 1).min(source.line_count());
        let start = source.line_span(first).start;
        let end_line = source.line_span(last);
        // Include the last line's ending so miette sees whole lines.
        let end = source
            .clamp(Span::empty(next_line_start(source, end_line.end)))
            .start;
        let long = (first..=last).any(|l| source.line_span(l).len() > LONG_LINE);
        if long {
            return Excerpt::window(source, span, line_a);
        }
        let text = source.text[start..end].to_string();
        let label_end = span
            .end
            .min(source.line_span(line_b).end.max(span.start))
            .min(end);
        let label = fit(
            &text,
            span.start - start,
            label_end.saturating_sub(span.start),
        );
        let (text, label) = shown(&text, label);
        (
            Excerpt {
                name: escape::line(&source.name).into_owned(),
                text,
                first_line: first - 1,
                column_shift: 0,
            },
            label,
        )
    }

    /// One long line, cut to a window around the span.
    fn window(source: &Source, span: Span, line: usize) -> (Excerpt, Option<SourceSpan>) {
        let ls = source.line_span(line);
        let line_text = &source.text[ls.start..ls.end];
        let rel_start = span.start.saturating_sub(ls.start).min(line_text.len());
        let rel_end = span.end.min(ls.end).saturating_sub(ls.start).max(rel_start);
        let rel_end = rel_end.min(rel_start + 200);
        let win_start = back_chars(line_text, rel_start, WINDOW_CONTEXT);
        let win_end = forward_chars(line_text, rel_end, WINDOW_CONTEXT);
        let rel_end = floor_boundary(line_text, rel_end);
        let prefix = if win_start > 0 { "…" } else { "" };
        let suffix = if win_end < line_text.len() { "…" } else { "" };
        let text = format!("{prefix}{}{suffix}\n", &line_text[win_start..win_end]);
        let label = fit(
            &text,
            prefix.len() + rel_start - win_start,
            rel_end - rel_start,
        );
        let shift = line_text[..win_start].chars().count();
        let (text, label) = shown(&text, label);
        (
            Excerpt {
                name: escape::line(&source.name).into_owned(),
                text,
                first_line: line - 1,
                column_shift: shift.saturating_sub(prefix.chars().count()),
            },
            label,
        )
    }
}

/// An excerpt's text as shown, and its label moved to match: each control character
/// becomes one visible character, so columns (counted in characters) do not change.
fn shown(text: &str, label: Option<SourceSpan>) -> (String, Option<SourceSpan>) {
    let label = label.map(|l| {
        let start = escape::lines_offset(text, l.offset());
        let end = escape::lines_offset(text, l.offset() + l.len());
        SourceSpan::from((start, end - start))
    });
    (escape::lines(text).into_owned(), label)
}

/// A label inside `text`: never past its end, always on character boundaries.
fn fit(text: &str, offset: usize, len: usize) -> Option<SourceSpan> {
    if text.is_empty() {
        return None;
    }
    let mut start = offset.min(text.len());
    // A label at the very end (an empty span at end of file) goes on the last character.
    if start == text.len() {
        start = floor_boundary(text, text.len() - 1);
    }
    let start = floor_boundary(text, start);
    let end = floor_boundary(text, (start + len).min(text.len())).max(start);
    Some((start, end - start).into())
}

fn next_line_start(source: &Source, line_end: usize) -> usize {
    let b = source.text.as_bytes();
    let mut i = line_end;
    if b.get(i) == Some(&b'\r') {
        i += 1;
    }
    if b.get(i) == Some(&b'\n') {
        i += 1;
    }
    i
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn back_chars(s: &str, from: usize, n: usize) -> usize {
    let from = floor_boundary(s, from);
    s[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0)
}

fn forward_chars(s: &str, from: usize, n: usize) -> usize {
    let from = floor_boundary(s, from);
    s[from..]
        .char_indices()
        .nth(n)
        .map(|(i, _)| from + i)
        .unwrap_or(s.len())
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        // miette counts columns in bytes; ours are characters (as in every other format).
        let at = floor_boundary(&self.text, span.offset());
        let line_start = self.text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let mut column = self.text[line_start..at].chars().count();
        if inner.line() == 0 {
            column += self.column_shift;
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(span: Span) -> Finding {
        Finding {
            code: "CH004".into(),
            rule: "placeholder".into(),
            severity: Severity::Warning,
            message: "placeholder left in".into(),
            help: "replace it".into(),
            span,
            whole_file: false,
        }
    }

    fn render(text: &str, span: Span) -> String {
        let source = Source::new("c.charter.md", text.to_string());
        Human::new(false).file(&source, &[finding(span)], &[])
    }

    #[test]
    fn shows_the_real_line_number_and_the_help() {
        let text = "a\nb\nc\n- We give: TBD\nd\ne\n";
        let at = text.find("TBD").unwrap();
        let out = render(text, Span::new(at, at + 3));
        assert!(out.contains("c.charter.md:4:12"), "{out}");
        assert!(out.contains(" 4 │ - We give: TBD"), "{out}");
        assert!(out.contains("help: replace it"), "{out}");
        assert!(!out.contains(" 1 │"), "context is one line: {out}");
    }

    #[test]
    fn a_finding_at_the_end_of_a_70000_character_line_is_windowed() {
        let mut text = "x".repeat(70_000);
        text.push_str(" TBD");
        let at = text.len() - 3;
        let out = render(&text, Span::new(at, text.len()));
        assert!(out.contains("c.charter.md:1:70002"), "{out}");
        assert!(out.contains("TBD"));
        assert!(out.len() < 2_000, "the line is windowed");
    }

    #[test]
    fn empty_spans_at_the_end_and_empty_files_do_not_panic() {
        render("abc", Span::new(3, 3));
        render("abc\n", Span::new(4, 4));
        render("", Span::new(0, 0));
        render("é", Span::new(1, 5));
        render("a\r\nb\r\n", Span::new(0, 6));
    }
}
