//! The native files' comments, kept on import: each block of whole-line comments is attached to
//! the spec path of the first key or list item written after it (through the import's source
//! map, which keeps native positions), and written back above that path's line in the section
//! file. Comment lines inside block scalars are text, not comments; a comment after the last key
//! of a file is kept at the end of the section that file fed.

use crate::diagnostic::{PathSegment, SpecPath};
use crate::source::{FileId, Limits, Node, NodeKind};
use std::collections::HashMap;

/// Where a comment block goes in the spec.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// Above the line of this key or list item.
    Before(SpecPath),
    /// After the last line of this section.
    SectionEnd(String),
}

/// A block of comment lines (each with its `#`, left-trimmed) and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub place: Place,
    pub lines: Vec<String>,
}

/// A place in a tree: the spec path of a key or list item and the line it starts on.
struct Anchor {
    file: FileId,
    line: u32,
    path: SpecPath,
}

/// Every key and list item of `node` with its line, and the lines multi-line scalars span.
fn anchors(
    node: &Node,
    path: &SpecPath,
    out: &mut Vec<Anchor>,
    scalars: &mut Vec<(FileId, u32, u32)>,
) {
    match &node.kind {
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                let child = path.key(key.name.as_str());
                out.push(Anchor {
                    file: key.span.file,
                    line: key.span.start.line,
                    path: child.clone(),
                });
                anchors(value, &child, out, scalars);
            }
        }
        NodeKind::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let child = path.index(i);
                out.push(Anchor {
                    file: item.span.file,
                    line: item.span.start.line,
                    path: child.clone(),
                });
                anchors(item, &child, out, scalars);
            }
        }
        NodeKind::Str(_) if node.span.end.line > node.span.start.line => {
            scalars.push((node.span.file, node.span.start.line, node.span.end.line));
        }
        _ => {}
    }
}

/// Blocks of consecutive whole-line comments of `text`: (last line, lines), 1-based.
fn comment_blocks(text: &str, inside_scalar: impl Fn(u32) -> bool) -> Vec<(u32, Vec<String>)> {
    let mut blocks: Vec<(u32, Vec<String>)> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        let n = i as u32 + 1;
        let trimmed = line.trim_start();
        let is_comment = trimmed.starts_with('#') && !inside_scalar(n);
        match (is_comment, open, blocks.last_mut()) {
            (true, true, Some(block)) => {
                block.0 = n;
                block.1.push(trimmed.trim_end().to_string());
            }
            (true, _, _) => {
                blocks.push((n, vec![trimmed.trim_end().to_string()]));
                open = true;
            }
            (false, _, _) => open = false,
        }
    }
    blocks
}

/// The comments of the native files (`texts`, by file id) attached to the spec paths of the
/// spec-shaped, natively positioned `tree`. A tool's schema hint (`# yaml-language-server:`)
/// is left out: it names the native file's schema.
pub fn attach(tree: &Node, texts: &[String]) -> Vec<Comment> {
    let mut all = Vec::new();
    let mut scalars = Vec::new();
    anchors(tree, &SpecPath::root(), &mut all, &mut scalars);
    let mut out = Vec::new();
    for (f, text) in texts.iter().enumerate() {
        let file = FileId(f as u32);
        let mut here: Vec<&Anchor> = all.iter().filter(|a| a.file == file).collect();
        // By line; at one line the shallower path (a list item before its first key).
        here.sort_by_key(|a| (a.line, a.path.0.len()));
        let inside = |n: u32| {
            scalars
                .iter()
                .any(|(sf, start, end)| *sf == file && n > *start && n <= *end)
        };
        for (last, lines) in comment_blocks(text, inside) {
            let lines: Vec<String> = lines
                .into_iter()
                .filter(|l| !l.starts_with("# yaml-language-server:"))
                .collect();
            if lines.is_empty() {
                continue;
            }
            let next = here.iter().find(|a| a.line > last);
            // After the file's last key: at the end of the section the file's last key is in.
            let place = match next {
                Some(a) => Place::Before(a.path.clone()),
                None => match here.last().and_then(|a| a.path.0.first()) {
                    Some(PathSegment::Key(section)) => Place::SectionEnd(section.clone()),
                    _ => continue,
                },
            };
            out.push(Comment { place, lines });
        }
    }
    out
}

