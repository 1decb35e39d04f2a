//! Messages from templates: `{name}` is replaced by the hit's value of that name, and
//! the parties of the partnership are named as English names them.
//!
//! A hit's own values come first (`{found}`, `{phase}`, and `{side}` where a check
//! gives it as text). Then the parties, by the charter's names from its metadata:
//!
//! - `{company}`, `{partner}`: the side's name as a subject (`Keel`), or `we` / `the
//!   partner` when the metadata names none;
//! - `{company:us}`, `{partner:us}`: as an object (`for Keel`, `for us`);
//! - `{company's}`, `{partner's}`: possessive (`Keel's`, `our`, `the partner's`);
//! - `{company gives}`, `{partner has}`: the subject and a verb that agrees with it
//!   (`Keel gives`, `we give`, `we have`).
//!
//! `{side}` in the same forms names the party the hit is about ([`Who`]): one side of
//! the partnership, or another party named as text (`shared customers`, or a `pattern`
//! hit's `target_side`).

use super::{Hit, Who};
use crate::model::{Charter, Side};

/// The sides' names from a charter's metadata, read once per charter.
#[derive(Debug, Default)]
pub struct Names {
    company: Option<String>,
    partner: Option<String>,
}

impl Names {
    pub fn of(charter: &Charter) -> Names {
        Names {
            company: super::support::places::named(charter, Side::Company),
            partner: super::support::places::named(charter, Side::Partner),
        }
    }

    fn name(&self, side: Side) -> Option<&str> {
        match side {
            Side::Company => self.company.as_deref(),
            Side::Partner => self.partner.as_deref(),
        }
    }
}

/// How a party is said: which grammatical form a placeholder asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form<'t> {
    Subject,
    Object,
    Possessive,
    /// The subject followed by this verb, made to agree with it.
    With(&'t str),
}

/// Replace `{name}` in a template by the hit's values and the parties' names; unknown
/// names stay as written.
pub fn fill(template: &str, hit: &Hit, names: &Names) -> String {
    // Braces by byte (memchr), not by `str::find`'s character search: a template is
    // filled twice for every finding.
    let brace = |s: &str, b: u8| memchr::memchr(b, s.as_bytes());
    let Some(first) = brace(template, b'{') else {
        return template.to_string();
    };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let mut next = Some(first);
    while let Some(open) = next {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match brace(after, b'}') {
            Some(close) => {
                let name = &after[..close];
                if let Some((_, value)) = hit.args.iter().find(|(n, _)| *n == name) {
                    push_one_line(&mut out, value);
                } else if !party(&mut out, name, hit, names) {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
        next = brace(rest, b'{');
    }
    out.push_str(rest);
    out
}

/// A placeholder that names a party, in the form it asks for, onto `out`; false when
/// `name` names none (no such party, or `{side}` on a hit about no party).
fn party(out: &mut String, name: &str, hit: &Hit, names: &Names) -> bool {
    let (base, form) = if let Some(base) = name.strip_suffix("'s") {
        (base, Form::Possessive)
    } else if let Some(base) = name.strip_suffix(":us") {
        (base, Form::Object)
    } else if let Some((base, verb)) = name.split_once(' ') {
        (base, Form::With(verb.trim()))
    } else {
        (name, Form::Subject)
    };
    let who = match base {
        "company" => Who::Side(Side::Company),
        "partner" => Who::Side(Side::Partner),
        "side" => match (&hit.who, text_side(hit)) {
            (Some(who), _) => who.clone(),
            // A check that names its party as text only.
            (None, Some(text)) => Who::Named(text.to_string()),
            (None, None) => return false,
        },
        _ => return false,
    };
    if matches!(form, Form::With(v) if v.is_empty() || v.contains(char::is_whitespace)) {
        return false;
    }
    let said = match &who {
        Who::Side(side) => match (names.name(*side), side) {
            (Some(n), _) => Said::Name(n),
            (None, Side::Company) => Said::We,
            (None, Side::Partner) => Said::Name("the partner"),
        },
        Who::Named(text) => Said::Name(text),
    };
    match (said, form) {
        (Said::We, Form::Subject) => out.push_str("we"),
        (Said::We, Form::Object) => out.push_str("us"),
        (Said::We, Form::Possessive) => out.push_str("our"),
        (Said::We, Form::With(verb)) => {
            out.push_str("we ");
            out.push_str(&plural(verb));
        }
        (Said::Name(n), Form::Subject | Form::Object) => push_one_line(out, n),
        (Said::Name(n), Form::Possessive) => {
            push_one_line(out, n);
            // `Acme Systems'`, `Keel's`.
            out.push_str(if n.ends_with('s') { "'" } else { "'s" });
        }
        (Said::Name(n), Form::With(verb)) => {
            push_one_line(out, n);
            out.push(' ');
            out.push_str(verb);
        }
    }
    true
}

/// The party a hit names as text: its `side`, else the `pattern` check's `target_side`
/// (`Northwind Ledger`, or `our side` when the metadata names no company).
fn text_side(hit: &Hit) -> Option<&str> {
    ["side", "target_side"]
        .iter()
        .find_map(|k| hit.args.iter().find(|(n, _)| n == k))
        .map(|(_, v)| v.as_str())
}

/// A party as it is said: by a name (third person) or as `we`.
#[derive(Clone, Copy)]
enum Said<'a> {
    Name(&'a str),
    We,
}

/// The form of a verb written for a named party (`gives`, `has`, `hasn't`) that agrees
/// with `we` (`give`, `have`, `haven't`).
fn plural(verb: &str) -> String {
    const IRREGULAR: [(&str, &str); 8] = [
        ("has", "have"),
        ("is", "are"),
        ("was", "were"),
        ("does", "do"),
        ("hasn't", "haven't"),
        ("isn't", "aren't"),
        ("wasn't", "weren't"),
        ("doesn't", "don't"),
    ];
    if let Some((_, p)) = IRREGULAR.iter().find(|(s, _)| *s == verb) {
        return (*p).to_string();
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if verb.ends_with(ending) {
            return verb[..verb.len() - 2].to_string();
        }
    }
    if let Some(stem) = verb.strip_suffix("ies") {
        return format!("{stem}y");
    }
    match verb.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') => stem.to_string(),
        _ => verb.to_string(),
    }
}

/// A value quoted from the file (a key, a value, a parser's message) as it goes into a
/// one-line message: line breaks of any kind become `\n` and control characters other
/// than tab are escaped, so no value can break a line-based format (concise, github)
/// or send escape codes to a terminal, and CRLF and LF files read the same. A final
/// line break is left out: it says nothing, and `toml` keeps the `\r` of a CRLF in the
/// text of an unterminated string (where an LF file's text ends before the `\n`).
fn push_one_line(out: &mut String, value: &str) {
    let value = value.trim_end_matches(['\r', '\n']);
    // A control character is an ASCII one or U+0080..=U+009F, which UTF-8 writes with a
    // lead byte 0xC2: without any such byte, no character needs decoding.
    let maybe_control = |b: u8| b < 0x20 || b == 0x7F || b == 0xC2;
    if !value.bytes().any(maybe_control) || !value.chars().any(char::is_control) {
        out.push_str(value);
        return;
    }
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests;
