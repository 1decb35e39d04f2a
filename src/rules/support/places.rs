//! Where a finding about a section points, and how messages name a side.

use crate::model::{Charter, Side, Span};
use crate::rules::Hit;

/// The heading of the first section with this key, if the charter has one.
pub(crate) fn heading(charter: &Charter, key: &str) -> Option<Span> {
    charter.section(key).map(|s| s.heading.span)
}

/// A hit at the heading of the first section with this key, or about the whole
/// charter when there is no such section.
pub(crate) fn at_heading_or_whole(charter: &Charter, key: &str) -> Hit {
    match heading(charter, key) {
        Some(span) => Hit::at(span),
        None => Hit::whole(charter),
    }
}

/// How messages name a side: its name from the metadata, or a generic phrase.
pub(crate) fn side_name(charter: &Charter, side: Side) -> String {
    named(charter, side).unwrap_or_else(|| {
        match side {
            Side::Company => "our side",
            Side::Partner => "the partner",
        }
        .to_string()
    })
}

/// Which side a field key belongs to: `we-give`, `our-owner`, `us` vs `partner-gives`.
pub(crate) fn side_of_key(key: &str) -> Option<Side> {
    if key == "us" || key.starts_with("we-") || key.starts_with("our-") {
        Some(Side::Company)
    } else if key.starts_with("partner") {
        Some(Side::Partner)
    } else {
        None
    }
}

/// A side's name as the metadata gives it, for messages; `None` when it gives none.
pub(crate) fn named(charter: &Charter, side: Side) -> Option<String> {
    let name = match side {
        Side::Company => &charter.meta.company,
        Side::Partner => &charter.meta.partner,
    };
    match name {
        // `Tamsworth College ("the College")`: a defined term is not said in a message.
        Some(t) if t.has_words() => {
            let t = t.text.trim();
            let b = t.as_bytes();
            let cut = memchr::memchr_iter(b'(', b)
                .find(|&i| {
                    let after = t.get(i + 1..).unwrap_or_default();
                    i > 0
                        && b[i - 1] == b' '
                        && (after.starts_with('"')
                            || after.starts_with('“')
                            || after.starts_with('\''))
                })
                .map_or(t.len(), |i| i - 1);
            Some(t.get(..cut).unwrap_or(t).trim_end().to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::named;
    use crate::model::{Charter, Format, Side, Span, Text};

    #[test]
    fn a_defined_term_after_the_name_is_left_out() {
        for (written, said) in [
            ("Tamsworth College (\"the College\")", "Tamsworth College"),
            ("Tamsworth College (“the College”)", "Tamsworth College"),
            ("Tamsworth College ('TC')", "Tamsworth College"),
            ("Keel (Northwind) Ltd", "Keel (Northwind) Ltd"),
            ("Keel", "Keel"),
        ] {
            let mut c = Charter::empty(Format::Markdown, 0);
            c.meta.company = Some(Text::new(written, Span::new(0, 0)));
            assert_eq!(named(&c, Side::Company).as_deref(), Some(said), "{written}");
        }
    }
}
