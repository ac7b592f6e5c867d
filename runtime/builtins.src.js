/**
 * Plain-JavaScript replacements for the native higher-order built-ins.
 *
 * A fiber can only switch across compiled frames, so a callback invoked by a native built-in
 * (Array.prototype.map calling its callback, ...) could not switch. The compiler compiles this file
 * like user code and routes calls of those built-ins here, so that every frame between the caller
 * and the callback is a compiled one.
 *
 * Every function follows ECMAScript 2023 step by step (ToObject, LengthOfArrayLike, IsCallable
 * before iterating, HasProperty to skip holes exactly where the spec does, the length read once,
 * elements read at visit time, ArraySpeciesCreate, CreateDataPropertyOrThrow, ...), and produces the
 * same results, the same observable operations and the same error types/messages as V8 (Node 20).
 * The only place where V8 itself departs from the spec, `sort` of fewer than 2 elements, follows V8.
 *
 * The receiver is the first parameter. Callbacks are invoked as `cb(...)` when thisArg is
 * undefined (that is exactly Call(cb, undefined, args)) and as `cb.call(thisArg, ...)` otherwise,
 * so that the compiler sees an ordinary call of the callback.
 *
 * Result arrays that the spec creates with ArrayCreate are filled while their prototype is null:
 * the array is not reachable by user code until it is returned, and a plain assignment to an array
 * without prototype is exactly CreateDataProperty (no setter or read-only element inherited from
 * Array.prototype / Object.prototype can interfere), at the speed of a plain store.
 *
 * Hot loops: plain indexed loops, no closures or allocations per element, no arguments object, no
 * try/catch inside loops.
 */

// ---------------------------------------------------------------------------------------------
// Primordials, captured at load time so that later changes to globals cannot affect us (native
// built-ins do not look these up either).

const ObjectCtor = Object;
const ArrayCtor = Array;
const ArrayProto = Array.prototype;
const ProxyCtor = Proxy;
const TypeErrorCtor = TypeError;
const isArray = Array.isArray;
const apply = Reflect.apply;
const reflectDefineProperty = Reflect.defineProperty;
const setPrototypeOf = Reflect.setPrototypeOf;
const getPrototypeOf = Reflect.getPrototypeOf;
const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
const hasOwn = Object.hasOwn;
const floor = Math.floor;
const SymbolIterator = Symbol.iterator;
const SymbolSpecies = Symbol.species;
const SymbolToStringTag = Symbol.toStringTag;
const FunctionProtoToString = Function.prototype.toString;
const ObjectProtoToString = Object.prototype.toString;
const ErrorProtoToString = Error.prototype.toString;
const SymbolProtoToString = Symbol.prototype.toString;
const StringProtoSlice = String.prototype.slice;
const MapProtoEntries = Map.prototype.entries;
const SetProtoValues = Set.prototype.values;
const MapIteratorNext = getPrototypeOf(new Map().entries()).next;
const SetIteratorNext = getPrototypeOf(new Set().values()).next;

const MAX_SAFE_INTEGER = 9007199254740991;
const EMPTY = Object.freeze([]);
const FOREIGN_ARRAY_SOURCE = "function Array() { [native code] }";

/** Reused descriptor for CreateDataPropertyOrThrow on arrays we did not create ourselves. */
const dataDesc = { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true };

/** Handler of the probe proxy used by isConstructor: construct runs no user code. */
const probeHandler = {
  __proto__: null,
  construct() {
    return probeHandler;
  },
};

// ---------------------------------------------------------------------------------------------
// Abstract operations

/** ToObject for Array.prototype methods, with V8's message. */
function toObjectFor(O, name) {
  if (O === undefined || O === null) throw new TypeErrorCtor(name + " called on null or undefined");
  return ObjectCtor(O);
}

/** ToObject with V8's generic message (used by V8 for sort and flatMap). */
function toObject(O) {
  if (O === undefined || O === null) throw new TypeErrorCtor("Cannot convert undefined or null to object");
  return ObjectCtor(O);
}

