use super::{dedent, docusaurus, mkdocs, obsidian};

#[test]
fn marker_lines_give_their_titles() {
    fn title(line: &str, f: fn(&str) -> Option<super::Title>) -> Option<Option<&str>> {
        f(line).map(|t| t.and_then(|(a, b)| line.get(a..b)))
    }
    assert_eq!(title("!!! info \"Crawl\"", mkdocs), Some(Some("Crawl")));
    assert_eq!(title("??? note \"Why\"", mkdocs), Some(Some("Why")));
    assert_eq!(title("???+ tip inline end \"T\"", mkdocs), Some(Some("T")));
    assert_eq!(title("!!! note", mkdocs), Some(None));
    assert_eq!(title("!!! note \"\"", mkdocs), Some(None));
    assert_eq!(title("=== \"Stackmoor\"", mkdocs), Some(Some("Stackmoor")));
    // Not markers: prose after `!!!`, a `???` placeholder, a setext underline.
    assert_eq!(title("!!! Important: pay by Friday", mkdocs), None);
    assert_eq!(title("??? who pays", mkdocs), None);
    assert_eq!(title("???", mkdocs), None);
    assert_eq!(title("===", mkdocs), None);
    assert_eq!(title("=== note", mkdocs), None);
    assert_eq!(
        title(":::warning When we stop", docusaurus),
        Some(Some("When we stop"))
    );
    assert_eq!(
        title(":::note[Is it fair?]", docusaurus),
        Some(Some("Is it fair?"))
    );
    assert_eq!(title(":::tip", docusaurus), Some(None));
    assert_eq!(title(":::", docusaurus), None);
    assert_eq!(title("::: {.notes}", docusaurus), None);
    assert_eq!(
        title("[!danger] We stop if", obsidian),
        Some(Some("We stop if"))
    );
    assert_eq!(title("[!info]- Folded", obsidian), Some(Some("Folded")));
    assert_eq!(title("[!note]", obsidian), Some(None));
    assert_eq!(title("[link](x)", obsidian), None);
}

#[test]
fn an_indented_body_becomes_a_quote_of_the_same_length() {
    let body =
        "!!! info \"Crawl\"\n    **Scope:** two\n\n    **Go:** 20%\n\n        nested code\nafter\n";
    let out = dedent(body);
    assert_eq!(out.len(), body.len());
    assert_eq!(
        out,
        "!!! info \"Crawl\"\n>   **Scope:** two\n\n>   **Go:** 20%\n\n>       nested code\nafter\n"
    );
    let nested = "=== \"A\"\n\n    !!! note \"B\"\n        text\n";
    assert_eq!(
        dedent(nested),
        "=== \"A\"\n\n>   !!! note \"B\"\n>   >   text\n"
    );
}

#[test]
fn a_callout_title_is_a_heading_and_its_body_the_content() {
    use crate::source::Source;
    use crate::vocab::default_vocab;
    let body = "# Keel × Orbital\n\n## Goals\n\n=== \"Keel\"\n\n    Grow revenue 10%.\n\n\
                === \"Orbital\"\n\n    Fewer support calls.\n\n## Exit\n\n\
                > [!danger] We stop if\n> - fewer than 3 pilots by June\n";
    let text = format!("+++\npartner = \"Orbital\"\ncompany = \"Keel\"\n+++\n\n{body}");
    let c =
        crate::parse::markdown::parse(&Source::new("t.charter.md", text.clone()), &default_vocab());
    let goals = &c.sections[0];
    let fields: Vec<_> = goals
        .fields
        .iter()
        .map(|f| (f.key.as_str(), f.value.text.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("us", "Grow revenue 10%."),
            ("partner", "Fewer support calls.")
        ]
    );
    let label = &goals.fields[1].label;
    assert_eq!(text.get(label.span.start..label.span.end), Some("Orbital"));
    assert_eq!(c.sections[1].key, "exit");
}
