// Open fibers-ts bugs found by the fuzzer. Each has a minimal repro in found/ (not run by the
// tests). A bug is kept out of the way in one of two ways:
//   avoid      a generator feature (gen.mjs FEATURES) that is left out by default, when the bug
//              needs a construct that the generator can simply not produce;
//   messages   error messages (normalized as in common.mjs) that only its compiled runs show, when
//              the construct is too common to leave out: a mismatch whose compiled-only errors
//              include them is reported as this known bug, not as a new one (it may hide another
//              bug in the same program: the fuzzer cannot tell).
// When a bug is fixed: delete its entry, move its found/ file to regressions/ (where it runs as a
// differential case), and re-run `npm run fuzz` (`--include-known` shows what the entries hide).
import { compiledOnlyErrors } from "./common.mjs";

export const KNOWN_BUGS = [
  // Fixed (repros moved to regressions/): outer-capture-in-boxed-init, this-of-captured-callee,
  // for-in-slot-collision (7211b1e); catch-empty-pattern, derived-ctor-return-primitive (99a041a);
  // class-ctor-default-switch (6de58ac); object-temp-name-collision (804eeb7);
  // var-in-block-boxed-init, iife-in-boxed-pattern-default (c044a50); generator-next-in-generator
  // (ecd289e, which also documented for-of/spread/optional calls in generator bodies as not
  // supported: gen.mjs no longer produces them there); generator-call-forms, call-non-function-message,
  // not-iterable-message (eighth session).
];

export const KNOWN_BUG_AVOID = KNOWN_BUGS.filter((b) => b.avoid).map((b) => b.avoid);

/** The known bug (with `messages`) that a failing result shows, if any. */
export function knownBugFor(r) {
  if (r.kind !== "mismatch") return undefined;
  const errs = new Set(compiledOnlyErrors(r));
  return KNOWN_BUGS.find((b) => b.messages && b.messages.every((m) => errs.has(m)));
}

/** Seeds run by fuzz.test.ts: [first, count]. */
export const TEST_SEEDS = [1, 200];
