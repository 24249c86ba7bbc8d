// Stands in for the front end's /scripts/app.js and /scripts/api.js in the tests.
export const app = /** @type {any} */ (window).comfyAPI.app.app;
export const api = /** @type {any} */ (window).comfyAPI.api.api;
