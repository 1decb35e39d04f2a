use super::finder::byte_set_chars;
use super::target::{segments, without_decoration, Target};
use super::wanted::{byte_range, single_bytes, wanted};
use crate::model::Span;
use crate::rules::checks::testkit::{arg, Kit};

#[test]
fn targets_parse() {
    assert_eq!(Target::parse("document"), Ok(Target::Document));
    assert_eq!(
        Target::parse("field:value-exchange/we-lose"),
        Ok(Target::Field("value-exchange".into(), "we-lose".into()))
    );
    assert_eq!(
        Target::parse("items:exit"),
        Ok(Target::Items("exit".into()))
    );
    assert!(Target::parse("field:exit").is_err());
    assert!(Target::parse("paragraphs:exit").is_err());
    assert!(Target::parse("section:").is_err());
}

#[test]
fn bytes_that_match_alone_are_those_of_whole_alternatives() {
    let bytes = |re: &str| {
        let hir = regex_automata::util::syntax::parse(re).expect("parses");
        single_bytes(&hir).map(|set| byte_set_chars(&set))
    };
    assert_eq!(
        bytes(r"(?i-u)(?:[0-9]|(?-u:\b)(?:one|two)(?-u:\b))").as_deref(),
        Some("0123456789")
    );
    assert_eq!(bytes(r"[0-9]").as_deref(), Some("0123456789"));
    assert_eq!(bytes(r"x[0-9]|ab"), None);
    let range = |re: &str| {
        let hir = regex_automata::util::syntax::parse(re).expect("parses");
        single_bytes(&hir).and_then(|set| byte_range(&set))
    };
    assert_eq!(range(r"[0-9]|ab"), Some((b'0', b'9')));
    assert_eq!(range(r"[0-9a]|ab"), None);
    assert_eq!(range(r"[\x00-a]|ab"), None);
    assert_eq!(bytes(r"([0-9])|ab"), None);
    assert_eq!(bytes(r"é|[0-9é]|ab"), None);
}

#[test]
fn segments_skip_comments() {
    let c = [Span::new(2, 4), Span::new(6, 8)];
    let mut out = Vec::new();
    segments(Span::new(0, 10), &c, &mut out);
    assert_eq!(
        out,
        vec![Span::new(0, 2), Span::new(4, 6), Span::new(8, 10)]
    );
    segments(Span::new(3, 7), &c, &mut out);
    assert_eq!(out, vec![Span::new(4, 6)]);
}

#[test]
fn bad_params_are_rejected() {
    let bad = [
        "targets = [\"document\"]",
        "targets = [\"document\"]\nmust-match = \"(\"",
        "targets = [\"document\"]\nrequire = true",
        "targets = []\nwords = [\"x\"]",
        "targets = [\"document\"]\nwords = [\"x\"]\nmust_match = \"y\"",
    ];
    for b in bad {
        let t: toml::Table = toml::from_str(b).unwrap();
        assert!(super::factory(&t).is_err(), "{b}");
    }
}

// ---------------------------------------------------------------- placeholder

const PLACEHOLDERS: &str = "<!-- charter-disable-next-line placeholder -->\n\
    ## Value exchange\n- **We give:** TBD\n- **Partner gives:** <fill in: what the partner gives>\n\
    <!-- TODO: ask legal -->\n- ??? and lorem ipsum\n";

#[test]
fn placeholders_are_found_outside_comments() {
    let k = Kit::md(PLACEHOLDERS);
    let hits = k.run("placeholder");
    let found: Vec<_> = hits.iter().map(|h| arg(h, "found")).collect();
    assert_eq!(
        found,
        [
            "TBD",
            "<fill in: what the partner gives>",
            "???",
            "lorem ipsum"
        ]
    );
    assert_eq!(hits[0].span, k.span("TBD"));
    assert_eq!(hits[0].variant, "matched");
    assert_eq!(arg(&hits[0], "target"), "the charter");
}

#[test]
fn toml_comment_lines_are_skipped() {
    let k = Kit::toml("# charter-disable placeholder TODO\nwe-give = \"TBD\"\n  # XXX\n");
    let hits = k.run("placeholder");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].span, k.span("TBD"));
}

#[test]
fn a_clean_document_has_no_placeholders() {
    let k = Kit::md("## Goals\n- **For us:** 40 new logos, <b>bold</b> [link](x)\n");
    assert!(k.run("placeholder").is_empty());
}

