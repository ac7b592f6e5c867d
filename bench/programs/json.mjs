// A JSON parser in the style of the Are-We-Fast-Yet Json benchmark (recursive descent, own value classes).
class JsonValue { isObject() { return false; } isArray() { return false; } isNumber() { return false; } isString() { return false; } isLiteral() { return false; } }
class JsonObject extends JsonValue {
  constructor() { super(); this.names = []; this.values = []; }
  add(name, value) { this.names.push(name); this.values.push(value); return this; }
  get(name) { for (let i = 0; i < this.names.length; i++) if (this.names[i] === name) return this.values[i]; return null; }
  size() { return this.names.length; }
  isObject() { return true; }
}
class JsonArray extends JsonValue {
  constructor() { super(); this.values = []; }
  add(value) { this.values.push(value); return this; }
  size() { return this.values.length; }
  get(i) { return this.values[i]; }
  isArray() { return true; }
}
class JsonNumber extends JsonValue { constructor(s) { super(); this.string = s; } isNumber() { return true; } }
class JsonString extends JsonValue { constructor(s) { super(); this.string = s; } isString() { return true; } }
class JsonLiteral extends JsonValue { constructor(s) { super(); this.value = s; } isLiteral() { return true; } }
const NULL = new JsonLiteral("null"), TRUE = new JsonLiteral("true"), FALSE = new JsonLiteral("false");

