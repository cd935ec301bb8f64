//! Merging a folder of spec files into one tree: mappings merge key by key, lists concatenate in
//! file order (so teams can each keep their own alert groups), and a single value set in two files
//! is a conflict that names both places.

use super::node::{Node, NodeKind, Span};
use crate::diagnostic::SpecPath;
use std::collections::HashMap;

/// A value defined in two files.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeConflict {
    pub path: SpecPath,
    pub first: Span,
    pub second: Span,
}

/// Merges `incoming` into `base`, collecting conflicts (the first definition wins).
pub fn merge_into(
    base: &mut Node,
    incoming: Node,
    path: &SpecPath,
    conflicts: &mut Vec<MergeConflict>,
) {
    match (&mut base.kind, incoming.kind) {
        (NodeKind::Map(entries), NodeKind::Map(new_entries)) => {
            // Keys by position, so that merging two large mappings is not quadratic.
            let mut index: HashMap<String, usize> = entries
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.name.clone(), i))
                .collect();
            for (key, value) in new_entries {
                match index.get(&key.name) {
                    Some(&i) => {
                        merge_into(&mut entries[i].1, value, &path.key(&key.name), conflicts)
                    }
                    None => {
                        index.insert(key.name.clone(), entries.len());
                        entries.push((key, value));
                    }
                }
            }
        }
        (NodeKind::Seq(items), NodeKind::Seq(new_items)) => items.extend(new_items),
        (NodeKind::Null, kind) => {
            base.kind = kind;
            base.span = incoming.span;
        }
        (_, NodeKind::Null) => {}
        _ => conflicts.push(MergeConflict {
            path: path.clone(),
            first: base.span,
            second: incoming.span,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::limits::Limits;
    use crate::source::node::FileId;
    use crate::source::yaml::parse;

    fn tree(text: &str, file: u32) -> Node {
        parse(text, FileId(file), &Limits::default()).unwrap()
    }

    #[test]
    fn concatenates_lists_and_merges_mappings() {
        let mut base = tree("rules:\n  groups: [{name: a}]\n", 0);
        let mut conflicts = Vec::new();
        merge_into(
            &mut base,
            tree("rules:\n  groups: [{name: b}]\nmetrics: []\n", 1),
            &SpecPath::root(),
            &mut conflicts,
        );
        assert!(conflicts.is_empty());
        let NodeKind::Seq(groups) = &base.get("rules").unwrap().get("groups").unwrap().kind else {
            panic!("groups is a list")
        };
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[1].span.file, FileId(1));
        assert!(base.get("metrics").is_some());
    }

    #[test]
    fn reports_a_value_set_twice() {
        let mut base = tree("scrape:\n  global:\n    scrape_interval: 15s\n", 0);
        let mut conflicts = Vec::new();
        merge_into(
            &mut base,
            tree("scrape:\n  global:\n    scrape_interval: 30s\n", 1),
            &SpecPath::root(),
            &mut conflicts,
        );
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            conflicts[0].path.to_string(),
            "scrape.global.scrape_interval"
        );
        assert_eq!(conflicts[0].first.file, FileId(0));
        assert_eq!(conflicts[0].second.file, FileId(1));
    }
}
