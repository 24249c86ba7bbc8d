// The colour picker of the Tint Image node: a widget of the pack's own, which ComfyUI's page draws for every
// input of the type <NODE PREFIX>_COLOR. A DOM widget (an HTML element that the page places on the node), so
// both node renderers show it: the classic canvas and Modern Node Design (Nodes 2.0). Its value is saved
// with the workflow, sent in the prompt and restored when the workflow loads.
import pack from "pack-config";
import { mountColorPicker } from "../color-picker";
import { app } from "../comfy";

const COLOR = `${pack.nodePrefix.toUpperCase()}_COLOR`;

app.registerExtension({
  name: `${pack.jsPrefix}.ColorWidget`,
  getCustomWidgets: () => ({
    /** Make the widget for the input `inputName` of `node`; `inputData` is the input's [type, options]. */
    [COLOR](node: any, inputName: string, inputData: any) {
      let value: string = inputData[1]?.default ?? "#ffffff";
      const element = document.createElement("div");
      const picker = mountColorPicker(element, value, (picked) => {
        value = picked;
        widget.callback?.(value); // tell the graph it changed
      });
      const widget = node.addDOMWidget(inputName, COLOR, element, {
        getValue: () => value,
        setValue: (loaded: string) => picker.show((value = loaded)),
      });
      const onRemoved = node.onRemoved;
      node.onRemoved = function (...args: unknown[]) {
        picker.unmount();
        onRemoved?.apply(this, args);
      };
      return { widget };
    },
  }),
});
