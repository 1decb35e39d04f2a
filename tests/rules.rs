//! Every rule of the default pack against its fixtures in `tests/fixtures/rules/<rule>/`:
//!
//! - `fires.charter.md` and `fires.charter.toml` have the rule's defect, the same one in
//!   both formats: they report the rule, and no other rule unless `expect.toml` lists it
//!   under `also`;
//! - `passes.charter.md` and `passes.charter.toml` are close to the defect without
//!   having it: they report nothing at all (`passes-also` in `expect.toml` would list
//!   rules allowed there);
//! - the two formats of each give the same (rule, message) findings. Where a message
//!   legitimately depends on the format (a label as written), `expect.toml` gives the
//!   rule's messages per format under `[messages]`, with the reason.
//!
//! The rule names come from `rules/default.toml` itself, so a rule added to the pack
//! without fixtures fails here. See tests/README.md.

mod common;

use common::{
    files_ending, lint_file, pack_rule_names, read, root, rule_messages, rules, show, Found,
};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::PathBuf;

const FORMATS: [&str; 2] = ["md", "toml"];

/// `expect.toml`: what a fixture folder expects beyond the defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Expect {
    /// Rules `fires.*` may report besides the folder's own.
    #[serde(default)]
    also: Vec<String>,
    /// Rules `passes.*` may report.
    #[serde(default)]
    passes_also: Vec<String>,
    /// The folder's rule's messages on `fires.*`, per format, when they differ.
    #[serde(default)]
    messages: Option<Messages>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Messages {
    /// Why the formats word it differently.
    reason: String,
    md: Vec<String>,
    toml: Vec<String>,
}

fn dir() -> PathBuf {
    root().join("tests/fixtures/rules")
}

fn fixture(rule: &str, kind: &str, ext: &str) -> PathBuf {
    dir().join(rule).join(format!("{kind}.charter.{ext}"))
}

fn expect(rule: &str) -> Expect {
    let path = dir().join(rule).join("expect.toml");
    if !path.exists() {
        return Expect::default();
    }
    let e: Expect =
        toml::from_str(&read(&path)).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let names = pack_rule_names();
    for r in e.also.iter().chain(&e.passes_also) {
        assert!(names.contains(r), "{}: no rule `{r}`", path.display());
    }
    if let Some(m) = &e.messages {
        assert!(
            !m.reason.trim().is_empty(),
            "{}: give a reason",
            path.display()
        );
    }
    e
}

