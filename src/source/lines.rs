//! Line index of a source text: where each line starts, so that turning a diagnostic's line and
//! column into the text under it costs the same whatever the file's size (a spec in one line of
//! JSON is megabytes long). Columns count characters, as editors do; for lines that are not pure
//! ASCII the byte offset of every 64th character is kept, so a column is found in a few steps.

use std::collections::HashMap;

const CHECKPOINT_EVERY: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// Per line (0-based) holding non-ASCII text: the byte offset of characters 0, 64, 128...
    checkpoints: HashMap<usize, Vec<usize>>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let mut checkpoints = HashMap::new();
        let bytes = text.as_bytes();
        let mut line_start = 0;
        let mut ascii = true;
        for (i, &b) in bytes.iter().enumerate() {
            ascii &= b.is_ascii();
            if b == b'\n' {
                if !ascii {
                    checkpoints.insert(starts.len() - 1, char_checkpoints(&text[line_start..i]));
                }
                line_start = i + 1;
                ascii = true;
                starts.push(line_start);
            }
        }
        if !ascii {
            checkpoints.insert(starts.len() - 1, char_checkpoints(&text[line_start..]));
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Line `line` (1-based) without its line ending, as `str::lines` gives it.
    pub fn line<'t>(&self, text: &'t str, line: usize) -> Option<&'t str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        let line_text = text.get(start..end.max(start))?;
        if start == text.len() && line > 1 {
            return None;
        }
        Some(line_text.strip_suffix('\r').unwrap_or(line_text))
    }

    /// The character at `column` (1-based, in characters) of line `line`.
    pub fn char_at(&self, text: &str, line: usize, column: usize) -> Option<char> {
        let line_text = self.line(text, line)?;
        let index = column.checked_sub(1)?;
        match self.checkpoints.get(&(line - 1)) {
            None => line_text.as_bytes().get(index).map(|&b| b as char),
            Some(points) => {
                let from = *points.get(index / CHECKPOINT_EVERY)?;
                line_text[from..].chars().nth(index % CHECKPOINT_EVERY)
            }
        }
    }
}

fn char_checkpoints(line: &str) -> Vec<usize> {
    line.char_indices()
        .step_by(CHECKPOINT_EVERY)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_agree_with_str_lines_and_chars() {
        let long: String = "é".repeat(200) + "x" + &"a".repeat(70);
        let text = format!("first\r\nsecond\n\n{long}\nlast");
        let index = LineIndex::new(&text);
        for (n, expected) in text.lines().enumerate() {
            assert_eq!(index.line(&text, n + 1), Some(expected), "line {}", n + 1);
            for (c, ch) in expected.chars().enumerate() {
                assert_eq!(index.char_at(&text, n + 1, c + 1), Some(ch));
            }
            assert_eq!(
                index.char_at(&text, n + 1, expected.chars().count() + 1),
                None
            );
        }
        assert_eq!(index.line(&text, 0), None);
        assert_eq!(index.line(&text, 6), None);
        let trailing = LineIndex::new("a\n");
        assert_eq!(trailing.line("a\n", 2), None);
        assert_eq!("a\n".lines().nth(1), None);
    }
}
