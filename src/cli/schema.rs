//! `charter schema`: the JSON Schema of TOML charters, for editors whose TOML language
//! server (taplo, Even Better TOML) completes and validates keys from a schema.
//!
//! The schema is the committed file `schema/charter.schema.json`, compiled in, so the
//! file in the repository and the command's output cannot differ.

/// The schema text (JSON Schema draft-07; taplo's best-supported draft).
pub const JSON: &str = include_str!("../../schema/charter.schema.json");

pub fn run() -> u8 {
    super::write_stdout(JSON.as_bytes())
}
