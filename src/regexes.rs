//! Compiled regular expressions, each pattern compiled once. A spec's regexes (relabel rules,
//! label matchers of rules and routes, Fluentd tag patterns) are read by several stages — the
//! validator, the target-label derivation, the PromQL parser, the checks — and the browser
//! playground checks the same spec again on every keystroke; compiling is by far the costliest
//! thing any of them does with a pattern. The cache only remembers what a pattern compiles to, so
//! no result depends on it; it is bounded, and emptied when full.

use regex::Regex;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Patterns remembered before the cache starts over.
const CAPACITY: usize = 16_384;

type Compiled = Result<Regex, regex::Error>;

fn cache() -> &'static Mutex<HashMap<String, Compiled>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Compiled>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// `pattern` compiled by [`Regex::new`], or its error.
pub fn compile(pattern: &str) -> Compiled {
    if let Some(known) = cache().lock().ok().and_then(|c| c.get(pattern).cloned()) {
        return known;
    }
    let compiled = Regex::new(pattern);
    if let Ok(mut c) = cache().lock() {
        if c.len() >= CAPACITY {
            c.clear();
        }
        c.insert(pattern.to_string(), compiled.clone());
    }
    compiled
}

/// `pattern` anchored at both ends as Prometheus's relabeling applies it (`^(?s:pattern)$`).
pub fn relabel(pattern: &str) -> Compiled {
    compile(&format!("^(?s:{pattern})$"))
}

/// `pattern` anchored at both ends as label matchers apply it (`^(?:pattern)$`).
pub fn matcher(pattern: &str) -> Compiled {
    compile(&format!("^(?:{pattern})$"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_once_and_gives_the_same_answer_every_time() {
        let first = relabel("a|b.*").expect("compiles");
        assert!(first.is_match("bxyz") && !first.is_match("xa"));
        let again = relabel("a|b.*").expect("compiles");
        assert_eq!(first.as_str(), again.as_str());
        assert!(matcher("(").is_err());
        let unclosed = String::from("^(?:()$");
        assert_eq!(
            matcher("(").unwrap_err().to_string(),
            Regex::new(&unclosed).unwrap_err().to_string()
        );
    }
}
