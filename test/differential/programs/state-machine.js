// A tiny bytecode interpreter: a loop around a switch statement with sw() at many points.
export function main(sw, log) {
  function run(code, input) {
    const stack = [];
    const out = [];
    let pc = 0;
    let steps = 0;
    const vars = Object.create(null);
    loop: while (pc < code.length) {
      const [op, arg] = code[pc++];
      if (++steps % 3 === 0) sw();
      switch (op) {
        case "push": stack.push(arg); break;
        case "in": stack.push(input.shift()); break;
        case "add": case "mul": case "sub": {
          const b = stack.pop(), a = stack.pop();
          sw();
          stack.push(op === "add" ? a + b : op === "mul" ? a * b : a - b);
          break;
        }
        case "dup": stack.push(stack[stack.length - 1]); break;
        case "store": vars[arg] = stack.pop(); break;
        case "load":
          if (!(arg in vars)) throw new ReferenceError("no var " + arg);
          stack.push(vars[arg]);
          break;
        case "jz": if (stack.pop() === 0) pc = arg; break;
        case "jmp": pc = arg; continue loop;
        case "print": out.push(stack.pop()); sw(); break;
        case "halt": break loop;
        default: throw new Error("bad op " + op);
      }
    }
    return { out, steps, stack };
  }
  // countdown from input, printing each value and its square
  const prog = [
    ["in"], ["store", "n"],
    ["load", "n"], ["jz", 13],
    ["load", "n"], ["dup"], ["mul"], ["print"],
    ["load", "n"], ["push", 1], ["sub"], ["store", "n"],
    ["jmp", 2],
    ["push", "end"], ["print"], ["halt"], ["push", "unreached"], ["print"],
  ];
  log("run", run(prog, [5]));
  log("run0", run(prog, [0]));
  try { run([["load", "zz"]], []); } catch (e) { log("error", e); }
  try { run([["push", 1], ["nop"]], []); } catch (e) { log("error", e); }
  return "ok";
}
