// Vite's configuration of the example (plain JavaScript: no JSX, so no React plugin).
// `optimizeDeps.exclude`: the dev server's pre-bundling would move treem's JS away from the
// .wasm it loads beside itself (`new URL('./treem_wasm_bg.wasm', import.meta.url)`).
export default {
  base: './',
  optimizeDeps: { exclude: ['treem'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // @rjsf/utils marks some hooks "use client" (for React Server Components): moot here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
};
