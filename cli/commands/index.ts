/** Every `plan` command, in the order help lists them. */
import type { Command } from '../command';
import { adminCommand } from './admin';
import { budgetCommand } from './budget';
import { chainCommand } from './chain';
import { billCommand, bookCommand } from './documents';
import { fiscalCommand } from './fiscal';
import { forecastCommand } from './forecast';
import { kpiCommand } from './kpi';
import { portfolioCommand } from './portfolio';
import { cyclesCommand } from './remote/cycles';
import { diffCommand } from './remote/diff';
import { exportCommand } from './remote/export';
import { monitorCommand } from './monitor';
import { report71Command } from './report71';
import { rollCommand } from './roll';
import { loginCommand } from './remote/login';
import { pullCommand } from './remote/pull';
import { pushCommand } from './remote/push';
import { statusCommand } from './remote/status';
import { transitionCommands } from './remote/workflow';
import { sampleCommand } from './sample';
import { scoreCommand } from './score';
import { templateCommand } from './template';
import { validateCommand } from './validate';

/** The commands of `plan`, in help order. */
export const COMMANDS: readonly Command[] = [
  templateCommand,
  sampleCommand,
  validateCommand,
  forecastCommand,
  scoreCommand,
  portfolioCommand,
  chainCommand,
  fiscalCommand,
  budgetCommand,
  kpiCommand,
  monitorCommand,
  report71Command,
  rollCommand,
  bookCommand,
  billCommand,
  loginCommand,
  cyclesCommand,
  pushCommand,
  pullCommand,
  statusCommand,
  diffCommand,
  ...transitionCommands,
  exportCommand,
  adminCommand,
];
