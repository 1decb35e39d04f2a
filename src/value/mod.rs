//! Dates and numbers as people write them in charters, read out of free text.
//!
//! One reader for each, shared by every parser and rule (issue #16), so that
//! `1 March 2027`, `Q3 2027`, `£1.2m` and `seventy per cent` mean the same thing
//! wherever they are written. Both readers return byte ranges relative to the text
//! they were given; the caller maps them to source spans.
//!
//! Both scan a token at a time with bounded look-ahead (linear in the text), and
//! allocate nothing while no candidate is found.

pub mod date;
mod lex;
pub mod number;
mod start;
mod words;

#[cfg(test)]
mod tests;