/** LengthOfArrayLike: ToLength(Get(O, "length")). Unary plus is exactly ToNumber. */
function lengthOfArrayLike(O) {
  const n = +O.length;
  if (!(n > 0)) return 0; // NaN, +-0, negatives
  return n < MAX_SAFE_INTEGER ? floor(n) : MAX_SAFE_INTEGER;
}

/** IsConstructor, without observable side effects (a proxy has [[Construct]] iff its target has). */
function isConstructor(C) {
  if (typeof C !== "function") return false;
  if (C === ArrayCtor) return true;
  try {
    const probe = new ProxyCtor(C, probeHandler);
    new probe();
    return true;
  } catch {
    return false;
  }
}

/** True if C is the %Array% intrinsic of another realm (ArraySpeciesCreate step 4). */
function isForeignArrayConstructor(C) {
  let source;
  try {
    source = apply(FunctionProtoToString, C, EMPTY);
  } catch {
    return false;
  }
  return source === FOREIGN_ARRAY_SOURCE;
}

/**
 * ArraySpeciesCreate(originalArray, length). Returns null when the result is ArrayCreate(length)
 * (the caller then creates it itself), otherwise the constructed object.
 */
function arraySpeciesCreate(originalArray, length) {
  if (!isArray(originalArray)) return null;
  let C = originalArray.constructor;
  if (C !== ArrayCtor && typeof C === "function" && isForeignArrayConstructor(C)) C = undefined;
  if (typeof C === "function" || (typeof C === "object" && C !== null)) {
    C = C[SymbolSpecies];
    if (C === null) C = undefined;
  }
  // Construct(%Array%, «length») is exactly ArrayCreate(length).
  if (C === undefined || C === ArrayCtor) return null;
  if (!isConstructor(C)) throw new TypeErrorCtor("object.constructor[Symbol.species] is not a constructor");
  return new C(length);
}

/** A fresh ArrayCreate(length) with a null prototype, to be filled by plain stores. */
function newFillArray(length) {
  const A = new ArrayCtor(length);
  setPrototypeOf(A, null);
  return A;
}

/** CreateDataPropertyOrThrow(A, key, value) on an object that user code may observe. */
function createDataPropertyOrThrow(A, key, value) {
  dataDesc.value = value;
  const ok = reflectDefineProperty(A, key, dataDesc);
  dataDesc.value = undefined;
  if (!ok) {
    let exists = false;
    try {
      exists = getOwnPropertyDescriptor(A, key) !== undefined;
    } catch {
      // keep the generic message
    }
    throw new TypeErrorCtor(
      exists ? "Cannot redefine property: " + key : "Cannot define property " + key + ", object is not extensible",
    );
  }
}

/** IteratorClose(iteratorRecord, throw completion): errors from `return` are ignored. */
function iteratorCloseOnThrow(iterator) {
  try {
    const ret = iterator.return;
    if (ret !== undefined && ret !== null) apply(ret, iterator, EMPTY);
  } catch {
    // the original throw completion wins
  }
}

function isObject(v) {
  return (typeof v === "object" && v !== null) || typeof v === "function";
}

// ---------------------------------------------------------------------------------------------
// Error messages, rendered the way V8 renders values in its messages.

const NOT_FOUND = { __proto__: null };
const ACCESSOR = { __proto__: null };

/** V8's GetDataProperty: a data property on the prototype chain, without running getters. */
function getDataProperty(o, key) {
  for (let p = o; p !== null; p = getPrototypeOf(p)) {
    const d = getOwnPropertyDescriptor(p, key);
    if (d !== undefined) return hasOwn(d, "value") ? d.value : ACCESSOR;
  }
  return NOT_FOUND;
}

