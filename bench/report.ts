import { writeFile } from 'node:fs/promises';

/** A budget from DESIGN.md: the figure must stay at or below (`<=`) or at or above (`>=`) the limit. */
export interface Budget {
  op: '<=' | '>=';
  limit: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: Budget | null;
}

export const atMost = (limit: number): Budget => ({ op: '<=', limit });
export const atLeast = (limit: number): Budget => ({ op: '>=', limit });

export function meets(figure: Figure): boolean | null {
  if (!figure.budget || !Number.isFinite(figure.value)) return figure.budget ? false : null;
  return figure.budget.op === '<=' ? figure.value <= figure.budget.limit : figure.value >= figure.budget.limit;
}

/** Every figure of every suite, in the order they were measured. */
export class Report {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];

  add(name: string, value: number, unit: string, budget: Budget | null = null): void {
    this.figures.push({ name, value, unit, budget });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  missed(): Figure[] {
    return this.figures.filter((figure) => meets(figure) === false);
  }

  format(): string {
    const rows = this.figures.map((figure) => {
      const ok = meets(figure);
      return [
        figure.name,
        formatValue(figure.value),
        figure.unit,
        figure.budget ? `${figure.budget.op} ${figure.budget.limit}` : '',
        ok === null ? '' : ok ? 'pass' : 'MISSED',
      ];
    });
    const header = ['name', 'value', 'unit', 'budget', 'result'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: string[]) =>
      cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
    const out = [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
    const missed = this.missed();
    out.push('', missed.length === 0 ? 'All budgets met.' : `MISSED ${missed.length} budget(s): ${missed.map((f) => f.name).join(', ')}`);
    if (this.notes.length > 0) out.push('', ...this.notes.map((text) => `note: ${text}`));
    return out.join('\n');
  }

  async writeJson(file: string): Promise<void> {
    const rounded = this.figures.map((figure) => ({
      ...figure,
      value: Number.isFinite(figure.value) ? Math.round(figure.value * 1000) / 1000 : null,
    }));
    await writeFile(file, `${JSON.stringify(rounded, null, 2)}\n`);
  }
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall-clock and process CPU time of one run, in milliseconds. */
export interface Timed {
  wall: number;
  cpu: number;
}

/** Times `work` by the wall clock and by the process's CPU time (which other load does not inflate). */
export function timed(work: () => unknown): Timed {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