// ---------------------------------------------------------------- no-economic-commitment

const GIVES: &str = "## Value exchange\n\
    - **We give:** a joint webinar and a blog post.\n\
    - **Northwind gives:** a 15% revenue share.\n\
    - **We lose:** NOTHING\n\
    - **Partner loses:** its  Revenue\n Share slot\n";

#[test]
fn a_side_without_economic_words_fires_at_its_value() {
    let k = Kit::md(GIVES)
        .section("value-exchange", "## Value exchange")
        .field("we-give", "We give", "a joint webinar and a blog post.")
        .field("partner-gives", "Northwind gives", "a 15% revenue share.");
    let hits = k.run("no-economic-commitment");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "unmatched");
    assert_eq!(hits[0].span, k.span("a joint webinar and a blog post."));
    assert_eq!(arg(&hits[0], "target"), "We give");
    assert_eq!(arg(&hits[0], "target_side"), "our side");
    assert_eq!(arg(&hits[0], "found"), "a joint webinar and a blog post.");
}

#[test]
fn words_match_whole_phrases_across_case_and_spacing() {
    let k = Kit::md(GIVES)
        .section("value-exchange", "## Value exchange")
        .field("we-give", "Partner loses", "its  Revenue\n Share slot");
    assert!(k.run("no-economic-commitment").is_empty());
}

#[test]
fn absent_fields_are_not_unmatched() {
    let k = Kit::md(GIVES).section("value-exchange", "## Value exchange");
    assert!(k.run("no-economic-commitment").is_empty());
}

// ---------------------------------------------------------------- nothing-at-stake

#[test]
fn nothing_at_stake_fires_for_nothing_and_for_absence() {
    let k = Kit::md(GIVES)
        .partner("Northwind")
        .section("value-exchange", "## Value exchange")
        .field("we-lose", "We lose", "NOTHING");
    let hits = k.run("nothing-at-stake");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].variant, "matched");
    assert_eq!(hits[0].span, k.span("NOTHING"));
    assert_eq!(arg(&hits[0], "target"), "We lose");
    assert_eq!(arg(&hits[0], "found"), "NOTHING");
    assert_eq!(hits[1].variant, "missing");
    assert_eq!(hits[1].span, k.span("## Value exchange"));
    assert_eq!(arg(&hits[1], "target"), "partner loses");
    assert_eq!(arg(&hits[1], "target_side"), "Northwind");
}

#[test]
fn something_at_stake_passes() {
    let k = Kit::md(GIVES)
        .section("value-exchange", "## Value exchange")
        .field("we-lose", "We lose", "NOTHING")
        .field(
            "partner-loses",
            "Partner loses",
            "its  Revenue\n Share slot",
        );
    let hits = k.run("nothing-at-stake");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].span, k.span("NOTHING"));
}

#[test]
fn toml_labels_read_as_words() {
    let k = Kit::toml("[value-exchange]\nwe-lose = \"none\"\n")
        .section("value-exchange", "[value-exchange]")
        .field("we-lose", "we-lose", "\"none\"")
        .field("partner-loses", "we-lose", "\"none\"");
    let hits = k.run("nothing-at-stake");
    assert_eq!(hits.len(), 2);
    assert_eq!(arg(&hits[0], "target"), "we lose");
    // The quotes are TOML's: the finding quotes and points at the value alone.
    assert_eq!(arg(&hits[0], "found"), "none");
    assert_eq!(hits[0].span, k.span("none"));
}

#[test]
fn labels_are_named_without_their_numbering_and_emoji() {
    for (written, name) in [
        ("Partner gives", "Partner gives"),
        ("2.2 Partner gives", "Partner gives"),
        ("3) 💰 Partner gives", "Partner gives"),
        ("2️⃣ 💰Partner gives", "Partner gives"),
        ("✅ Partner gives", "Partner gives"),
        ("§ 4 – Partner gives", "Partner gives"),
        ("3 Partner gives", "Partner gives"),
        ("💰", "💰"),
    ] {
        assert_eq!(without_decoration(written), name, "{written}");
    }
    let src = "## Value exchange\n### 2.2 💰 Partner gives\nA joint webinar.\n";
    let k = Kit::md(src)
        .section("value-exchange", "## Value exchange")
        .field("partner-gives", "2.2 💰 Partner gives", "A joint webinar.");
    let hits = k.run("no-economic-commitment");
    assert_eq!(arg(&hits[0], "target"), "Partner gives");
}

