import { defineConfig } from "vite";

// A static site: relative asset URLs (`base: "./"`) so dist/ works from any folder of any static
// file server. The wasm package (../wasm/pkg) and the examples (../examples) are read from the
// repository at build time. The core runs in a module worker (src/worker.ts), bundled as an ES
// module chunk of its own.
export default defineConfig({
  base: "./",
  server: { fs: { allow: [".."] } },
  worker: { format: "es" },
  build: {
    target: "es2022",
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
  },
});
