//! `charter`: lint and generate partnership charters.
//!
//! Data flows one way: files → [`source::Source`] → [`model::Charter`] (via [`parse`])
//! → [`rules::Finding`]s (via [`rules::RuleSet`]) → output. This library makes
//! findings; only the binary's `output` decides how they are printed.

pub mod alloc;
pub mod changed;
pub mod cli;
pub mod config;
pub mod date;
pub mod fix;
pub mod input;
pub mod lint;
pub mod model;
pub mod output;
pub mod parse;
pub mod render;
pub mod rules;
pub mod severity;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod trim;
pub mod value;
pub mod vocab;
pub mod walk;
pub mod write;
