// The pack's front end. Vite builds this file, and what it imports, into ../web/dist/main.js, which ComfyUI
// loads into its page. Each module in extensions/ registers one extension with ComfyUI: add a file there
// to add one.
import.meta.glob("./extensions/*.ts", { eager: true });
