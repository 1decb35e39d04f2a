//! The Markdown people write: every `.charter.md` of `examples/` and of the fixtures,
//! rewritten the ways real charters differ (numbered headings, emoji headings, CRLF
//! line endings, a BOM, H1 sections, `&` for `and`, YAML front matter), gives the same
//! (rule, message, line) findings as the original; none of these rewrites adds or
//! removes a line. Labels moved into sub-headings or a two-column table change the
//! lines, so there the (rule, message) findings are compared. TOML charters get the
//! CRLF and BOM rewrites.
//!
//! Then the hand-written charters of `tests/fixtures/styles/`, in styles the rule
//! fixtures do not use: each is complete and reports nothing, and each reports the
//! expected rule once it is broken.

mod common;

use common::{files_ending, lint_file, lint_text, read, root, show, Found};
use std::path::PathBuf;

/// Emoji as people put them in headings: plain, with a variation selector, keycaps.
const EMOJI: &[&str] = &[
    "🎯", "💰", "🗓️", "📈", "🧭", "🚪", "✍️", "🐢", "1️⃣", "⭐", "🚀", "✅",
];

/// A line of a Markdown file that is a heading: its index, level and title.
struct Heading {
    line: usize,
    level: usize,
    title: String,
}

/// The ATX headings of a Markdown text, outside its front matter, fenced code blocks
/// and HTML comments.
fn headings(text: &str) -> Vec<Heading> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut i = 0;
    // Front matter: `+++` or `---` on the first line, up to the same line again.
    if let Some(first) = lines.first().map(|l| l.trim_end()) {
        if first == "+++" || first == "---" {
            i = 1;
            while i < lines.len() && lines[i].trim_end() != first {
                i += 1;
            }
            i += 1;
        }
    }
    let mut fence: Option<&str> = None;
    let mut comment = false;
    while i < lines.len() {
        let line = lines[i].trim_end_matches('\r');
        let trimmed = line.trim_start();
        if comment {
            comment = !line.contains("-->");
        } else if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if trimmed.starts_with("<!--") {
            comment = !line.contains("-->");
        } else if let Some(level) = atx_level(line) {
            out.push(Heading {
                line: i,
                level,
                title: line[level..].trim().to_string(),
            });
        }
        i += 1;
    }
    out
}

fn atx_level(line: &str) -> Option<usize> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let ok = (1..=6).contains(&level) && line[level..].starts_with(' ');
    ok.then_some(level)
}

/// Rewrite the heading lines of `text` with `f(level, title, index among headings)`,
/// which returns the new level and title.
fn rewrite_headings(text: &str, f: impl Fn(usize, &str, usize) -> (usize, String)) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for (n, h) in headings(text).into_iter().enumerate() {
        let (level, title) = f(h.level, &h.title, n);
        lines[h.line] = format!("{} {title}", "#".repeat(level));
    }
    lines.join("\n")
}

/// `## 1. Mutual goals`, `### 1.2 For the partner`: outline numbers below the title.
fn numbered(text: &str) -> String {
    let hs = headings(text);
    let mut counters = [0usize; 7];
    let mut numbers = Vec::new();
    for h in &hs {
        counters[h.level] += 1;
        for c in counters.iter_mut().skip(h.level + 1) {
            *c = 0;
        }
        let parts: Vec<String> = (2..=h.level).map(|l| counters[l].to_string()).collect();
        numbers.push(match parts.len() {
            0 => String::new(),
            1 => format!("{}. ", parts[0]),
            _ => format!("{} ", parts.join(".")),
        });
    }
    rewrite_headings(text, |level, title, n| {
        (level, format!("{}{title}", numbers[n]))
    })
}

/// `## 💰 Value exchange`: an emoji before every heading below the title.
fn emoji(text: &str) -> String {
    rewrite_headings(text, |level, title, n| {
        if level == 1 {
            (level, title.to_string())
        } else {
            (level, format!("{} {title}", EMOJI[n % EMOJI.len()]))
        }
    })
}

/// Sections as H1 and their sub-headings as H2 (the title stays H1).
fn h1_sections(text: &str) -> String {
    rewrite_headings(text, |level, title, _| {
        (level.max(2) - 1, title.to_string())
    })
}

/// `&` for `and` in headings, and `and` for `&`.
fn ampersand(text: &str) -> String {
    rewrite_headings(text, |level, title, _| {
        let swapped = title
            .split(' ')
            .map(|w| match w {
                "and" => "&",
                "&" => "and",
                w => w,
            })
            .collect::<Vec<_>>()
            .join(" ");
        (level, swapped)
    })
}

fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

fn bom(text: &str) -> String {
    format!("\u{feff}{text}")
}

