/**
 * The order of a query's candidates, worked out only as far as it is read:
 * the search page shows 20 results of maybe thousands, so the best few are
 * picked with a bounded heap instead of sorting everything; the whole list is
 * sorted only if a reader (or a failed check) goes far down it.
 */
export class Ranking {
  private sorted: number[] | undefined;

  /**
   * @param positions the candidates' positions
   * @param scores the final score of each position (indexed by position)
   * @param published publication times by position (newer wins a tie)
   */
  constructor(
    private readonly positions: readonly number[],
    private readonly scores: Float64Array,
    private readonly published: Float64Array,
  ) {}

  /** How many candidates there are. */
  get total(): number {
    return this.positions.length;
  }

  /** Whether `a` ranks above `b`. */
  private above(a: number, b: number): boolean {
    const score = (this.scores[a] ?? 0) - (this.scores[b] ?? 0);
    if (score !== 0) return score > 0;
    const age = (this.published[a] ?? 0) - (this.published[b] ?? 0);
    return age !== 0 ? age > 0 : a < b;
  }

  /** The best `count` positions, best first. */
  best(count: number): number[] {
    const n = this.positions.length;
    if (this.sorted || count * 4 >= n) {
      this.sorted ??= [...this.positions].sort((a, b) => (this.above(a, b) ? -1 : 1));
      return this.sorted.slice(0, count);
    }
    // A min-heap (the worst kept on top) of the best `count` so far.
    const heap: number[] = [];
    const sink = (start: number): void => {
      let at = start;
      for (;;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let worst = at;
        if (left < heap.length && this.above(heap[worst] ?? 0, heap[left] ?? 0)) worst = left;
        if (right < heap.length && this.above(heap[worst] ?? 0, heap[right] ?? 0)) worst = right;
        if (worst === at) return;
        [heap[at], heap[worst]] = [heap[worst] ?? 0, heap[at] ?? 0];
        at = worst;
      }
    };
    for (const position of this.positions) {
      if (heap.length < count) {
        heap.push(position);
        for (let at = heap.length - 1; at > 0;) {
          const parent = (at - 1) >> 1;
          if (!this.above(heap[parent] ?? 0, heap[at] ?? 0)) break;
          [heap[at], heap[parent]] = [heap[parent] ?? 0, heap[at] ?? 0];
          at = parent;
        }
      } else if (count > 0 && this.above(position, heap[0] ?? 0)) {
        heap[0] = position;
        sink(0);
      }
    }
    return heap.sort((a, b) => (this.above(a, b) ? -1 : 1));
  }
}