/// Each path's starting line in `text` (a YAML document monctl wrote): (line, indentation).
fn lines_of(text: &str) -> HashMap<SpecPath, (u32, usize)> {
    let mut map = HashMap::new();
    let Ok(tree) = crate::source::parse_yaml(text, FileId(0), &Limits::default()) else {
        return map;
    };
    let mut all = Vec::new();
    let mut scalars = Vec::new();
    anchors(&tree, &SpecPath::root(), &mut all, &mut scalars);
    let line_texts: Vec<&str> = text.lines().collect();
    for a in all {
        let indent = line_texts
            .get(a.line as usize - 1)
            .map(|l| l.len() - l.trim_start().len())
            .unwrap_or(0);
        map.entry(a.path).or_insert((a.line, indent));
    }
    map
}

/// `text` (one section file) with the comments whose path it contains written above their lines,
/// at those lines' indentation (a path the import renamed, such as a secret moved to its `_file`
/// form, takes the nearest enclosing path that is there); comments for the section's end go after
/// its last line.
pub fn insert(text: &str, section: &str, comments: &[Comment]) -> String {
    let lines = lines_of(text);
    let mut before: HashMap<u32, Vec<String>> = HashMap::new();
    let mut at_end: Vec<String> = Vec::new();
    for c in comments {
        let path = match &c.place {
            Place::SectionEnd(s) if s == section => {
                at_end.extend(c.lines.iter().cloned());
                continue;
            }
            Place::SectionEnd(_) => continue,
            Place::Before(path) => path,
        };
        if !matches!(path.0.first(), Some(PathSegment::Key(s)) if s == section) {
            continue;
        }
        let mut at = path.clone();
        let found = loop {
            if let Some(found) = lines.get(&at) {
                break Some(*found);
            }
            if at.0.pop().is_none() || at.0.is_empty() {
                break None;
            }
        };
        let Some((line, indent)) = found else {
            continue;
        };
        let pad = " ".repeat(indent);
        before
            .entry(line)
            .or_default()
            .extend(c.lines.iter().map(|l| format!("{pad}{l}")));
    }
    if before.is_empty() && at_end.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.lines().enumerate() {
        if let Some(block) = before.get(&(i as u32 + 1)) {
            for c in block {
                out.push_str(c);
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    for c in at_end {
        out.push_str(&c);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::SourceFile;

    fn imported(files: &[(&str, &str)]) -> Vec<(String, String)> {
        let files: Vec<SourceFile> = files.iter().map(|(n, t)| SourceFile::new(*n, *t)).collect();
        crate::import::prometheus::import(&files, &[]).section_files()
    }

    #[test]
    fn comments_follow_their_keys_into_the_spec() {
        let prometheus = "# Our Prometheus.\nglobal:\n  scrape_interval: 30s\nscrape_configs:\n  # The shop, scraped every 10s.\n  - job_name: shop\n    scrape_interval: 10s   # a trailing comment\n    static_configs:\n      # one target\n      - targets: ['shop:8080']\n# end of file\n";
        let files = imported(&[("prometheus.yml", prometheus)]);
        let scrape = &files
            .iter()
            .find(|(n, _)| n == "scrape.yml")
            .expect("scrape.yml")
            .1;
        assert_eq!(
            scrape,
            "# Imported by monctl from prometheus.yml.\n# Our Prometheus.\nscrape:\n  global:\n    scrape_interval: 30s\n  jobs:\n    # The shop, scraped every 10s.\n    - job_name: shop\n      scrape_interval: 10s\n      static_configs:\n        # one target\n        - targets:\n            - shop:8080\n# end of file\n"
        );
    }

    #[test]
    fn a_hash_inside_a_block_scalar_is_text() {
        let rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        annotations:\n          description: |\n            # not a comment\n            text\n";
        let files = imported(&[("rules.yml", rules)]);
        let text = &files
            .iter()
            .find(|(n, _)| n == "rules.yml")
            .expect("rules.yml")
            .1;
        assert_eq!(text.matches("# not a comment").count(), 1, "{text}");
        assert!(!text.contains("\n        # not a comment"), "{text}");
    }
}
