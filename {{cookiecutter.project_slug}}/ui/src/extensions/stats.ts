// Shows the Image Stats node's measurements on the node after each run in this browser.
import pack from "pack-config";
import { app } from "../comfy";
import { addTextDisplay, showText } from "../node-ui";

app.registerExtension({
  name: `${pack.jsPrefix}.ImageStats`,
  async beforeRegisterNodeDef(nodeType, nodeData) {
    if (nodeData.name !== `${pack.nodePrefix}_ImageStats`) return;
    addTextDisplay(nodeType);
    const proto = nodeType.prototype as any; // onExecuted is ComfyUI's, not in LiteGraph's types
    const onExecuted = proto.onExecuted;
    // The node's `ui` result arrives here after each run that this browser queued.
    proto.onExecuted = function (output: any) {
      onExecuted?.apply(this, [output]);
      showText(this, String(output?.text?.[0] ?? ""));
    };
  },
});
