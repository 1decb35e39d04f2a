//! What a prose memo states in sentences: signatures closing the last section,
//! metadata, owners, escalation and go/no-go bars.

use super::parse;
use crate::model::Charter;
use crate::source::Source;
use crate::vocab::default_vocab;

fn parse_str(text: &str) -> Charter {
    parse(
        &Source::new("test.charter.md", text.to_string()),
        &default_vocab(),
    )
}

#[test]
fn signed_for_lines_closing_a_section_are_the_signatures() {
    let text = "## Walking away\n\nWe stop if crawl misses the bar.\n\n\
        Signed for Keel: Dana Ruiz, CEO, 14 January 2027.\n\
        Signed for Northwind: Ravi Shah, VP, 19 January 2027.\n";
    let c = parse_str(text);
    assert_eq!(c.signatures.len(), 2);
    assert!(c.signatures.iter().all(|s| s.signed));
    let sec = c.section("signatures").expect("a signatures section");
    assert_eq!(&text[sec.span.start..sec.span.start + 10], "Signed for");
    assert!(c.unread.is_empty(), "{:?}", c.unread);
}

#[test]
fn a_signatures_section_keeps_its_own_lines() {
    let text = "## Exit\n\nSigned for Keel: Dana Ruiz, 14 January 2027.\n\n\
        ## Signatures\n\n- Ravi Shah, signed 2027-01-19\n";
    let c = parse_str(text);
    assert_eq!(
        c.sections.iter().filter(|s| s.key == "signatures").count(),
        1
    );
    assert_eq!(c.signatures.len(), 2);
}