/** V8's Object::NoSideEffectsToString, for the values that appear in our messages. */
function describe(v) {
  if (v === null) return "null";
  const t = typeof v;
  if (t === "symbol") return apply(SymbolProtoToString, v, EMPTY);
  if (t !== "object" && t !== "function") return "" + v;
  try {
    if (t === "function") return apply(FunctionProtoToString, v, EMPTY);
    const toString = getDataProperty(v, "toString");
    if (toString === ErrorProtoToString) {
      let name = getDataProperty(v, "name");
      let message = getDataProperty(v, "message");
      name = typeof name === "string" ? name : "Error";
      message = typeof message === "string" ? message : "";
      if (name === "") return message;
      if (message === "") return name;
      return name + ": " + message;
    }
    if (toString === ObjectProtoToString) {
      const ctor = getDataProperty(v, "constructor");
      if (typeof ctor === "function") {
        const name = getDataProperty(ctor, "name");
        if (typeof name === "string" && name !== "") return "#<" + name + ">";
      }
    }
    const tag = getDataProperty(v, SymbolToStringTag);
    if (typeof tag === "string") return "[object " + tag + "]";
    if (isArray(v)) return "[object Array]";
    if (tag === NOT_FOUND) {
      const builtin = apply(ObjectProtoToString, v, EMPTY);
      return "[object " + apply(StringProtoSlice, builtin, [8, -1]) + "]";
    }
    return "[object Object]";
  } catch {
    return "#<Object>";
  }
}

/** V8's "typeof-prefixed" rendering, used by Map/Set forEach and iterator `next` messages. */
function describeTyped(v) {
  if (v === undefined) return "undefined";
  if (v === null) return "object null";
  const t = typeof v;
  if (t === "number" || t === "boolean") return t + " " + v;
  if (t === "string") return 'string "' + v + '"';
  return t;
}

function notCallable(v) {
  return new TypeErrorCtor(describe(v) + " is not a function");
}

// ---------------------------------------------------------------------------------------------
// Array.prototype methods

export function forEach(O, callbackfn, thisArg) {
  const o = toObjectFor(O, "Array.prototype.forEach");
  const len = lengthOfArrayLike(o);
  if (typeof callbackfn !== "function") throw notCallable(callbackfn);
  for (let k = 0; k < len; k++) {
    if (k in o) {
      const kValue = o[k];
      if (thisArg === undefined) callbackfn(kValue, k, o);
      else callbackfn.call(thisArg, kValue, k, o);
    }
  }
  return undefined;
}

export function map(O, callbackfn, thisArg) {
  const o = toObjectFor(O, "Array.prototype.map");
  const len = lengthOfArrayLike(o);
  if (typeof callbackfn !== "function") throw notCallable(callbackfn);
  let A = arraySpeciesCreate(o, len);
  const plain = A === null;
  if (plain) A = newFillArray(len);
  for (let k = 0; k < len; k++) {
    if (k in o) {
      const kValue = o[k];
      const mappedValue = thisArg === undefined ? callbackfn(kValue, k, o) : callbackfn.call(thisArg, kValue, k, o);
      if (plain) A[k] = mappedValue;
      else createDataPropertyOrThrow(A, k, mappedValue);
    }
  }
  if (plain) setPrototypeOf(A, ArrayProto);
  return A;
}

export function filter(O, callbackfn, thisArg) {
  const o = toObjectFor(O, "Array.prototype.filter");
  const len = lengthOfArrayLike(o);
  if (typeof callbackfn !== "function") throw notCallable(callbackfn);
  let A = arraySpeciesCreate(o, 0);
  const plain = A === null;
  if (plain) A = newFillArray(0);
  let to = 0;
  for (let k = 0; k < len; k++) {
    if (k in o) {
      const kValue = o[k];
      const selected = thisArg === undefined ? callbackfn(kValue, k, o) : callbackfn.call(thisArg, kValue, k, o);
      if (selected) {
        if (plain) A[to] = kValue;
        else createDataPropertyOrThrow(A, to, kValue);
        to++;
      }
    }
  }
  if (plain) setPrototypeOf(A, ArrayProto);
  return A;
}

