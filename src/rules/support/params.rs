//! Parameters several checks take alike.

use serde::Deserialize;

/// The parameters of a check that takes none: any key is an error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {}

/// Reject parameters given to a check that has none.
pub(crate) fn no_params(table: &toml::Table) -> Result<(), String> {
    crate::rules::params::<NoParams>(table).map(|_| ())
}

/// Minimum percentages per phase, as `crawl-min-percent` and `walk-min-percent` give them.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct PhasePercents {
    #[serde(default = "default_crawl_percent")]
    crawl_min_percent: f64,
    #[serde(default = "default_walk_percent")]
    walk_min_percent: f64,
}

fn default_crawl_percent() -> f64 {
    20.0
}

fn default_walk_percent() -> f64 {
    70.0
}

impl PhasePercents {
    /// The minimum for a phase; `None` for run, which has no percentage bar.
    pub(crate) fn min(&self, kind: crate::model::PhaseKind) -> Option<f64> {
        use crate::model::PhaseKind;
        match kind {
            PhaseKind::Crawl => Some(self.crawl_min_percent),
            PhaseKind::Walk => Some(self.walk_min_percent),
            PhaseKind::Run => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn checks_without_params_reject_params() {
        let mut t = toml::Table::new();
        t.insert("bogus".into(), toml::Value::Integer(1));
        assert!(super::no_params(&t).is_err());
        assert!(super::no_params(&toml::Table::new()).is_ok());
    }
}
