// Writes a TypeScript wrapper for every generated Grafana dashboard, so that tsc checks it against
// @grafana/schema's Dashboard type: `export const d = (<json>) satisfies Dashboard;`.
// Usage: node grafana.mjs OUTDIR TSDIR   (OUTDIR holds one generated folder per example)
// Values of fields typed as string enums in the schema (thresholds.mode: ThresholdsMode) are
// written as the enum's members, since TypeScript does not accept a string literal for an enum;
// a value that is no member of the enum stays a string literal, and tsc rejects it.
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [outDir, tsDir] = process.argv.slice(2);
if (!outDir || !tsDir) {
  console.error('usage: node grafana.mjs OUTDIR TSDIR');
  process.exit(2);
}

const ENUMS = {
  // key path suffix -> [enum type, {value: member}]
  'thresholds.mode': ['ThresholdsMode', { absolute: 'Absolute', percentage: 'Percentage' }],
};

function render(value, path, used) {
  if (Array.isArray(value)) {
    return '[' + value.map((v) => render(v, path, used)).join(', ') + ']';
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(
      ([k, v]) => `${JSON.stringify(k)}: ${render(v, [...path, k], used)}`,
    );
    return '{' + fields.join(', ') + '}';
  }
  if (typeof value === 'string') {
    const key = path.slice(-2).join('.');
    const known = ENUMS[key];
    if (known && known[1][value]) {
      used.add(known[0]);
      return `${known[0]}.${known[1][value]}`;
    }
  }
  return JSON.stringify(value);
}

let count = 0;
for (const example of readdirSync(outDir)) {
  const dir = join(outDir, example, 'grafana', 'dashboards');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const used = new Set();
    const body = render(json, [], used);
    const enums = [...used].sort();
    const imports = enums.length ? `import { ${enums.join(', ')} } from '@grafana/schema';\n` : '';
    const name = `grafana-${example}-${file.replace(/\.json$/, '')}.ts`.replace(/[^A-Za-z0-9_.-]/g, '_');
    writeFileSync(
      join(tsDir, name),
      `// ${example}/grafana/dashboards/${file}\nimport type { Dashboard } from '@grafana/schema';\n${imports}export const d = (${body}) satisfies Dashboard;\n`,
    );
    count += 1;
  }
}
console.error(`[typecheck] grafana: ${count} dashboards`);
