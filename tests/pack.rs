//! What the built-in pack declares, checked against everything that repeats it:
//!
//! - each rule's `example.bad` fires the rule and `example.good` does not (as biome runs
//!   the examples of its rule docs);
//! - the README's rule table lists the pack's rules (code and name), in pack order;
//! - docs/rule-packs.md lists every check the pack uses, once.
//!
//! The pack is read through the library (`RuleSet::default_rules`, what `charter rules`
//! prints), so nothing here names a rule: adding one to the pack is checked at once.
//! Fixture folders per rule are checked in `rules.rs`.

mod common;

use common::{lint_text, read, root, rules, show, Found};
use std::collections::BTreeSet;

/// The complete charters an example fragment is placed into: each reports nothing. The
/// first keeps its phases in a table, the second under a sub-heading each.
const HOSTS: [&str; 2] = [
    "examples/northwind-ledger.charter.md",
    "tests/fixtures/styles/yaml-subheadings.charter.md",
];

/// A pack example is a fragment: metadata lines (`tier = 2`), Markdown (sections, list
/// items, table rows), or a whole front matter block. These are the charters it can
/// stand for, from the fragment alone to the fragment placed in each part of a host.
fn placements(fragment: &str) -> Vec<(String, String)> {
    let mut out = vec![
        ("alone, as Markdown".to_string(), fragment.to_string()),
        ("alone, as TOML".to_string(), fragment.to_string()),
    ];
    let lines: Vec<&str> = fragment.lines().collect();
    let is_meta = |l: &&str| {
        let key: String = l.chars().take_while(|c| *c != ' ').collect();
        !key.is_empty()
            && key.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && l[key.len()..].starts_with(" = ")
    };
    let meta: Vec<&str> = lines.iter().copied().take_while(is_meta).collect();
    let rest: Vec<&str> = lines[meta.len()..].to_vec();
    for host in HOSTS {
        let text = read(&root().join(host));
        let Some((fence, front, body)) = split_front_matter(&text) else {
            panic!("{host} has no front matter");
        };
        // Metadata lines are TOML: only a host with TOML front matter takes them.
        if !meta.is_empty() && fence != "+++" {
            continue;
        }
        let front = merge_meta(&front, &meta);
        let doc = |body: &str| format!("{fence}\n{front}{fence}\n{body}");
        out.push((format!("{host}, its metadata set"), doc(&body)));
        if rest.is_empty() {
            continue;
        }
        out.push((
            format!("{host}, its body replaced"),
            doc(&format!("\n{}\n", rest.join("\n"))),
        ));
        if rest.iter().any(|l| l.starts_with('|')) {
            out.push((
                format!("{host}, its first table replaced"),
                doc(&replace_table(&body, &rest)),
            ));
        }
        let body_lines: Vec<&str> = body.lines().collect();
        for (i, line) in body_lines.iter().enumerate() {
            if !line.starts_with("## ") && !line.starts_with("### ") {
                continue;
            }
            let end = body_lines[i + 1..]
                .iter()
                .position(|l| l.starts_with('#'))
                .map_or(body_lines.len(), |p| i + 1 + p);
            out.push((
                format!("{host}, in `{line}`"),
                doc(&place_in(&body_lines, i + 1..end, &rest)),
            ));
        }
    }
    out
}

/// A charter's front matter: its fence (`+++` or `---`), its text and the body after it.
fn split_front_matter(text: &str) -> Option<(&'static str, String, String)> {
    let fence = ["+++", "---"]
        .into_iter()
        .find(|f| text.starts_with(&format!("{f}\n")))?;
    let rest = &text[fence.len() + 1..];
    let close = format!("\n{fence}\n");
    let end = rest.find(&close)?;
    Some((
        fence,
        rest[..end + 1].to_string(),
        rest[end + close.len()..].to_string(),
    ))
}

