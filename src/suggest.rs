//! "Did you mean" suggestions: the candidate closest to a misspelt name (Jaro-Winkler above 0.8).
//! For a few candidates every one is scored; for a large set (the metrics catalog, thousands of
//! names) an index of character trigrams picks the few candidates that share the most trigrams
//! with the word, and only those are scored, so a suggestion costs about the same whatever the
//! catalog's size.

use std::collections::HashMap;

/// Below this score a candidate is not a likely typo of the word.
const THRESHOLD: f64 = 0.8;
/// Sets smaller than this are scored in full.
const SCAN_ALL_BELOW: usize = 64;
/// How many trigram-nearest candidates are scored.
const SHORTLIST: usize = 24;

/// The closest of `candidates` to `word`, when close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    best(word, candidates.into_iter())
}

fn best<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Suggestions among a fixed, possibly large, set of names.
pub struct Suggester<'a> {
    names: Vec<&'a str>,
    /// Trigram -> indexes of the names containing it (each index once).
    index: HashMap<[u8; 3], Vec<u32>>,
}

impl<'a> Suggester<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let names: Vec<&'a str> = names.into_iter().collect();
        let mut index: HashMap<[u8; 3], Vec<u32>> = HashMap::new();
        if names.len() >= SCAN_ALL_BELOW {
            for (i, name) in names.iter().enumerate() {
                for gram in trigrams(name) {
                    let postings = index.entry(gram).or_default();
                    if postings.last() != Some(&(i as u32)) {
                        postings.push(i as u32);
                    }
                }
            }
        }
        Suggester { names, index }
    }

    /// The closest name to `word`, when close enough to be a likely typo.
    pub fn suggest(&self, word: &str) -> Option<&'a str> {
        if self.index.is_empty() {
            return best(word, self.names.iter().copied());
        }
        let mut shared: HashMap<u32, u32> = HashMap::new();
        let mut grams: Vec<[u8; 3]> = trigrams(word).collect();
        grams.sort_unstable();
        grams.dedup();
        for gram in &grams {
            for &i in self.index.get(gram).into_iter().flatten() {
                *shared.entry(i).or_default() += 1;
            }
        }
        let mut nearest: Vec<(u32, u32)> = shared.into_iter().collect();
        nearest.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        nearest.truncate(SHORTLIST);
        nearest.sort_unstable_by_key(|&(i, _)| i);
        best(word, nearest.iter().map(|&(i, _)| self.names[i as usize]))
    }
}

/// The byte trigrams of a name padded with a start and an end mark.
fn trigrams(name: &str) -> impl Iterator<Item = [u8; 3]> + '_ {
    let padded: Vec<u8> = [0u8, 0u8]
        .into_iter()
        .chain(name.bytes())
        .chain([0u8])
        .collect();
    (0..padded.len().saturating_sub(2)).map(move |i| [padded[i], padded[i + 1], padded[i + 2]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_likely_typo() {
        let names = ["http_requests_total", "http_request_duration_seconds", "up"];
        assert_eq!(
            did_you_mean("http_request_total", names),
            Some("http_requests_total")
        );
        assert_eq!(did_you_mean("zzz", names), None);
    }

    #[test]
    fn the_index_finds_what_a_full_scan_finds() {
        // A catalog-sized set: the shortlist must keep the best match of a full scan.
        let mut names: Vec<String> = Vec::new();
        for family in ["node", "mysql", "redis", "kube", "go", "process", "es"] {
            for part in [
                "cpu", "memory", "disk", "network", "requests", "errors", "latency",
            ] {
                for suffix in ["total", "seconds", "bytes", "ratio", "info"] {
                    names.push(format!("{family}_{part}_{suffix}"));
                }
            }
        }
        let suggester = Suggester::new(names.iter().map(String::as_str));
        for word in [
            "node_cpu_secnds",
            "mysql_requests_totl",
            "kube_memory_byte",
            "redis_latency_second",
            "procss_disk_info",
            "go_netwrk_bytes",
            "es_errors",
        ] {
            assert_eq!(
                suggester.suggest(word),
                did_you_mean(word, names.iter().map(String::as_str)),
                "{word}"
            );
        }
        assert_eq!(
            suggester.suggest("node_cpu_secnds"),
            Some("node_cpu_seconds")
        );
    }
}
