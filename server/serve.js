#!/usr/bin/env node
// @ts-check
/**
 * CLI: serve the production build. `node server/serve.js [--port 4173] [--host 127.0.0.1]`
 * Env: PORT, HOST (use HOST=0.0.0.0 to listen on every interface, e.g. in a container),
 * DIST_DIR (default dist), FEED_BASE (the same value the build used).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from './app.js';

const USAGE = 'usage: node server/serve.js [--port 4173] [--host 127.0.0.1]';

/** @type {{ port?: string, host?: string }} */
let values;
try {
  ({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } }));
} catch (error) {
  console.error(`齐鲁轻读: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

const root = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(values.port ?? process.env.PORT ?? 4173);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';

if (!existsSync(resolve(root, 'shell.html'))) {
  console.error(`齐鲁轻读: no build found in ${root} — run npm run build first.`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`齐鲁轻读: invalid port "${values.port ?? process.env.PORT}".`);
  process.exit(1);
}

const server = createServer({ root, feedBase: process.env.FEED_BASE });
server.on('error', (error) => {
  console.error(`齐鲁轻读: cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  // An IPv6 literal needs brackets inside a URL.
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`齐鲁轻读 running at http://${shownHost}:${actualPort}/`);
});

// Let container stops and Ctrl+C finish open responses instead of cutting them off.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
