// Injects file-system faults into the CLI for tests that cannot produce them for real (tests run as root,
// so permissions do not stop reads; a full disk needs a mount). Loaded with --import; configured by the
// environment variable ARL_FAULTS, a JSON object:
//   { "read": { "match": "disk-error", "code": "EIO" },     reading a file whose path contains "disk-error"
//     "write": { "match": "visit", "code": "ENOSPC", "after": 10 } }  writing a file whose path contains
//                                                           "visit" fails after `after` bytes
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

const realOpen = fs.promises.open;
fs.promises.open = async function open(path, ...rest) {
  const handle = await realOpen.call(this, path, ...rest);
  if (matches(faults.read, path)) {
    handle.readFile = async () => { throw fault(faults.read.code, path); };
    handle.read = async () => { throw fault(faults.read.code, path); };
  }
  if (matches(faults.write, path)) {
    const realWriteFile = handle.writeFile.bind(handle);
    handle.writeFile = async (data, ...more) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      await realWriteFile(bytes.subarray(0, Math.min(bytes.length, faults.write.after ?? 0)), ...more);
      throw fault(faults.write.code, path);
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
    throw fault(faults.write.code, path);
  }
  return realWriteFile.call(this, path, data, ...rest);
};

const realWriteFileSync = fs.writeFileSync;
fs.writeFileSync = function writeFileSync(path, data, ...rest) {
  if (matches(faults.write, path)) {
    realWriteFileSync.call(this, path, Buffer.from(data).subarray(0, faults.write.after ?? 0), ...rest);
    throw fault(faults.write.code, path);
  }
  return realWriteFileSync.call(this, path, data, ...rest);
};

const realReadFileSync = fs.readFileSync;
fs.readFileSync = function readFileSync(path, ...rest) {
  if (matches(faults.read, path)) throw fault(faults.read.code, path);
  return realReadFileSync.call(this, path, ...rest);
};

// ESM importers of node:fs and node:fs/promises see the patched functions too.
syncBuiltinESMExports();
