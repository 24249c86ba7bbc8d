// Types for the front end's own modules, which the files in ../web import by URL (../../scripts/app.js):
// TypeScript cannot follow that URL, so these declarations give the imports their real types.
declare module "*/scripts/app.js" {
  export const app: import("@comfyorg/comfyui-frontend-types").ComfyApp;
}
declare module "*/scripts/api.js" {
  export const api: import("@comfyorg/comfyui-frontend-types").ComfyApi;
}
