// Stands in for web/pack.js in the tests.
export default { name: "Test Pack", jsPrefix: "testpack", nodePrefix: "TestPack", routePrefix: "test-pack" };
