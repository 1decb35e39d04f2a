//! `stale-review`: the next review date has passed.

use crate::model::Status;
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct StaleReview;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(StaleReview))
}

impl Check for StaleReview {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        // An ended partnership has no more reviews to hold.
        if cx.charter.meta.status() == Some(Status::Ended) {
            return;
        }
        // No review date: nothing to be late for.
        let Some(next) = &cx.charter.meta.next_review else {
            return;
        };
        // A date that does not parse is `invalid-date`'s.
        let Ok(date) = next.value else {
            return;
        };
        // Due today or later is not stale.
        if date >= cx.today {
            return;
        }
        hits.push(Hit::at(next.text.span).arg("date", date.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    // The kit's today is 2026-09-01.
    const SRC: &str =
        "next-review = 2026-08-31\nlater = 2026-09-01\nbad = 2026-02-30\nstatus = \"ended\"\n";

    #[test]
    fn past_review_date_fires() {
        let k = Kit::toml(SRC).next_review("2026-08-31");
        let hits = k.run("stale-review");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("2026-08-31"));
        assert_eq!(arg(&hits[0], "date"), "2026-08-31");
    }

    #[test]
    fn today_invalid_or_absent_is_silent() {
        assert!(Kit::toml(SRC)
            .next_review("2026-09-01")
            .run("stale-review")
            .is_empty());
        assert!(Kit::toml(SRC)
            .next_review("2026-02-30")
            .run("stale-review")
            .is_empty());
        assert!(Kit::toml(SRC).run("stale-review").is_empty());
    }

    #[test]
    fn an_ended_partnership_is_never_stale() {
        let k = Kit::toml(SRC).next_review("2026-08-31").status("ended");
        assert!(k.run("stale-review").is_empty());
    }
}
