// The files in ../web import the front end's modules by URL (../../scripts/app.js). In the tests those imports
// go to test/comfy-scripts.js, which, like the front end's own files, reads them from window.comfyAPI.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "jsdom",
    alias: [
      {
        find: /^(\.\.\/)+scripts\/(app|api)\.js$/,
        replacement: fileURLToPath(new URL("test/comfy-scripts.js", import.meta.url)),
      },
    ],
  },
});
