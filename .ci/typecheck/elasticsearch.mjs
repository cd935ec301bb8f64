// Writes one TypeScript wrapper per generated Elasticsearch body, for tsc to check against the
// official client's request types (@elastic/elasticsearch estypes):
//   index-templates/*.json      -> IndicesPutIndexTemplateRequest
//   component-templates/*.json  -> ClusterPutComponentTemplateRequest
//   ilm-policies/*.json         -> IlmPutLifecycleRequest
// Usage: node elasticsearch.mjs OUTDIR TSDIR   (OUTDIR holds one generated folder per example)
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';

const [outDir, tsDir] = process.argv.slice(2);
if (!outDir || !tsDir) {
  console.error('usage: node elasticsearch.mjs OUTDIR TSDIR');
  process.exit(2);
}
const kinds = {
  'index-templates': 'IndicesPutIndexTemplateRequest',
  'component-templates': 'ClusterPutComponentTemplateRequest',
  'ilm-policies': 'IlmPutLifecycleRequest',
};
let written = 0;
for (const example of readdirSync(outDir).sort()) {
  for (const [folder, type] of Object.entries(kinds)) {
    const dir = join(outDir, example, 'elasticsearch', folder);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const name = basename(file, '.json');
      const body = readFileSync(join(dir, file), 'utf8');
      JSON.parse(body); // a syntax error fails here, with the file name in the stack
      const target = join(tsDir, 'elasticsearch', example, folder);
      mkdirSync(target, { recursive: true });
      const ts =
        `// ${example}/elasticsearch/${folder}/${file}\n` +
        `import type { estypes } from '@elastic/elasticsearch';\n` +
        `// The name travels in the URL (PUT .../${name}); the body is checked as a literal so that\n` +
        `// an unknown top-level field is an excess-property error too.\n` +
        `export const name = ${JSON.stringify(name)} satisfies estypes.${type}['name'];\n` +
        `export const x = (${body.trim()}) satisfies Omit<estypes.${type}, 'name'>;\n`;
      writeFileSync(join(target, `${name}.ts`), ts);
      written += 1;
    }
  }
}
console.error(`[typecheck] elasticsearch: ${written} wrappers`);
