//! Issue #16 point 7: every date form people write is read in a phase, in each place
//! a phase's dates are written, in both formats, with the same days.

use charter::model::{Charter, Format, Phase};
use charter::source::Source;

/// Each form with the days it gives a phase as its dates (`-` for no day), when the
/// charter was signed on 2027-02-01 (the anchor of the relative forms).
const FORMS: &[(&str, &str)] = &[
    ("1 March 2027", "2027-03-01 -"),
    ("1st March 2027", "2027-03-01 -"),
    ("March 1, 2027", "2027-03-01 -"),
    ("Mar 1 2027", "2027-03-01 -"),
    ("2027-03", "2027-03-01 2027-03-31"),
    ("Q3 2027", "2027-07-01 2027-09-30"),
    ("Apr 6 – May 15, 2027", "2027-04-06 2027-05-15"),
    ("2 Nov – 18 Dec 2026", "2026-11-02 2026-12-18"),
    ("6–24 April 2027", "2027-04-06 2027-04-24"),
    ("from Q3 2027, ongoing", "2027-07-01 -"),
    ("within 60 days of signing", "2027-02-01 2027-04-02"),
    // A phase's dates counted forward run from the anchor: six weeks, not one day.
    ("6 weeks from kickoff", "2027-02-01 2027-03-14"),
    ("10 weeks starting 19 Apr 2027", "2027-04-19 2027-06-27"),
    ("weeks 1–6", "2027-02-01 2027-03-14"),
];

fn parse(text: &str, format: Format) -> Charter {
    let pack: charter::rules::pack::PackFile =
        toml::from_str(charter::rules::pack::DEFAULT_PACK).expect("default pack parses");
    let vocab = charter::vocab::Vocabulary::build([&pack.vocab]).expect("vocabulary builds");
    let name = if format == Format::Toml {
        "t.toml"
    } else {
        "t.md"
    };
    charter::parse::parse(&Source::new(name, text.to_string()), format, &vocab)
}

fn days(p: &Phase) -> String {
    let d = |d: Option<jiff::civil::Date>| d.map_or("-".into(), |d| d.to_string());
    format!("{} {}", d(p.start_date()), d(p.end_date()))
}

/// The first phase's days, for a crawl phase whose dates are `f`, written in every
/// place a Markdown charter dates a phase and in TOML.
fn read_everywhere(f: &str, tail_md: &str, tail_toml: &str) -> Vec<(&'static str, String)> {
    let shapes = [
        (
            "table",
            format!("## Timeline\n\n| Phase | Dates |\n|---|---|\n| Crawl | {f} |\n"),
        ),
        (
            "label",
            format!("## Timeline\n\n- Crawl: two pilots\n  - Dates: {f}\n"),
        ),
        (
            "aside",
            format!("## Timeline\n\n- Crawl ({f}): two pilots\n"),
        ),
        (
            "heading",
            format!("## Timeline\n\n### Crawl\n\nDates: {f}\n"),
        ),
        (
            "bold line",
            format!("## Timeline\n\n**Crawl – pilot**  \nDates: {f}\n"),
        ),
    ];
    let mut out: Vec<(&'static str, String)> = shapes
        .iter()
        .map(|(shape, text)| {
            let c = parse(&format!("{text}{tail_md}"), Format::Markdown);
            (*shape, c.phases.first().map_or("no phase".into(), days))
        })
        .collect();
    let toml = format!("[[timeline.phase]]\nname = \"crawl\"\ndates = \"{f}\"\n{tail_toml}");
    let c = parse(&toml, Format::Toml);
    out.push(("toml", c.phases.first().map_or("no phase".into(), days)));
    out
}

const SIGNED_MD: &str = "\n## Signatures\n\n- [x] Dana Reyes, Acme — 2027-02-01\n";
const SIGNED_TOML: &str =
    "\n[[signatures]]\nside = \"company\"\nname = \"Dana Reyes\"\ndate = 2027-02-01\nsigned = true\n";

#[test]
fn every_date_form_is_read_in_every_place_a_phase_is_dated() {
    for (f, want) in FORMS {
        for (shape, got) in read_everywhere(f, SIGNED_MD, SIGNED_TOML) {
            assert_eq!(got, *want, "`{f}` as {shape}");
        }
    }
}

#[test]
fn relative_windows_count_from_created_when_nothing_was_signed() {
    let md = "---\ncreated: 2027-01-10\n---\n";
    let toml = "created = 2027-01-10\n";
    for f in ["6 weeks from kickoff", "weeks 1–6"] {
        for (shape, got) in read_everywhere(f, "", "") {
            // Nothing to count from: no day is made up.
            assert_eq!(got, "- -", "`{f}` as {shape}");
        }
        let shapes = [
            format!("{md}## Timeline\n\n| Phase | Dates |\n|---|---|\n| Crawl | {f} |\n"),
            format!("{md}## Timeline\n\n- Crawl ({f}): two pilots\n"),
        ];
        for text in shapes {
            let c = parse(&text, Format::Markdown);
            assert_eq!(days(&c.phases[0]), "2027-01-10 2027-02-20", "{text}");
        }
        let c = parse(
            &format!("{toml}\n[[timeline.phase]]\nname = \"crawl\"\ndates = \"{f}\"\n"),
            Format::Toml,
        );
        assert_eq!(days(&c.phases[0]), "2027-01-10 2027-02-20", "toml {f}");
    }
}

#[test]
fn a_phase_after_another_counts_from_its_end() {
    let md = "## Timeline\n\n- Crawl (2027-01-04 to 2027-02-12): pilots\n- Walk (for 8 weeks after crawl): more\n";
    let c = parse(md, Format::Markdown);
    assert_eq!(days(&c.phases[1]), "2027-02-13 2027-04-09");
    let toml = "[[timeline.phase]]\nname = \"crawl\"\ndates = \"2027-01-04 to 2027-02-12\"\n\
        [[timeline.phase]]\nname = \"walk\"\ndates = \"for 8 weeks after crawl\"\n";
    let c = parse(toml, Format::Toml);
    assert_eq!(days(&c.phases[1]), "2027-02-13 2027-04-09");
}

#[test]
fn a_day_first_or_month_first_date_is_not_guessed() {
    for (shape, got) in read_everywhere("03/04/2027 to 05/06/2027", "", "") {
        assert_eq!(got, "- -", "{shape}");
    }
}

#[test]
fn a_phase_written_as_a_sentence_is_a_phase() {
    let c = parse(
        "## Timeline\n\nThe crawl phase runs from 6 April to 15 May 2027, with two pilot stores.\n",
        Format::Markdown,
    );
    assert_eq!(c.phases.len(), 1);
    assert_eq!(days(&c.phases[0]), "2027-04-06 2027-05-15");
}
