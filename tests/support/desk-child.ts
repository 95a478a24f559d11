// A desk core alone in a process, syncing in the background until it is killed: tests SIGKILL it mid-sync
// (tests/support/desk-process.ts starts it). Argument: the data folder of a desk already enrolled.
import { openCore } from '../../electron/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: desk-child.ts <data folder>');
// A request may wait as long as the test likes: the test decides when the desk dies, not a timeout.
await openCore({ dataDir, syncTiming: { intervalMs: 100, backoffMs: 100, maxBackoffMs: 500, requestTimeoutMs: 600_000, pullPage: 200 } });
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
