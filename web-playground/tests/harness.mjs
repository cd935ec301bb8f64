// What the browser tests (browser.test.mjs) and the measurements (measure.mjs) share: paths, the
// repository's examples as the CLI reads them, a static file server over dist/ on a free
// 127.0.0.1 port, and Debian's Chromium launched headless through playwright-core.
import http from "node:http";
import { createReadStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "..");
export const repo = resolve(root, "..");
export const dist = join(root, "dist");
export const artifacts = join(root, "test-artifacts");
export const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Exits with the runner's closing line when there is no built site or no browser. */
export function requireSiteAndBrowser() {
  if (!existsSync(join(dist, "index.html"))) {
    console.error(`no built site in ${dist}: run npm run build first`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  if (!existsSync(chromiumPath)) {
    console.error(`no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM)`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

/** examples/NAME's spec files, named and ordered as `monctl check examples/NAME` reads them. */
export function readExample(name) {
  const base = join(repo, "examples", name);
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(base, dir)).sort()) {
      if (entry.startsWith(".")) continue;
      const rel = dir ? `${dir}/${entry}` : entry;
      if (statSync(join(base, rel)).isDirectory()) walk(rel);
      else if (/\.(ya?ml|json)$/.test(entry)) out.push({ name: rel, text: readFileSync(join(base, rel), "utf8") });
    }
  };
  walk("");
  return out;
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** A static file server over dist/ on a free 127.0.0.1 port. */
export function startServer() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    let path = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dist + sep) && path !== dist) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok(server));
  });
}

/** Chromium, headless, with a fresh profile; `close()` closes it and removes the profile. */
export async function launch(options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), "monctl-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    ...options,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
