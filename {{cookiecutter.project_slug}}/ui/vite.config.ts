{%- set framework = {"react": "React", "vue": "Vue"}.get(cookiecutter.frontend) -%}
// Builds src/main.ts, and what it imports, into one ES module and one stylesheet, ../web/dist/main.js and
// main.css, which ComfyUI loads from the pack's web folder. The pack's names are not compiled in: the
// bundle imports them from ../pack.js, so packs of the same kind and front end build the same bytes.
{%- if framework %}
// {{ framework }} is bundled too: the front end does not share its own with extensions.
import {{ cookiecutter.frontend }} from "@vitejs/plugin-{{ cookiecutter.frontend }}";
{%- endif %}
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Some names in the build are hashes of a source's text (CSS-module classes{{ ", Vue's scope ids" if framework == "Vue" }}): here of the text
// with LF line ends, so that a checkout with CRLF (Git for Windows' default) builds the same bytes.
const hash = (text: string) => createHash("sha256").update(text.replaceAll("\r\n", "\n")).digest("hex").slice(0, 8);

export default defineConfig({
{%- if cookiecutter.frontend == "vue" %}
  plugins: [vue({ features: { componentIdGenerator: (path, source) => hash(path + source) } })],
{%- else %}
  plugins: [{{ cookiecutter.frontend + "()" if framework }}],
{%- endif %}
  css: { modules: { generateScopedName: (name, _file, css) => `_${name}_${hash(css)}` } },
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
