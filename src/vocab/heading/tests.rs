use super::*;
use crate::vocab::default_vocab;

#[test]
fn numbering_and_prefixes_are_set_aside() {
    for (raw, want) in [
        ("Part A — Goals", "Goals"),
        ("Part B: Commercials", "Commercials"),
        ("A. Goals", "Goals"),
        ("G. Sign-off", "Sign-off"),
        ("Clause 4 — Commercial terms", "Commercial terms"),
        ("Section 3 – Programme timeline", "Programme timeline"),
        ("Section C – Rollout", "Rollout"),
        ("Schedule A: Rollout", "Rollout"),
        ("Article 7. Signatures", "Signatures"),
        ("1.1 Roadmap", "Roadmap"),
        ("3.2 Walk", "Walk"),
        ("§2 Objectives", "Objectives"),
        ("§ 2. Objectives", "Objectives"),
        ("(b) Exit", "Exit"),
        ("IV. Governance", "Governance"),
        ("Part 2 — 2.1 Goals", "Goals"),
        // Not numbering.
        ("Schedule", "Schedule"),
        ("Part of the plan", "Part of the plan"),
        ("2027 revenue", "2027 revenue"),
        ("Aims", "Aims"),
        ("A plan", "A plan"),
        ("1.", "1."),
    ] {
        assert_eq!(strip_numbering(raw), want, "{raw:?}");
    }
}

#[test]
fn plurals_fold_to_one_stem() {
    for (a, b) in [
        ("measures", "measure"),
        ("parties", "party"),
        ("goals", "goal"),
        ("kpis", "kpi"),
        ("puts", "put"),
    ] {
        assert_eq!(stem(a), stem(b), "{a} {b}");
    }
    assert_eq!(stem("success"), "success");
    assert_eq!(stem("gets"), "get");
}

/// Real heading shapes, each with the section it names (`None`: it names none).
const HEADINGS: &[(&str, Option<&str>)] = &[
    // Exact aliases, as before.
    ("Goals", Some("goals")),
    ("2. 💰 Value Exchange", Some("value-exchange")),
    ("Exit criteria", Some("exit")),
    ("🚪 Walk-away", Some("exit")),
    // Prefixes.
    ("Part A — Goals", Some("goals")),
    ("Part E — Governance", Some("governance")),
    ("Part G — Signatures", Some("signatures")),
    ("A. Objectives", Some("goals")),
    ("B. Give / get", Some("value-exchange")),
    ("D. KPIs", Some("metrics")),
    ("E. Decision-making", Some("governance")),
    ("F. Exit / termination", Some("exit")),
    ("Clause 1 — Purpose", Some("goals")),
    ("Clause 2 — Contributions", Some("value-exchange")),
    ("Clause 3 — Phasing", Some("timeline")),
    ("Clause 4 — Measures", Some("metrics")),
    ("Clause 5 — Decision-making", Some("governance")),
    ("Clause 6 — Termination", Some("exit")),
    ("Clause 7 — Execution", Some("signatures")),
    ("Article 2. Consideration", Some("value-exchange")),
    ("Article 3. Development Phases", Some("timeline")),
    ("Article 4. Key Performance Indicators", Some("metrics")),
    ("Section 3 – Programme timeline", Some("timeline")),
    ("Schedule A: Rollout", Some("timeline")),
    ("1.1 Roadmap", Some("timeline")),
    ("§2 Objectives", Some("goals")),
    ("Section 4 – Measures of success", Some("metrics")),
    // Compounds and synonyms.
    ("Goals & Objectives", Some("goals")),
    ("1. Goals & Objectives", Some("goals")),
    ("Partnership objectives", Some("goals")),
    ("What success looks like", Some("goals")),
    ("Key results", Some("metrics")),
    ("Commercials", Some("value-exchange")),
    ("Commercial terms", Some("value-exchange")),
    ("Contributions (and commitments)", Some("value-exchange")),
    ("Commitments of the Parties", Some("value-exchange")),
    ("Commitments from each organisation", Some("value-exchange")),
    ("What each organisation contributes", Some("value-exchange")),
    ("Contributions and risk", Some("value-exchange")),
    ("🤝 What each side puts in", Some("value-exchange")),
    ("The deal", Some("value-exchange")),
    ("Give / get", Some("value-exchange")),
    ("Roadmap", Some("timeline")),
    ("Programme timeline", Some("timeline")),
    ("Phased deployment", Some("timeline")),
    ("How it rolls out", Some("timeline")),
    ("🗺️ Phases", Some("timeline")),
    ("Delivery plan", Some("timeline")),
    ("Execution", Some("signatures")),
    ("✍️ Sign-off", Some("signatures")),
    ("Performance measures", Some("metrics")),
    ("Measures of success", Some("metrics")),
    ("Scorecard", Some("metrics")),
    ("Success metrics", Some("metrics")),
    ("Exit / termination", Some("exit")),
    ("Exit and termination", Some("exit")),
    ("Walking away", Some("exit")),
    ("Exit ramps", Some("exit")),
    ("Walk away if", Some("exit")),
    ("🛑 Kill criteria", Some("exit")),
    ("Gov", Some("governance")),
    ("👥 Owners", Some("governance")),
    ("Decision owners", Some("governance")),
    ("Why we're doing this", Some("goals")),
    // Questions.
    ("What does each side put in?", Some("value-exchange")),
    (
        "What does each side lose if it fails?",
        Some("value-exchange"),
    ),
    ("How will we know it works?", Some("metrics")),
    ("How we'll know it's working", Some("metrics")),
    ("When do we walk away?", Some("exit")),
    ("When does each step happen?", Some("timeline")),
    ("Who decides?", Some("governance")),
    ("Who signed?", Some("signatures")),
    ("Why are we doing this?", Some("goals")),
    // Slide decks, trackers and memoranda.
    ("Slide 4 — The give", Some("value-exchange")),
    ("Slide 2: The basics", None),
    ("06 / Crawl → walk → run", Some("timeline")),
    ("Slide 3 — What winning looks like", Some("goals")),
    ("Why bother", Some("goals")),
    ("Slide 7 — Scoreboard", Some("metrics")),
    ("People (4 records)", Some("governance")),
    ("Offboarding triggers (3 records)", Some("exit")),
    ("7. Withdrawal", Some("exit")),
    (
        "ARTICLE III. RESPONSIBILITIES OF THE PARTIES",
        Some("value-exchange"),
    ),
    ("Roles and responsibilities", Some("governance")),
    ("2. Undertakings", Some("value-exchange")),
    // Overviews name no section by keyword.
    ("Slide 2 — Deal at a glance", None),
    // An issue form's field headings: what a side commits is its value exchange.
    ("Quarry commits", Some("value-exchange")),
    // A decision record's exit: when the decision would be taken back.
    ("When we would reverse this decision", Some("exit")),
    ("What each side commits", Some("value-exchange")),
    ("Key facts", None),
    // Titles and appendices name nothing.
    ("Appendix", None),
    ("Definitions", None),
    ("Parties and particulars", None),
    ("Strategic Partnership Charter", None),
    ("Home phlebotomy programme for housebound patients", None),
    ("Reading the figures", None),
    ("Layout", None),
];

