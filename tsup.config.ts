import { defineConfig } from 'tsup';

// ESM + CommonJS builds with generated .d.ts/.d.cts from the source (never hand-written).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  shims: true,
  splitting: false,
  treeshake: true,
});
