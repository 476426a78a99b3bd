/**
 * Progress on stderr, only when stderr is a terminal: piped or logged runs stay clean. Several
 * files: a bar with the percentage, elapsed time and ETA. One file (a big report, standard
 * input): a bar would stand at 0 % until the end, so a spinner with the elapsed time says the
 * run is alive instead.
 */
import cliProgress from 'cli-progress';
import { terminalText } from '../report/escape.js';

export interface Progress {
  /** `label`: what the run reads (its one input), shown by the spinner of a one-file run. */
  start(total: number, label?: string): void;
  tick(file: string): void;
  stop(): void;
}

const NONE: Progress = { start() {}, tick() {}, stop() {} };

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const SPIN_MS = 100;

/** The spinner's line: what is read and for how long. */
export function spinnerLine(frame: number, label: string, ms: number): string {
  return `novlangue ${FRAMES[frame % FRAMES.length]!} analysing ${label}  ${(ms / 1000).toFixed(1)} s elapsed`;
}

/** A line redrawn in place until the one file is done, then erased. */
function spinner(label: string): Progress {
  const started = performance.now();
  let frame = 0;
  const draw = (): void => {
    process.stderr.write(`\r\x1b[2K${spinnerLine(frame++, label, performance.now() - started)}`);
  };
  draw();
  const timer = setInterval(draw, SPIN_MS);
  // The timer never keeps the process alive: a run that ends ends.
  timer.unref();
  let stopped = false;
  return {
    start() {},
    tick() {},
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      process.stderr.write('\r\x1b[2K');
    },
  };
}

function bar(total: number): Progress {
  const progress = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'novlangue {bar} {percentage}% {value}/{total} files  {duration_formatted} elapsed, ETA {eta_formatted}  {file}', clearOnComplete: true, hideCursor: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  progress.start(total, 0, { file: '' });
  let stopped = false;
  return {
    start() {},
    tick(file) {
      // File names come from the disk: no control character reaches the terminal.
      if (!stopped) progress.increment(1, { file: terminalText(file).slice(-50) });
    },
    stop() {
      if (!stopped) progress.stop();
      stopped = true;
    },
  };
}

export function progressBar(enabled: boolean): Progress {
  if (!enabled) return NONE;
  let current: Progress = NONE;
  return {
    start(total, label) {
      current.stop();
      current = total === 1 ? spinner(terminalText(label ?? '1 file').slice(-50)) : bar(total);
    },
    tick(file) {
      current.tick(file);
    },
    stop() {
      current.stop();
      current = NONE;
    },
  };
}
