// Makes every way out of the machine fail loudly: sockets, TLS, UDP, DNS, HTTP(S), fetch and WebSocket,
// and running another program (which could reach the network for us). Loaded with --import before the
// CLI (and, through NODE_OPTIONS, in every worker thread). Each attempt throws and is also appended to the
// file named by ARL_NETWORK_LOG as "BLOCKED <call>", so an attempt that a dependency catches and hides is
// still seen by the test; "loaded thread <id>" lines show which threads the guard was installed in.
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import http2 from 'node:http2';
import childProcess from 'node:child_process';
import { threadId } from 'node:worker_threads';

const log = process.env.ARL_NETWORK_LOG;

function blocked(what) {
  return function () {
    if (log) appendFileSync(log, `BLOCKED ${what}\n`);
    const error = new Error(`network access blocked by test: ${what}`);
    error.code = 'ENETBLOCKED';
    throw error;
  };
}

net.connect = net.createConnection = blocked('net.connect');
net.Socket.prototype.connect = blocked('net.Socket.connect');
net.createServer = blocked('net.createServer');
tls.connect = blocked('tls.connect');
dgram.createSocket = blocked('dgram.createSocket');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
  if (dns[name]) dns[name] = blocked(`dns.${name}`);
  if (dns.promises[name]) dns.promises[name] = blocked(`dns.promises.${name}`);
}
dns.Resolver.prototype.resolve = blocked('dns.Resolver.resolve');
for (const mod of [http, https]) {
  const label = mod === http ? 'http' : 'https';
  mod.request = blocked(`${label}.request`);
  mod.get = blocked(`${label}.get`);
}
http2.connect = blocked('http2.connect');
globalThis.fetch = blocked('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = blocked('WebSocket');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = blocked(`child_process.${name}`);

syncBuiltinESMExports();
if (log) appendFileSync(log, `loaded thread ${threadId}\n`);
