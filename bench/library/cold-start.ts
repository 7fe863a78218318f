/**
 * Run in a fresh process by library.bench.ts: opens a built index the way the app does at start
 * and lists the first page with the desk's queue counts, then runs the queries once each. Prints
 * one JSON line: the time from process start to the listed library, and memory afterwards.
 */
import { LibraryIndex } from '../../src/main/services/search/library-index';
import { listLibrary, searchLibrary } from '../../src/main/services/search/library-queries';
import { corpusPeople } from './corpus';
import { QUERIES } from './queries';

const [folder] = process.argv.slice(2);
const person = corpusPeople().find((p) => p.roles.includes('editor'))!;
const start = performance.now();
const index = LibraryIndex.open({ folder: folder!, workspaceId: 'bench-library' });
const listed = listLibrary(index, { person, limit: 60 });
const listMs = performance.now() - start;
const sinceProcessStart = performance.now();
const firstSearch = performance.now();
searchLibrary(index, { query: QUERIES[0]!.query, person });
const firstSearchMs = performance.now() - firstSearch;
for (const q of QUERIES) searchLibrary(index, { query: q.query, person });
const memory = process.memoryUsage();
index.close();
console.log(JSON.stringify({ listMs, sinceProcessStart, firstSearchMs, rows: listed.rows.length, total: listed.total, rss: memory.rss }));
