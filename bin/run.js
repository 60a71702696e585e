#!/usr/bin/env node
import { execute } from '@oclif/core';
import { normalizeArgv } from '../dist/cli/argv.js';

await execute({ dir: import.meta.url, args: normalizeArgv(process.argv.slice(2)) });
