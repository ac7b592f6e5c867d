// Small helpers shared by the fuzz CLI, the shrinker and the vitest tests.

/** Size used for a seed when --size is mixed: mostly medium, some small and large programs. */
export function sizeForSeed(seed) {
  return ["small", "medium", "medium", "large"][seed % 4];
}

/** Failures that point at fibers-ts (the others are the fuzzer's own bugs). */
export function isCompilerFailure(r) {
  return ["mismatch", "compile-error", "timeout", "crash", "harness-error"].includes(r.kind);
}

/** Comment block put at the top of a saved failing program. */
export function failureHeader(name, r) {
  const lines = [`${name}: ${signature(r)}`, ...(r.detail ?? "").split("\n")];
  return lines.map((l) => `// ${l}`.trimEnd()).join("\n") + "\n";
}

const ERROR_RE = /\b\w*Err\w*\("((?:[^"\\]|\\.)*)"/g;
/** Engine messages that programs may log as strings (e.g. `catch ({ message })`). */
const MESSAGE_RE = /"((?:[^"\\]|\\.)*(?:is not defined|is not a function|is not iterable|is not a constructor|Cannot [^"]*|before initialization|cannot switch[^"]*))"/g;
/** Generated names (v12, f3, Err7...) and numbers are replaced, so a signature survives shrinking. */
const normalize = (s) => s.replace(/\b[A-Za-z_$][\w$]*?\d+\b/g, "#").replace(/\d+/g, "N");

/** Normalized error messages in a serialized value (errors, and engine messages logged as strings). */
function errorsIn(text) {
  const out = new Set();
  for (const m of text.matchAll(ERROR_RE)) out.add(normalize(`"${m[1]}"`));
  for (const m of text.matchAll(MESSAGE_RE)) out.add(normalize(`"${m[1]}"`));
  return [...out];
}

/** Normalized error messages that only the compiled side of a mismatch shows. */
export function compiledOnlyErrors(r) {
  const errs = new Set();
  for (const p of r.problems ?? []) {
    const refErrs = new Set(errorsIn(p.ref));
    for (const e of errorsIn(p.got)) if (!refErrs.has(e)) errs.add(e);
  }
  return [...errs].sort();
}

/**
 * What kind of failure a result is, for the shrinker: a variant must keep the signature of the
 * original failure, so that shrinking does not wander from one bug to another. For a mismatch it
 * is the set of (normalized) error messages that only the compiled side shows, or "values".
 */
export function signature(r) {
  if (r.kind === "compile-error") return `compile-error: ${normalize(String(r.detail).replace(/^[^:]*:\d+:\d+: /, ""))}`;
  if (r.kind !== "mismatch") return r.kind;
  const errs = compiledOnlyErrors(r);
  return `mismatch: ${errs.length ? errs.join(" ") : "values"}`; // e.g. mismatch: "# is not defined"
}
