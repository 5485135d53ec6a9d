// Injects file-system faults into the CLI for tests that cannot produce them for real (tests run as root,
// so permissions do not stop reads; a full disk needs a mount). Loaded with --import; configured by the
// environment variable ARL_FAULTS, a JSON object:
//   { "read": { "match": "disk-error", "code": "EIO" },     reading a file whose path contains "disk-error"
//     "write": { "match": "visit", "code": "ENOSPC", "after": 10 } }  writing a file whose path contains
//                                                           "visit" fails after `after` bytes
// A write "code" of "SIGKILL" kills the process right there instead: a crash in the middle of a write.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const faults = JSON.parse(process.env.ARL_FAULTS ?? '{}');

function fault(code, path) {
  const error = new Error(`${code}: injected fault, '${path}'`);
  error.code = code;
  error.path = String(path);
  return error;
}

const matches = (spec, path) => spec && String(path).includes(spec.match);

/** Writes the first `after` bytes, then fails (or dies) as configured. */
function failWrite(path, bytes, writePart) {
  const part = Buffer.from(bytes).subarray(0, Math.min(Buffer.byteLength(bytes), faults.write.after ?? 0));
  if (part.length) writePart(part);
  if (faults.write.code === 'SIGKILL') process.kill(process.pid, 'SIGKILL');
  throw fault(faults.write.code, path);
}

// Synchronous writes through a descriptor (openSync + writeSync): remember which path each descriptor is.
const fdPaths = new Map();
const realOpenSync = fs.openSync;
fs.openSync = function openSync(path, ...rest) {
  const fd = realOpenSync.call(this, path, ...rest);
  fdPaths.set(fd, String(path));
  return fd;
};
const realCloseSync = fs.closeSync;
fs.closeSync = function closeSync(fd) {
  fdPaths.delete(fd);
  return realCloseSync.call(this, fd);
};
const realWriteSync = fs.writeSync;
fs.writeSync = function writeSync(fd, data, ...rest) {
  const path = fdPaths.get(fd);
  if (path && matches(faults.write, path)) return failWrite(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), (part) => realWriteSync.call(this, fd, part));
  return realWriteSync.call(this, fd, data, ...rest);
};

const realOpen = fs.promises.open;
fs.promises.open = async function open(path, ...rest) {
  const handle = await realOpen.call(this, path, ...rest);
  if (matches(faults.read, path)) {
    handle.readFile = async () => { throw fault(faults.read.code, path); };
    handle.read = async () => { throw fault(faults.read.code, path); };
  }
  if (matches(faults.write, path)) {
    const realWriteFile = handle.writeFile.bind(handle);
    handle.writeFile = async (data) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const part = bytes.subarray(0, Math.min(bytes.length, faults.write.after ?? 0));
      if (part.length) await realWriteFile(part);
      return failWrite(path, Buffer.alloc(0), () => undefined);
    };
    handle.write = async () => { throw fault(faults.write.code, path); };
  }
  return handle;
};

const realReadFile = fs.promises.readFile;
fs.promises.readFile = async function readFile(path, ...rest) {
  if (matches(faults.read, path)) throw fault(faults.read.code, path);
  return realReadFile.call(this, path, ...rest);
};

const realWriteFile = fs.promises.writeFile;
fs.promises.writeFile = async function writeFile(path, data, ...rest) {
  if (matches(faults.write, path)) {
    await realWriteFile.call(this, path, Buffer.from(data).subarray(0, faults.write.after ?? 0), ...rest);
    return failWrite(path, Buffer.alloc(0), () => undefined);
  }
  return realWriteFile.call(this, path, data, ...rest);
};

const realWriteFileSync = fs.writeFileSync;
fs.writeFileSync = function writeFileSync(path, data, ...rest) {
  if (matches(faults.write, path)) return failWrite(path, data, (part) => realWriteFileSync.call(this, path, part, ...rest));
  return realWriteFileSync.call(this, path, data, ...rest);
};

const realReadFileSync = fs.readFileSync;
fs.readFileSync = function readFileSync(path, ...rest) {
  const named = typeof path === 'number' ? fdPaths.get(path) : path;
  if (named && matches(faults.read, named)) throw fault(faults.read.code, named);
  return realReadFileSync.call(this, path, ...rest);
};

// Reads through a descriptor (openSync + readSync, as src/io/read.ts reads record files).
const realReadSync = fs.readSync;
fs.readSync = function readSync(fd, ...rest) {
  const named = fdPaths.get(fd);
  if (named && matches(faults.read, named)) throw fault(faults.read.code, named);
  return realReadSync.call(this, fd, ...rest);
};

// ESM importers of node:fs and node:fs/promises see the patched functions too.
syncBuiltinESMExports();
