/**
 * Stands in for the HiGHS solver in the web's build (web/vite.config.ts): the public pages
 * read the register's figures and never solve a portfolio, but the core's portfolio module
 * imports the solver, whose 3.5 MB of WebAssembly Vite would otherwise copy into the build.
 */
export default function loadHighs(): never {
  throw new Error('the web face does not solve portfolios');
}
