// CommonJS entry of fibers-ts/tsc. ts-patch loads plugins with require(): this is the file
// `require.resolve("fibers-ts/tsc")` finds (the "require" condition); the ES module build is the
// implementation (Node >= 20.19 can require() ES modules). A module.exports that is a function is
// the plugin itself to ts-patch; `.default` is there for code written against the ES module.
"use strict";
const m = require("./tsc.js");
module.exports = Object.assign(m.default, { default: m.default });
