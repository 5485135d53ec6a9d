import { parentPort, workerData } from 'node:worker_threads';
import { UnitProcessor, packUnit, type AuditSettings, type AuditUnit } from './process-unit.js';

/** A worker thread of the audit pool: lints the units it is sent, one at a time, and posts the results. */
const settings = workerData as AuditSettings;
const processor = new UnitProcessor(settings);

parentPort?.on('message', (task: { id: number; unit: AuditUnit }) => {
  processor.run(task.unit).then(
    (output) => parentPort?.postMessage({ id: task.id, output: packUnit(output, settings.write) }),
    (error: unknown) => parentPort?.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
