// monctl positions (1-based line, 1-based column counted in characters) <-> CodeMirror offsets
// (UTF-16 code units from the start of the document).
import type { Text } from "@codemirror/state";

/** The document offset of a 1-based line and character column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  let offset = 0;
  let chars = 1;
  const text = l.text;
  while (chars < column && offset < text.length) {
    const code = text.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    chars++;
  }
  return l.from + Math.min(offset, text.length);
}

/** The range a diagnostic underlines: at least one character, never past the document. */
export function rangeOf(
  doc: Text,
  start: { line: number; column: number },
  end: { line: number; column: number },
): { from: number; to: number } {
  const from = offsetOf(doc, start.line, start.column);
  let to = offsetOf(doc, end.line, end.column);
  if (to <= from) {
    const line = doc.lineAt(from);
    to = from < line.to ? from + 1 : from;
  }
  return { from, to: Math.min(to, doc.length) };
}
