// CommonJS entry: the ESM build is the single instance (Node >= 20.19 can require() ES modules),
// so `require("fibers-ts")` and `import "fibers-ts"` share one runtime and one Fiber class.
module.exports = require("./index.js");
