/** Every `plan` command, in the order help lists them. */
import type { Command } from '../command';
import { adminCommand } from './admin';
import { chainCommand } from './chain';
import { cyclesCommand } from './cycles';
import { fiscalCommand } from './fiscal';
import { forecastCommand } from './forecast';
import { kpiCommand } from './kpi';
import { portfolioCommand } from './portfolio';
import { sampleCommand } from './sample';
import { scoreCommand } from './score';
import {
  diffCommand,
  exportCommand,
  loginCommand,
  pullCommand,
  pushCommand,
  statusCommand,
  transitionCommands,
} from './server';
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
  kpiCommand,
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
