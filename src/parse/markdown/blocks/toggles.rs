//! HTML toggles: `<details><summary>For Lumio</summary> … </details>`, as Notion,
//! GitHub and many wikis fold content. The summary names what the toggle holds, so it
//! stands as a sub-heading of the open section, as a bold line does (`bold`): `For
//! Lumio` under goals is the goal for Lumio. The rest of the HTML stays verbatim.
//! A Docusaurus tab (`<TabItem value="us" label="Tallowby">`) is read the same way:
//! its label names what the tab holds.

use super::sections::BOLD_LEVEL;
use super::{Builder, Span};

const OPEN: &[u8] = b"<summary";
const CLOSE: &[u8] = b"</summary>";
const TAB: &[u8] = b"<TabItem";
const LABEL: &[u8] = b"label=\"";

impl Builder<'_> {
    /// One line of an HTML block (at `span`): a `<summary>…</summary>` on it, inside an
    /// open section, is read as a sub-heading whose span is the summary's text.
    pub(super) fn html(&mut self, span: Span) {
        if self.open.is_none() {
            return;
        }
        // Read from the source, not the event's text: the span is the source's even
        // when the body was rewritten (`plain`).
        let line = self.src.get(span.start..span.end).unwrap_or_default();
        if let Some((text, at)) = summary(line).or_else(|| tab_label(line)) {
            let start = span.start + at;
            self.heading(BOLD_LEVEL, text, Span::new(start, start + text.len()));
        }
    }
}

/// The text of a `<summary>…</summary>` in `line` with its offset, without inner
/// tags (`<summary><b>For Lumio</b></summary>`); none when it is empty or does not
/// close on the line.
fn summary(line: &str) -> Option<(&str, usize)> {
    let b = line.as_bytes();
    let open = find_ignore_case(b, OPEN)?;
    // Past the tag's attributes: `<summary class="x">`.
    let start = open + memchr::memchr(b'>', b.get(open..)?)? + 1;
    let end = start + find_ignore_case(b.get(start..)?, CLOSE)?;
    let mut inner = line.get(start..end)?;
    let mut at = start;
    // Inner tags at either end (`<b>…</b>`, `<strong>…</strong>`) are set aside.
    loop {
        let t = inner.trim_start();
        at += inner.len() - t.len();
        inner = t;
        match inner.strip_prefix('<').and_then(|r| r.find('>')) {
            Some(close) => {
                at += close + 2;
                inner = inner.get(close + 2..)?;
            }
            None => break,
        }
    }
    loop {
        inner = inner.trim_end();
        match inner.strip_suffix('>').and_then(|r| r.rfind('<')) {
            Some(open) => inner = inner.get(..open)?,
            None => break,
        }
    }
    (!inner.is_empty()).then_some((inner, at))
}

/// The `label="…"` of a `<TabItem …>` in `line`, with its offset.
fn tab_label(line: &str) -> Option<(&str, usize)> {
    let b = line.as_bytes();
    let open = find_ignore_case(b, TAB)?;
    let tag_end = open + memchr::memchr(b'>', b.get(open..)?)?;
    let attrs = b.get(open..tag_end)?;
    let at = open + find_ignore_case(attrs, LABEL)? + LABEL.len();
    let end = at + memchr::memchr(b'"', b.get(at..tag_end)?)?;
    let text = line.get(at..end)?;
    let inner = text.trim();
    let at = at + (text.len() - text.trim_start().len());
    (!inner.is_empty()).then_some((inner, at))
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::summary;
    use crate::source::Source;
    use crate::vocab::default_vocab;

    #[test]
    fn a_toggle_under_goals_is_the_goal_its_summary_names() {
        let body = "# Keel × Orbital\n\n## Goals\n\n<details>\n<summary>For Keel</summary>\n\n\
                    Grow revenue 10%.\n\n</details>\n\n<details>\n<summary><b>For Orbital</b></summary>\n\n\
                    Fewer support calls.\n\n</details>\n\n## Exit\n\nIf nobody uses it.\n";
        let text = format!("+++\npartner = \"Orbital\"\ncompany = \"Keel\"\n+++\n\n{body}");
        let c = crate::parse::markdown::parse(
            &Source::new("t.charter.md", text.clone()),
            &default_vocab(),
        );
        let goals = &c.sections[0];
        let fields: Vec<_> = goals
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.label.text.as_str()))
            .collect();
        assert_eq!(fields, [("us", "For Keel"), ("partner", "For Orbital")]);
        // The label's span is the summary's text; the value is what the toggle folds.
        let label = &goals.fields[1].label;
        assert_eq!(
            text.get(label.span.start..label.span.end),
            Some("For Orbital")
        );
        assert!(goals.fields[0].value.text.starts_with("Grow revenue"));
        assert_eq!(c.sections[1].key, "exit");
    }

    #[test]
    fn a_summary_is_its_text_with_its_offset() {
        assert_eq!(
            summary("<summary>For Lumio</summary>"),
            Some(("For Lumio", 9))
        );
        let line = "<details><summary class=\"t\"><b>For Carrow</b></summary>";
        let (text, at) = summary(line).unwrap_or_default();
        assert_eq!(
            (text, line.get(at..at + text.len())),
            ("For Carrow", Some("For Carrow"))
        );
        assert_eq!(summary("<summary>  </summary>"), None);
        assert_eq!(summary("<summary>Open"), None);
        assert_eq!(summary("<details>"), None);
        let line = "<TabItem value=\"us\" label=\"Tallowby\">";
        let (text, at) = super::tab_label(line).unwrap_or_default();
        assert_eq!((text, line.get(at..at + 8)), ("Tallowby", Some("Tallowby")));
        assert_eq!(super::tab_label("<TabItem value=\"us\">"), None);
    }
}
