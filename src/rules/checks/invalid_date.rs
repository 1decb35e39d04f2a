//! `invalid-date`: a date that is not `YYYY-MM-DD`, or not on the calendar.
//!
//! Looks at every date the model holds: `created`, `next-review`, phase starts and
//! ends, signature dates. An empty text is not reported (there is no date to judge).

use crate::model::Text;
use crate::rules::{Check, Ctx, Hit};
use jiff::civil::Date;

#[derive(Debug)]
struct InvalidDate;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(InvalidDate))
}

impl Check for InvalidDate {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let c = cx.charter;
        let dates = (c.meta.created.iter())
            .chain(&c.meta.next_review)
            .chain(c.phases.iter().flat_map(|p| p.start.iter().chain(&p.end)));
        for date in dates {
            check(&date.text, &date.value, hits);
        }
        for text in c.signatures.iter().filter_map(|s| s.date.as_ref()) {
            check(text, &text.date().map_err(|e| e.reason()), hits);
        }
    }
}

fn check(text: &Text, date: &Result<Date, &'static str>, hits: &mut Vec<Hit>) {
    if blank(&text.text) {
        return;
    }
    let Err(problem) = date else {
        return;
    };
    hits.push(
        Hit::at(text.span)
            .arg("found", crate::rules::support::text::shorten(&text.text))
            .arg("problem", *problem),
    );
}

/// `t.trim().is_empty()`, through the project's trim with its ASCII fast path (dates
/// nearly always start and end with a digit).
fn blank(t: &str) -> bool {
    crate::trim::trim(t).is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};
    use crate::model::{Parsed, Side, Text};

    const SRC: &str = "created = 2026-02-30\nnext-review = \"next week\"\n\
        | Crawl | 2026-09-07 | 2026-9-30 |\n- [x] Dana, Keel 2026-13-01\nempty = \"\"\n";

    #[test]
    fn every_kind_of_date_is_checked() {
        let k = Kit::toml(SRC)
            .created("2026-02-30")
            .next_review("next week")
            .phase("crawl", "Crawl")
            .start("2026-09-07")
            .end("2026-9-30")
            .sig("Dana", Some(Side::Company), true)
            .sig_date("2026-13-01");
        let hits = k.run("invalid-date");
        let spans: Vec<_> = hits.iter().map(|h| h.span).collect();
        assert_eq!(
            spans,
            vec![
                k.span("2026-02-30"),
                k.span("next week"),
                k.span("2026-9-30"),
                k.span("2026-13-01")
            ]
        );
        assert_eq!(arg(&hits[0], "found"), "2026-02-30");
        assert_eq!(arg(&hits[0], "problem"), "no such day on the calendar");
        assert_eq!(
            arg(&hits[1], "problem"),
            "not a date of the form YYYY-MM-DD"
        );
    }

    #[test]
    fn valid_and_empty_dates_pass() {
        let k = Kit::toml(SRC)
            .created("\"\"")
            .phase("crawl", "Crawl")
            .start("2026-09-07");
        // `""` as written has quotes; an empty model text is what the parser gives.
        let mut k = k;
        let created = &mut k.charter.meta.created;
        let span = created.as_ref().unwrap().text.span;
        *created = Some(Parsed::date(Text::new("", span)));
        assert!(k.run("invalid-date").is_empty());
    }

    #[test]
    fn blank_is_trim_is_empty() {
        for t in [
            "",
            " ",
            "\u{b}",
            "\u{b}x",
            "\u{a0}",
            "\u{a0}2026",
            "\u{3000}",
            "x",
            "é",
            "\r\n",
            " 2026-01-01",
        ] {
            assert_eq!(super::blank(t), t.trim().is_empty(), "{t:?}");
        }
    }
}
