use super::*;
use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures};

/// The pack's own regexes (`must-match`, `must-not-match`), from the TOML.
fn pack_patterns() -> Vec<String> {
    let pack: toml::Table = toml::from_str(crate::rules::pack::DEFAULT_PACK).expect("pack");
    let rules = pack.get("rule").and_then(|r| r.as_array()).expect("rules");
    rules
        .iter()
        .filter_map(|r| r.get("params")?.as_table())
        .flat_map(|p| ["must-match", "must-not-match"].map(|k| p.get(k)?.as_str()))
        .flatten()
        .map(str::to_string)
        .collect()
}

fn stress_patterns() -> Vec<String> {
    [
        "",
        "a",
        "(?i)straße|ǅ",
        r"\w+",
        r"\w{50}",
        r"(?:\w\s){3,20}",
        r"[^a]{0,30}",
        r"(?-u:[\x00-\x7F]){40}",
        r"(?s).{10,}",
        r"\b\p{L}+\b",
        r"(a|b|c|(?:de)*|)+?x{2,}",
        r"(?i)\p{Greek}{1,5}[0-9]*$",
        r"^(?m)(?:[[:alpha:]]+|\d{4}-\d{2})\z",
        r"(?:(?:x?){5}){5}",
        r"[\p{Han}\p{Hiragana}]{3}|\W{8}",
    ]
    .into_iter()
    .map(str::to_string)
    .collect()
}

#[test]
fn the_bound_holds_for_both_nfas() {
    for pattern in pack_patterns().into_iter().chain(stress_patterns()) {
        let hir = regex_automata::util::syntax::parse(&pattern).expect("parses");
        let limit = usize::try_from(nfa_bound(&hir)).expect("fits");
        let forward = Config::new().nfa_size_limit(Some(limit));
        let reverse = forward
            .clone()
            .which_captures(WhichCaptures::None)
            .reverse(true);
        for config in [forward, reverse] {
            let built = Compiler::new().configure(config).build_from_hir(&hir);
            assert!(built.is_ok(), "{pattern}: {:?}", built.err());
        }
    }
}

#[test]
fn the_packs_regexes_wait_for_their_first_use() {
    for pattern in pack_patterns() {
        let re = PackRegex::parse(&pattern).expect("parses");
        assert!(re.cell.get().is_none(), "built at load: {pattern}");
        re.get();
    }
}

#[test]
fn a_regex_too_big_to_build_is_an_error_at_load() {
    let pattern = r"(?:\w{100}){100}";
    let at_load = PackRegex::parse(pattern).map(|_| ());
    let building = build(pattern).map(|_| ());
    assert!(at_load.is_err());
    assert_eq!(at_load, building);
}

#[test]
fn syntax_errors_are_the_parsers() {
    let e = PackRegex::parse("a(").expect_err("invalid");
    assert!(e.contains("unclosed group"), "{e}");
}

#[test]
fn no_range_costs_more_than_the_allowance() {
    // Every range between two of these points: the length boundaries, the surrogates,
    // the alignment edges of each byte and their neighbours.
    let mut points: Vec<u32> = vec![0, 0x10_FFFF];
    for edge in [
        0x7F, 0x7FF, 0xFFFF, 0xD7FF, 0xE000, 0x3F, 0xFFF, 0x3FFFF, 0x83F, 0x1_0FFF, 0x4_0000,
    ] {
        points.extend([edge - 1, edge, edge + 1]);
    }
    for step in [0x40u32, 0x1000, 0x4_0000] {
        points.extend((1..8).map(|k| k * step + 0x5A));
    }
    let chars: Vec<char> = points.into_iter().filter_map(char::from_u32).collect();
    let mut worst = 0;
    for &a in &chars {
        for &b in chars.iter().filter(|&&b| b >= a) {
            worst = worst.max(utf8_cost(a, b));
        }
    }
    assert!(worst <= RANGE_ALLOWANCE, "{worst} > {RANGE_ALLOWANCE}");
}
