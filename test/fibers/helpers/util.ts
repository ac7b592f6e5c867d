// Shared helpers for the fibers runtime-semantics suite. This file lives under test/fibers/, so it
// is compiled by fibers-ts like the tests themselves: the closures passed to these helpers may
// switch fibers.
import { expect } from "vitest";

/** Runs fn and returns what it threw (undefined if it returned normally). */
export function catchError(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/**
 * Asserts that fn throws an instance of cls whose message matches re. Uses a compiled try/catch
 * instead of expect(fn).toThrow() so that a switch performed by fn never has an uncompiled vitest
 * frame between it and the fiber that owns it.
 */
export function expectThrow(fn: () => unknown, cls: Function, re?: RegExp): any {
  let threw = false;
  let err: any;
  try {
    fn();
  } catch (e) {
    threw = true;
    err = e;
  }
  expect(threw, `expected ${cls.name} to be thrown`).toBe(true);
  expect(err).toBeInstanceOf(cls);
  if (re) expect(String(err.message)).toMatch(re);
  return err;
}

/**
 * Drives a fiber that repeatedly switches values out to its caller: starts it, then answers every
 * value it hands out with respond(value), until it ends. Returns the values it handed out and its
 * return value.
 */
export function drive(f: any, respond: (v: any) => any): { yielded: any[]; result: any } {
  const yielded: any[] = [];
  let v = f.switch();
  let guard = 0;
  while (f.isAlive()) {
    if (++guard > 10_000) throw new Error("drive(): fiber never ended");
    yielded.push(v);
    v = f.switch(respond(v));
  }
  return { yielded, result: v };
}

/** Error classes standing in for the Python exception types used by the original suites. */
export class SomeError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "SomeError";
  }
}
export class KeyError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "KeyError";
  }
}
export class IndexError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "IndexError";
  }
}
export class RuntimeError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "RuntimeError";
  }
}
export class ValueError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "ValueError";
  }
}
