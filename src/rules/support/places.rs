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
    let (name, fallback) = match side {
        Side::Company => (&charter.meta.company, "our side"),
        Side::Partner => (&charter.meta.partner, "the partner"),
    };
    match name {
        // `Tamsworth College ("the College")`: a defined term is not said in a message.
        Some(t) if t.has_words() => {
            let t = t.text.trim();
            let cut = [" (\"", " (“", " ('"]
                .iter()
                .filter_map(|q| t.find(q))
                .min()
                .unwrap_or(t.len());
            t.get(..cut).unwrap_or(t).trim_end().to_string()
        }
        _ => fallback.to_string(),
    }
}
