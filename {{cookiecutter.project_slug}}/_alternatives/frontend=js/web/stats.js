// @ts-check
// Shows the Image Stats node's measurements on the node after each run in this browser.
import { app } from "../../scripts/app.js";
import { addTextDisplay, showText } from "./node-ui.js";

app.registerExtension({
  name: "{{ cookiecutter.__js_prefix }}.ImageStats",
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (nodeData.name !== "{{ cookiecutter.node_prefix }}_ImageStats") return;
    addTextDisplay(nodeType);
    const proto = /** @type {any} */ (nodeType.prototype); // onExecuted is ComfyUI's, not in LiteGraph's types
    const onExecuted = proto.onExecuted;
    // The node's `ui` result arrives here after each run that this browser queued.
    proto.onExecuted = function (/** @type {any} */ output) {
      onExecuted?.apply(this, [output]);
      showText(this, String(output?.text?.[0] ?? ""));
    };
  },
});
