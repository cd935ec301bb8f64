// Completion of mapping keys from the spec's JSON Schema (the one `monctl schema` prints): the
// YAML path at the cursor is found from indentation (keys and `- ` items above it), the schema
// walked along it, and the properties of what it reaches offered, with their descriptions.
import type { CompletionContext, CompletionResult, Completion } from "@codemirror/autocomplete";
import type { Text } from "@codemirror/state";

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  type?: string | string[];
  $defs?: Record<string, Schema>;
};

/** The keys and `[]` (a sequence item) from the document's root to the key at the cursor. */
export function yamlPathAt(doc: Text, pos: number): { path: string[]; typed: string; from: number } | null {
  const line = doc.lineAt(pos);
  const before = line.text.slice(0, pos - line.from);
  const m = /^(\s*)((?:-\s+)*)([A-Za-z_][\w.-]*)?$/.exec(before);
  if (!m) return null;
  const typed = m[3] ?? "";
  const path: string[] = [];
  let col = m[1].length + m[2].length;
  let fromDash = false;
  if (m[2].length > 0) {
    path.unshift("[]");
    col = m[1].length;
    fromDash = true;
  }
  for (let n = line.number - 1; n >= 1 && col > 0; n--) {
    const text = doc.line(n).text;
    const k = /^(\s*)((?:-\s+)*)([^\s#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(\s|$)/.exec(text);
    const lead = /^(\s*)((?:-\s+)*)(\S)?/.exec(text)!;
    if (!lead[3] || lead[3] === "#") continue; // blank or comment
    const indent = lead[1].length;
    const keyCol = indent + lead[2].length;
    const dashes = lead[2].length > 0;
    if (!k) {
      // A scalar item or a continuation line: only a shallower one ends the search.
      if (keyCol < col && !dashes) return null;
      continue;
    }
    if (keyCol === col && dashes && !fromDash) {
      // The first key of the sequence item the cursor is in.
      path.unshift("[]");
      col = indent;
      fromDash = true;
      continue;
    }
    if (keyCol < col || (fromDash && keyCol === col && !dashes)) {
      path.unshift(k[3].replace(/^["']|["']$/g, ""));
      if (dashes) {
        path.unshift("[]");
        col = indent;
        fromDash = true;
      } else {
        col = keyCol;
        fromDash = false;
      }
    }
  }
  return { path, typed, from: pos - typed.length };
}

export function schemaCompletion(schemaValue: unknown) {
  const root = schemaValue as Schema;
  const resolve = (s: Schema | undefined, depth = 0): Schema[] => {
    if (!s || depth > 20) return [];
    if (s.$ref) {
      const name = s.$ref.replace(/^#\/\$defs\//, "");
      return resolve(root.$defs?.[name], depth + 1);
    }
    const parts = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
    return [s, ...parts.flatMap((p) => resolve(p, depth + 1))];
  };
  const walk = (path: string[]): Schema[] => {
    let current = resolve(root);
    for (const seg of path) {
      const next: Schema[] = [];
      for (const s of current) {
        if (seg === "[]") {
          if (s.items) next.push(...resolve(s.items));
        } else if (s.properties?.[seg]) {
          next.push(...resolve(s.properties[seg]));
        } else if (typeof s.additionalProperties === "object") {
          next.push(...resolve(s.additionalProperties));
        }
      }
      current = next;
      if (current.length === 0) break;
    }
    return current;
  };
  return (context: CompletionContext): CompletionResult | null => {
    const at = yamlPathAt(context.state.doc, context.pos);
    if (!at || (!at.typed && !context.explicit)) return null;
    const options = new Map<string, Completion>();
    for (const s of walk(at.path)) {
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (options.has(key)) continue;
        const info = prop.description ?? resolve(prop).find((p) => p.description)?.description;
        options.set(key, { label: key, type: "property", apply: `${key}: `, info: info?.split("\n")[0] });
      }
    }
    if (options.size === 0) return null;
    return { from: at.from, options: [...options.values()], validFor: /^[\w.-]*$/ };
  };
}
