//! The filters templates use to place values: `toml` and `toml_date` serialize with
//! the TOML serializer; `md` and `cell` keep a value inside its Markdown line or
//! table cell. Values are only ever filtered data, never parsed as templates.

use std::collections::HashMap;
use tera::{Result, Value};

pub fn register(tera: &mut tera::Tera) {
    tera.register_filter("toml", toml_filter);
    tera.register_filter("toml_date", toml_date);
    tera.register_filter("md", md_filter);
    tera.register_filter("cell", cell_filter);
}

/// A value as a TOML value: strings as one-line basic strings, lists as inline arrays.
fn toml_filter(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(Value::String(toml_text(&toml_value(value)?)))
}

/// Like `toml::Value`'s own display, except that a string is always a one-line
/// basic string: a multi-line string would put its lines (say a `+++`, or a
/// `# charter-disable`) at the start of a line of the file.
fn toml_text(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => toml_string(s),
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(toml_text).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// A string as a TOML basic string (`"…"`, escapes for quotes and control characters).
pub fn toml_string(s: &str) -> String {
    use toml_writer::TomlWrite as _;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = out.value(toml_writer::TomlStringBuilder::new(s).as_basic());
    out
}

fn toml_value(value: &Value) -> Result<toml::Value> {
    Ok(match value {
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap_or_default()),
        },
        Value::Array(items) => {
            toml::Value::Array(items.iter().map(toml_value).collect::<Result<_>>()?)
        }
        other => {
            return Err(tera::Error::msg(format!(
                "the `toml` filter takes text, numbers, booleans or lists, not {other}"
            )))
        }
    })
}

/// A `YYYY-MM-DD` text as a bare TOML date; anything else is an error.
fn toml_date(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg("the `toml_date` filter takes a date as text"))?;
    crate::date::parse(text).map_err(|e| tera::Error::msg(format!("`{text}` is {e}")))?;
    let date: toml::value::Datetime = text
        .trim()
        .parse()
        .map_err(|e| tera::Error::msg(format!("`{text}` is not a TOML date: {e}")))?;
    Ok(Value::String(toml::Value::Datetime(date).to_string()))
}

fn md_filter(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(Value::String(md(&text_of(value)?)))
}

fn cell_filter(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(Value::String(cell(&text_of(value)?)))
}

fn text_of(value: &Value) -> Result<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(tera::Error::msg(format!(
            "the Markdown filters take text, not {other}"
        ))),
    }
}

/// Escape what would turn one line of text into a different block when it starts a
/// list item: a heading `#`, a quote `>`, a list or rule marker, a fence, an HTML
/// block, a numbered item `1.`. Line breaks never get here (values are checked for
/// them first), so the value stays on its line.
pub fn md(s: &str) -> String {
    // Prompts start with `<fill in:`; they are ours and stay as they are.
    if s.starts_with("<fill in:") {
        return s.to_string();
    }
    // Inline markup anywhere in the value would change the text read back (`a\\#`
    // reads as `a#`, `*x*` as `x`, `&amp;` as `&`): escape it. A backslash before
    // ASCII punctuation always reads back as the character itself.
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // What makes a different block only at the start of the item.
    if matches!(out.chars().next(), Some('#' | '+' | '-' | '=' | '|')) {
        out.insert(0, '\\');
        return out;
    }
    // `1.` or `1)` at the start reads as an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// Like [`md`], and a `|` cannot end the table cell.
pub fn cell(s: &str) -> String {
    md(s).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(v: Value) -> String {
        toml_filter(&v, &HashMap::new())
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn toml_strings_stay_on_one_line_and_round_trip() {
        for s in [
            "plain",
            "a \"quote\"",
            "two\nlines\n+++\n",
            "back\\slash",
            "tab\tnul\0",
        ] {
            let out = t(Value::String(s.to_string()));
            assert!(!out.contains('\n'), "{out}");
            let back: toml::Table = toml::from_str(&format!("k = {out}")).unwrap();
            assert_eq!(back["k"].as_str(), Some(s));
        }
        assert_eq!(t(serde_json::json!(["a", "b"])), r#"["a", "b"]"#);
        assert_eq!(t(serde_json::json!(2)), "2");
        assert_eq!(t(serde_json::json!(true)), "true");
    }

    #[test]
    fn dates_must_be_real() {
        let ok = toml_date(&Value::String("2027-01-04".into()), &HashMap::new()).unwrap();
        assert_eq!(ok.as_str(), Some("2027-01-04"));
        assert!(toml_date(&Value::String("2027-02-30".into()), &HashMap::new()).is_err());
        assert!(toml_date(&Value::String("soon".into()), &HashMap::new()).is_err());
    }

    #[test]
    fn markdown_block_markers_are_escaped() {
        assert_eq!(md("# Goals"), "\\# Goals");
        assert_eq!(md("1. first"), "1\\. first");
        assert_eq!(md("---"), "\\---");
        assert_eq!(md("fine # here"), "fine # here");
        assert_eq!(md("<fill in: x>"), "<fill in: x>");
        assert_eq!(cell("a | b"), "a \\| b");
    }
}