class ParseException extends Error {}
class JsonPureStringParser {
  constructor(string, tick) {
    this.input = string; this.index = -1; this.line = 1; this.column = 0; this.current = null; this.captureBuffer = ""; this.captureStart = -1; this.tick = tick;
  }
  parse() {
    this.read(); this.skipWhiteSpace();
    const result = this.readValue();
    this.skipWhiteSpace();
    if (!this.isEndOfText()) throw this.error("Unexpected character");
    return result;
  }
  readValue() {
    this.tick();
    switch (this.current) {
      case "n": return this.readNull();
      case "t": return this.readTrue();
      case "f": return this.readFalse();
      case "\"": return this.readString();
      case "[": return this.readArray();
      case "{": return this.readObject();
      case "-": case "0": case "1": case "2": case "3": case "4": case "5": case "6": case "7": case "8": case "9":
        return this.readNumber();
      default: throw this.expected("value");
    }
  }
  readArray() {
    this.read(); const array = new JsonArray();
    this.skipWhiteSpace();
    if (this.readChar("]")) return array;
    do { this.skipWhiteSpace(); array.add(this.readValue()); this.skipWhiteSpace(); } while (this.readChar(","));
    if (!this.readChar("]")) throw this.expected("',' or ']'");
    return array;
  }
  readObject() {
    this.read(); const object = new JsonObject();
    this.skipWhiteSpace();
    if (this.readChar("}")) return object;
    do {
      this.skipWhiteSpace(); const name = this.readName(); this.skipWhiteSpace();
      if (!this.readChar(":")) throw this.expected("':'");
      this.skipWhiteSpace(); object.add(name, this.readValue()); this.skipWhiteSpace();
    } while (this.readChar(","));
    if (!this.readChar("}")) throw this.expected("',' or '}'");
    return object;
  }
  readName() { if (this.current !== "\"") throw this.expected("name"); return this.readStringInternal(); }
  readNull() { this.read(); this.readRequiredChar("u"); this.readRequiredChar("l"); this.readRequiredChar("l"); return NULL; }
  readTrue() { this.read(); this.readRequiredChar("r"); this.readRequiredChar("u"); this.readRequiredChar("e"); return TRUE; }
  readFalse() { this.read(); this.readRequiredChar("a"); this.readRequiredChar("l"); this.readRequiredChar("s"); this.readRequiredChar("e"); return FALSE; }
  readRequiredChar(ch) { if (!this.readChar(ch)) throw this.expected("'" + ch + "'"); }
  readString() { return new JsonString(this.readStringInternal()); }
  readStringInternal() {
    this.read(); this.startCapture();
    while (this.current !== "\"") {
      if (this.current === "\\") { this.pauseCapture(); this.readEscape(); this.startCapture(); }
      else this.read();
    }
    const string = this.endCapture(); this.read(); return string;
  }
  readEscape() {
    this.read();
    switch (this.current) {
      case "\"": case "/": case "\\": this.captureBuffer += this.current; break;
      case "b": this.captureBuffer += "\b"; break;
      case "f": this.captureBuffer += "\f"; break;
      case "n": this.captureBuffer += "\n"; break;
      case "r": this.captureBuffer += "\r"; break;
      case "t": this.captureBuffer += "\t"; break;
      default: throw this.expected("valid escape sequence");
    }
    this.read();
  }
  readNumber() {
    this.startCapture(); this.readChar("-");
    const firstDigit = this.current;
    if (!this.readDigit()) throw this.expected("digit");
    if (firstDigit !== "0") while (this.readDigit()) {}
    this.readFraction(); this.readExponent();
    return new JsonNumber(this.endCapture());
  }
  readFraction() { if (!this.readChar(".")) return false; if (!this.readDigit()) throw this.expected("digit"); while (this.readDigit()) {} return true; }
  readExponent() {
    if (!this.readChar("e") && !this.readChar("E")) return false;
    if (!this.readChar("+")) this.readChar("-");
    if (!this.readDigit()) throw this.expected("digit");
    while (this.readDigit()) {}
    return true;
  }
  readChar(ch) { if (this.current !== ch) return false; this.read(); return true; }
  readDigit() { if (!this.isDigit()) return false; this.read(); return true; }
  skipWhiteSpace() { while (this.isWhiteSpace()) this.read(); }
  read() {
    if ("\n" === this.current) { this.line++; this.column = 0; }
    this.index++;
    this.current = this.index < this.input.length ? this.input.charAt(this.index) : null;
  }
  startCapture() { this.captureStart = this.index; }
  pauseCapture() { this.captureBuffer += this.input.substring(this.captureStart, this.index); this.captureStart = -1; }
  endCapture() {
    const end = this.current === null ? this.index : this.index;
    let captured;
    if ("" === this.captureBuffer) captured = this.input.substring(this.captureStart, end);
    else { this.pauseCapture(); captured = this.captureBuffer; this.captureBuffer = ""; }
    this.captureStart = -1; return captured;
  }
  expected(expected) { if (this.isEndOfText()) return this.error("Unexpected end of input"); return this.error("Expected " + expected); }
  error(message) { return new ParseException(message + " at " + this.line + ":" + this.column); }
  isWhiteSpace() { return " " === this.current || "\t" === this.current || "\n" === this.current || "\r" === this.current; }
  isDigit() {
    const c = this.current;
    return c === "0" || c === "1" || c === "2" || c === "3" || c === "4" || c === "5" || c === "6" || c === "7" || c === "8" || c === "9";
  }
  isEndOfText() { return this.current === null; }
}
// A deterministic document shaped like the AWFY "rap" benchmark input.
function makeInput() {
  let s = "{\"head\":{\"requestCounter\":4},\"operations\":[";
  for (let i = 0; i < 60; i++) {
    if (i > 0) s += ",";
    s += "[\"set\",\"w" + i + "\",{\"bounds\":[" + i + ",-" + (i * 3) + ",1.5e" + (i % 5) + ",0.25],\"text\":\"item \\\"" + i + "\\\"\\n\",\"enabled\":" + (i % 2 === 0 ? "true" : "false") + ",\"parent\":null,\"style\":[\"BORDER\",\"MULTI\"]}]";
  }
  return s + "]}";
}
const INPUT = makeInput();
export function run(n = 300, tick = () => {}) {
  let r = 0;
  for (let i = 0; i < n; i++) {
    const result = new JsonPureStringParser(INPUT, tick).parse();
    if (!result.isObject()) throw new Error("json: not an object");
    const ops = result.get("operations");
    if (!ops.isArray() || ops.size() !== 60) throw new Error("json: wrong operations");
    const last = ops.get(59).get(2);
    if (last.get("text").string !== "item \"59\"\n" || last.get("bounds").get(2).string !== "1.5e4" || last.get("enabled") !== FALSE)
      throw new Error("json: wrong content");
    r = ops.size();
  }
  return r;
}
