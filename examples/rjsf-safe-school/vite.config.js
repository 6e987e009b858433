// Vite's configuration of the example (plain JavaScript: no JSX, so no React plugin).
// `es2022`: main.js awaits the module's init() at the top level.
export default {
  base: './',
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
