// The repository's examples, bundled at build time straight from ../examples (no copy that can
// drift): every folder under examples/ is one example; its .yml/.yaml/.json files, hidden ones
// skipped, in the order `monctl check examples/NAME` reads them, named relative to the folder.
import type { SpecFile } from "./monctl";

const raw = import.meta.glob("../../examples/**/*.{yml,yaml,json}", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export interface Example {
  name: string;
  files: SpecFile[];
}

/** Compares paths the way the CLI walks a folder: entries sorted by name at each level. */
export function compareSpecPaths(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) {
      // Rust sorts file names by their bytes; for these names that is code-unit order.
      return x[i] < y[i] ? -1 : 1;
    }
  }
  return x.length - y.length;
}

function collect(): Example[] {
  const byName = new Map<string, SpecFile[]>();
  for (const [key, text] of Object.entries(raw)) {
    const rel = key.replace(/^(\.\.\/)+examples\//, "");
    const parts = rel.split("/");
    if (parts.length < 2 || parts.some((p) => p.startsWith("."))) continue; // files beside the folders
    const [example, ...rest] = parts;
    const files = byName.get(example) ?? [];
    files.push({ name: rest.join("/"), text });
    byName.set(example, files);
  }
  return [...byName.entries()]
    .map(([name, files]) => ({ name, files: files.sort((a, b) => compareSpecPaths(a.name, b.name)) }))
    .sort((a, b) => (a.name === DEFAULT_EXAMPLE ? -1 : b.name === DEFAULT_EXAMPLE ? 1 : a.name.localeCompare(b.name)));
}

export const DEFAULT_EXAMPLE = "mall-go";
export const examples: Example[] = collect();
