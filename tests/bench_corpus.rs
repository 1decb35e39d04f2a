//! The benchmark's corpus generator: seeded and deterministic, charters of 3–6 KB,
//! about a third with defects, and every file readable by the parsers charter uses.
//! (Speed itself is measured by `cargo run --release --example bench`, never here.)

#[allow(dead_code)] // the bench runner uses the parts this test does not
#[path = "../bench/corpus.rs"]
mod corpus;

use corpus::Format;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir`, by relative path.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .display()
                .to_string();
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    corpus::generate(&a, 250, 7, Format::Both).unwrap();
    corpus::generate(&b, 250, 7, Format::Both).unwrap();
    corpus::generate(&c, 250, 8, Format::Both).unwrap();
    let (ta, tb, tc) = (read_tree(&a), read_tree(&b), read_tree(&c));
    // 250 charters, a README.md per group of 1,000, the stamp.
    assert_eq!(ta.keys().filter(|k| k.contains(".charter.")).count(), 250);
    assert!(ta.contains_key("b000/README.md") && ta.contains_key(corpus::STAMP));
    // The manifest lists every charter with its planted defects, about a third.
    let manifest = String::from_utf8(ta[corpus::MANIFEST].clone()).unwrap();
    let rows: Vec<&str> = manifest.lines().skip(1).collect();
    assert_eq!(rows.len(), 250);
    let defective = rows.iter().filter(|r| !r.ends_with('\t')).count();
    assert!((50..=120).contains(&defective), "{defective} of 250");
    assert!(ta == tb, "same seed, different corpus");
    assert!(ta != tc, "the seed changes nothing");
    // Nested folders of 100: b000/f0000, b000/f0001, b000/f0002 (the last 50).
    let in_folder = |f: &str| ta.keys().filter(|k| k.starts_with(f)).count();
    assert_eq!(in_folder("b000/f0000/"), corpus::PER_FOLDER);
    assert_eq!(in_folder("b000/f0001/"), corpus::PER_FOLDER);
    assert_eq!(in_folder("b000/f0002/"), 50);
}

#[test]
fn charters_are_3_to_6_kb_with_a_third_defective() {
    for format in [Format::Md, Format::Toml] {
        let mut defective = 0;
        for i in 0..600 {
            let c = corpus::charter(42, i, format);
            let len = c.text.len();
            assert!(
                (3 * 1024..=6 * 1024).contains(&len),
                "{} is {len} bytes:\n{}",
                c.path.display(),
                c.text
            );
            defective += usize::from(!c.defects.is_empty());
        }
        assert!(
            (150..=250).contains(&defective),
            "{format:?}: {defective} of 600 defective"
        );
    }
}

#[test]
fn charters_parse_as_toml_and_follow_the_format() {
    for i in 0..300 {
        let md = corpus::charter(3, i, Format::Md);
        let text = &md.text;
        assert!(text.starts_with("+++\npartner = \""), "{text}");
        let end = text[4..].find("\n+++\n").expect("front matter closed") + 4;
        toml::de::DeTable::parse(&text[4..end + 1])
            .unwrap_or_else(|e| panic!("front matter of {}: {e}\n{text}", md.path.display()));
        assert!(text.contains("\n## "), "{text}");
        assert!(md.path.to_string_lossy().ends_with(".charter.md"));

        let t = corpus::charter(3, i, Format::Toml);
        toml::de::DeTable::parse(&t.text)
            .unwrap_or_else(|e| panic!("{}: {e}\n{}", t.path.display(), t.text));
        assert!(t.path.to_string_lossy().ends_with(".charter.toml"));
    }
}

#[test]
fn big_charters_reach_their_size() {
    let text = corpus::big_markdown(42, 200_000);
    assert!((200_000..230_000).contains(&text.len()), "{}", text.len());
    assert_eq!(text, corpus::big_markdown(42, 200_000));
}

#[test]
fn pathological_timelines_reach_their_size_with_phases_out_of_order() {
    let text = corpus::timeline_markdown(42, 200_000);
    assert!((200_000..200_200).contains(&text.len()), "{}", text.len());
    assert_eq!(text, corpus::timeline_markdown(42, 200_000));
    let rows = text.lines().filter(|l| l.starts_with("| Walk |")).count();
    assert!(rows > 500, "{rows} walk rows");
    let source = charter::source::Source::new("t.charter.md", text);
    let rules = charter::rules::RuleSet::default_rules().unwrap();
    let today = jiff::civil::date(2026, 11, 21);
    let findings = charter::lint::lint_source(
        &source,
        charter::parse::format_for(&source.name),
        &rules,
        today,
    );
    let order = findings.iter().filter(|f| f.rule == "phase-order").count();
    assert!(order > 500, "{order} phase-order findings");
}

#[test]
fn a_folder_that_is_not_a_corpus_is_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("keep.txt"), "mine").unwrap();
    assert!(corpus::generate(tmp.path(), 3, 1, Format::Md).is_err());
    assert!(tmp.path().join("keep.txt").exists());
    // A corpus is replaced, not added to.
    let dir = tmp.path().join("corpus");
    corpus::generate(&dir, 150, 1, Format::Md).unwrap();
    corpus::generate(&dir, 20, 1, Format::Md).unwrap();
    let n = read_tree(&dir)
        .keys()
        .filter(|k| k.contains(".charter."))
        .count();
    assert_eq!(n, 20);
}
