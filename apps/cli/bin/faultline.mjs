#!/usr/bin/env node
// The `faultline` command: TypeScript sources loaded through tsx, as everywhere in Faultline.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
