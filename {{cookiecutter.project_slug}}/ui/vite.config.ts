{%- set framework = {"react": "React", "vue": "Vue"}.get(cookiecutter.frontend) -%}
// Builds src/main.ts, and what it imports, into one ES module and one stylesheet, ../web/dist/main.js and
// main.css, which ComfyUI loads from the pack's web folder. The pack's names are not compiled in: the
// bundle imports them from ../pack.js, so packs of the same kind and front end build the same bytes.
{%- if framework %}
// {{ framework }} is bundled too: the front end does not share its own with extensions.
import {{ cookiecutter.frontend }} from "@vitejs/plugin-{{ cookiecutter.frontend }}";
{%- endif %}
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [{{ cookiecutter.frontend + "()" if framework }}],
  build: {
    outDir: fileURLToPath(new URL("../web/dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    modulePreload: false,
    cssCodeSplit: false,
    rollupOptions: {
      input: fileURLToPath(new URL("src/main.ts", import.meta.url)),
      preserveEntrySignatures: "allow-extension",
      external: ["pack-config"],
      output: {
        format: "es",
        entryFileNames: "main.js",
        inlineDynamicImports: true, // one file: ComfyUI would load every other .js chunk as an extension
        assetFileNames: (asset) => (asset.names.some((n) => n.endsWith(".css")) ? "main.css" : "assets/[name][extname]"),
        paths: { "pack-config": "../pack.js" },
      },
    },
  },
  test: {
    environment: "jsdom",
    alias: { "pack-config": fileURLToPath(new URL("../web/pack.js", import.meta.url)) }, // the pack's own names
  },
});
