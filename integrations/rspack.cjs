// CommonJS entry of fibers-ts/rspack: the ES module build is the implementation (Node >= 20.19 can
// require() ES modules). `require("fibers-ts/rspack")` is the plugin function itself, with
// `.default` and `.fibers` for code written against the ES module's exports.
"use strict";
const m = require("./rspack.js");
module.exports = Object.assign(m.default, { default: m.default, fibers: m.fibers });
