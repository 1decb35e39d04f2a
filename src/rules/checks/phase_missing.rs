//! `phase-missing`: the timeline lacks crawl, walk or run.
//!
//! A charter with neither a timeline section nor any phase is left to
//! `missing-section`, which already says the whole timeline is absent.

use crate::model::PhaseKind;
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct PhaseMissing;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(PhaseMissing))
}

impl Check for PhaseMissing {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let c = cx.charter;
        // No timeline at all is `missing-section`'s.
        if c.section("timeline").is_none() && c.phases.is_empty() {
            return;
        }
        for kind in PhaseKind::ALL {
            if c.phase(kind).is_some() {
                continue;
            }
            hits.push(
                crate::rules::support::places::at_heading_or_whole(c, "timeline")
                    .arg("phase", kind.name()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "## Timeline\n| Crawl | x |\n| Pilot 2 | y |\n| Run | z |\n";

    #[test]
    fn each_missing_phase_fires_at_the_timeline_heading() {
        let k = Kit::md(SRC)
            .section("timeline", "## Timeline")
            .phase("crawl", "Crawl")
            .phase("", "Pilot 2");
        let hits = k.run("phase-missing");
        let phases: Vec<_> = hits.iter().map(|h| arg(h, "phase")).collect();
        assert_eq!(phases, ["walk", "run"]);
        assert_eq!(hits[0].span, k.span("## Timeline"));
    }

    #[test]
    fn phases_without_a_timeline_section_are_about_the_whole_charter() {
        let k = Kit::md(SRC).phase("run", "Run");
        let hits = k.run("phase-missing");
        assert_eq!(hits.len(), 2);
        assert!(hits[0].whole_file);
    }

    #[test]
    fn silent_with_all_phases_or_no_timeline() {
        let k = Kit::md(SRC)
            .section("timeline", "## Timeline")
            .phase("crawl", "Crawl")
            .phase("walk", "Pilot 2")
            .phase("run", "Run");
        assert!(k.run("phase-missing").is_empty());
        assert!(Kit::md(SRC).run("phase-missing").is_empty());
    }
}
