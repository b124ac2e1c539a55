/** Vite's CSS imports (the bundled font's `@font-face`). */
declare module '*.css';
