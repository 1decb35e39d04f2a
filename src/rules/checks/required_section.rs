//! `required-section`: each listed section must be present.

use crate::rules::{params, Check, Ctx, Hit};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Canonical section keys, as the vocabulary names them.
    sections: Vec<String>,
}

#[derive(Debug)]
struct RequiredSection {
    sections: Vec<String>,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let p: Params = params(table)?;
    Ok(Box::new(RequiredSection {
        sections: p.sections,
    }))
}

impl Check for RequiredSection {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for key in &self.sections {
            // Present (even if empty: that is `empty-section`'s).
            if cx.charter.section(key).is_some() {
                continue;
            }
            hits.push(Hit::whole(cx.charter).arg("section", cx.vocab.title(key)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "## Goals\n- x\n## Value exchange\n## Timeline\n## Metrics\n\
        ## Governance\n## Exit\n## Signatures\n";

    #[test]
    fn each_missing_section_is_named_by_its_title() {
        let k = Kit::md(SRC)
            .section("goals", "## Goals")
            .section("timeline", "## Timeline")
            .section("metrics", "## Metrics")
            .section("governance", "## Governance")
            .section("signatures", "## Signatures");
        let hits = k.run("missing-section");
        let names: Vec<_> = hits.iter().map(|h| arg(h, "section")).collect();
        assert_eq!(names, ["Value exchange", "Exit criteria"]);
        assert!(hits.iter().all(|h| h.whole_file));
    }

    #[test]
    fn all_present_passes() {
        let k = Kit::md(SRC)
            .section("goals", "## Goals")
            .section("value-exchange", "## Value exchange")
            .section("timeline", "## Timeline")
            .section("metrics", "## Metrics")
            .section("governance", "## Governance")
            .section("exit", "## Exit")
            .section("signatures", "## Signatures");
        assert!(k.run("missing-section").is_empty());
    }

    #[test]
    fn sections_param_is_required() {
        assert!(super::factory(&toml::Table::new()).is_err());
    }
}
