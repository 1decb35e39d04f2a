//! `required-section`: each listed section must be present.

use crate::model::UnreadKind;
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
            let title = cx.vocab.title(key);
            // A heading meant as this section but not recognised: point at it.
            if let Some(u) = cx.vocab.closest_heading(key, &cx.charter.unread) {
                // A heading is quoted as its line is written (`## Delivery plan`, or a
                // Setext heading's text line), so the reader can search for it.
                let heading = match u.kind {
                    UnreadKind::Heading { level } if level > 0 => {
                        let text = cx.source.text.as_str();
                        let at = u.text.span.start.min(text.len());
                        let start = text
                            .get(..at)
                            .and_then(|t| t.rfind('\n'))
                            .map_or(0, |i| i + 1);
                        let line = text
                            .get(start..)
                            .and_then(|t| t.lines().next())
                            .unwrap_or("");
                        match line.trim() {
                            "" => format!("{} {}", "#".repeat(usize::from(level)), u.text.text),
                            written => written.to_string(),
                        }
                    }
                    _ => format!("**{}**", u.text.text),
                };
                let (line, _) = cx.source.line_col(u.text.span.start);
                hits.push(
                    Hit::at(u.text.span)
                        .variant("unread")
                        .arg("section", title)
                        .arg("heading", heading)
                        .arg("line", line.to_string()),
                );
                continue;
            }
            hits.push(Hit::whole(cx.charter).arg("section", title));
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
    fn an_unrecognised_heading_that_could_be_the_section_is_named() {
        use crate::model::{Unread, UnreadKind};
        let mut k =
            Kit::md("## Goals\n- x\n## Delivery plan\n- Crawl\n").section("goals", "## Goals");
        let t = k.text("Delivery plan");
        k.charter.unread.push(Unread {
            kind: UnreadKind::Heading { level: 2 },
            text: t.clone(),
            section: None,
        });
        let hits = k.run("missing-section");
        let timeline = hits
            .iter()
            .find(|h| arg(h, "section") == "Timeline")
            .expect("timeline missing");
        assert_eq!(timeline.variant, "unread");
        assert_eq!(arg(timeline, "heading"), "## Delivery plan");
        assert_eq!(arg(timeline, "line"), "3");
        assert_eq!(timeline.span, t.span);
        assert!(!timeline.whole_file);
        // Nothing close to the exit section: the whole file, as before.
        let exit = hits.iter().find(|h| arg(h, "section") == "Exit criteria");
        assert!(exit.is_some_and(|h| h.whole_file));
    }

    #[test]
    fn sections_param_is_required() {
        assert!(super::factory(&toml::Table::new()).is_err());
    }
}