#[test]
fn found_text_leaves_out_the_formats_syntax() {
    let k = Kit::toml("[value-exchange]\nwe-lose = [ \"Nothing.\" ]\n")
        .section("value-exchange", "[value-exchange]")
        .field("we-lose", "we-lose", "[ \"Nothing.\" ]");
    let hits = k.run("nothing-at-stake");
    assert_eq!(arg(&hits[0], "found"), "Nothing.");
    assert_eq!(hits[0].span, k.span("Nothing."));

    let k = Kit::md("## Value exchange\n- **We lose:** *Nothing.*\n")
        .section("value-exchange", "## Value exchange")
        .field("we-lose", "We lose", "*Nothing.*");
    let hits = k.run("nothing-at-stake");
    assert_eq!(arg(&hits[0], "found"), "Nothing.");
    assert_eq!(hits[0].span, k.span("Nothing."));
}

// ---------------------------------------------------------------- exit criteria

const EXIT: &str = "## Exit criteria\n- If the partnership is not working out.\n\
    - Fewer than 3 of 5 walk customers active after 90 days.\n- Adoption stalls for two quarters.\n";

#[test]
fn exit_criteria_without_a_number_fire_each() {
    let k = Kit::md(EXIT)
        .section("exit", "## Exit criteria")
        .item("If the partnership is not working out.")
        .item("Fewer than 3 of 5 walk customers active after 90 days.")
        .item("Adoption stalls for two quarters.");
    let hits = k.run("exit-criteria-not-measurable");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].span,
        k.span("If the partnership is not working out.")
    );
    assert_eq!(arg(&hits[0], "target"), "Exit criteria");
}

#[test]
fn a_digit_anywhere_is_found_without_the_regex() {
    let params = crate::rules::checks::testkit::params("exit-criteria-not-measurable");
    let pattern = params["must-match"].as_str().expect("pattern");
    let wanted = wanted(Some(pattern), None).expect("builds");
    assert_eq!(wanted[0].range, Some((b'0', b'9')));
    for (text, matches) in [
        ("If the partnership is not working out, é à ü.", false),
        ("If adoption is under target after the pilot ends: 3", true),
        ("Adoption below target for two quarters.", true),
        ("Ünder 9", true),
        ("", false),
    ] {
        assert_eq!(wanted[0].is_match(text), matches, "{text}");
        assert_eq!(wanted[0].re.get().is_match(text), matches, "{text}");
    }
}

#[test]
fn an_exit_section_without_criteria_fires_once() {
    let k = Kit::md(EXIT).section("exit", "## Exit criteria");
    let hits = k.run("exit-criteria-not-measurable");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "missing");
    assert_eq!(hits[0].span, k.span("## Exit criteria"));
    // No exit section: `missing-section` says so.
    assert!(Kit::md(EXIT).run("exit-criteria-not-measurable").is_empty());
}

#[test]
fn section_targets_match_the_body() {
    let t: toml::Table =
        toml::from_str("targets = [\"section:exit\"]\nmust-not-match = '(?i)not working'").unwrap();
    let check = super::factory(&t).unwrap();
    let k = Kit::md(EXIT).section("exit", "## Exit criteria");
    let vocab = crate::rules::checks::testkit::vocab();
    let cx = crate::rules::Ctx::new(&k.charter, &k.source, &vocab, k.today);
    let mut hits = Vec::new();
    check.run(&cx, &mut hits);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].span, k.span("not working"));
    assert_eq!(arg(&hits[0], "target"), "Exit criteria");
}

#[test]
fn an_item_that_introduces_the_next_ones_is_no_criterion() {
    let md = "## Exit\n\
        Either Party may terminate by written notice if:\n\
        \n\
        (a) fewer than half of the teams use it by 2 July 2027; or\n\
        \n\
        (b) it costs more than it saves:\n";
    let k = Kit::md(md)
        .section("exit", "## Exit")
        .item("Either Party may terminate by written notice if:")
        .item("(a) fewer than half of the teams use it by 2 July 2027; or")
        .item("(b) it costs more than it saves:");
    let hits = k.run("exit-criteria-not-measurable");
    // The lead-in is passed over; a last item with a colon is still read.
    let found: Vec<_> = hits.iter().map(|h| arg(h, "found")).collect();
    assert_eq!(found, ["(b) it costs more than it saves:"]);
}

