// A stand-in for ComfyUI's app and api that records what the pack's extensions give it. The front end puts
// the real ones on window.comfyAPI before it loads extensions; src/comfy.ts reads them from there.
import { vi } from "vitest";

type Any = any;

export function installFakeComfy() {
  const seen = { extensions: [] as Any[], toasts: [] as Any[], tabs: [] as Any[] };
  const settings = new Map<string, unknown>();
  const listeners = new Map<string, (event: Any) => void>();
  const app = {
    registerExtension: (ext: Any) => {
      seen.extensions.push(ext);
      for (const s of ext.settings ?? []) settings.set(s.id, s.defaultValue);
    },
    extensionManager: {
      setting: { get: (id: string) => settings.get(id) },
      toast: { add: (t: Any) => seen.toasts.push(t) },
      registerSidebarTab: (tab: Any) => seen.tabs.push(tab),
    },
    graph: { getNodeById: vi.fn() },
  };
  const api = {
    addEventListener: (type: string, listener: (event: Any) => void) => listeners.set(type, listener),
    fetchApi: vi.fn(async (_route: string, _init?: RequestInit) => new Response("{}", { status: 404 })),
  };
  (window as Any).comfyAPI = { app: { app }, api: { api } };
  return { app, api, seen, listeners };
}

/** A LiteGraph node type's stand-in: addDOMWidget records the widget as ComfyUI does. */
export function fakeNodeType() {
  return class {
    widgets: Any[] = [];
    addDOMWidget(name: string, type: string, element: HTMLElement, options: Any) {
      // its value is what the widget's options say, as in ComfyUI's DOM widgets
      const widget = {
        name,
        type,
        element,
        options,
        get value() {
          return options.getValue?.();
        },
        set value(v: unknown) {
          options.setValue?.(v);
        },
      };
      this.widgets.push(widget);
      return widget;
    }
  };
}
