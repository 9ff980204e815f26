// Inspection while paused: values as variable rows (expandable handles), and evaluating an
// expression in a frame.
import { NDArray } from '../engine/ndarray';
import { Function as EFunction, Variable as EVariable } from '../engine/core';
import { arrayStr } from '../engine/format';
import { PyDict, PyError, PyInstance, PyList, PyModule, PySet, PyTuple, PyValue, PyClass } from '../interpreter/objects';
import { PyFunction } from '../interpreter/function';
import { repr } from '../interpreter/convert';
import { typeOf } from '../interpreter/types';
import { instanceDict } from '../interpreter/attrs';
import type { VariableInfo } from './messages';

const MAX_VALUE = 400;
const MAX_CHILDREN = 300;

/** Short, safe repr: never throws, never huge. */
export function safeRepr(v: PyValue): string {
  try {
    const s = repr(v);
    return s.length > MAX_VALUE ? s.slice(0, MAX_VALUE - 1) + '…' : s;
  } catch (e) {
    return `<repr failed: ${e instanceof PyError ? String((e.exc as PyInstance).cls.name) : String(e)}>`;
  }
}

/** Handles for expandable values, valid until the program resumes. */
export class Handles {
  private next = 1;
  private readonly map = new Map<number, () => VariableInfo[]>();
  add(children: () => VariableInfo[]): number {
    const id = this.next++;
    this.map.set(id, children);
    return id;
  }
  get(id: number): VariableInfo[] {
    const f = this.map.get(id);
    return f ? f() : [];
  }
  reset(): void { this.map.clear(); this.next = 1; }
}

/** A row for a named value, with a handle when it has children. */
export function row(name: string, v: PyValue, h: Handles): VariableInfo {
  const info: VariableInfo = { name, value: display(v), type: typeName(v), variablesReference: 0 };
  if (v instanceof EVariable) info.nodeId = v.id;
  const kids = childrenOf(v, h);
  if (kids) info.variablesReference = h.add(kids);
  return info;
}

function typeName(v: PyValue): string {
  try { return typeOf(v).name; } catch { return 'object'; }
}

/** The value column: arrays and Variables show their (truncated) str with shape and dtype. */
function display(v: PyValue): string {
  if (v instanceof NDArray && v.ndim > 0) return `${oneLine(safeStr(v))}  ${shapeText(v.shape)} ${v.dtype}`;
  if (v instanceof EVariable) return oneLine(safeRepr(v));
  return oneLine(safeRepr(v));
}

function safeStr(a: NDArray): string {
  try { return arrayStr(a); } catch { return '<array>'; }
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');
const shapeText = (s: readonly number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

function childrenOf(v: PyValue, h: Handles): (() => VariableInfo[]) | null {
  if (v instanceof EVariable) {
    return () => {
      const rows = [row('data', v.data, h), row('grad', v.grad, h)];
      if (v.data) rows.push(row('shape', new PyTuple(v.shape.map(BigInt)), h), row('dtype', v.dtype, h));
      rows.push(row('name', v.name, h), row('creator', v.creator, h), row('generation', BigInt(v.generation), h), row('order', BigInt(v.order), h));
      if (v.grad === null) rows[1].value = 'None  (no grad yet — call backward())';
      return rows;
    };
  }
  if (v instanceof EFunction) {
    return () => [
      row('inputs', new PyList(v.inputs), h), row('outputs', new PyList(v.outputs), h),
      row('generation', BigInt(v.generation), h), row('order', BigInt(v.order), h),
    ];
  }
  if (v instanceof NDArray && v.ndim > 0 && v.size > 1) {
    return () => {
      const n = Math.min(v.shape[0], MAX_CHILDREN);
      const rows: VariableInfo[] = [];
      for (let i = 0; i < n; i++) rows.push(row(`[${i}]`, v.get(i), h));
      return rows;
    };
  }
  if (v instanceof PyList || v instanceof PyTuple) {
    if (!v.items.length) return null;
    return () => v.items.slice(0, MAX_CHILDREN).map((x, i) => row(`[${i}]`, x, h));
  }
  if (v instanceof PyDict) {
    if (!v.size) return null;
    return () => [...v.map.values()].slice(0, MAX_CHILDREN).map(([k, x]) => row(safeRepr(k), x, h));
  }
  if (v instanceof PySet) {
    if (!v.size) return null;
    return () => [...v.map.values()].slice(0, MAX_CHILDREN).map((x, i) => row(`{${i}}`, x, h));
  }
  if (v instanceof PyModule || v instanceof PyClass || v instanceof PyFunction) return null;
  const d = v !== null && typeof v === 'object' ? instanceDict(v) : null;
  if (d && d.size) return () => [...d].filter(([k]) => !k.startsWith('__')).slice(0, MAX_CHILDREN).map(([k, x]) => row(k, x as PyValue, h));
  return null;
}
