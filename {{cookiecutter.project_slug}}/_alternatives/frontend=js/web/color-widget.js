// @ts-check
// The colour picker of the Tint Image node: a widget of the pack's own, which ComfyUI's page draws for every
// input of the type {{ cookiecutter.node_prefix | upper }}_COLOR. A DOM widget (an HTML element that the page places on the node),
// so both node renderers show it: the classic canvas and Modern Node Design (Nodes 2.0). Its value is
// saved with the workflow, sent in the prompt and restored when the workflow loads.
import { app } from "../../scripts/app.js";

const COLOR = "{{ cookiecutter.node_prefix | upper }}_COLOR";

app.registerExtension({
  name: "{{ cookiecutter.__js_prefix }}.ColorWidget",
  getCustomWidgets: () => ({
    /**
     * Make the widget for the input `inputName` of `node`; `inputData` is the input's [type, options].
     * @param {any} node
     * @param {string} inputName
     * @param {any} inputData
     */
    [COLOR](node, inputName, inputData) {
      const picker = Object.assign(document.createElement("input"), {
        type: "color",
        value: inputData[1]?.default ?? "#ffffff",
      });
      picker.style.cssText = "width:100%;height:28px;padding:0;border:0;background:none;cursor:pointer";
      const widget = node.addDOMWidget(inputName, COLOR, picker, {
        getValue: () => picker.value,
        setValue: (/** @type {string} */ value) => (picker.value = value),
      });
      picker.addEventListener("input", () => widget.callback?.(picker.value)); // tell the graph it changed
      return { widget };
    },
  }),
});
