// The stylesheet Vite writes next to main.js (the front end loads no CSS by itself). Each panel puts a
// link to it in the element it renders into, not in the page's <head>, which belongs to the front end.
export function stylesheet(): HTMLLinkElement {
  const file = "main.css"; // a variable, so that Vite leaves the URL to the browser
  const href = new URL(file, import.meta.url).href;
  return Object.assign(document.createElement("link"), { rel: "stylesheet", href });
}