export function some(O, callbackfn, thisArg) {
  const o = toObjectFor(O, "Array.prototype.some");
  const len = lengthOfArrayLike(o);
  if (typeof callbackfn !== "function") throw notCallable(callbackfn);
  for (let k = 0; k < len; k++) {
    if (k in o) {
      const kValue = o[k];
      const testResult = thisArg === undefined ? callbackfn(kValue, k, o) : callbackfn.call(thisArg, kValue, k, o);
      if (testResult) return true;
    }
  }
  return false;
}

export function every(O, callbackfn, thisArg) {
  const o = toObjectFor(O, "Array.prototype.every");
  const len = lengthOfArrayLike(o);
  if (typeof callbackfn !== "function") throw notCallable(callbackfn);
  for (let k = 0; k < len; k++) {
    if (k in o) {
      const kValue = o[k];
      const testResult = thisArg === undefined ? callbackfn(kValue, k, o) : callbackfn.call(thisArg, kValue, k, o);
      if (!testResult) return false;
    }
  }
  return true;
}

export function find(O, predicate, thisArg) {
  const o = toObjectFor(O, "Array.prototype.find");
  const len = lengthOfArrayLike(o);
  if (typeof predicate !== "function") throw notCallable(predicate);
  for (let k = 0; k < len; k++) {
    const kValue = o[k];
    const testResult = thisArg === undefined ? predicate(kValue, k, o) : predicate.call(thisArg, kValue, k, o);
    if (testResult) return kValue;
  }
  return undefined;
}

export function findIndex(O, predicate, thisArg) {
  const o = toObjectFor(O, "Array.prototype.findIndex");
  const len = lengthOfArrayLike(o);
  if (typeof predicate !== "function") throw notCallable(predicate);
  for (let k = 0; k < len; k++) {
    const kValue = o[k];
    const testResult = thisArg === undefined ? predicate(kValue, k, o) : predicate.call(thisArg, kValue, k, o);
    if (testResult) return k;
  }
  return -1;
}

export function findLast(O, predicate, thisArg) {
  const o = toObjectFor(O, "Array.prototype.findLast");
  const len = lengthOfArrayLike(o);
  if (typeof predicate !== "function") throw notCallable(predicate);
  for (let k = len - 1; k >= 0; k--) {
    const kValue = o[k];
    const testResult = thisArg === undefined ? predicate(kValue, k, o) : predicate.call(thisArg, kValue, k, o);
    if (testResult) return kValue;
  }
  return undefined;
}

export function findLastIndex(O, predicate, thisArg) {
  const o = toObjectFor(O, "Array.prototype.findLastIndex");
  const len = lengthOfArrayLike(o);
  if (typeof predicate !== "function") throw notCallable(predicate);
  for (let k = len - 1; k >= 0; k--) {
    const kValue = o[k];
    const testResult = thisArg === undefined ? predicate(kValue, k, o) : predicate.call(thisArg, kValue, k, o);
    if (testResult) return k;
  }
  return -1;
}

export function reduce(O, callbackfn, ...initial) {
  const o = toObjectFor(O, "Array.prototype.reduce");
  const len = lengthOfArrayLike(o);
  if (typeof callbackfn !== "function") throw notCallable(callbackfn);
  const hasInitial = initial.length > 0;
  if (len === 0 && !hasInitial) throw new TypeErrorCtor("Reduce of empty array with no initial value");
  let k = 0;
  let accumulator;
  if (hasInitial) {
    accumulator = initial[0];
  } else {
    let kPresent = false;
    while (!kPresent && k < len) {
      kPresent = k in o;
      if (kPresent) accumulator = o[k];
      k++;
    }
    if (!kPresent) throw new TypeErrorCtor("Reduce of empty array with no initial value");
  }
  for (; k < len; k++) {
    if (k in o) accumulator = callbackfn(accumulator, o[k], k, o);
  }
  return accumulator;
}

