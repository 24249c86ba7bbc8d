// Stands in for web/pack.js in the tests.
export default {
  name: "Test Pack",
  jsPrefix: "TestPack",
  nodePrefix: "TestPack",
  routePrefix: "test-pack",
  category: "connected" as const,
};
