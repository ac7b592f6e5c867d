// Structural serializer for trace values: distinguishes -0, NaN, undefined, holes, errors (class +
// message), Maps/Sets, class instances. Accessors are never invoked, so serializing has no side
// effects (a getter must not run between the reference and the compiled runs). Same conventions
// as test/differential/harness.ts's ser(), in plain JavaScript so the fuzzer runs without a build.

function ctorName(v) {
  const proto = Object.getPrototypeOf(v);
  if (proto === null) return "null-proto";
  const c = proto.constructor;
  return typeof c === "function" && typeof c.name === "string" ? c.name : "?";
}

function isError(v) {
  return v instanceof Error || Object.prototype.toString.call(v) === "[object Error]";
}

function serKey(k) {
  return typeof k === "symbol" ? `[${k.toString()}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
}

function serProps(v, skip, seen, depth) {
  const parts = [];
  for (const k of Reflect.ownKeys(v)) {
    if (typeof k === "string" && skip(k)) continue;
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (!d.enumerable) continue;
    if ("value" in d) parts.push(`${serKey(k)}: ${ser(d.value, seen, depth + 1)}`);
    else parts.push(`${serKey(k)}: [${d.get ? "Getter" : ""}${d.get && d.set ? "/" : ""}${d.set ? "Setter" : ""}]`);
  }
  return parts;
}

export function ser(v, seen = new Set(), depth = 0) {
  switch (typeof v) {
    case "undefined": return "undefined";
    case "number": return Object.is(v, -0) ? "-0" : String(v);
    case "bigint": return `${v}n`;
    case "string": return JSON.stringify(v);
    case "boolean": return String(v);
    case "symbol": return v.toString();
    case "function": return `[Function ${v.name || "<anonymous>"}]`;
  }
  if (v === null) return "null";
  if (seen.has(v)) return "[Circular]";
  if (depth > 8) return "[Deep]";
  seen.add(v);
  try {
    if (isError(v)) {
      const extra = serProps(v, (k) => k === "message" || k === "stack", seen, depth);
      const name = Object.prototype.hasOwnProperty.call(v, "name") || v.name !== ctorName(v) ? ` name=${JSON.stringify(v.name)}` : "";
      return `${ctorName(v)}(${JSON.stringify(v.message)}${name}${extra.length ? " {" + extra.join(", ") + "}" : ""})`;
    }
    if (Array.isArray(v)) {
      const items = [];
      for (let i = 0; i < v.length; i++) items.push(i in v ? ser(v[i], seen, depth + 1) : "<hole>");
      const extra = serProps(v, (k) => k === "length" || String(Number(k) >>> 0) === k, seen, depth);
      const c = ctorName(v);
      return `${c === "Array" ? "" : c}[${items.concat(extra).join(", ")}]`;
    }
    if (v instanceof Map) return `Map{${[...v].map(([k, x]) => ser(k, seen, depth + 1) + " => " + ser(x, seen, depth + 1)).join(", ")}}`;
    if (v instanceof Set) return `Set{${[...v].map((x) => ser(x, seen, depth + 1)).join(", ")}}`;
    const c = ctorName(v);
    return `${c === "Object" ? "" : c + " "}{${serProps(v, () => false, seen, depth).join(", ")}}`;
  } finally {
    seen.delete(v);
  }
}
