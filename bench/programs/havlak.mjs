// Havlak loop recognition (after the Are-We-Fast-Yet / Hundt "Loop Recognition" benchmark), smaller input.
import { Vector } from "./som.mjs";
class BasicBlock {
  constructor(name) { this.inEdges = new Vector(2); this.outEdges = new Vector(2); this.name = name; }
  getInEdges() { return this.inEdges; }
  getOutEdges() { return this.outEdges; }
  getNumPred() { return this.inEdges.size(); }
  addOutEdge(to) { this.outEdges.append(to); }
  addInEdge(from) { this.inEdges.append(from); }
}
class BasicBlockEdge {
  constructor(cfg, fromName, toName) {
    this.from = cfg.createNode(fromName); this.to = cfg.createNode(toName);
    this.from.addOutEdge(this.to); this.to.addInEdge(this.from); cfg.addEdge(this);
  }
}
class ControlFlowGraph {
  constructor() { this.startNode = null; this.basicBlockMap = new Vector(); this.edgeList = new Vector(); }
  createNode(name) {
    let node;
    if (this.basicBlockMap.at(name)) node = this.basicBlockMap.at(name);
    else { node = new BasicBlock(name); this.basicBlockMap.atPut(name, node); }
    if (this.getNumNodes() === 1) this.startNode = node;
    return node;
  }
  addEdge(edge) { this.edgeList.append(edge); }
  getNumNodes() { return this.basicBlockMap.size(); }
  getStartBasicBlock() { return this.startNode; }
  getBasicBlocks() { return this.basicBlockMap; }
}
class SimpleLoop {
  constructor(bb, isReducible) {
    this.isReducible = isReducible; this.parent = null; this.isRoot = false; this.nestingLevel = 0; this.depthLevel = 0;
    this.basicBlocks = new Vector(); this.children = new Vector(); this.header = bb;
    if (bb) this.basicBlocks.append(bb);
  }
  addNode(bb) { this.basicBlocks.append(bb); }
  addChildLoop(loop) { this.children.append(loop); }
  setParent(parent) { this.parent = parent; this.parent.addChildLoop(this); }
  setIsRoot() { this.isRoot = true; }
  setNestingLevel(level) { this.nestingLevel = level; if (level === 0) this.setIsRoot(); }
}
class LoopStructureGraph {
  constructor() {
    this.loopCounter = 0; this.loops = new Vector();
    this.root = new SimpleLoop(null, true); this.root.setNestingLevel(0); this.loopCounter += 1; this.loops.append(this.root);
  }
  createNewLoop(bb, isReducible) { const loop = new SimpleLoop(bb, isReducible); this.loopCounter += 1; this.loops.append(loop); return loop; }
  calculateNestingLevel() {
    this.loops.forEach((liter) => { if (!liter.isRoot && liter.parent === null) liter.setParent(this.root); });
    this.calculateNestingLevelRec(this.root, 0);
  }
  calculateNestingLevelRec(loop, depth) {
    loop.depthLevel = depth;
    loop.children.forEach((liter) => {
      this.calculateNestingLevelRec(liter, depth + 1);
      loop.setNestingLevel(Math.max(loop.nestingLevel, 1 + liter.nestingLevel));
    });
  }
  getNumLoops() { return this.loops.size(); }
}
class UnionFindNode {
  constructor() { this.dfsNumber = 0; this.parent = null; this.bb = null; this.loop = null; }
  initNode(bb, dfsNumber) { this.parent = this; this.bb = bb; this.dfsNumber = dfsNumber; this.loop = null; }
  findSet() {
    const nodeList = new Vector(); let node = this;
    while (node !== node.parent) { if (node.parent !== node.parent.parent) nodeList.append(node); node = node.parent; }
    nodeList.forEach((iter) => { iter.parent = node.parent; });
    return node;
  }
  union(basicBlock) { this.parent = basicBlock; }
}
const BB_NONHEADER = 1, BB_REDUCIBLE = 2, BB_SELF = 3, BB_IRREDUCIBLE = 4, BB_DEAD = 5, UNVISITED = 2147483647, MAXNONBACKPREDS = 32 * 1024;
class HavlakLoopFinder {
  constructor(cfg, lsg, tick) {
    this.cfg = cfg; this.lsg = lsg; this.tick = tick;
    this.nonBackPreds = new Vector(); this.backPreds = new Vector(); this.number = new Map();
    this.maxSize = 0; this.header = null; this.type = null; this.last = null; this.nodes = null;
  }
  isAncestor(w, v) { return w <= v && v <= this.last[w]; }
  doDFS(currentNode, current) {
    this.nodes[current].initNode(currentNode, current);
    this.number.set(currentNode, current);
    let lastId = current; const outerBlocks = currentNode.getOutEdges();
    for (let i = 0; i < outerBlocks.size(); i++) {
      const target = outerBlocks.at(i);
      if (this.number.get(target) === UNVISITED) lastId = this.doDFS(target, lastId + 1);
    }
    this.last[current] = lastId;
    return lastId;
  }
  initAllNodes() {
    this.cfg.getBasicBlocks().forEach((bb) => { this.number.set(bb, UNVISITED); });
    this.doDFS(this.cfg.getStartBasicBlock(), 0);
  }
  identifyEdges(size) {
    for (let w = 0; w < size; w++) {
      this.header[w] = 0; this.type[w] = BB_NONHEADER;
      const nodeW = this.nodes[w].bb;
      if (nodeW === null) this.type[w] = BB_DEAD;
      else this.processEdges(nodeW, w);
    }
  }
  processEdges(nodeW, w) {
    if (nodeW.getNumPred() > 0) {
      nodeW.getInEdges().forEach((nodeV) => {
        const v = this.number.get(nodeV);
        if (v !== UNVISITED) {
          if (this.isAncestor(w, v)) this.backPreds.at(w).append(v);
          else this.nonBackPreds.at(w).add(v);
        }
      });
    }
  }
  findLoops() {
    if (this.cfg.getStartBasicBlock() === null) return;
    const size = this.cfg.getNumNodes();
    this.nonBackPreds.removeAll(); this.backPreds.removeAll(); this.number.clear();
    if (size > this.maxSize) {
      this.header = new Array(size); this.type = new Array(size); this.last = new Array(size); this.nodes = new Array(size); this.maxSize = size;
    }
    for (let i = 0; i < size; ++i) {
      this.nonBackPreds.append(new Set()); this.backPreds.append(new Vector()); this.nodes[i] = new UnionFindNode();
    }
    this.initAllNodes();
    this.identifyEdges(size);
    this.header[0] = 0;
    for (let w = size - 1; w >= 0; w--) {
      this.tick();
      const nodePool = new Vector(); const nodeW = this.nodes[w].bb;
      if (nodeW !== null) {
        this.setLoopAttribute(w, nodePool);
        const workList = new Vector();
        nodePool.forEach((niter) => workList.append(niter));
        if (nodePool.size() !== 0) this.type[w] = BB_REDUCIBLE;
        while (!workList.isEmpty()) {
          const x = workList.removeFirst();
          const nonBackSize = this.nonBackPreds.at(x.dfsNumber).size;
          if (nonBackSize > MAXNONBACKPREDS) return;
          this.stepProcessNonBackPreds(w, nodePool, workList, x);
        }
        if (nodePool.size() > 0 || this.type[w] === BB_SELF) {
          const loop = this.lsg.createNewLoop(nodeW, this.type[w] !== BB_IRREDUCIBLE);
          this.setLoopAttributes(w, nodePool, loop);
        }
      }
    }
  }
  stepProcessNonBackPreds(w, nodePool, workList, x) {
    for (const iter of this.nonBackPreds.at(x.dfsNumber)) {
      const y = this.nodes[iter]; const ydash = y.findSet();
      if (!this.isAncestor(w, ydash.dfsNumber)) {
        this.type[w] = BB_IRREDUCIBLE;
        this.nonBackPreds.at(w).add(ydash.dfsNumber);
      } else if (ydash.dfsNumber !== w) {
        if (!nodePool.hasSome((e) => e === ydash)) { workList.append(ydash); nodePool.append(ydash); }
      }
    }
  }
  setLoopAttributes(w, nodePool, loop) {
    this.nodes[w].loop = loop;
    nodePool.forEach((node) => {
      node.union(this.nodes[w]);
      if (node.loop !== null) node.loop.setParent(loop);
      else loop.addNode(node.bb);
    });
  }
  setLoopAttribute(w, nodePool) {
    this.backPreds.at(w).forEach((v) => {
      if (v !== w) nodePool.append(this.nodes[v].findSet());
      else this.type[w] = BB_SELF;
    });
  }
}
class LoopTesterApp {
  constructor(tick) { this.cfg = new ControlFlowGraph(); this.lsg = new LoopStructureGraph(); this.tick = tick; this.cfg.createNode(0); }
  buildDiamond(start) { const bb0 = start; new BasicBlockEdge(this.cfg, bb0, bb0 + 1); new BasicBlockEdge(this.cfg, bb0, bb0 + 2); new BasicBlockEdge(this.cfg, bb0 + 1, bb0 + 3); new BasicBlockEdge(this.cfg, bb0 + 2, bb0 + 3); return bb0 + 3; }
  buildConnect(start, end) { new BasicBlockEdge(this.cfg, start, end); }
  buildStraight(start, n) { for (let i = 0; i < n; i++) this.buildConnect(start + i, start + i + 1); return start + n; }
  buildBaseLoop(from) {
    const header = this.buildStraight(from, 1); const diamond1 = this.buildDiamond(header);
    const d11 = this.buildStraight(diamond1, 1); const diamond2 = this.buildDiamond(d11);
    const footer = this.buildStraight(diamond2, 1);
    this.buildConnect(diamond2, d11); this.buildConnect(diamond1, header); this.buildConnect(footer, from);
    return this.buildStraight(footer, 1);
  }
  main(numDummyLoops, findLoopIteration, parLoop, pparLoops, ppparLoops) {
    this.constructSimpleCFG();
    this.addDummyLoops(numDummyLoops);
    this.constructCFG(parLoop, pparLoops, ppparLoops);
    this.findLoops(this.lsg);
    for (let i = 0; i < findLoopIteration; i++) this.findLoops(new LoopStructureGraph());
    this.lsg.calculateNestingLevel();
    return [this.lsg.getNumLoops(), this.cfg.getNumNodes()];
  }
  constructCFG(parLoops, pparLoops, ppparLoops) {
    let n = 2;
    for (let parlooptrees = 0; parlooptrees < parLoops; parlooptrees++) {
      this.cfg.createNode(n + 1); this.buildConnect(2, n + 1); n += 1;
      for (let i = 0; i < pparLoops; i++) {
        const top = n; n = this.buildStraight(n, 1);
        for (let j = 0; j < ppparLoops; j++) n = this.buildBaseLoop(n);
        const bottom = this.buildStraight(n, 1);
        this.buildConnect(n, top); n = bottom;
      }
      this.buildConnect(n, 1);
    }
  }
  addDummyLoops(numDummyLoops) {
    for (let dummyloop = 0; dummyloop < numDummyLoops; dummyloop++) this.findLoops(this.lsg);
  }
  findLoops(loopStructure) { new HavlakLoopFinder(this.cfg, loopStructure, this.tick).findLoops(); }
  constructSimpleCFG() {
    this.cfg.createNode(0); this.buildBaseLoop(0); this.cfg.createNode(1); new BasicBlockEdge(this.cfg, 0, 2);
  }
}
export function run(n = 2, tick = () => {}) {
  let r;
  for (let i = 0; i < n; i++) {
    r = new LoopTesterApp(tick).main(2, 2, 10, 10, 5);
    if (r[0] !== EXPECTED[0] || r[1] !== EXPECTED[1]) throw new Error("havlak: wrong result " + r);
  }
  return r[0];
}
const EXPECTED = [1608, 5213];
