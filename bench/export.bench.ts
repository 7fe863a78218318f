/**
 * Export suite: the 200,000-character, 50-figure article through each exporter, in Node. The
 * string exporters are timed on their own (what DESIGN.md budgets: HTML and Markdown ≤ 100 ms);
 * the file exports are timed whole through writeExport: reading and checking the pictures,
 * building the output and writing it atomically (DOCX ≤ 2 s). The baseline, measured in the
 * same run, is JSON.stringify of the article: what saving the same article costs.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../src/main/services/export/write-export';
import type { Article } from '../src/shared/article/article';
import { exportHtml } from '../src/shared/export/html';
import { exportMarkdown } from '../src/shared/export/markdown';
import { exportNinjs, ninjsJson } from '../src/shared/export/ninjs';
import { exportText } from '../src/shared/export/text';
import type { ExportFormat } from '../src/shared/export/formats';
import type { ReviewState } from '../src/shared/review/review-state';
import { createBenchWorkspace } from './generate-article';
import { atMost, median, type Report } from './report';
import type { Suite, SuiteOptions } from './suite';

/** Timed runs of each string exporter per round, after WARMUP untimed ones. */
const STRING_RUNS = 15;
const FILE_RUNS = 3;
const WARMUP = 3;
const FOOTER = '责任编辑：王丽\u3000二审：赵敏\u3000三审：陈杰';

async function timeRuns(runs: number, work: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

function stringExporters(article: Article, state: ReviewState): Record<string, () => string> {
  const imagePath = (figure: { asset: string }) => `images/${figure.asset}.png`;
  const review = { footer: FOOTER, draft: false };
  return {
    baseline: () => JSON.stringify(article),
    html: () => exportHtml(article, { ...review, images: imagePath }),
    markdown: () => exportMarkdown(article, { ...review, imagePath }),
    text: () => exportText(article, review),
    ninjs: () => ninjsJson(exportNinjs(article, { footer: FOOTER, state, images: imagePath })),
  };
}

async function run(report: Report, { rounds, log }: SuiteOptions): Promise<void> {
  const bench = await createBenchWorkspace();
  const out = await mkdtemp(join(tmpdir(), 'newsroom-bench-export-'));
  const strings: Record<string, number[]> = {};
  const files: Record<string, number[]> = {};
  const sizes: Record<string, number> = {};
  try {
    const article = await bench.workspace.get(bench.article.id);
    log(`export: article of ${bench.layout.characters} characters, ${bench.layout.figures} figures`);
    const exporters = stringExporters(article, (await bench.workspace.review(article.id)).state);
    for (const [name, work] of Object.entries(exporters)) {
      await timeRuns(WARMUP, work);
      sizes[name] = work().length;
    }
    // The bench article is not signed off (the bench workspace has no reviewers): the files
    // are drafts, which costs the same as final copy plus a watermark.
    const formats: ExportFormat[] = ['html', 'md', 'docx'];
    for (const format of formats) await writeExport(bench.workspace, article.id, format, join(out, `warmup.${format}`), { allowDraft: true });

    for (let round = 1; round <= rounds; round++) {
      for (const [name, work] of Object.entries(exporters)) (strings[name] ??= []).push(median(await timeRuns(STRING_RUNS, work)));
      for (const format of formats) {
        const target = join(out, `round-${round}.${format}`);
        (files[format] ??= []).push(median(await timeRuns(FILE_RUNS, () => writeExport(bench.workspace, article.id, format, target, { allowDraft: true }))));
        sizes[`${format}.file`] = (await stat(target)).size;
      }
      log(
        `export: round ${round} ` +
          Object.entries(strings)
            .map(([name, times]) => `${name} ${times.at(-1)!.toFixed(1)} ms`)
            .join(', ') +
          '; files ' +
          Object.entries(files)
            .map(([format, times]) => `${format} ${times.at(-1)!.toFixed(0)} ms`)
            .join(', '),
      );
    }
  } finally {
    await rm(out, { recursive: true, force: true });
    await bench.remove();
  }

  const baseline = median(strings.baseline!);
  report.add('export.article.characters', bench.layout.characters, 'chars');
  report.add('export.article.figures', bench.layout.figures, 'figures');
  report.add('export.baseline.json', baseline, 'ms');
  report.add('export.html', median(strings.html!), 'ms', atMost(100));
  report.add('export.markdown', median(strings.markdown!), 'ms', atMost(100));
  report.add('export.text', median(strings.text!), 'ms');
  report.add('export.ninjs', median(strings.ninjs!), 'ms');
  report.add('export.html.ratio', median(strings.html!) / baseline, 'x');
  report.add('export.markdown.ratio', median(strings.markdown!) / baseline, 'x');
  report.add('export.file.html', median(files.html!), 'ms');
  report.add('export.file.md', median(files.md!), 'ms');
  report.add('export.file.docx', median(files.docx!), 'ms', atMost(2000));
  report.note(
    `export suite: ${rounds} round(s) of the median of ${STRING_RUNS} runs (strings) and ${FILE_RUNS} runs (files, via writeExport with atomic writes); ` +
      `sizes: HTML ${sizes.html} chars, Markdown ${sizes.markdown} chars, self-contained HTML file ${sizes['html.file']} bytes, DOCX ${sizes['docx.file']} bytes`,
  );
}

export const exportSuite: Suite = { name: 'export', run };
