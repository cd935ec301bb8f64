//! The label set a PromQL (sub)expression or a scrape target produces: the label names it is known
//! to carry, and whether others may exist that monctl cannot know (an unknown metric, a labelmap
//! over discovered metadata). Checks only claim "never has label x" for complete sets.

use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelFlow {
    pub names: BTreeSet<String>,
    /// False when labels beyond `names` may exist.
    pub complete: bool,
}

impl LabelFlow {
    pub fn known<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        LabelFlow {
            names: names.into_iter().map(Into::into).collect(),
            complete: true,
        }
    }

    /// A set about which nothing is known.
    pub fn open() -> Self {
        LabelFlow {
            names: BTreeSet::new(),
            complete: false,
        }
    }

    pub fn empty() -> Self {
        LabelFlow {
            names: BTreeSet::new(),
            complete: true,
        }
    }

    /// True when the set certainly lacks `name`.
    pub fn never_has(&self, name: &str) -> bool {
        self.complete && !self.names.contains(name)
    }

    pub fn union(&self, other: &LabelFlow) -> LabelFlow {
        LabelFlow {
            names: self.names.union(&other.names).cloned().collect(),
            complete: self.complete && other.complete,
        }
    }

    pub fn with(mut self, name: &str) -> LabelFlow {
        self.names.insert(name.to_string());
        self
    }

    pub fn without(mut self, name: &str) -> LabelFlow {
        self.names.remove(name);
        self
    }

    /// Only the given labels (those the set may have), as `by (...)` and `on (...)` keep.
    pub fn only(&self, keep: &[String]) -> LabelFlow {
        LabelFlow {
            names: keep
                .iter()
                .filter(|k| !self.never_has(k))
                .cloned()
                .collect(),
            complete: true,
        }
    }

    pub fn minus(&self, drop: &[String]) -> LabelFlow {
        LabelFlow {
            names: self
                .names
                .iter()
                .filter(|n| !drop.contains(n))
                .cloned()
                .collect(),
            complete: self.complete,
        }
    }
}
