import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersonStatus } from "../../src/domain/due";
import { SortedRows } from "../../src/report/sortedRows";

interface Row { key: number; who: string }
type Fake = PersonStatus & { rows: Row[] };

const status = (who: string, keys: number[]): Fake => ({ rows: keys.map((key) => ({ key, who })) }) as unknown as Fake;
const compare = (a: Row, b: Row) => a.key - b.key || (a.who < b.who ? -1 : a.who > b.who ? 1 : 0);

describe("SortedRows", () => {
  it("gives the same order as a full sort after any sequence of changes, moves and removals (property)", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("change" as const), at: fc.nat(), keys: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant("add" as const), keys: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("same" as const) }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }), { maxLength: 30 }), fc.array(op, { maxLength: 25 }), (initial, ops) => {
        let n = 0;
        let list: Fake[] = initial.map((keys) => status(`p${n++}`, keys));
        const sorted = new SortedRows<Row>((s) => (s as Fake).rows, compare);
        const full = () => list.flatMap((s) => s.rows).sort(compare);
        expect(sorted.get(list)).toEqual(full());
        for (const o of ops) {
          if (o.kind === "change" && list.length > 0) {
            list = list.slice();
            const at = o.at % list.length;
            list[at] = status(`p${n++}`, o.keys);
          } else if (o.kind === "add") list = [...list, status(`p${n++}`, o.keys)];
          else if (o.kind === "remove" && list.length > 0) {
            // as the index does: the last status takes the slot of the one that left
            list = list.slice();
            const at = o.at % list.length;
            const last = list.pop() as Fake;
            if (at < list.length) list[at] = last;
          } else list = list.slice();
          expect(sorted.get(list)).toEqual(full());
        }
      }),
    );
  });

  it("returns the same array while the statuses are the same", () => {
    const list = [status("a", [2]), status("b", [1])];
    const sorted = new SortedRows<Row>((s) => (s as Fake).rows, compare);
    expect(sorted.get(list)).toBe(sorted.get(list));
    expect(sorted.get(list).map((r) => r.who)).toEqual(["b", "a"]);
  });
});