/// The host's front matter with the fragment's keys set (replaced, or added).
fn merge_meta(front: &str, meta: &[&str]) -> String {
    let key = |l: &str| l.split(" = ").next().unwrap_or("").to_string();
    let mut lines: Vec<String> = front.lines().map(str::to_string).collect();
    for m in meta {
        match lines.iter().position(|l| key(l) == key(m)) {
            Some(i) => lines[i] = m.to_string(),
            None => lines.push(m.to_string()),
        }
    }
    lines.join("\n") + "\n"
}

/// The host with its first table replaced by the fragment's rows. Rows without a
/// header get one named after what their cells hold (phase, dates, go/no-go, …).
fn replace_table(body: &str, rest: &[&str]) -> String {
    let rows: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|l| l.starts_with('|'))
        .collect();
    let mut table: Vec<String> = Vec::new();
    if !rows
        .iter()
        .any(|l| l.starts_with("|-") || l.starts_with("|:"))
    {
        let cells: Vec<&str> = rows[0]
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let mut header = vec!["Phase".to_string()];
        let mut gate = false;
        for (i, cell) in cells.iter().enumerate().skip(1) {
            let name = if i == 1 {
                "Dates"
            } else if gate {
                "Result"
            } else if cell.contains('%') || i + 1 == cells.len() {
                gate = true;
                "Go/No-Go"
            } else {
                "Deliverables"
            };
            header.push(name.to_string());
        }
        table.push(format!("| {} |", header.join(" | ")));
        table.push(format!("|{}", "---|".repeat(header.len())));
    }
    table.extend(rows.iter().map(|r| r.to_string()));
    let lines: Vec<&str> = body.lines().collect();
    let Some(start) = lines.iter().position(|l| l.starts_with('|')) else {
        return body.to_string();
    };
    let end = lines[start..]
        .iter()
        .position(|l| !l.starts_with('|'))
        .map_or(lines.len(), |p| start + p);
    let mut out: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    out.extend(table);
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// What names a list item: its label (`- **We give:** …`, `- Dates: …`), or for a
/// signature line (`- [x] Ravi Shah, …`) the name before the first comma.
fn item_key(line: &str) -> Option<String> {
    let item = line.strip_prefix("- ")?;
    if let Some(signed) = item
        .strip_prefix("[ ] ")
        .or_else(|| item.strip_prefix("[x] "))
    {
        return Some(signed.split(',').next()?.to_lowercase());
    }
    let label = item.split(':').next().filter(|l| l.len() < item.len())?;
    Some(label.replace('*', "").trim().to_lowercase())
}

/// The host's body with the fragment in the lines `range`: each of its items in place
/// of the host's item with the same key there, the rest at the end of the range.
fn place_in(body: &[&str], range: std::ops::Range<usize>, rest: &[&str]) -> String {
    let mut placed: Vec<&str> = body[..range.start].to_vec();
    let mut used = vec![false; rest.len()];
    for line in &body[range.clone()] {
        let own = item_key(line);
        match rest
            .iter()
            .position(|r| own.is_some() && item_key(r) == own)
        {
            Some(j) => {
                used[j] = true;
                placed.push(rest[j]);
            }
            None => placed.push(line),
        }
    }
    if used.iter().all(|u| !u) {
        placed.push("");
        placed.extend(rest);
        placed.push("");
    }
    placed.extend(&body[range.end..]);
    placed.join("\n") + "\n"
}

fn lint_as(placement: &str, text: &str) -> Vec<Found> {
    let name = if placement.ends_with("TOML") {
        "example.charter.toml"
    } else {
        "example.charter.md"
    };
    lint_text(name, text)
}

