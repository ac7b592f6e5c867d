// Minimal SOM-style collections used by the Are-We-Fast-Yet ports (plain ES module).
export class Vector {
  constructor(size = 50) { this.storage = new Array(size); this.firstIdx = 0; this.lastIdx = 0; }
  static with(e) { const v = new Vector(); v.append(e); return v; }
  at(i) { return i >= this.storage.length ? undefined : this.storage[i]; }
  atPut(i, v) {
    if (i >= this.storage.length) { let n = this.storage.length; while (n <= i) n *= 2; const s = new Array(n); for (let j = 0; j < this.storage.length; j++) s[j] = this.storage[j]; this.storage = s; }
    this.storage[i] = v; if (this.lastIdx < i + 1) this.lastIdx = i + 1;
  }
  append(e) {
    if (this.lastIdx >= this.storage.length) { const s = new Array(2 * this.storage.length); for (let i = 0; i < this.storage.length; i++) s[i] = this.storage[i]; this.storage = s; }
    this.storage[this.lastIdx] = e; this.lastIdx++;
  }
  isEmpty() { return this.lastIdx === this.firstIdx; }
  forEach(fn) { for (let i = this.firstIdx; i < this.lastIdx; i++) fn(this.storage[i]); }
  hasSome(fn) { for (let i = this.firstIdx; i < this.lastIdx; i++) if (fn(this.storage[i])) return true; return false; }
  getOne(fn) { for (let i = this.firstIdx; i < this.lastIdx; i++) { const e = this.storage[i]; if (fn(e)) return e; } return null; }
  first() { return this.isEmpty() ? null : this.storage[this.firstIdx]; }
  removeFirst() { if (this.isEmpty()) return null; this.firstIdx++; return this.storage[this.firstIdx - 1]; }
  remove(obj) {
    const s = new Array(this.capacity()); let newLast = 0; let found = false;
    this.forEach((it) => { if (it === obj) found = true; else { s[newLast] = it; newLast++; } });
    this.storage = s; this.lastIdx = newLast; this.firstIdx = 0; return found;
  }
  removeAll() { this.firstIdx = 0; this.lastIdx = 0; this.storage = new Array(this.storage.length); }
  size() { return this.lastIdx - this.firstIdx; }
  capacity() { return this.storage.length; }
}
