// CommonJS: require('pook') gives the same API as the ES module.
const assert = require('node:assert/strict');
const pook = require('pook');

async function main() {
  pook.activate();
  pook.get('https://api.test/status').reply(200).json({ ok: true });
  const response = await fetch('https://api.test/status');
  assert.deepEqual(await response.json(), { ok: true });
  assert.equal(typeof pook.delete, 'function');
  assert.equal(pook.default.get, pook.get); // the default export is there too
  pook.off();
  console.log('commonjs: require("pook") works');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
