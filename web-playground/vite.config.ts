import { defineConfig } from "vite";

// A static site: relative asset URLs (`base: "./"`) so dist/ works from any folder of any static
// file server. The wasm package (../wasm/pkg) and the examples (../examples) are read from the
// repository at build time.
export default defineConfig({
  base: "./",
  server: { fs: { allow: [".."] } },
  build: {
    target: "es2022",
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
  },
});
