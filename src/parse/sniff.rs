//! The format of a text that comes without a name (standard input without
//! `--stdin-filename`): TOML when it reads as TOML, else Markdown.

use crate::model::Format;

/// TOML when the text parses as a TOML table with something in it, or when its first
/// line that is neither blank nor a `#` line is a TOML key or table header (a TOML
/// charter with a syntax error further down is still reported as TOML). Everything
/// else is Markdown, whose charters open with front matter or a heading.
pub fn format_of_text(text: &str) -> Format {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    let Some(first) = first else {
        return Format::Markdown;
    };
    if first.starts_with("+++") || first.starts_with("---") {
        return Format::Markdown;
    }
    if is_table_header(first) || is_key_value(first) {
        return Format::Toml;
    }
    match toml::from_str::<toml::Table>(text) {
        Ok(table) if !table.is_empty() => Format::Toml,
        _ => Format::Markdown,
    }
}

/// `[governance]`, `[[signatures]]`, with an optional comment after.
fn is_table_header(line: &str) -> bool {
    let line = line.split_once('#').map_or(line, |(l, _)| l).trim_end();
    let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
        return false;
    };
    let inner = inner
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .unwrap_or(inner);
    !inner.trim().is_empty() && inner.trim().chars().all(is_key_char)
}

/// `partner = "Acme"`, `exit.notice-days = 30` (a quoted key with spaces is left to
/// the parse).
fn is_key_value(line: &str) -> bool {
    let Some((key, _)) = line.split_once('=') else {
        return false;
    };
    let key = key.trim();
    !key.is_empty() && key.chars().all(is_key_char)
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_markdown_are_told_apart_by_their_text() {
        let toml = [
            "partner = \"Acme\"\n",
            "# A comment first\n\n[governance]\nowner = \"x\"\n",
            "[[signatures]] # ours\nside = \"company\"\n",
            "\u{feff}partner = \"Acme\"\ntier = \n", // broken further down, still TOML
        ];
        for t in toml {
            assert_eq!(format_of_text(t), Format::Toml, "{t:?}");
        }
        let markdown = [
            "",
            "+++\npartner = \"Acme\"\n+++\n# Charter\n",
            "---\npartner: Acme\n---\n",
            "# Keel × Acme\n\nSome text.\n",
            "# Title only\n",
            "[link]: https://example.com\n",
            "A paragraph = with an equals sign.\n",
        ];
        for t in markdown {
            assert_eq!(format_of_text(t), Format::Markdown, "{t:?}");
        }
    }
}
