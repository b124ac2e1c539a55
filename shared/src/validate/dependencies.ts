/**
 * Project dependencies (`DependsOn`): no cycles, prerequisites that finish
 * before the project starts, and no dependence on a dropped project.
 */
import type { Row } from '../read/plan';
import type { Checker } from './context';
import { idKey, shown } from './context';

type Project = Row<'tblProjects'>;

/** At most this many projects are named in a cycle's message. */
const MAX_CYCLE_SHOWN = 12;

interface Node {
  key: string;
  id: string;
  project: Project;
  own: boolean;
  deps: number[];
}

/**
 * Strongly connected components of the dependency graph, by Tarjan's
 * algorithm written with an explicit stack (a chain of 50,000 projects would
 * overflow the call stack of a recursive version). Returns the component
 * number of each node.
 */
function components(nodes: readonly Node[]): Int32Array {
  const n = nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let compCount = 0;
  const work: Array<{ v: number; i: number }> = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push({ v: root, i: 0 });
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { v: number; i: number };
      const deps = (nodes[frame.v] as Node).deps;
      if (frame.i < deps.length) {
        const w = deps[frame.i++] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, i: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v] as number, index[w] as number);
        continue;
      }
      work.pop();
      const v = frame.v;
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] as number, low[v] as number);
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          comp[w] = compCount;
        } while (w !== v);
        compCount++;
      }
    }
  }
  return comp;
}

/** The shortest cycle through `start` inside its component (breadth-first search). */
function cycleThrough(nodes: readonly Node[], comp: Int32Array, start: number): number[] {
  const prev = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q] as number;
    for (const w of (nodes[v] as Node).deps) {
      if (comp[w] !== comp[start]) continue;
      if (w === start) {
        const path = [v];
        let u = v;
        while (u !== start) {
          u = prev.get(u) as number;
          path.push(u);
        }
        return path.reverse();
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** DEPENDENCY_CYCLE, DEPENDENCY_ORDER and DEPENDS_ON_DROPPED. */
export function checkDependencies(c: Checker): void {
  const table = c.own('tblProjects');
  if (!table || !table.columns.has('DependsOn')) return;
  const nodes: Node[] = [];
  const byKey = new Map<string, number>();
  const byId = new Map<string, number>();
  const addNode = (project: Project, own: boolean) => {
    if (project.ProjectId === '') return;
    const key = idKey(project.ProjectId);
    if (byKey.has(key)) return; // a duplicate ID is reported as DUPLICATE_ID
    byKey.set(key, nodes.length);
    byId.set(project.ProjectId, nodes.length);
    nodes.push({ key, id: project.ProjectId, project, own, deps: [] });
  };
  for (const p of table.rows) addNode(p, true);
  for (const p of c.plan.reference.tblProjects?.rows ?? []) addNode(p, false);
  for (const node of nodes)
    for (const dep of node.project.DependsOn) {
      const w = byId.get(dep) ?? byKey.get(idKey(dep));
      if (w !== undefined) node.deps.push(w); // an unknown ID is REF_MISSING
    }

  const comp = components(nodes);
  const size = new Map<number, number>();
  for (const k of comp) size.set(k, (size.get(k) ?? 0) + 1);
  const reported = new Set<number>();
  nodes.forEach((node, v) => {
    const k = comp[v] as number;
    const cyclic = (size.get(k) ?? 0) > 1 || node.deps.includes(v);
    // Report each cycle once, on the first own project of it (nodes are in row order).
    if (!cyclic || !node.own || reported.has(k)) return;
    reported.add(k);
    const cycle = cycleThrough(nodes, comp, v).map((i) => shown((nodes[i] as Node).id));
    // A cycle through thousands of projects is named by its ends, so a message stays readable.
    const named =
      cycle.length <= MAX_CYCLE_SHOWN
        ? cycle
        : [...cycle.slice(0, MAX_CYCLE_SHOWN - 2), `… (${cycle.length})`, ...cycle.slice(-1)];
    const text = [...named, cycle[0]].join(' → ');
    c.add(
      'DEPENDENCY_CYCLE',
      c.at(table, node.project.row, 'DependsOn'),
      `وابستگی پروژه‌ها چرخشی است: ${text}؛ هیچ‌کدام نمی‌تواند نخست آغاز شود، یکی از این وابستگی‌ها را بردارید`,
      `project dependencies form a cycle: ${text}; none of them can start first, remove one of these dependencies`,
    );
  });

  for (const node of nodes) {
    if (!node.own) continue;
    const p = node.project;
    const id = shown(p.ProjectId);
    for (const w of node.deps) {
      const q = (nodes[w] as Node).project;
      if (q === p) continue;
      const qid = shown(q.ProjectId);
      if (q.Status === 'dropped' && p.Status !== 'dropped')
        c.add(
          'DEPENDS_ON_DROPPED',
          c.at(table, p.row, 'DependsOn'),
          `پروژه «${id}» به پروژه متوقف «${qid}» وابسته است؛ وابستگی را بردارید یا وضعیت «${qid}» را بازبینی کنید`,
          `project "${id}" depends on "${qid}", which is dropped; remove the dependency or review the status of "${qid}"`,
        );
      if (p.StartYear !== null && q.EndYear !== null && q.EndYear > p.StartYear)
        c.add(
          'DEPENDENCY_ORDER',
          c.at(table, p.row, 'StartYear'),
          `پروژه «${id}» در ${p.StartYear} شروع می‌شود ولی پیش‌نیازش «${qid}» در ${q.EndYear} تمام می‌شود؛ شروع را به پس از ${q.EndYear} ببرید یا وابستگی را بازبینی کنید`,
          `project "${id}" starts in ${p.StartYear} but its prerequisite "${qid}" ends in ${q.EndYear}; start it after ${q.EndYear} or review the dependency`,
        );
    }
  }
}
