// The pack's own values, from web/pack.js (written by the template; edit it there).
declare module "pack-config" {
  const pack: {
    /** Display name of the pack. */
    name: string;
    /** Prefix of the extension, setting and command ids. */
    jsPrefix: string;
    /** Prefix of the node ids. */
    nodePrefix: string;
    /** The pack's HTTP route prefix, without slashes. */
    routePrefix: string;
    category: "client" | "independent" | "connected";
  };
  export default pack;
}
