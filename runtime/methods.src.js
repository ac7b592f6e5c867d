// Method-style entry points for the compiled built-in replacements: called with the receiver as
// `this`, exactly like the native method they replace. Compiled by fibers-ts at build time, so a
// fiber can suspend inside a callback and resume through these frames.
import * as B from "./builtins.js";

export function forEach(callbackfn, thisArg) { return B.forEach(this, callbackfn, thisArg); }
export function map(callbackfn, thisArg) { return B.map(this, callbackfn, thisArg); }
export function filter(callbackfn, thisArg) { return B.filter(this, callbackfn, thisArg); }
export function some(callbackfn, thisArg) { return B.some(this, callbackfn, thisArg); }
export function every(callbackfn, thisArg) { return B.every(this, callbackfn, thisArg); }
export function find(predicate, thisArg) { return B.find(this, predicate, thisArg); }
export function findIndex(predicate, thisArg) { return B.findIndex(this, predicate, thisArg); }
export function findLast(predicate, thisArg) { return B.findLast(this, predicate, thisArg); }
export function findLastIndex(predicate, thisArg) { return B.findLastIndex(this, predicate, thisArg); }
export function reduce(callbackfn, ...initial) { return B.reduce(this, callbackfn, ...initial); }
export function reduceRight(callbackfn, ...initial) { return B.reduceRight(this, callbackfn, ...initial); }
export function flatMap(mapper, thisArg) { return B.flatMap(this, mapper, thisArg); }
export function sort(comparefn) { return B.sort(this, comparefn); }
export function from(items, mapfn, thisArg) { return B.arrayFrom(this, items, mapfn, thisArg); }
export function mapForEach(callbackfn, thisArg) { return B.mapForEach(this, callbackfn, thisArg); }
export function setForEach(callbackfn, thisArg) { return B.setForEach(this, callbackfn, thisArg); }
