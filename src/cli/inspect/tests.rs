//! The parts of the view the examples do not reach: headings and labels the reader
//! could not place, parse issues, values that did not parse, long values.

use super::{human, view};
use crate::model::{
    Charter, Format, Issue, IssueKind, Meta, Parsed, Span, Text, Unread, UnreadKind,
};
use crate::rules::RuleSet;
use crate::source::Source;

const TEXT: &str =
    "---\ntier: gold\n---\n# Acme\n\n## Delivery plan\n\n## Governance\n\nRelay: Sam\n";

fn span_of(needle: &str) -> Span {
    let start = TEXT.find(needle).expect("in TEXT");
    Span::new(start, start + needle.len())
}

fn charter() -> Charter {
    let mut c = Charter::empty(Format::Markdown, TEXT.len());
    c.meta = Meta {
        span: Some(span_of("---\ntier: gold\n---")),
        tier: Some(Parsed::tier(Text::new("gold", span_of("gold")))),
        ..Meta::default()
    };
    c.unread = vec![
        Unread {
            kind: UnreadKind::Heading { level: 2 },
            text: Text::new("Delivery plan", span_of("## Delivery plan")),
            section: None,
        },
        Unread {
            kind: UnreadKind::Label,
            text: Text::new("Relay", span_of("Relay")),
            section: Some("governance".to_string()),
        },
    ];
    c.issues = vec![Issue {
        kind: IssueKind::UnknownKey,
        message: "unknown key `colour`".to_string(),
        span: span_of("tier"),
    }];
    c
}

fn render() -> (view::FileView, String) {
    let rules = RuleSet::default_rules().expect("the default pack loads");
    let source = Source::new("acme.charter.md", TEXT.to_string());
    let v = view::build(&source, &charter(), &rules.vocab);
    let text = human::render(&v);
    (v, text)
}

#[test]
fn unread_headings_and_labels_stand_out_with_their_lines() {
    let (v, text) = render();
    assert_eq!(v.unread.len(), 2);
    assert_eq!((v.unread[0].kind, v.unread[0].line), ("heading", 6));
    assert_eq!((v.unread[1].kind, v.unread[1].line), ("label", 10));
    assert!(text.contains("! NOT RECOGNISED (2)"), "{text}");
    assert!(text.contains("6  heading      ## Delivery plan"), "{text}");
    assert!(
        text.contains("10  label        Relay  (in governance)"),
        "{text}"
    );
    assert!(
        !text.contains("every heading and label was recognised"),
        "{text}"
    );
    // Before the metadata: the first thing read.
    assert!(
        text.find("NOT RECOGNISED") < text.find("METADATA"),
        "{text}"
    );
}

#[test]
fn parse_issues_and_values_that_did_not_parse_are_shown() {
    let (v, text) = render();
    assert_eq!(v.issues[0].kind, "unknown-key");
    assert!(text.contains("! PARSE ISSUES (1)"), "{text}");
    let tier = v.metadata.iter().find(|m| m.key == "tier").expect("tier");
    assert_eq!(tier.written.as_deref(), Some("gold"));
    assert_eq!(tier.value, None);
    assert_eq!(tier.error, Some("not a known tier"));
    assert_eq!(tier.source, Some("front-matter"));
    assert!(text.contains("✗ not a known tier"), "{text}");
    assert!(text.contains("not given: partner, company"), "{text}");
}

#[test]
fn long_values_are_cut_to_their_first_line() {
    assert_eq!(view::shorten("  two\n engineers "), "two…");
    let long = "word ".repeat(30);
    let cut = view::shorten(&long);
    assert!(cut.ends_with('…') && cut.chars().count() <= 49, "{cut}");
    assert_eq!(view::shorten("a   b"), "a b");
}

#[test]
fn a_file_with_no_heading_read_says_so_rather_than_all_recognised() {
    let rules = RuleSet::default_rules().expect("the default pack loads");
    let text = "1) Goals\n--------\n\nWe want more.\n";
    let source = Source::new("letter.charter.md", text.to_string());
    let c = Charter::empty(Format::Markdown, text.len());
    let shown = human::render(&view::build(&source, &c, &rules.vocab));
    assert!(shown.contains("no section headings were found"), "{shown}");
    assert!(
        !shown.contains("every heading and label was recognised"),
        "{shown}"
    );
}