/// Runs of `- **Label:** value` lines, as (first line, past the last line).
fn label_runs(lines: &[&str]) -> Vec<(usize, usize)> {
    let label = |l: &str| labelled(l).is_some();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if label(lines[i]) {
            let start = i;
            while i < lines.len() && label(lines[i]) {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// `- **We give:** two engineers` as ("We give", "two engineers").
fn labelled(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("- **")?;
    let (label, value) = rest.split_once(":**")?;
    (!label.contains('*')).then_some((label, value.trim()))
}

/// Replace each run of labelled list items by what `f` makes of its lines.
fn rewrite_label_runs(text: &str, f: impl Fn(&[(&str, &str)]) -> Vec<String>) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::new();
    let mut last = 0;
    for (start, end) in label_runs(&lines) {
        out.extend(lines[last..start].iter().map(|l| l.to_string()));
        let items: Vec<(&str, &str)> = lines[start..end]
            .iter()
            .filter_map(|l| labelled(l))
            .collect();
        out.extend(f(&items));
        last = end;
    }
    out.extend(lines[last..].iter().map(|l| l.to_string()));
    out.join("\n")
}

/// `- **We give:** …` as a sub-heading `### We give` with the value under it.
fn labels_as_subheadings(text: &str) -> String {
    rewrite_label_runs(text, |items| {
        items
            .iter()
            .flat_map(|(label, value)| {
                [
                    format!("### {label}"),
                    String::new(),
                    value.to_string(),
                    String::new(),
                ]
            })
            .collect()
    })
}

/// `- **We give:** …` as the rows of a two-column table.
fn labels_as_table(text: &str) -> String {
    rewrite_label_runs(text, |items| {
        // A blank line first: right after a list item, the table would be its text.
        let mut rows = vec![
            String::new(),
            "| Item | Detail |".to_string(),
            "|------|--------|".to_string(),
        ];
        rows.extend(
            items
                .iter()
                .map(|(label, value)| format!("| {label} | {value} |")),
        );
        rows.push(String::new());
        rows
    })
}

/// A TOML front matter (`+++`, `key = value`) as YAML (`---`, `key: value`).
fn yaml_front_matter(text: &str) -> String {
    let Some(rest) = text.strip_prefix("+++\n") else {
        return text.to_string();
    };
    let Some(end) = rest.find("\n+++\n") else {
        return text.to_string();
    };
    let keys: Vec<String> = rest[..end]
        .lines()
        .map(|l| match l.split_once(" = ") {
            Some((k, v)) => format!("{k}: {v}"),
            None => l.to_string(),
        })
        .collect();
    format!("---\n{}\n---\n{}", keys.join("\n"), &rest[end + 5..])
}

type Rewrite = (&'static str, fn(&str) -> String);

/// Rewrites that change the layout and so the line numbers: (rule, message) compared.
const MARKDOWN_RELAYOUTS: &[Rewrite] = &[
    ("labels as sub-headings", labels_as_subheadings),
    ("labels as a two-column table", labels_as_table),
    ("labels as sub-headings, H1 sections, emoji", |t| {
        emoji(&h1_sections(&labels_as_subheadings(t)))
    }),
];

const MARKDOWN_REWRITES: &[Rewrite] = &[
    ("numbered headings", numbered),
    ("emoji headings", emoji),
    ("CRLF line endings", crlf),
    ("a BOM", bom),
    ("H1 sections", h1_sections),
    ("YAML front matter", yaml_front_matter),
    ("& for and", ampersand),
    ("all at once, emoji first", |t| {
        bom(&crlf(&ampersand(&h1_sections(&numbered(&emoji(t))))))
    }),
    ("all at once, numbers first", |t| {
        bom(&crlf(&ampersand(&h1_sections(&emoji(&numbered(t))))))
    }),
];

const TOML_REWRITES: &[Rewrite] = &[
    ("CRLF line endings", crlf),
    ("a BOM", bom),
    ("CRLF and a BOM", |t| bom(&crlf(t))),
];

/// Every file ending with `suffix` under `examples/` and `tests/fixtures/`, but for the
/// wild corpus: it is there to be misread (tests/wild.rs measures how badly), and a
/// rewrite can turn a misreading into a reading.
fn charters(suffix: &str) -> Vec<PathBuf> {
    let wild = root().join("tests/fixtures/wild");
    let mut out = files_ending(&root().join("examples"), suffix);
    out.extend(files_ending(&root().join("tests/fixtures"), suffix));
    out.retain(|p| !p.starts_with(&wild));
    out
}

/// Lint each file and each rewrite of it; the findings must not change. With
/// `lines`, a rewrite keeps every line where it was, and lines are compared too.
fn same_findings_after(rewrites: &[Rewrite], suffix: &str, lines: bool) {
    let files = charters(suffix);
    assert!(files.len() > 10, "only {} {suffix} files", files.len());
    let mut failures = Vec::new();
    let mut changed = vec![0; rewrites.len()];
    for path in &files {
        let text = read(path);
        let name = path.to_string_lossy();
        let original = lint_text(&name, &text);
        // A front matter that does not parse is not the same error in another syntax.
        let broken = original.iter().any(|f| f.rule == "parse-error");
        let comparable = |found: Vec<Found>| -> Vec<Found> {
            let mut found: Vec<Found> = found
                .into_iter()
                .map(|f| Found {
                    line: if lines { f.line } else { 0 },
                    ..f
                })
                .collect();
            found.sort();
            found
        };
        let original = comparable(original);
        for (i, (what, rewrite)) in rewrites.iter().enumerate() {
            let variant = rewrite(&text);
            if variant == text || (broken && *what == "YAML front matter") {
                continue;
            }
            changed[i] += 1;
            if lines {
                assert_eq!(
                    variant.replace("\r\n", "\n").lines().count(),
                    text.lines().count(),
                    "{what} changed the line count of {name}"
                );
            }
            let found = comparable(lint_text(&name, &variant));
            if found != original {
                failures.push(format!(
                    "{name} with {what}:\n{}\ninstead of:\n{}",
                    show(&found),
                    show(&original),
                ));
            }
        }
    }
    // Each rewrite really rewrote something (a no-op would pass vacuously).
    for ((what, _), n) in rewrites.iter().zip(&changed) {
        assert!(*n > 0, "{what} changed no {suffix} file");
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

#[test]
fn markdown_rewrites_give_the_same_findings() {
    same_findings_after(MARKDOWN_REWRITES, ".charter.md", true);
}

#[test]
fn labels_as_sub_headings_or_tables_give_the_same_findings() {
    same_findings_after(MARKDOWN_RELAYOUTS, ".charter.md", false);
}

#[test]
fn toml_line_endings_and_bom_give_the_same_findings() {
    same_findings_after(TOML_REWRITES, ".charter.toml", true);
}

#[test]
fn the_rewrites_do_what_they_say() {
    let text = "+++\ntier = 2\n+++\n<!--\n## not a heading\n-->\n# Title\n\n## Goals and success\n\n### For us\n\n```\n## code\n```\n\n## Value & exchange\n";
    assert_eq!(
        numbered(text),
        text.replace("## Goals", "## 1. Goals")
            .replace("### For us", "### 1.1 For us")
            .replace("## Value", "## 2. Value")
    );
    assert_eq!(
        emoji(text),
        text.replace("## Goals", "## 💰 Goals")
            .replace("### For us", "### 🗓️ For us")
            .replace("## Value", "## 📈 Value")
    );
    assert_eq!(
        h1_sections(text),
        text.replace("## Goals", "# Goals")
            .replace("### For us", "## For us")
            .replace("## Value", "# Value")
    );
    assert_eq!(
        ampersand(text),
        text.replace("Goals and", "Goals &")
            .replace("Value & exchange", "Value and exchange")
    );
    let labels =
        "## Value exchange\n\n- **We give:** two engineers\n- **Partner gives:** 10%\n\nText.\n";
    assert_eq!(
        labels_as_subheadings(labels),
        "## Value exchange\n\n### We give\n\ntwo engineers\n\n### Partner gives\n\n10%\n\n\nText.\n"
    );
    assert_eq!(
        labels_as_table(labels),
        "## Value exchange\n\n\n| Item | Detail |\n|------|--------|\n| We give | two engineers |\n| Partner gives | 10% |\n\n\nText.\n"
    );
    assert_eq!(
        yaml_front_matter("+++\ntier = 2\nleverage = [\"economic\"]\n+++\n# T\n"),
        "---\ntier: 2\nleverage: [\"economic\"]\n---\n# T\n"
    );
    assert_eq!(crlf("a\nb\r\n"), "a\r\nb\r\n");
    assert!(bom("x").starts_with('\u{feff}'));
}

// ---------------------------------------------------------------- styles

fn style(name: &str) -> PathBuf {
    root().join("tests/fixtures/styles").join(name)
}

const YAML_SUBHEADINGS: &str = "yaml-subheadings.charter.md";
const EMOJI_TABLES: &str = "emoji-tables.charter.md";

#[test]
fn the_style_charters_are_complete() {
    let files = files_ending(&root().join("tests/fixtures/styles"), ".charter.md");
    assert!(files.len() >= 2, "{files:?}");
    let mut failures = Vec::new();
    for path in files {
        let found = lint_file(&path);
        if !found.is_empty() {
            failures.push(format!("{}:\n{}", path.display(), show(&found)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each break: the style charter, the text replaced and its replacement, and the one
/// finding (rule, message) that must then be reported.
const BREAKS: &[(&str, &str, &str, &str, &str)] = &[
    (
        YAML_SUBHEADINGS,
        "### Harbor executive sponsor\n\nPriya Nair, CPO\n\n",
        "",
        "tier-obligations",
        "a tier 3 charter needs an executive sponsor for Harbor Freight Analytics",
    ),
    (
        YAML_SUBHEADINGS,
        "- Go/No-Go: 75% of invited customers adopt.",
        "- Go/No-Go: most invited customers adopt.",
        "weak-go-no-go",
        "the walk bar states no percentage to measure against",
    ),
    (
        YAML_SUBHEADINGS,
        "| Invoice match time | under 1 day    |",
        "| Invoice match time | fast           |",
        "metric-not-measurable",
        "metric `Invoice match time` has no number or target",
    ),
    (
        YAML_SUBHEADINGS,
        "### For shared customers\n\nOne reconciliation workflow instead of two, and invoices matched within a day.\n\n",
        "",
        "goals-three-sided",
        "the goals do not say what success looks like for shared customers",
    ),
    (
        YAML_SUBHEADINGS,
        "- Dates: 2026-11-30 to 2027-02-19",
        "- Dates: 2026-11-20 to 2027-02-05",
        "phase-overlap",
        "walk starts on 2026-11-20, before crawl ends on 2026-11-27",
    ),
    (
        YAML_SUBHEADINGS,
        "A 12% referral fee on certified accounts and two solutions engineers for the pilot.",
        "Introductions to its fleet customers and access to its sandbox.",
        "no-economic-commitment",
        "Harbor gives names no economic commitment",
    ),
    (
        YAML_SUBHEADINGS,
        "Its certification slot for the year and the pilot engineers' time.",
        "Nothing.",
        "nothing-at-stake",
        "Harbor loses says nothing is lost: `Nothing.`",
    ),
    (
        EMOJI_TABLES,
        "| Lumen loses | Its directory slot and the support hours spent on the beta.           |",
        "| Lumen loses | *nothing*                                                             |",
        "nothing-at-stake",
        "Lumen loses says nothing is lost: `nothing`",
    ),
    (
        EMOJI_TABLES,
        "| Tom Berg  | Lumen Payroll | 2026-03-05 | ✅     |",
        "| Tom Berg  | Lumen Payroll | 2026-03-05 |        |",
        "missing-signature",
        "Lumen Payroll has not signed",
    ),
    (
        EMOJI_TABLES,
        "| Lumen gives | A directory listing and a 10% referral fee on connected accounts.     |\n",
        "",
        "one-sided-commitment",
        "the value exchange does not say what Lumen Payroll gives",
    ),
    (
        EMOJI_TABLES,
        "| Escalation  | Owners within 5 business days, then the two CTOs. |\n",
        "",
        "missing-escalation",
        "governance has no escalation path",
    ),
    (
        EMOJI_TABLES,
        "  - Result: passed, 78% still connected.",
        "  - Result: 52% still connected.",
        "advanced-without-gate",
        "status is run but the walk result `52% still connected.` misses its bar",
    ),
    (
        EMOJI_TABLES,
        "- Export tickets: down 20% year on year",
        "- Export tickets: down year on year",
        "metric-not-measurable",
        "metric `Export tickets: down year on year` has no number or target",
    ),
];

/// Broken, and then rewritten as the messy-Markdown test does, each style charter
/// reports the one expected finding: messages do not depend on heading decoration.
#[test]
fn the_style_charters_report_what_breaks_them() {
    let mut failures = Vec::new();
    for &(file, from, to, rule, message) in BREAKS {
        let path = style(file);
        let text = read(&path);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{file}: `{from}` should occur once"
        );
        let broken = text.replacen(from, to, 1);
        let rewrites = [(
            "no rewrite",
            (|t: &str| t.to_string()) as fn(&str) -> String,
        )];
        for (what, rewrite) in rewrites.iter().chain(MARKDOWN_REWRITES) {
            let found = lint_text(&path.to_string_lossy(), &rewrite(&broken));
            let got: Vec<(&str, &str)> = found
                .iter()
                .map(|f| (f.rule.as_str(), f.message.as_str()))
                .collect();
            if got != [(rule, message)] {
                failures.push(format!(
                    "{file} with `{}` replaced, {what}: expected only {rule}: {message}, got:\n{}",
                    from.trim(),
                    show(&found)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}
