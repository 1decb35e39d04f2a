//! `missing-go-no-go`: a phase of the listed kinds states no go/no-go criteria.
//! Only phases that are present are checked (`phase-missing` reports absent ones).

use crate::model::PhaseKind;
use crate::rules::{params, Check, Ctx, Hit};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    #[serde(default = "default_phases")]
    phases: Vec<String>,
}

fn default_phases() -> Vec<String> {
    vec!["crawl".into(), "walk".into()]
}

#[derive(Debug)]
struct MissingGoNoGo {
    phases: Vec<PhaseKind>,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let p: Params = params(table)?;
    let phases = p
        .phases
        .iter()
        .map(|s| {
            PhaseKind::parse(s)
                .ok_or_else(|| format!("unknown phase `{s}` (expected crawl, walk or run)"))
        })
        .collect::<Result<_, _>>()?;
    Ok(Box::new(MissingGoNoGo { phases }))
}

impl Check for MissingGoNoGo {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for phase in &cx.charter.phases {
            // Only the phases the rule is about.
            let Some(kind) = phase.kind.filter(|k| self.phases.contains(k)) else {
                continue;
            };
            // A bar with words in it (how good it is is `weak-go-no-go`'s).
            if phase.go_no_go.as_ref().is_some_and(|t| t.has_words()) {
                continue;
            }
            hits.push(Hit::at(phase.span).arg("phase", kind.name()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "| Crawl | 2 pilots | |\n| Walk | 8 more | ≥ 70% adopt |\n| Run | all | |\n";

    #[test]
    fn crawl_without_a_bar_fires_at_the_phase() {
        let k = Kit::md(SRC)
            .phase("crawl", "Crawl")
            .gate("")
            .phase("walk", "Walk")
            .gate("≥ 70% adopt")
            .phase("run", "Run");
        let hits = k.run("missing-go-no-go");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.source.line_span(1));
        assert_eq!(arg(&hits[0], "phase"), "crawl");
    }

    #[test]
    fn a_missing_walk_bar_fires_and_run_is_not_checked() {
        let k = Kit::md(SRC).phase("walk", "Walk").phase("run", "Run");
        let hits = k.run("missing-go-no-go");
        assert_eq!(hits.len(), 1);
        assert_eq!(arg(&hits[0], "phase"), "walk");
    }

    #[test]
    fn unknown_phase_params_are_rejected() {
        let t: toml::Table = toml::from_str("phases = [\"jog\"]").unwrap();
        assert!(super::factory(&t).is_err());
    }
}