#[test]
fn an_unpunctuated_lead_in_ending_in_if_is_no_criterion() {
    let md = "## Exit\n\
        Either party may end the arrangement on notice if\n\
        \n\
        (a) fewer than half of the teams use it by 2 July 2027; or\n\
        \n\
        (b) it costs more than it saves\n";
    let k = Kit::md(md)
        .section("exit", "## Exit")
        .item("Either party may end the arrangement on notice if")
        .item("(a) fewer than half of the teams use it by 2 July 2027; or")
        .item("(b) it costs more than it saves");
    let hits = k.run("exit-criteria-not-measurable");
    let found: Vec<_> = hits.iter().map(|h| arg(h, "found")).collect();
    assert_eq!(found, ["(b) it costs more than it saves"]);
}

#[test]
fn a_collapsible_admonition_marker_is_no_placeholder() {
    let p = crate::rules::checks::testkit::params("placeholder");
    let re = regex::Regex::new(p["must-not-match"].as_str().expect("pattern")).expect("builds");
    let found = |t: &str| re.find(t).map(|m| m.as_str().trim().to_string());
    // MkDocs' `??? note "Title"` opens a collapsible block.
    assert_eq!(found("??? note \"Why these dates\"\n    text"), None);
    assert_eq!(found("???+ tip\n"), None);
    // A question left open is a placeholder, at a line's end or before more text.
    assert_eq!(found("- Owner: ???\n").as_deref(), Some("???"));
    assert_eq!(found("Owner: ???").as_deref(), Some("???"));
    assert_eq!(found("???\n").as_deref(), Some("???"));
    assert_eq!(found("??? (ask Bob)").as_deref(), Some("???"));
    assert_eq!(found("| Owner | ??? |").as_deref(), Some("???"));
    assert_eq!(found("Owner ???.").as_deref(), Some("???"));
    assert_eq!(found("- ??? and more").as_deref(), Some("???"));
}

#[test]
fn ignored_text_is_blanked_in_place() {
    let re =
        crate::rules::support::regex::PackRegex::parse(r"[0-9]+ days' notice if").expect("parses");
    let piece = "on 30 days' notice if it fails, or 40 days' notice if late";
    let blanked = super::matching::blank(re.get(), piece);
    assert!(!blanked.contains(|c: char| c.is_ascii_digit()));
    assert_eq!(blanked.len(), piece.len());
    assert!(blanked.ends_with(" late"));
    assert!(matches!(
        super::matching::blank(re.get(), "fewer than 30 stores"),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn words_that_deny_money_do_not_count_and_money_in_any_currency_does() {
    let run = |give: &str| {
        let src = format!("## Value exchange\n- **Partner gives:** {give}\n");
        Kit::md(&src)
            .section("value-exchange", "## Value exchange")
            .field("partner-gives", "Partner gives", give)
            .run("no-economic-commitment")
            .len()
    };
    for denied in [
        "a joint webinar, budget-neutral",
        "no budget or headcount, just a newsletter slot",
        "our connector, free of charge",
        "a case study at no cost",
        "$0 (marketing only)",
        "will consider a revenue share once volumes justify it",
        "a landing page; they'd look at a rev share. a partner engineer if budget allows",
    ] {
        assert_eq!(run(denied), 1, "{denied}");
    }
    for money in [
        "CHF 40,000 towards the launch",
        "₹1.2m of cloud credits",
        "no budget beyond the $20k MDF",
        "a dedicated engineer",
        "half-time from a solutions architect",
        "two engineers; we may also offer a webinar",
    ] {
        assert_eq!(run(money), 0, "{money}");
    }
}

proptest::proptest! {
    #[test]
    fn introduces_finds_the_pointing_phrases_anywhere(
        head in "[a-zA-F .]{0,12}",
        phrase in proptest::sample::select(vec!["of these", "OF These", "the following", "The Following", "of thes", "the followin", "if these"]),
        tail in "[a-z ]{0,8}[a-z]",
    ) {
        let text = format!("{head}{phrase} {tail}.");
        let plain = ["of these", "the following"]
            .iter()
            .any(|w| text.to_ascii_lowercase().contains(w));
        proptest::prop_assert_eq!(super::introduces(&text), plain);
    }
}
