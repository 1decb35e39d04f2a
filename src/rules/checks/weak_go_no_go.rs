//! `weak-go-no-go`: a crawl or walk bar with no percentage, or one below the usual
//! threshold (crawl 20% improvement, walk 70% adoption).
//!
//! The parser reads the bar's percentages and shares (`≥ 20%`, `seventy per cent`,
//! `9 of 12 stores`); the largest is the bar. A missing or empty bar is `missing-go-no-go`'s.

use crate::rules::support::params::PhasePercents;
use crate::rules::{params, Check, Ctx, Hit};

#[derive(Debug)]
struct WeakGoNoGo {
    min: PhasePercents,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let min: PhasePercents = params(table)?;
    Ok(Box::new(WeakGoNoGo { min }))
}

impl Check for WeakGoNoGo {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for phase in &cx.charter.phases {
            // Only crawl and walk have a percentage bar.
            let Some((kind, min)) = phase.kind.and_then(|k| self.min.min(k).map(|m| (k, m))) else {
                continue;
            };
            let Some(bar) = phase.go_no_go.as_ref() else {
                continue;
            };
            // A percentage is written with words, so a bar with one has words.
            let found = phase.bar.as_ref().map(|n| n.value);
            // No bar at all is `missing-go-no-go`'s.
            if found.is_none() && !bar.has_words() {
                continue;
            }
            let hit = || {
                Hit::at(bar.span)
                    .arg("phase", kind.name())
                    .arg("min", crate::rules::support::numbers::number(min))
            };
            match found {
                None => hits.push(hit().variant("unmeasured")),
                Some(found) if found < min => hits.push(
                    hit()
                        .variant("low")
                        .arg("found", crate::rules::support::numbers::number(found)),
                ),
                // At or above the threshold.
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "| Crawl | customers are happy |\n| Walk | 50 percent of invited adopt |\n\
        | Crawl | ≥ 20 % faster close |\n| Walk | 70% adopt, 5% churn |\n";

    #[test]
    fn a_bar_without_a_percentage_is_unmeasured() {
        let k = Kit::md(SRC)
            .phase("crawl", "| Crawl | customers")
            .gate("customers are happy");
        let hits = k.run("weak-go-no-go");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "unmeasured");
        assert_eq!(hits[0].span, k.span("customers are happy"));
        assert_eq!(arg(&hits[0], "min"), "20");
    }

    #[test]
    fn a_bar_below_the_minimum_is_low() {
        let k = Kit::md(SRC)
            .phase("walk", "| Walk | 50")
            .gate("50 percent of invited adopt");
        let hits = k.run("weak-go-no-go");
        assert_eq!(hits[0].variant, "low");
        assert_eq!(arg(&hits[0], "found"), "50");
        assert_eq!(arg(&hits[0], "min"), "70");
        assert_eq!(arg(&hits[0], "phase"), "walk");
    }

    #[test]
    fn bars_at_the_minimum_pass_and_run_is_not_checked() {
        let k = Kit::md(SRC)
            .phase("crawl", "| Crawl | ≥")
            .gate("≥ 20 % faster close")
            .phase("walk", "| Walk | 70%")
            .gate("70% adopt, 5% churn")
            .phase("run", "| Crawl | customers")
            .gate("customers are happy");
        assert!(k.run("weak-go-no-go").is_empty());
    }
}
