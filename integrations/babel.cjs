// CommonJS entry of fibers-ts/babel. Babel resolves `plugins: ["fibers-ts/babel"]` with require
// resolution and loads a CommonJS plugin synchronously (an ES module plugin would only work with
// Babel's async API); the ES module build is the implementation (Node >= 20.19 can require() ES
// modules). `.default` is there for code written against the ES module.
"use strict";
const m = require("./babel.js");
module.exports = Object.assign(m.default, { default: m.default });
