//! Where --out may be: never the spec folder itself or inside it, since the next run would read
//! the generated files back as spec (prometheus.yml, rule files and alertmanager.yml are YAML).

use std::path::{Path, PathBuf};

/// The absolute, symlink-free form of a path that may not exist yet: its deepest existing
/// ancestor resolved, the rest appended.
fn resolved(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// An error when `out` is the spec folder or inside it.
pub fn check_out_folder(spec: &Path, out: &Path) -> Result<(), String> {
    if !spec.is_dir() {
        return Ok(());
    }
    let spec_dir = resolved(spec);
    let out_dir = resolved(out);
    if out_dir.starts_with(&spec_dir) {
        let how = if out_dir == spec_dir {
            "is the spec folder"
        } else {
            "is inside the spec folder"
        };
        return Err(format!(
            "--out {} {how} {}: the next run would read the generated files as spec; choose a folder outside it (e.g. build/monitoring)",
            out.display(),
            spec.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_inside_or_equal_to_the_spec_folder_is_refused() {
        let base = std::env::temp_dir().join(format!("monctl-placement-{}", std::process::id()));
        let spec = base.join("spec");
        std::fs::create_dir_all(&spec).unwrap();
        assert!(check_out_folder(&spec, &spec)
            .unwrap_err()
            .contains("is the spec folder"));
        assert!(check_out_folder(&spec, &spec.join("out/new"))
            .unwrap_err()
            .contains("inside the spec folder"));
        assert!(check_out_folder(&spec, &spec.join("../spec/x")).is_err());
        assert!(check_out_folder(&spec, &base.join("build")).is_ok());
        assert!(check_out_folder(&spec.join("file.yml"), &spec).is_ok());
        std::fs::remove_dir_all(&base).unwrap();
    }
}
