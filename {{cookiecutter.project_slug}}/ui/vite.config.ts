{%- set fw = {"react": "React", "vue": "Vue"}.get(cookiecutter.frontend) -%}
{%- if fw -%}
// Builds src/main.ts (and the {{ fw }} component it renders) into one ES module and one stylesheet,
// ../web/dist/main.js and main.css, which ComfyUI loads from the pack's web folder. {{ fw }} is bundled:
// the front end does not provide it to extensions. The pack's own values (names, prefixes, category)
// are not compiled in: the bundle imports them from ../pack.js, a small module the template wrote for
// this pack, so the built files are the same for every pack.
{%- else -%}
// Builds src/main.ts into one ES module and one stylesheet, ../web/dist/main.js and main.css, which
// ComfyUI loads from the pack's web folder. The pack's own values (names, prefixes, category) are not
// compiled in: the bundle imports them from ../pack.js, a small module the template wrote for this pack,
// so the built files are the same for every pack.
{%- endif %}
import { fileURLToPath } from "node:url";
{%- if fw %}
import {{ cookiecutter.frontend }} from "@vitejs/plugin-{{ cookiecutter.frontend }}";
{%- endif %}
import { defineConfig } from "vitest/config";

export default defineConfig({
{%- if fw %}
  plugins: [{{ cookiecutter.frontend }}()],
{%- endif %}
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
    alias: { "pack-config": fileURLToPath(new URL("test/pack-config.ts", import.meta.url)) },
  },
});
