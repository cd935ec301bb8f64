//! Input limits: what a spec may cost to load, so that a hostile or broken file fails with a clear
//! error instead of exhausting memory or time (the browser playground runs the same code).

/// Bounds applied while loading sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest single source file, in bytes.
    pub max_file_bytes: usize,
    /// Largest sum of all source files, in bytes.
    pub max_total_bytes: usize,
    /// Deepest nesting of mappings and sequences.
    pub max_depth: usize,
    /// Most nodes a file may expand to, aliases included (stops "billion laughs").
    pub max_nodes: usize,
    /// Most source files in one spec.
    pub max_files: usize,
    /// Most keys in one mapping.
    pub max_keys_per_mapping: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 4 * 1024 * 1024,
            max_total_bytes: 64 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 1_000_000,
            max_files: 1000,
            max_keys_per_mapping: 10_000,
        }
    }
}