#[test]
fn headings_name_their_sections() {
    let v = default_vocab();
    let mut wrong = Vec::new();
    for (heading, want) in HEADINGS {
        let got = v.heading_for(heading).map(|h| h.0);
        if got != *want {
            wrong.push(format!("{heading:?}: {got:?}, expected {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn aliases_come_before_keywords() {
    let v = default_vocab();
    assert_eq!(
        v.heading_for("Part A — Goals"),
        Some(("goals", HeadingMatch::Alias))
    );
    assert_eq!(
        v.heading_for("Decision owners"),
        Some(("governance", HeadingMatch::Keyword))
    );
    // `section_for` (TOML tables) stays exact.
    assert_eq!(v.section_for("Decision owners"), None);
}

#[test]
fn a_title_is_told_by_its_words() {
    let v = default_vocab();
    assert!(v.is_title("Brisa Payments + Quillon POS: Partnership Charter"));
    assert!(!v.is_title("Payments"));
}

#[test]
fn a_phrase_through_the_preposition_outranks_the_head() {
    let mut k = Keywords::default();
    k.add("responsibilities", 0);
    k.add("responsibilities of the parties", 1);
    assert_eq!(k.section_of("responsibilities of the parties"), Some(1));
    assert_eq!(k.section_of("responsibilities of the board"), Some(0));
}

#[test]
fn keywords_are_whole_words() {
    let mut k = Keywords::default();
    k.add("sign", 0);
    k.add("walk away", 1);
    assert_eq!(k.section_of("design review"), None);
    assert_eq!(k.section_of("who signs"), Some(0));
    assert_eq!(k.section_of("when do we walk away"), Some(1));
    assert_eq!(k.section_of("walk"), None);
}

/// Headings as European authors write them in English, with their numbering
/// (`5.-`, `F)`) and words (`Organisation`, `Compromises`, a false friend of
/// commitments; `End of the collaboration`).
const EURO_HEADINGS: &[(&str, Option<&str>)] = &[
    ("1.- OBJECTIVES", Some("goals")),
    ("2.- COMPROMISES OF THE PARTIES", Some("value-exchange")),
    ("Compromises of each party", Some("value-exchange")),
    ("Compromises", Some("value-exchange")),
    ("5.- ORGANISATION", Some("governance")),
    ("Organization of the collaboration", Some("governance")),
    ("Project organisation", Some("governance")),
    ("6.- END OF THE COLLABORATION", Some("exit")),
    ("End of the partnership", Some("exit")),
    ("F) STOPPING", Some("exit")),
    ("Stopping the programme", Some("exit")),
    // A compromise in a dispute is governance's word, not a commitment.
    ("Escalation and compromise", Some("governance")),
    // Other ends are not the partnership's.
    ("End users", None),
    ("End-of-year numbers", Some("metrics")),
];

#[test]
fn european_headings_name_their_sections() {
    let v = default_vocab();
    let mut wrong = Vec::new();
    for (heading, want) in EURO_HEADINGS {
        let got = v.heading_for(heading).map(|h| h.0);
        if got != *want {
            wrong.push(format!("{heading:?}: {got:?}, expected {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
