// Text shown on the pack's nodes, under their widgets, in both node renderers: the classic canvas and
// Nodes 2.0. Server data is shown as text, never as HTML.
import pack from "pack-config";

// The block's widget name and type. A type of the pack's own, not "text": Nodes 2.0 draws its own text
// input for a "text" widget and would never show the block.
const DISPLAY = `${pack.jsPrefix}_display`;

/** Give every node of `nodeType` a read-only text block, made with the node. */
export function addTextDisplay(nodeType: any): void {
  const onNodeCreated = nodeType.prototype.onNodeCreated;
  nodeType.prototype.onNodeCreated = function (...args: unknown[]) {
    onNodeCreated?.apply(this, args);
    const block = document.createElement("pre");
    block.style.cssText = "margin:0;padding:4px;white-space:pre-wrap;font:12px monospace;overflow:auto";
    const widget = this.addDOMWidget(DISPLAY, DISPLAY, block, { serialize: false });
    widget.serialize = false; // not part of the saved workflow either
  };
}

/** Show `text` on `node`, in the block addTextDisplay gave it. */
export function showText(node: any, text: string): void {
  const widget = node.widgets?.find((w: any) => w.name === DISPLAY);
  if (widget) widget.element.textContent = text;
  node.setDirtyCanvas?.(true, true);
}
