//! Reading a spec from disk: one file, or every .yml/.yaml/.json file under a folder (hidden
//! entries skipped), in a stable order so that merges and diagnostics are reproducible.

use monctl::SourceFile;
use std::fs;
use std::path::{Path, PathBuf};

fn is_spec_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yml" | "yaml" | "json")
    )
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if is_hidden(&path) {
            continue;
        }
        if path.is_dir() {
            collect(&path, out)?;
        } else if is_spec_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// The spec's source files, named by their path as given on the command line.
pub fn read_spec(path: &Path) -> Result<Vec<SourceFile>, String> {
    let paths = if path.is_dir() {
        let mut paths = Vec::new();
        collect(path, &mut paths)?;
        if paths.is_empty() {
            return Err(format!(
                "no .yml, .yaml or .json files in {}",
                path.display()
            ));
        }
        paths
    } else if path.exists() {
        vec![path.to_path_buf()]
    } else {
        return Err(format!("{} does not exist", path.display()));
    };
    paths
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{} is not UTF-8 text", p.display()))?;
            Ok(SourceFile::new(p.display().to_string(), text))
        })
        .collect()
}
