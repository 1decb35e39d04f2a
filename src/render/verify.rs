//! Checks around rendering: answer values that cannot be placed safely are refused
//! before it, and the output is re-parsed after it, so a generated file is never
//! structurally broken and never silently drops an answer.

use super::answers::Answers;
use super::{filters, Error};
use crate::model::Format;

/// Every text the user supplied, with the key that names it.
pub fn texts(partner: &str, company: Option<&str>, a: &Answers) -> Vec<(String, String)> {
    let mut out = vec![("partner".to_string(), partner.to_string())];
    if let Some(c) = company {
        out.push(("company".to_string(), c.to_string()));
    }
    for (section, fields) in &a.fields {
        for (field, v) in fields {
            out.push((format!("{section}.{field}"), v.clone()));
        }
    }
    for p in &a.phases {
        for (key, v) in [
            ("scope", &p.scope),
            ("go-no-go", &p.go_no_go),
            ("result", &p.result),
        ] {
            if let Some(v) = v {
                out.push((
                    format!("timeline.phase.{key} ({})", p.kind.name()),
                    v.clone(),
                ));
            }
        }
    }
    for (i, m) in a.metrics.iter().enumerate() {
        for (key, v) in [("name", &m.name), ("target", &m.target)] {
            if let Some(v) = v {
                out.push((
                    format!("metrics.metric.{key} (number {})", i + 1),
                    v.clone(),
                ));
            }
        }
    }
    for (i, c) in a.exit_criteria.iter().flatten().enumerate() {
        out.push((format!("exit.criteria (number {})", i + 1), c.clone()));
    }
    for s in &a.signatures {
        for (key, v) in [("name", &s.name), ("title", &s.title)] {
            if let Some(v) = v {
                out.push((format!("signatures.{key} ({})", s.side), v.clone()));
            }
        }
    }
    out
}

/// Refuse values that would change the file's structure. Names are one line in any
/// format; in Markdown every value is (a line break would end its list item or table
/// row), and an HTML comment could hide content or switch rules off.
pub fn check_values(values: &[(String, String)], format: Format) -> Result<(), Error> {
    for (key, v) in values {
        let one_line = format == Format::Markdown || key == "partner" || key == "company";
        let bad = if v.contains('\0') {
            Some("contains a NUL character")
        } else if one_line && v.chars().any(|c| c.is_control() && c != '\t') {
            Some("contains a line break or control character")
        } else if format == Format::Markdown && v.contains("<!--") {
            Some("contains `<!--`, which would start an HTML comment")
        } else {
            None
        };
        if let Some(why) = bad {
            let help = if format == Format::Markdown && !one_line_key(key) {
                "write the value on one line, or generate a TOML charter (--format toml), \
                 where values may span lines"
            } else {
                "write the value on one line, without control characters"
            };
            return Err(Error {
                message: format!("the value of `{key}` {why}: {:?}", short(v)),
                help: Some(help.to_string()),
            });
        }
    }
    Ok(())
}

fn one_line_key(key: &str) -> bool {
    key == "partner" || key == "company"
}

fn short(v: &str) -> String {
    let mut s: String = v.chars().take(60).collect();
    if s.len() < v.len() {
        s.push('…');
    }
    s
}

/// Parse what was rendered as charter would read it: TOML as a table, Markdown's
/// front matter likewise (and no second `+++` block further down). The names must
/// come back unchanged.
pub fn reparse(out: &str, format: Format, partner: &str, template: &str) -> Result<(), Error> {
    let meta_text = match format {
        Format::Toml => out.to_string(),
        Format::Markdown => front_matter(out).ok_or_else(|| {
            broken(
                template,
                "the Markdown has no `+++` front matter block at the top",
            )
        })?,
    };
    let table: toml::Table = toml::from_str(&meta_text).map_err(|e| {
        broken(
            template,
            &format!("the TOML does not parse: {}", e.message()),
        )
    })?;
    if table.get("partner").and_then(|v| v.as_str()) != Some(partner) {
        return Err(broken(
            template,
            "`partner` does not read back as the partner's name",
        ));
    }
    if format == Format::Markdown {
        let body_start = out.find("\n+++").map(|i| i + 4).unwrap_or(out.len());
        if out[body_start..].lines().any(|l| l.trim() == "+++") {
            return Err(broken(template, "a `+++` line follows the front matter"));
        }
    }
    Ok(())
}

/// The front matter between the first line `+++` and the next.
fn front_matter(out: &str) -> Option<String> {
    let rest = out.strip_prefix("+++\n")?;
    let end = rest
        .find("\n+++\n")
        .map(|i| i + 1)
        .or_else(|| rest.strip_suffix("\n+++").map(|r| r.len() + 1))?;
    Some(rest[..end].to_string())
}

/// Every answer must appear in the output: a template that leaves one out would
/// drop it silently (as a user template, or a tier that has no place for it).
pub fn all_used(
    out: &str,
    values: &[(String, String)],
    format: Format,
    template: &str,
) -> Result<(), Error> {
    for (key, v) in values {
        let found = match format {
            Format::Markdown => out.contains(&filters::md(v)) || out.contains(&filters::cell(v)),
            Format::Toml => out.contains(&filters::toml_string(v)),
        };
        if !found {
            return Err(Error {
                message: format!("template `{template}` has no place for the answer `{key}`"),
                help: Some(
                    "remove the key from the answers file, choose a tier whose template uses it, \
                     or add it to your template"
                        .to_string(),
                ),
            });
        }
    }
    Ok(())
}

fn broken(template: &str, what: &str) -> Error {
    Error {
        message: format!(
            "template `{template}` produced a charter that charter cannot read: {what}"
        ),
        help: Some("fix the template; nothing was written".to_string()),
    }
}