export function reduceRight(O, callbackfn, ...initial) {
  const o = toObjectFor(O, "Array.prototype.reduceRight");
  const len = lengthOfArrayLike(o);
  if (typeof callbackfn !== "function") throw notCallable(callbackfn);
  const hasInitial = initial.length > 0;
  if (len === 0 && !hasInitial) throw new TypeErrorCtor("Reduce of empty array with no initial value");
  let k = len - 1;
  let accumulator;
  if (hasInitial) {
    accumulator = initial[0];
  } else {
    let kPresent = false;
    while (!kPresent && k >= 0) {
      kPresent = k in o;
      if (kPresent) accumulator = o[k];
      k--;
    }
    if (!kPresent) throw new TypeErrorCtor("Reduce of empty array with no initial value");
  }
  for (; k >= 0; k--) {
    if (k in o) accumulator = callbackfn(accumulator, o[k], k, o);
  }
  return accumulator;
}

export function flatMap(O, mapperFunction, thisArg) {
  const o = toObject(O);
  const sourceLen = lengthOfArrayLike(o);
  if (typeof mapperFunction !== "function") throw new TypeErrorCtor("flatMap mapper function is not callable");
  let A = arraySpeciesCreate(o, 0);
  const plain = A === null;
  if (plain) A = newFillArray(0);
  // FlattenIntoArray(A, O, sourceLen, 0, 1, mapperFunction, thisArg)
  let targetIndex = 0;
  for (let sourceIndex = 0; sourceIndex < sourceLen; sourceIndex++) {
    if (!(sourceIndex in o)) continue;
    const kValue = o[sourceIndex];
    const element =
      thisArg === undefined
        ? mapperFunction(kValue, sourceIndex, o)
        : mapperFunction.call(thisArg, kValue, sourceIndex, o);
    if (isArray(element)) {
      // FlattenIntoArray(A, element, elementLen, targetIndex, 0)
      const elementLen = lengthOfArrayLike(element);
      for (let j = 0; j < elementLen; j++) {
        if (!(j in element)) continue;
        const sub = element[j];
        if (targetIndex >= MAX_SAFE_INTEGER) throw new TypeErrorCtor("Invalid array length");
        if (plain) A[targetIndex] = sub;
        else createDataPropertyOrThrow(A, targetIndex, sub);
        targetIndex++;
      }
    } else {
      if (targetIndex >= MAX_SAFE_INTEGER) throw new TypeErrorCtor("Invalid array length");
      if (plain) A[targetIndex] = element;
      else createDataPropertyOrThrow(A, targetIndex, element);
      targetIndex++;
    }
  }
  if (plain) setPrototypeOf(A, ArrayProto);
  return A;
}

// ---------------------------------------------------------------------------------------------
// sort: a stable bottom-up merge sort (binary insertion sort for runs of RUN elements) over a copy
// of the values, written back afterwards, as SortIndexedProperties does. No recursion.

const RUN = 10;