/// Run `check` for every rule and report all failures at once.
fn for_each_rule(check: impl Fn(&str, &mut Vec<String>)) {
    let mut failures = Vec::new();
    for rule in pack_rule_names() {
        check(&rule, &mut failures);
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

fn only_rule(found: &[Found], rule: &str) -> Vec<String> {
    found
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn the_pack_read_from_the_file_is_the_pack_compiled_in() {
    let compiled: Vec<&str> = rules().rules.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(compiled, pack_rule_names());
    assert!(!compiled.is_empty());
}

#[test]
fn every_rule_has_its_four_fixtures_and_nothing_else_is_there() {
    let names: BTreeSet<String> = pack_rule_names().into_iter().collect();
    let mut failures = Vec::new();
    for rule in &names {
        for kind in ["fires", "passes"] {
            for ext in FORMATS {
                let path = fixture(rule, kind, ext);
                if !path.is_file() {
                    failures.push(format!("missing {}", path.display()));
                }
            }
        }
    }
    // A folder for a rule that no longer exists (or is misspelt) is never run.
    for entry in std::fs::read_dir(dir()).expect("fixture dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !names.contains(&name) {
            failures.push(format!("{}: no rule `{name}` in the pack", path.display()));
            continue;
        }
        for file in std::fs::read_dir(&path).expect("rule dir") {
            let file = file
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .to_string();
            let known = file == "expect.toml"
                || ["fires", "passes"]
                    .iter()
                    .any(|k| FORMATS.iter().any(|e| file == format!("{k}.charter.{e}")));
            if !known {
                failures.push(format!("{}: unexpected file {file}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_says_what_it_tests() {
    for_each_rule(|rule, failures| {
        for kind in ["fires", "passes"] {
            for ext in FORMATS {
                let path = fixture(rule, kind, ext);
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let said = match ext {
                    "md" => text
                        .lines()
                        .take(25)
                        .any(|l| l.starts_with(&format!("<!-- {kind}: {rule} "))),
                    _ => text
                        .lines()
                        .next()
                        .is_some_and(|l| l.starts_with(&format!("# {kind}: {rule} "))),
                };
                if !said {
                    failures.push(format!(
                        "{}: does not start with a comment `{kind}: {rule} …`",
                        path.display()
                    ));
                }
            }
        }
    });
}

#[test]
fn fires_fixtures_report_their_rule_and_only_it() {
    for_each_rule(|rule, failures| {
        let e = expect(rule);
        for ext in FORMATS {
            let path = fixture(rule, "fires", ext);
            if !path.is_file() {
                continue;
            }
            let found = lint_file(&path);
            if !found.iter().any(|f| f.rule == rule) {
                failures.push(format!(
                    "{} does not report {rule}; it reports:\n{}",
                    path.display(),
                    show(&found)
                ));
            }
            let others: Vec<&Found> = found
                .iter()
                .filter(|f| f.rule != rule && !e.also.contains(&f.rule))
                .collect();
            if !others.is_empty() {
                let others: Vec<Found> = others.into_iter().cloned().collect();
                failures.push(format!(
                    "{} reports other rules than {rule} (list them under `also` in expect.toml if that is right):\n{}",
                    path.display(),
                    show(&others)
                ));
            }
        }
    });
}

#[test]
fn passes_fixtures_report_nothing() {
    for_each_rule(|rule, failures| {
        let e = expect(rule);
        for ext in FORMATS {
            let path = fixture(rule, "passes", ext);
            if !path.is_file() {
                continue;
            }
            let found = lint_file(&path);
            let unexpected: Vec<Found> = found
                .into_iter()
                .filter(|f| f.rule == rule || !e.passes_also.contains(&f.rule))
                .collect();
            if !unexpected.is_empty() {
                failures.push(format!(
                    "{} should report nothing, but reports:\n{}",
                    path.display(),
                    show(&unexpected)
                ));
            }
        }
    });
}

/// The (rule, message) findings of both formats of `kind`, minus the folder's rule
/// when its messages are declared per format.
fn compare_formats(rule: &str, kind: &str, e: &Expect, failures: &mut Vec<String>) {
    let paths: Vec<PathBuf> = FORMATS.iter().map(|ext| fixture(rule, kind, ext)).collect();
    if !paths.iter().all(|p| p.is_file()) {
        return;
    }
    let found: Vec<Vec<Found>> = paths.iter().map(|p| lint_file(p)).collect();
    let declared = kind == "fires" && e.messages.is_some();
    let comparable = |f: &[Found]| {
        let kept: Vec<Found> = f
            .iter()
            .filter(|x| !(declared && x.rule == rule))
            .cloned()
            .collect();
        rule_messages(&kept)
    };
    let (md, toml) = (comparable(&found[0]), comparable(&found[1]));
    if md != toml {
        failures.push(format!(
            "{rule}/{kind}: the formats disagree\n{}:\n{}\n{}:\n{}",
            paths[0].display(),
            show(&found[0]),
            paths[1].display(),
            show(&found[1])
        ));
    }
    let Some(m) = e.messages.as_ref().filter(|_| kind == "fires") else {
        return;
    };
    for (i, (ext, want)) in [("md", &m.md), ("toml", &m.toml)].into_iter().enumerate() {
        let got = only_rule(&found[i], rule);
        if &got != want {
            failures.push(format!(
                "{rule}/fires.charter.{ext}: expect.toml says {rule} reports {want:?}, it reports {got:?}"
            ));
        }
    }
    // An exception that is no longer needed is removed, not kept.
    if m.md == m.toml {
        failures.push(format!(
            "{rule}/expect.toml: [messages] are the same for both formats; remove them"
        ));
    }
}

#[test]
fn both_formats_give_the_same_findings() {
    for_each_rule(|rule, failures| {
        let e = expect(rule);
        for kind in ["fires", "passes"] {
            compare_formats(rule, kind, &e, failures);
        }
    });
}

#[test]
fn the_complete_examples_report_nothing() {
    let examples = root().join("examples");
    let mut failures = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&examples).expect("examples/") {
        let path = entry.expect("entry").path();
        let name = path.to_string_lossy().to_string();
        if !(name.ends_with(".charter.md") || name.ends_with(".charter.toml")) {
            continue;
        }
        seen += 1;
        let found = lint_file(&path);
        if !found.is_empty() {
            failures.push(format!("{}:\n{}", path.display(), show(&found)));
        }
    }
    assert!(seen >= 4, "only {seen} complete examples found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each charter of `examples/defects/` has one defect, so it reports one rule (named
/// after the rule or after the defect, such as `missing-exit-criteria`).
#[test]
fn each_defect_example_reports_one_rule() {
    let defects = files_ending(&root().join("examples/defects"), "");
    assert!(!defects.is_empty());
    let mut failures = Vec::new();
    for path in defects {
        let found = lint_file(&path);
        let fired: BTreeSet<&str> = found.iter().map(|f| f.rule.as_str()).collect();
        if fired.len() != 1 {
            failures.push(format!("{}:\n{}", path.display(), show(&found)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
