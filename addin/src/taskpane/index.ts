/**
 * The shared runtime's entry (taskpane.html, built as `functions.js`): registers the PLAN.*
 * functions at once, then, when Office is ready, the ribbon commands and the pane. The pane
 * (React + Fluent UI) is loaded on demand so the functions start without it and the functions
 * bundle stays small.
 */
/// <reference types="office-js" />
// First: it configures zod before the schemas below are built.
import './strictCsp';
import { registerCommands } from '../commands/commands';
import { registerFunctions } from '../functions/register';
import { setMessageLanguage } from '../functions/result';

registerFunctions();

void Office.onReady(() => {
  setMessageLanguage(Office.context?.displayLanguage);
  // Office.actions exists where ribbon commands do (SharedRuntime 1.1); not in a plain browser.
  if (Office.actions) registerCommands(Office);
  const root = document.getElementById('root');
  if (root) void import('./mount').then((m) => m.mountPane(root, Office.context?.displayLanguage));
});
