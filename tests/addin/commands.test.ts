/**
 * The ribbon's "Plan" group: each button runs an action in the shared runtime that opens the
 * pane on its view, and always tells Office the command is complete.
 */
import { registerCommands } from '../../addin/src/commands/commands';
import { getView, setView } from '../../addin/src/taskpane/paneState';
import { PANE_VIEWS, actionName } from '../../addin/src/taskpane/views';

type Handler = (event: { completed(): void }) => void;

function fakeOffice(show: () => Promise<void>) {
  const handlers = new Map<string, Handler>();
  const host = {
    actions: { associate: (name: string, h: Handler) => handlers.set(name, h) },
    addin: { showAsTaskpane: show },
  };
  return { host, handlers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ribbon commands', () => {
  afterEach(() => setView('home'));

  it('registers one action per view, named as in the manifest', () => {
    const { host, handlers } = fakeOffice(async () => {});
    const names = registerCommands(host as never);
    expect(names).toEqual([
      'openHome',
      'openCheck',
      'openRevenue',
      'openPriorities',
      'openRegister',
    ]);
    expect([...handlers.keys()]).toEqual(PANE_VIEWS.map((v) => actionName(v.id)));
  });

  it('opens the pane on the button’s view and completes the command', async () => {
    const shown: string[] = [];
    const { host, handlers } = fakeOffice(async () => {
      shown.push(getView());
    });
    registerCommands(host as never);
    const completed = jest.fn();
    handlers.get('openRevenue')!({ completed });
    await settle();
    expect(shown).toEqual(['revenue']);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes the command even when the pane cannot be shown', async () => {
    const { host, handlers } = fakeOffice(() => Promise.reject(new Error('no pane here')));
    registerCommands(host as never);
    const completed = jest.fn();
    handlers.get('openCheck')!({ completed });
    await settle();
    expect(getView()).toBe('check');
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
