//! The manifest, `.monctl-manifest.json` in the output folder: the files the last `monctl
//! generate` wrote there, each with the SHA-256 of its content. It is what authorises removing a
//! file (listed, and unchanged since) and what tells a user's edit from monctl's own output. Its
//! content depends only on the generated files, so it can be committed with them.

use super::confine::{Found, OutDir};
use super::relpath;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;

pub const NAME: &str = ".monctl-manifest.json";
const FORMAT: u32 = 1;
/// A manifest larger than this is not monctl's.
const MAX_BYTES: u64 = 16 * 1024 * 1024;
const NOTE: &str = "Written by `monctl generate`: the files it generated in this folder and their \
SHA-256. monctl removes a file the spec no longer produces only when it is listed here and \
unchanged, and refuses to overwrite a listed file that was edited. Commit it with the files.";

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    #[serde(default)]
    note: String,
    files: BTreeMap<String, String>,
}

/// Relative path -> `sha256:<hex>` of the content monctl wrote there.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub files: BTreeMap<String, String>,
}

/// `sha256:` and the lowercase hex SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut text = String::with_capacity(7 + 64);
    text.push_str("sha256:");
    for byte in digest {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

fn valid_hash(text: &str) -> bool {
    text.strip_prefix("sha256:")
        .is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Manifest {
    /// The manifest's file text: deterministic, sorted, ending in a newline.
    pub fn render(&self) -> String {
        let stored = Stored {
            format: FORMAT,
            note: NOTE.to_string(),
            files: self.files.clone(),
        };
        let mut text = serde_json::to_string_pretty(&stored).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The manifest in `out`, `None` when there is none; an error when it is damaged.
    pub fn read(out: &OutDir) -> Result<Option<(Manifest, Vec<u8>)>, String> {
        let shown = out.shown(NAME);
        let damaged = |why: String| {
            format!(
                "{shown} is damaged ({why}); it is monctl's record of the files it generated \
                 here: restore it from version control, or delete it (monctl then removes no \
                 stale file and reports them instead)"
            )
        };
        match out.inspect(NAME)? {
            Found::Missing => return Ok(None),
            Found::File => {}
            Found::Dir | Found::Other => return Err(damaged("it is not a regular file".into())),
        }
        let path = out.real(NAME);
        let len = fs::symlink_metadata(&path)
            .map_err(|e| format!("cannot read {shown}: {e}"))?
            .len();
        if len > MAX_BYTES {
            return Err(damaged(format!("{len} bytes")));
        }
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        let stored: Stored =
            serde_json::from_slice(&bytes).map_err(|e| damaged(format!("not valid: {e}")))?;
        if stored.format > FORMAT {
            return Err(format!(
                "{shown} was written by a newer monctl (manifest format {}, this one knows {FORMAT}); \
                 upgrade monctl",
                stored.format
            ));
        }
        if stored.format != FORMAT {
            return Err(damaged(format!("unknown format {}", stored.format)));
        }
        for (path, hash) in &stored.files {
            relpath::check_artifact(path).map_err(damaged)?;
            if !valid_hash(hash) {
                return Err(damaged(format!(
                    "`{hash}` for {path} is not a sha256: hash"
                )));
            }
        }
        Ok(Some((
            Manifest {
                files: stored.files,
            },
            bytes,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(
            hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(valid_hash(&hash(b"")));
        assert!(!valid_hash("sha256:xyz"));
    }

    #[test]
    fn render_is_deterministic_and_parses_back() {
        let mut m = Manifest::default();
        m.files.insert("rules/b.yml".into(), hash(b"b"));
        m.files.insert("a.yml".into(), hash(b"a"));
        let text = m.render();
        assert_eq!(text, m.clone().render());
        let stored: Stored = serde_json::from_str(&text).unwrap();
        assert_eq!(stored.files, m.files);
        assert!(text.find("a.yml").unwrap() < text.find("rules/b.yml").unwrap());
    }
}
