use super::*;

fn sides(body: &str) -> Option<(String, String)> {
    let mut m = Meta::default();
    fill_sides(body, 0, |h| h.starts_with("Article"), &mut m);
    for t in [&m.company, &m.partner].into_iter().flatten() {
        // The span is the name as written.
        let written = &body[t.span.start..t.span.end];
        assert!(t.text.starts_with(written), "{written:?} in {:?}", t.text);
    }
    Some((m.company?.text, m.partner?.text))
}

fn pair(a: &str, b: &str) -> Option<(String, String)> {
    Some((a.to_string(), b.to_string()))
}

#[test]
fn a_recital_names_the_parties_and_their_terms() {
    let body = "MEMORANDUM OF UNDERSTANDING\n===\n\nThis Memorandum of Understanding (\"MOU\") is \
        entered into as of October 5, 2026 (the \"Effective Date\") by and between **Corvane \
        Diagnostics, Inc.**, a Delaware corporation (\"Corvane\"), and **the Board of Regents of \
        Redfield State University**, on behalf of the Extension Service (\"RSU Extension\").\n";
    assert_eq!(
        sides(body),
        pair(
            "Corvane Diagnostics, Inc (\"Corvane\")",
            "Board of Regents of Redfield State University (\"RSU Extension\")"
        )
    );
    let body = "This Memorandum of Understanding is made between Corvane Borough Council \
        (\"the Council\") and Redfield University (\"the University\").\n";
    assert_eq!(
        sides(body),
        pair(
            "Corvane Borough Council (\"Council\")",
            "Redfield University (\"University\")"
        )
    );
}

#[test]
fn a_parties_block_names_them_one_a_line() {
    let body = "# MEMORANDUM OF UNDERSTANDING\n\n**between**\n\n**KINLOCH CITY COUNCIL** (Housing \
        Services), of 4 Market Street, Kinloch (\"the Council\")\n\n**and**\n\n**THE UNIVERSITY OF \
        ABERLOUR** (Institute), a charity registered in Scotland (\"the University\")\n\n\
        together \"the Parties\".\n\n## Article 1\n\nKinloch (\"the City\")\n";
    assert_eq!(
        sides(body),
        pair(
            "KINLOCH CITY COUNCIL (\"Council\")",
            "UNIVERSITY OF ABERLOUR (\"University\")"
        )
    );
    let body = "**Parties**\n\n1. Halberd Maritime Museum Trust, a registered charity at Dock \
        Road, Halberd (\"the Museum\").\n2. Quaytix Limited, company no. 10448213, of Unit 7, \
        Bristol (\"Quaytix\").\n";
    assert_eq!(
        sides(body),
        pair(
            "Halberd Maritime Museum Trust (\"Museum\")",
            "Quaytix Limited (\"Quaytix\")"
        )
    );
    let body = "BETWEEN:\n\n(1) ACME WIDGETS LIMITED of 1 High Street (\"Acme\"); and\n\n(2) \
        ORBITAL SYSTEMS LLP of 2 Low Road (\"Orbital\").\n";
    assert_eq!(
        sides(body),
        pair(
            "ACME WIDGETS LIMITED (\"Acme\")",
            "ORBITAL SYSTEMS LLP (\"Orbital\")"
        )
    );
    let body = "**Tamsworth College** (the \"College\") **and Brightwell Energy Services Ltd** \
        (\"Brightwell\")\n";
    assert_eq!(
        sides(body),
        pair(
            "Tamsworth College (\"College\")",
            "Brightwell Energy Services Ltd (\"Brightwell\")"
        )
    );
}

#[test]
fn terms_that_name_no_party_give_nothing() {
    assert_eq!(
        sides("This Agreement (\"MOU\") starts on the Effective Date (the \"Start\").\n"),
        None
    );
    assert_eq!(sides("A pilot (\"Pilot\") in one region only.\n"), None);
    // Past the first section: a term there defines something else.
    assert_eq!(
        sides("## Article 2\n\nAcme (\"Acme\") and Orbital (\"Orbital\")\n"),
        None
    );
}

#[test]
fn a_side_already_known_keeps_its_place() {
    let mut m = Meta {
        company: Some(Text::new("Redfield University", Span::empty(0))),
        ..Meta::default()
    };
    let body = "Made between Corvane Borough Council (\"the Council\") and Redfield University \
        (\"the University\").\n";
    fill_sides(body, 0, |_| false, &mut m);
    assert_eq!(
        m.partner.map(|p| p.text).as_deref(),
        Some("Corvane Borough Council (\"Council\")")
    );
}
