{%- set J = cookiecutter.__js_prefix -%}
// @ts-check
// Text shown on the pack's nodes, under their widgets, in both node renderers: the classic canvas and
// Nodes 2.0. Server data is shown as text, never as HTML.

// The block's widget name and type. A type of the pack's own, not "text": Nodes 2.0 draws its own text
// input for a "text" widget and would never show the block.
const DISPLAY = "{{ J }}_display";

/**
 * Give every node of `nodeType` a read-only text block, made with the node.
 * @param {any} nodeType
 */
export function addTextDisplay(nodeType) {
  const onNodeCreated = nodeType.prototype.onNodeCreated;
  nodeType.prototype.onNodeCreated = function (/** @type {any[]} */ ...args) {
    onNodeCreated?.apply(this, args);
    const block = document.createElement("pre");
    block.style.cssText = "margin:0;padding:4px;white-space:pre-wrap;font:12px monospace;overflow:auto";
    const widget = this.addDOMWidget(DISPLAY, DISPLAY, block, { serialize: false });
    widget.serialize = false; // not part of the saved workflow either
  };
}

/**
 * Show `text` on `node`, in the block addTextDisplay gave it.
 * @param {any} node
 * @param {string} text
 */
export function showText(node, text) {
  const widget = node.widgets?.find((/** @type {any} */ w) => w.name === DISPLAY);
  if (widget) widget.element.textContent = text;
  node.setDirtyCanvas?.(true, true);
}
