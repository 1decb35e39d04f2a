//! The JSON Schema of TOML charters (`charter schema`, schema/charter.schema.json):
//! a valid draft-07 schema that accepts the example charter and rejects what
//! `charter lint` would report as an unknown key or a bad value.

use assert_cmd::Command;
use serde_json::Value;

const EXAMPLE: &str = "examples/northwind-ledger.charter.toml";

fn schema() -> Value {
    serde_json::from_str(charter::cli::schema::JSON).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::options()
        // Formats are annotations unless asked for; editors do check `date`.
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles")
}

/// A TOML charter as the JSON an editor validates. TOML dates come out of serde as
/// `{"$__toml_private_datetime": "2026-08-24"}`; editors present them as strings.
fn to_json(toml_text: &str) -> Value {
    fn dates_to_strings(v: Value) -> Value {
        match v {
            Value::Object(map) => {
                if let (1, Some(Value::String(s))) =
                    (map.len(), map.get("$__toml_private_datetime"))
                {
                    return Value::String(s.clone());
                }
                map.into_iter()
                    .map(|(k, v)| (k, dates_to_strings(v)))
                    .collect()
            }
            Value::Array(items) => items.into_iter().map(dates_to_strings).collect(),
            other => other,
        }
    }
    dates_to_strings(toml::from_str::<Value>(toml_text).expect("TOML parses"))
}

fn errors(toml_text: &str) -> Vec<String> {
    validator()
        .iter_errors(&to_json(toml_text))
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

fn example() -> String {
    std::fs::read_to_string(EXAMPLE).expect("example exists")
}

#[test]
fn is_a_valid_draft_07_schema() {
    let s = schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::meta::validate(&s).expect("valid against the draft-07 meta-schema");
    validator();
}

#[test]
fn the_command_prints_the_committed_file() {
    let out = Command::cargo_bin("charter")
        .expect("binary builds")
        .arg("schema")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let file = std::fs::read_to_string("schema/charter.schema.json").expect("file exists");
    assert_eq!(String::from_utf8_lossy(&out.stdout), file);
}

#[test]
fn the_example_charter_validates() {
    let json = to_json(&example());
    assert!(json["created"].is_string(), "dates became strings: {json}");
    assert_eq!(errors(&example()), Vec::<String>::new());
}

#[test]
fn the_schema_directive_line_changes_nothing() {
    let text = format!("#:schema ./charter.schema.json\n{}", example());
    assert_eq!(errors(&text), Vec::<String>::new());
}

#[test]
fn misspelt_keys_are_rejected_at_every_level() {
    for (from, to) in [
        ("partner = ", "parnter = "),
        ("we-give = ", "we-gives = "),
        ("go-no-go = ", "gonogo = "),
        ("side = \"partner\"", "sid = \"partner\""),
        ("[exit]", "[exits]"),
    ] {
        let text = example().replacen(from, to, 1);
        assert_ne!(text, example(), "{from} is in the example");
        assert!(!errors(&text).is_empty(), "{to} was accepted");
    }
}

#[test]
fn bad_values_are_rejected() {
    for (from, to) in [
        ("tier = 2", "tier = 7"),
        ("tier = 2", "tier = \"gold\""),
        ("status = \"walk\"", "status = \"paused\""),
        (
            "leverage = [\"economic\", \"customer\"]",
            "leverage = [\"vibes\"]",
        ),
        ("name = \"crawl\"", "name = \"sprint\""),
        ("side = \"company\"", "side = \"us\""),
        ("signed = true", "signed = \"yes\""),
        ("created = 2026-08-24", "created = \"24/08/2026\""),
        ("created = 2026-08-24", "created = \"2026-13-45\""),
    ] {
        let text = example().replacen(from, to, 1);
        assert_ne!(text, example(), "{from} is in the example");
        assert!(!errors(&text).is_empty(), "{to} was accepted");
    }
}

#[test]
fn accepts_what_charter_reads_the_same() {
    for (from, to) in [
        ("tier = 2", "tier = \"partnership\""),
        ("tier = 2", "tier = \"Tier 2\""),
        (
            "leverage = [\"economic\", \"customer\"]",
            "leverage = \"economic\"",
        ),
        ("created = 2026-08-24", "created = \"2026-08-24\""),
        ("next-review = ", "next_review = "),
        ("[value-exchange]", "[value_exchange]"),
        ("go-no-go = ", "go_no_go = "),
    ] {
        let text = example().replacen(from, to, 1);
        assert_ne!(text, example(), "{from} is in the example");
        assert_eq!(errors(&text), Vec::<String>::new(), "{to}");
    }
}

/// Every key an editor offers has a description to show, and every table closes
/// itself to unknown keys, as `charter lint` does.
#[test]
fn every_key_is_described_and_every_table_is_closed() {
    let s = schema();
    let resolve = |v: &Value| -> Value {
        match v["$ref"].as_str() {
            Some(r) => s
                .pointer(r.trim_start_matches('#'))
                .cloned()
                .unwrap_or_else(|| panic!("dangling {r}")),
            None => v.clone(),
        }
    };
    let mut tables = vec![("(root)".to_string(), s.clone())];
    while let Some((path, table)) = tables.pop() {
        assert_eq!(table["additionalProperties"], false, "{path} is open");
        let props = table["properties"].as_object().expect("properties");
        for (key, prop) in props {
            let prop = resolve(prop);
            let here = format!("{path}.{key}");
            assert!(prop["description"].is_string(), "{here} has no description");
            if key.contains('-') {
                let alt = format!("^{}$", key.replace('-', "_"));
                assert!(
                    table["patternProperties"][&alt].is_object(),
                    "{here}: no {alt}"
                );
            }
            let items = resolve(&prop["items"]);
            for t in [&prop, &items] {
                if t["properties"].is_object() {
                    tables.push((here.clone(), t.clone()));
                }
            }
        }
    }
}
