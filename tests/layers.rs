//! The module graph keeps its shape (issue #15): data flows one way, so no top-level
//! module of `src/` reaches back to one above it, and the lower layers (model, values,
//! vocabulary, config) import no parser or rule. Read from the source text: every
//! `crate::<module>` path in a module's files is an arrow from it to that module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("walk src");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).expect("under src");
        let first = rel.iter().next().expect("a component").to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let text = std::fs::read_to_string(path).expect("read source");
        let arrows = graph.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let to: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !to.is_empty() && to != module {
                arrows.insert(to);
            }
        }
    }
    graph
}

#[test]
fn no_circle_between_top_level_modules() {
    let graph = graph();
    // Depth-first search for a path back to the start.
    fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(n) = stack.pop() {
            for m in graph.get(&n).into_iter().flatten() {
                if m == to {
                    return true;
                }
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        false
    }
    let circles: Vec<&String> = graph.keys().filter(|m| reaches(&graph, m, m)).collect();
    assert!(
        circles.is_empty(),
        "modules on a circle: {circles:?}\n{graph:#?}"
    );
}

#[test]
fn lower_layers_import_no_parser_or_rule() {
    let graph = graph();
    let higher = ["parse", "rules", "lint", "cli", "output", "render", "fix"];
    for lower in [
        "model", "value", "vocab", "config", "severity", "suggest", "source",
    ] {
        let arrows = graph.get(lower).cloned().unwrap_or_default();
        let up: Vec<&&str> = higher.iter().filter(|h| arrows.contains(**h)).collect();
        assert!(up.is_empty(), "{lower} imports {up:?}");
    }
}
