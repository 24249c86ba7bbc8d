// ComfyUI's app and api objects. The front end puts them on window.comfyAPI before it loads extensions
// (its own /scripts/app.js and /scripts/api.js read them from there too), so a bundle needs no import path.
import type { ComfyApi, ComfyApp } from "@comfyorg/comfyui-frontend-types";

declare global {
  interface Window {
    comfyAPI: { app: { app: ComfyApp }; api: { api: ComfyApi } };
  }
}

export const app: ComfyApp = window.comfyAPI.app.app;
export const api: ComfyApi = window.comfyAPI.api.api;