/// Each rule's `example.bad` fires it and its `example.good` does not, in the same
/// place: some placement of the pair (see [`placements`]) shows the difference.
#[test]
fn each_rules_bad_example_fires_it_and_its_good_example_does_not() {
    let mut failures = Vec::new();
    let mut seen = 0;
    for rule in &rules().rules {
        let Some(example) = &rule.example else {
            failures.push(format!("{}: no example.bad / example.good", rule.name));
            continue;
        };
        seen += 1;
        let bad = placements(&example.bad);
        let good = placements(&example.good);
        let fires = |p: &str, text: &str| lint_as(p, text).iter().any(|f| f.rule == rule.name);
        let shown = bad.iter().zip(&good).any(|((p, b), (q, g))| {
            assert_eq!(p, q, "{}: the two examples are placed alike", rule.name);
            fires(p, b) && !fires(q, g)
        });
        if !shown {
            let report: Vec<String> = bad
                .iter()
                .zip(&good)
                .map(|((p, b), (_, g))| {
                    format!(
                        "  {p}:\n   bad:\n{}\n   good:\n{}",
                        show(&only(lint_as(p, b), &rule.name)),
                        show(&only(lint_as(p, g), &rule.name))
                    )
                })
                .collect();
            failures.push(format!(
                "{}: no placement where example.bad fires it and example.good does not:\n{}",
                rule.name,
                report.join("\n")
            ));
        }
    }
    assert!(seen > 0);
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

fn only(found: Vec<Found>, rule: &str) -> Vec<Found> {
    found.into_iter().filter(|f| f.rule == rule).collect()
}

/// The rows `| CODE | name | … |` of the first Markdown table under `heading`.
fn table_rows(text: &str, heading: &str) -> Vec<Vec<String>> {
    let mut lines = text.lines().skip_while(|l| l.trim() != heading).skip(1);
    let rows: Vec<Vec<String>> = lines
        .by_ref()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    // Without the header and its delimiter row.
    rows.into_iter().skip(2).collect()
}

#[test]
fn the_readme_rule_table_is_the_pack() {
    let readme = read(&root().join("README.md"));
    let table: Vec<(String, String)> = table_rows(&readme, "## Rules")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let pack: Vec<(String, String)> = rules()
        .rules
        .iter()
        .map(|r| (r.code.clone(), r.name.clone()))
        .collect();
    assert!(!pack.is_empty());
    assert_eq!(
        table, pack,
        "README.md, ## Rules: (code, name) in pack order"
    );
}

/// The same list as `charter rules` prints.
#[test]
fn charter_rules_lists_the_pack() {
    let out = assert_cmd::Command::cargo_bin("charter")
        .expect("binary")
        .args(["rules", "--no-config", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let listed: Vec<(String, String)> = listed
        .iter()
        .map(|r| (r["code"].to_string(), r["name"].to_string()))
        .collect();
    let pack: Vec<(String, String)> = rules()
        .rules
        .iter()
        .map(|r| (format!("{:?}", r.code), format!("{:?}", r.name)))
        .collect();
    assert_eq!(listed, pack);
}

/// docs/rule-packs.md names the checks a pack can use: the generic ones in a table,
/// the built-in ones in a list. Together they are the checks of the default pack.
#[test]
fn the_docs_list_every_check_of_the_pack_once() {
    let docs = read(&root().join("docs/rule-packs.md"));
    let generic: Vec<String> = table_rows(&docs, "### Checks a pack can use")
        .into_iter()
        .map(|r| r[0].trim_matches('`').to_string())
        .collect();
    let intro = "Built-in checks that carry one default rule each";
    let para: String = docs
        .split("\n\n")
        .find(|p| p.starts_with(intro))
        .unwrap_or_else(|| panic!("docs/rule-packs.md: no paragraph `{intro}`"))
        .to_string();
    let built_in: Vec<String> = para
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let mut listed: Vec<String> = generic.iter().chain(&built_in).cloned().collect();
    listed.sort();
    let unique: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(
        listed.len(),
        unique.len(),
        "a check listed twice: {listed:?}"
    );
    let pack: charter::rules::pack::PackFile =
        toml::from_str(charter::rules::pack::DEFAULT_PACK).expect("the built-in pack");
    let used: BTreeSet<String> = pack.rules.iter().map(|r| r.check.clone()).collect();
    assert_eq!(
        unique, used,
        "docs/rule-packs.md against rules/default.toml"
    );
}
