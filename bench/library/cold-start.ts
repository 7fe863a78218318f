/**
 * Run in a fresh process by library.bench.ts: opens a format-2 workspace and its library the way
 * the app does at start (the index in the data folder's cache; no reconcile waited for) and
 * lists the first page with the desk's queue counts, then runs the queries once each. Prints one
 * JSON line: the time to the listed library, and memory afterwards.
 */
import { systemClock } from '../../src/main/services/clock';
import { DataFolder } from '../../src/main/services/data-folder';
import { openWorkspace } from '../../src/main/services/open-workspace';
import { Library } from '../../src/main/services/search/library';
import { ed25519 } from '../../src/shared/identity/ed25519';
import { corpusPeople } from './corpus';
import { QUERIES } from './queries';

const [root, dataDir] = process.argv.slice(2);
const person = corpusPeople().find((p) => p.roles.includes('editor'))!;
const start = performance.now();
const workspace = await openWorkspace({ root: root!, clock: systemClock, data: new DataFolder(dataDir!), ed: await ed25519() });
const library = new Library(workspace, new DataFolder(dataDir!));
const listed = library.list({ person, limit: 60 });
const listMs = performance.now() - start;
const firstSearch = performance.now();
library.search({ query: QUERIES[0]!.query, person });
const firstSearchMs = performance.now() - firstSearch;
for (const q of QUERIES) library.search({ query: q.query, person });
const memory = process.memoryUsage();
library.close();
console.log(JSON.stringify({ listMs, firstSearchMs, rows: listed.rows.length, total: listed.total, rss: memory.rss }));
