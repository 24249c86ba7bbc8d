// A stand-in for ComfyUI's app and api that records what the pack's extensions give it. The front end puts
// the real ones on window.comfyAPI; test/comfy-scripts.js hands them to the files in ../web from there.
import { vi } from "vitest";

export function installFakeComfy() {
  /** @type {{extensions: any[], toasts: any[], tabs: any[]}} */
  const seen = { extensions: [], toasts: [], tabs: [] };
  const settings = new Map();
  /** @type {Map<string, Function>} */
  const listeners = new Map();
  const app = {
    registerExtension: (/** @type {any} */ ext) => {
      seen.extensions.push(ext);
      for (const s of ext.settings ?? []) settings.set(s.id, s.defaultValue);
    },
    extensionManager: {
      setting: { get: (/** @type {string} */ id) => settings.get(id) },
      toast: { add: (/** @type {any} */ t) => seen.toasts.push(t) },
      registerSidebarTab: (/** @type {any} */ tab) => seen.tabs.push(tab),
    },
    graph: { getNodeById: vi.fn() },
  };
  const api = {
    addEventListener: (/** @type {string} */ type, /** @type {Function} */ listener) => listeners.set(type, listener),
    fetchApi: vi.fn(async (/** @type {string} */ _route, /** @type {RequestInit} */ _init) => new Response("{}", { status: 404 })),
  };
  /** @type {any} */ (window).comfyAPI = { app: { app }, api: { api } };
  return { app, api, seen, listeners };
}

/** A LiteGraph node type's stand-in: addDOMWidget records the widget as ComfyUI does. */
export function fakeNodeType() {
  return class {
    /** @type {any[]} */
    widgets = [];
    /**
     * @param {string} name
     * @param {string} type
     * @param {HTMLElement} element
     * @param {any} options
     */
    addDOMWidget(name, type, element, options) {
      // its value is what the widget's options say, as in ComfyUI's DOM widgets
      const widget = {
        name,
        type,
        element,
        options,
        get value() {
          return options.getValue?.();
        },
        set value(/** @type {unknown} */ v) {
          options.setValue?.(v);
        },
      };
      this.widgets.push(widget);
      return widget;
    }
  };
}
