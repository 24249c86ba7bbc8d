// A stand-in for ComfyUI's app and api that records what the extension gives it. The real ones are put
// on window.comfyAPI by the front end before it loads extensions; src/comfy.ts reads them from there.
import { vi } from "vitest";

type Any = any;

export function installFakeComfy() {
  const seen = { extension: undefined as Any, toasts: [] as Any[], tabs: [] as Any[] };
  const settings = new Map<string, unknown>();
  const app = {
    registerExtension: (ext: Any) => {
      seen.extension = ext;
      for (const s of ext.settings ?? []) settings.set(s.id, s.defaultValue);
    },
    extensionManager: {
      setting: { get: (id: string) => settings.get(id) },
      toast: { add: (t: Any) => seen.toasts.push(t) },
      registerSidebarTab: (tab: Any) => seen.tabs.push(tab),
    },
    graph: { getNodeById: () => null },
  };
  const api = {
    addEventListener: vi.fn(),
    fetchApi: vi.fn(async () => new Response(JSON.stringify({ presets: [{ name: "soft", strength: 0.5 }] }))),
  };
  (window as Any).comfyAPI = { app: { app }, api: { api } };
  return { app, api, seen, settings };
}
