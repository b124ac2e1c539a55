/**
 * Ribbon commands. Each button of the "Plan" group runs `open<View>` in the shared runtime,
 * which selects the pane's view and shows the pane (`Office.addin.showAsTaskpane`, SharedRuntime 1.1).
 */
/// <reference types="office-js" />
import { setView } from '../taskpane/paneState';
import { PANE_VIEWS, actionName } from '../taskpane/views';

/** What the commands need of Office (the real `Office` object, or a fake in tests). */
export interface CommandHost {
  actions: { associate(name: string, handler: (event: Office.AddinCommands.Event) => void): void };
  addin: { showAsTaskpane(): Promise<void> };
}

/** Associates every ribbon action with its handler; returns the action names. */
export function registerCommands(host: CommandHost): string[] {
  const names: string[] = [];
  for (const view of PANE_VIEWS) {
    const name = actionName(view.id);
    host.actions.associate(name, (event) => {
      setView(view.id);
      // completed() must be called whatever happens, or Office shows the button as busy.
      host.addin.showAsTaskpane().then(
        () => event.completed(),
        () => event.completed(),
      );
    });
    names.push(name);
  }
  return names;
}
