/** A progress bar on stderr, only when stderr is a terminal: piped or logged runs stay clean. */
import cliProgress from 'cli-progress';
import { terminalText } from '../report/escape.js';

export interface Progress {
  start(total: number): void;
  tick(file: string): void;
  stop(): void;
}

const NONE: Progress = { start() {}, tick() {}, stop() {} };

export function progressBar(enabled: boolean): Progress {
  if (!enabled) return NONE;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'novlangue {bar} {percentage}% {value}/{total} files  {duration_formatted} elapsed, ETA {eta_formatted}  {file}', clearOnComplete: true, hideCursor: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start(total) {
      bar.start(total, 0, { file: '' });
      started = true;
    },
    tick(file) {
      // File names come from the disk: no control character reaches the terminal.
      if (started) bar.increment(1, { file: terminalText(file).slice(-50) });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
