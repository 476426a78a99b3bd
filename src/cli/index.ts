#!/usr/bin/env node
/** The `novlangue` executable. */
import { main } from './main.js';

// A reader that goes away (`novlangue rules | head`) ends the output, not in a crash: a run
// stops on its own (see output.ts), and help, version and tables have nothing left to write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await main(process.argv.slice(2));
