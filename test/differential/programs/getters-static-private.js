// Getters/setters that do NOT switch, static methods that do, private methods and fields.
class Account {
  #balance = 0;
  #history = [];
  static #count = 0;
  static created = [];
  constructor(owner) {
    this.owner = owner;
    Account.#count++;
    Account.created.push(owner);
  }
  get balance() { return this.#balance; }
  set balance(v) { this.#history.push(["set", v]); this.#balance = v; }
  get history() { return this.#history.slice(); }
  #apply(sw, amount) {
    sw();
    this.#balance += amount;
    this.#history.push(["apply", amount]);
    return this.#balance;
  }
  deposit(sw, amount) { sw(); return this.#apply(sw, amount); }
  withdraw(sw, amount) {
    if (amount > this.balance) { sw(); throw new RangeError("insufficient: " + this.#balance); }
    return this.#apply(sw, -amount);
  }
  static count(sw) { sw(); return Account.#count; }
  static transfer(sw, from, to, amt) {
    from.withdraw(sw, amt);
    sw();
    to.deposit(sw, amt);
    return [from.balance, to.balance];
  }
  static #secret(sw) { sw(); return "static-private"; }
  static reveal(sw) { return this.#secret(sw); }
  hasPrivate(o) { return #balance in o; }
}

export function main(sw, log) {
  const a = new Account("ann");
  const b = new Account("bob");
  log("deposit", a.deposit(sw, 100));
  log("transfer", Account.transfer(sw, a, b, 30));
  try { Account.transfer(sw, b, a, 1000); } catch (e) { log("fail", e); }
  a.balance = 5;
  sw();
  log("after set", a.balance, a.history);
  log("count", Account.count(sw), Account.created);
  log("static private", Account.reveal(sw));
  log("brand", a.hasPrivate(b), a.hasPrivate({}));
  // getter on plain object, accessed around switches
  let reads = 0;
  const o = { get v() { reads++; return reads * 10; } };
  const vals = [o.v, (sw(), o.v), o.v];
  log("getter", vals, reads);
  // private method called on wrong object throws TypeError after switch
  try { Account.prototype.deposit.call({}, sw, 1); } catch (e) { log("brand check", e.constructor.name); }
  return a.balance + b.balance;
}
