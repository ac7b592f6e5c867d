class TowersDisk { constructor(size) { this.size = size; this.next = null; } }
class Towers {
  constructor(tick) { this.tick = tick; this.piles = null; this.movesDone = 0; }
  benchmark() {
    this.piles = new Array(3); this.buildTowerAt(0, 13); this.movesDone = 0;
    this.moveDisks(13, 0, 1); return this.movesDone;
  }
  pushDisk(disk, pile) {
    const top = this.piles[pile];
    if (top !== null && top !== undefined && disk.size >= top.size) throw new Error("Cannot put a big disk on a smaller one");
    disk.next = top === undefined ? null : top; this.piles[pile] = disk;
  }
  popDiskFrom(pile) {
    const top = this.piles[pile];
    if (top === null || top === undefined) throw new Error("Attempting to remove a disk from an empty pile");
    this.piles[pile] = top.next; top.next = null; return top;
  }
  moveTopDisk(fromPile, toPile) { this.pushDisk(this.popDiskFrom(fromPile), toPile); this.movesDone++; }
  buildTowerAt(pile, disks) { for (let i = disks; i >= 0; i--) this.pushDisk(new TowersDisk(i), pile); }
  moveDisks(disks, fromPile, toPile) {
    this.tick();
    if (disks === 1) { this.moveTopDisk(fromPile, toPile); }
    else {
      const otherPile = 3 - fromPile - toPile;
      this.moveDisks(disks - 1, fromPile, otherPile);
      this.moveTopDisk(fromPile, toPile);
      this.moveDisks(disks - 1, otherPile, toPile);
    }
  }
}
export function run(n = 60, tick = () => {}) {
  const t = new Towers(tick); let r = 0;
  for (let i = 0; i < n; i++) { r = t.benchmark(); if (r !== 8191) throw new Error("towers: wrong result " + r); }
  return r;
}
