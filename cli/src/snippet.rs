//! Source snippets for human output, bounded and safe: each file's lines are indexed once (not
//! scanned per diagnostic), a long line is shown as a window of at most [`WINDOW`] characters
//! around the span, and credentials are masked (`****`) in every snippet, whichever diagnostic
//! shows the line and whatever the lint settings: the values secret findings point at, and what
//! the core's detector finds in the line itself (`monctl::secrets::redact_line`).

use monctl::{Diagnostic, Location, SourceFile};
use std::collections::HashMap;

/// The most characters of a source line a snippet shows.
pub const WINDOW: usize = 120;

/// Codes whose span is a secret value.
const SECRET_CODES: &[&str] = &["S014", "X001", "K002"];

/// A line as shown: its text (a window of it) and where the marker goes in it.
pub struct Shown {
    pub text: String,
    pub marker_start: usize,
    pub marker_width: usize,
}

pub struct Snippets<'a> {
    files: HashMap<&'a str, Vec<&'a str>>,
    /// Per (file, line): character ranges to mask.
    secrets: HashMap<(String, u32), Vec<(usize, usize)>>,
}

impl<'a> Snippets<'a> {
    pub fn new(files: &'a [SourceFile], diagnostics: &[Diagnostic]) -> Self {
        let mut secrets: HashMap<(String, u32), Vec<(usize, usize)>> = HashMap::new();
        for d in diagnostics
            .iter()
            .filter(|d| SECRET_CODES.contains(&d.code))
        {
            if let Some(l) = &d.location {
                let start = l.start.column.saturating_sub(1) as usize;
                let end = if l.end.line == l.start.line {
                    (l.end.column.saturating_sub(1) as usize).max(start + 1)
                } else {
                    usize::MAX
                };
                secrets
                    .entry((l.file.clone(), l.start.line))
                    .or_default()
                    .push((start, end));
            }
        }
        Snippets {
            files: files
                .iter()
                .map(|f| (f.name.as_str(), f.text.lines().collect()))
                .collect(),
            secrets,
        }
    }

    /// The line a location starts on, windowed and masked, or None when unknown.
    pub fn show(&self, location: &Location) -> Option<Shown> {
        let line = *self
            .files
            .get(location.file.as_str())?
            .get(location.start.line.checked_sub(1)? as usize)?;
        // Character ranges to mask: what secret findings point at, and what the line shows.
        let mut ranges: Vec<(usize, usize)> = self
            .secrets
            .get(&(location.file.clone(), location.start.line))
            .cloned()
            .unwrap_or_default();
        let char_at = |byte: usize| line[..byte].chars().count();
        ranges.extend(
            monctl::secrets::line_secrets(line)
                .into_iter()
                .map(|(s, e)| (char_at(s), char_at(e))),
        );
        let original: Vec<char> = line.chars().collect();
        let (chars, map) = mask_all(&original, ranges);
        let width = chars.len();
        let start = map(location.start.column.saturating_sub(1) as usize).min(width);
        let end = if location.end.line == location.start.line {
            map(location.end.column.saturating_sub(1) as usize).max(start + 1)
        } else {
            width.max(start + 1)
        }
        .min(width.max(start + 1));
        if width <= WINDOW {
            return Some(Shown {
                text: chars.into_iter().collect(),
                marker_start: start,
                marker_width: end - start,
            });
        }
        // A window that begins a little before the span and shows as much of it as fits.
        let from = start.saturating_sub(WINDOW / 4);
        let to = (from + WINDOW).min(width);
        let mut text = String::new();
        let mut offset = 0;
        if from > 0 {
            text.push('…');
            offset = 1;
        }
        text.extend(&chars[from..to]);
        if to < width {
            text.push('…');
        }
        let marker_end = end.min(to);
        Some(Shown {
            text,
            marker_start: start - from + offset,
            marker_width: marker_end.saturating_sub(start).max(1),
        })
    }
}

/// The line with each range (a value, possibly quoted) replaced by `****`, and the map from a
/// column of the original line to its column in the masked one.
fn mask_all(
    chars: &[char],
    mut ranges: Vec<(usize, usize)>,
) -> (Vec<char>, impl Fn(usize) -> usize) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges.drain(..) {
        let end = end.min(chars.len());
        if start >= end {
            continue;
        }
        let (mut s, mut e) = (start, end);
        if matches!(chars[s], '"' | '\'') && e - s >= 2 && chars[e - 1] == chars[s] {
            s += 1;
            e -= 1;
        }
        spans.push((s, e));
    }
    spans.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut at = 0;
    for &(s, e) in &merged {
        out.extend_from_slice(&chars[at..s]);
        out.extend("****".chars());
        at = e;
    }
    out.extend_from_slice(&chars[at..]);
    let map = move |column: usize| {
        let mut shift: isize = 0;
        for &(s, e) in &merged {
            if column >= e {
                shift += 4 - (e - s) as isize;
            } else if column > s {
                return (s as isize + shift) as usize;
            }
        }
        (column as isize + shift).max(0) as usize
    };
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use monctl::Position;

    fn location(line: u32, start: u32, end: u32) -> Location {
        Location {
            file: "spec.yml".into(),
            start: Position {
                line,
                column: start,
            },
            end: Position { line, column: end },
        }
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_span() {
        let text = format!("key: {}TARGET{}\n", "a".repeat(5000), "b".repeat(5000));
        let files = vec![SourceFile::new("spec.yml", text)];
        let snippets = Snippets::new(&files, &[]);
        let shown = snippets.show(&location(1, 5006, 5012)).unwrap();
        assert!(shown.text.chars().count() <= WINDOW + 2);
        let marked: String = shown
            .text
            .chars()
            .skip(shown.marker_start)
            .take(shown.marker_width)
            .collect();
        assert_eq!(marked, "TARGET");
    }

    #[test]
    fn secret_values_are_masked_in_every_snippet_of_their_line() {
        let files = vec![SourceFile::new(
            "spec.yml",
            "smtp_auth_password: 'hunter2', smtp_from: x\n",
        )];
        let mut secret = Diagnostic::warning("S014", monctl::SpecPath::root(), "literal");
        secret.location = Some(location(1, 21, 30));
        let snippets = Snippets::new(&files, &[secret]);
        let other = snippets.show(&location(1, 32, 41)).unwrap();
        assert!(!other.text.contains("hunter2"), "{}", other.text);
        assert!(other.text.contains("'****'"), "{}", other.text);
    }

    #[test]
    fn credentials_are_masked_without_a_secret_finding() {
        let files = vec![SourceFile::new(
            "spec.yml",
            "    - url: https://admin:s3cr3tpw@es.example.com:9200, password: hunter2\n",
        )];
        let snippets = Snippets::new(&files, &[]);
        let shown = snippets.show(&location(1, 5, 8)).unwrap();
        assert!(!shown.text.contains("s3cr3tpw"), "{}", shown.text);
        assert!(!shown.text.contains("hunter2"), "{}", shown.text);
    }
}
