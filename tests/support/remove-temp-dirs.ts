// A vitest setup file: after each test file, its temporary folders go (see temp-dir.ts).
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

afterAll(() => removeTempDirs());