/** Sorts a[0..n) (values other than undefined) with comparefn; returns the sorted array. */
function mergeSortWith(a, n, comparefn) {
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = lo + RUN < n ? lo + RUN : n;
    for (let i = lo + 1; i < hi; i++) {
      const x = a[i];
      let l = lo;
      let h = i;
      while (l < h) {
        const m = (l + h) >>> 1;
        // SortCompare: ToNumber of the result; NaN counts as +0.
        if (+comparefn(x, a[m]) < 0) h = m;
        else l = m + 1;
      }
      for (let j = i; j > l; j--) a[j] = a[j - 1];
      a[l] = x;
    }
  }
  if (n <= RUN) return a;
  let src = a;
  let dst = newFillArray(n);
  for (let width = RUN; width < n; width += width) {
    for (let lo = 0; lo < n; lo += width + width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = mid + width < n ? mid + width : n;
      let i = lo;
      let j = mid;
      let d = lo;
      // Runs already in order (the common case for presorted input) are copied without merging.
      if (mid < hi && +comparefn(src[mid], src[mid - 1]) < 0) {
        while (i < mid && j < hi) {
          if (+comparefn(src[j], src[i]) < 0) dst[d++] = src[j++];
          else dst[d++] = src[i++];
        }
      }
      while (i < mid) dst[d++] = src[i++];
      while (j < hi) dst[d++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/** Sorts a[0..n) by the string keys k[0..n) (code-unit order); returns the sorted values. */
function mergeSortByKeys(a, k, n) {
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = lo + RUN < n ? lo + RUN : n;
    for (let i = lo + 1; i < hi; i++) {
      const x = a[i];
      const kx = k[i];
      let l = lo;
      let h = i;
      while (l < h) {
        const m = (l + h) >>> 1;
        if (kx < k[m]) h = m;
        else l = m + 1;
      }
      for (let j = i; j > l; j--) {
        a[j] = a[j - 1];
        k[j] = k[j - 1];
      }
      a[l] = x;
      k[l] = kx;
    }
  }
  if (n <= RUN) return a;
  let srcA = a;
  let srcK = k;
  let dstA = newFillArray(n);
  let dstK = newFillArray(n);
  for (let width = RUN; width < n; width += width) {
    for (let lo = 0; lo < n; lo += width + width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = mid + width < n ? mid + width : n;
      let i = lo;
      let j = mid;
      let d = lo;
      if (mid < hi && srcK[mid] < srcK[mid - 1]) {
        while (i < mid && j < hi) {
          if (srcK[j] < srcK[i]) {
            dstA[d] = srcA[j];
            dstK[d++] = srcK[j++];
          } else {
            dstA[d] = srcA[i];
            dstK[d++] = srcK[i++];
          }
        }
      }
      while (i < mid) {
        dstA[d] = srcA[i];
        dstK[d++] = srcK[i++];
      }
      while (j < hi) {
        dstA[d] = srcA[j];
        dstK[d++] = srcK[j++];
      }
    }
    let t = srcA;
    srcA = dstA;
    dstA = t;
    t = srcK;
    srcK = dstK;
    dstK = t;
  }
  return srcA;
}

export function sort(O, comparefn) {
  if (comparefn !== undefined && typeof comparefn !== "function") {
    throw new TypeErrorCtor("The comparison function must be either a function or undefined");
  }
  const obj = toObject(O);
  const len = lengthOfArrayLike(obj);
  // V8 returns at once when there is nothing to sort (it reads nothing and writes nothing).
  if (len < 2) return obj;
  // SortIndexedProperties(obj, len, SortCompare, skip-holes): undefined values are counted apart,
  // SortCompare would place them last without calling the comparator.
  const items = newFillArray(0);
  let n = 0;
  let undefinedCount = 0;
  for (let k = 0; k < len; k++) {
    if (k in obj) {
      const kValue = obj[k];
      if (kValue === undefined) undefinedCount++;
      else items[n++] = kValue;
    }
  }
  let sorted = items;
  if (n > 1) {
    if (comparefn === undefined) {
      const keys = newFillArray(n);
      for (let i = 0; i < n; i++) keys[i] = `${items[i]}`; // ToString (throws for symbols)
      sorted = mergeSortByKeys(items, keys, n);
    } else {
      sorted = mergeSortWith(items, n, comparefn);
    }
  }
  let j = 0;
  for (; j < n; j++) obj[j] = sorted[j];
  const itemCount = n + undefinedCount;
  for (; j < itemCount; j++) obj[j] = undefined;
  for (; j < len; j++) delete obj[j];
  return obj;
}

// ---------------------------------------------------------------------------------------------
// Array.from(items, mapfn, thisArg) called on C

export function arrayFrom(C, items, mapfn, thisArg) {
  let mapping = false;
  if (mapfn !== undefined) {
    if (typeof mapfn !== "function") throw notCallable(mapfn);
    mapping = true;
  }
  if (items === undefined || items === null) {
    throw new TypeErrorCtor(
      (items === null ? "object null" : "undefined") + " is not iterable (cannot read property Symbol(Symbol.iterator))",
    );
  }
  let usingIterator = items[SymbolIterator];
  if (usingIterator === null) usingIterator = undefined;
  if (usingIterator !== undefined && typeof usingIterator !== "function") {
    throw new TypeErrorCtor(
      "%Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function",
    );
  }
  const useConstructor = C !== ArrayCtor && isConstructor(C);

  if (usingIterator !== undefined) {
    const A = useConstructor ? new C() : newFillArray(0);
    const iterator = apply(usingIterator, items, EMPTY);
    if (!isObject(iterator)) throw new TypeErrorCtor("Result of the Symbol.iterator method is not an object");
    const nextMethod = iterator.next;
    let k = 0;
    let closeOnThrow = false;
    try {
      for (;;) {
        if (k >= MAX_SAFE_INTEGER) {
          closeOnThrow = true;
          throw new TypeErrorCtor("Invalid array length");
        }
        if (typeof nextMethod !== "function") throw new TypeErrorCtor(describeTyped(nextMethod) + " is not a function");
        const next = apply(nextMethod, iterator, EMPTY);
        if (!isObject(next)) throw new TypeErrorCtor("Iterator result " + describe(next) + " is not an object");
        if (next.done) break;
        const nextValue = next.value;
        closeOnThrow = true;
        let mappedValue = nextValue;
        if (mapping) {
          mappedValue = thisArg === undefined ? mapfn(nextValue, k) : mapfn.call(thisArg, nextValue, k);
        }
        if (useConstructor) createDataPropertyOrThrow(A, k, mappedValue);
        else A[k] = mappedValue;
        closeOnThrow = false;
        k++;
      }
    } catch (error) {
      if (closeOnThrow) iteratorCloseOnThrow(iterator);
      throw error;
    }
    A.length = k;
    if (!useConstructor) setPrototypeOf(A, ArrayProto);
    return A;
  }

  // items is not iterable: an array-like.
  const arrayLike = ObjectCtor(items);
  const len = lengthOfArrayLike(arrayLike);
  const A = useConstructor ? new C(len) : newFillArray(len);
  for (let k = 0; k < len; k++) {
    const kValue = arrayLike[k];
    let mappedValue = kValue;
    if (mapping) mappedValue = thisArg === undefined ? mapfn(kValue, k) : mapfn.call(thisArg, kValue, k);
    if (useConstructor) createDataPropertyOrThrow(A, k, mappedValue);
    else A[k] = mappedValue;
  }
  A.length = len;
  if (!useConstructor) setPrototypeOf(A, ArrayProto);
  return A;
}

// ---------------------------------------------------------------------------------------------
// Map.prototype.forEach / Set.prototype.forEach: the native iterators are live, exactly like the
// spec's index-based walk over [[MapData]] / [[SetData]] (entries added during the walk are visited,
// deleted ones are skipped).

export function mapForEach(M, callbackfn, thisArg) {
  let it;
  try {
    it = apply(MapProtoEntries, M, EMPTY); // RequireInternalSlot(M, [[MapData]])
  } catch {
    throw new TypeErrorCtor("Method Map.prototype.forEach called on incompatible receiver " + describe(M));
  }
  if (typeof callbackfn !== "function") throw new TypeErrorCtor(describeTyped(callbackfn) + " is not a function");
  for (;;) {
    const r = apply(MapIteratorNext, it, EMPTY);
    if (r.done) break;
    const entry = r.value;
    if (thisArg === undefined) callbackfn(entry[1], entry[0], M);
    else callbackfn.call(thisArg, entry[1], entry[0], M);
  }
  return undefined;
}

export function setForEach(S, callbackfn, thisArg) {
  let it;
  try {
    it = apply(SetProtoValues, S, EMPTY); // RequireInternalSlot(S, [[SetData]])
  } catch {
    throw new TypeErrorCtor("Method Set.prototype.forEach called on incompatible receiver " + describe(S));
  }
  if (typeof callbackfn !== "function") throw new TypeErrorCtor(describeTyped(callbackfn) + " is not a function");
  for (;;) {
    const r = apply(SetIteratorNext, it, EMPTY);
    if (r.done) break;
    const value = r.value;
    if (thisArg === undefined) callbackfn(value, value, S);
    else callbackfn.call(thisArg, value, value, S);
  }
  return undefined;
}
