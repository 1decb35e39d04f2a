//! The default rule pack, `rules/default.toml`, is compiled in. This turns it into JSON
//! at build time: serde_json reads it several times faster than the TOML parser, and
//! reading the pack is a good part of start-up when one charter is linted (pre-commit).
//! The TOML stays the source and is compiled in too, for messages that quote it.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=rules/default.toml");
    let text = match std::fs::read_to_string("rules/default.toml") {
        Ok(t) => t,
        Err(e) => fail(&format!("cannot read rules/default.toml: {e}")),
    };
    let pack: toml::Value = match toml::from_str(&text) {
        Ok(v) => v,
        Err(e) => fail(&format!("rules/default.toml is not valid TOML: {e}")),
    };
    let json = match serde_json::to_string(&pack) {
        Ok(j) => j,
        Err(e) => fail(&format!(
            "rules/default.toml cannot be written as JSON: {e}"
        )),
    };
    let Some(out) = std::env::var_os("OUT_DIR") else {
        fail("OUT_DIR is not set");
    };
    let out = PathBuf::from(out).join("default-pack.json");
    if let Err(e) = std::fs::write(&out, json) {
        fail(&format!("cannot write {}: {e}", out.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1);
}
