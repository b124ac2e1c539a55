/** `plan submit|review|approve|return|reopen`: one workflow step of a submission. */
import type { Bilingual, Role, WorkflowAction } from '#core';
import {
  ACTION_CAPTIONS,
  ROLE_CAPTIONS,
  STATUS_CAPTIONS,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  fsi,
} from '#core';
import type { Command } from '../../command';
import { intOption } from '../../command';
import { plain } from '../../format';
import { EXIT, toJson } from '../../io';
import { statusText, stringOption, withServer } from './common';

/**
 * A workflow command's help, from the workflow itself (`TRANSITIONS`): where the step leaves
 * from and goes to, and who may take it.
 */
function actionSummary(action: WorkflowAction): Bilingual {
  const rule = TRANSITIONS[action];
  const roles = (list: readonly Role[]) => ({
    fa: list.map((r) => ROLE_CAPTIONS[r].fa).join(' یا '),
    en: list.join(' or '),
  });
  const who = roles(rule.roles);
  const fa = [who.fa];
  const en = [who.en];
  if (rule.ownDepartmentUnless !== undefined) {
    const unless = roles(rule.ownDepartmentUnless);
    fa.push(`فقط برای واحد خود، مگر ${unless.fa}`);
    en.push(`for their own department only, unless ${unless.en}`);
  }
  if (rule.fourEyes === true) {
    fa.push('نه کسی که آن نسخه را فرستاده یا ارسال کرده');
    en.push('not whoever pushed or submitted that version');
  }
  const from = rule.from.map((st) => `«${fsi(STATUS_CAPTIONS[st].fa)}»`).join(' یا ');
  return {
    fa: `${ACTION_CAPTIONS[action].fa}: برنامه را از وضعیت ${from} به «${fsi(STATUS_CAPTIONS[rule.to].fa)}» می‌برد (${fa.join('؛ ')}).`,
    en: `${ACTION_CAPTIONS[action].en}: moves a plan from ${rule.from.join(' or ')} to ${rule.to} (${en.join('; ')}).`,
  };
}

function transitionCommand(action: WorkflowAction): Command {
  return {
    name: action,
    summary: actionSummary(action),
    usage: `${action} SUBMISSION [--note TEXT] [--expected-version N]`,
    examples: [`${action} 8f0c… --note "…"`],
    options: {
      note: {
        type: 'string',
        value: 'TEXT',
        description: { fa: 'یادداشت این گام', en: 'a note for this step' },
      },
      'expected-version': {
        type: 'string',
        value: 'N',
        description: {
          fa: 'نسخه‌ای که دیده‌اید؛ اگر نسخه تازه‌تری آمده باشد، پذیرفته نمی‌شود',
          en: 'the version you looked at; refused if a newer one arrived',
        },
      },
    },
    positionals: { min: 1, max: 1, names: ['SUBMISSION'] },
    run: (ctx) =>
      withServer(ctx, async (remote) => {
        const { io, lang } = ctx;
        const id = ctx.positionals[0] ?? '';
        const expected = intOption(ctx, action, 'expected-version', {
          min: 0,
          max: 1_000_000,
          fallback: null,
        });
        if (!expected.ok) return expected.problem;
        const note = stringOption(ctx, 'note');
        const done = remote.value(
          await remote.client.transition(id, action, {
            ...(note !== undefined && { note }),
            ...(expected.value !== null && { expectedVersion: expected.value }),
          }),
        );
        if (!done.ok) return done.problem;
        const body = done.value;
        if (ctx.json) io.stdout.write(toJson(body) + '\n');
        else
          io.stdout.write(
            lang === 'fa'
              ? `${body.submission.title}: ${statusText(body.submission.status, lang)} (نسخه ${plain(body.submission.currentVersion, lang)})\n`
              : `${body.submission.title}: ${body.submission.status} (version ${body.submission.currentVersion})\n`,
          );
        return EXIT.ok;
      }),
  };
}

/** `plan submit|review|approve|return|reopen SUBMISSION`: one workflow step. */
export const transitionCommands: readonly Command[] = WORKFLOW_ACTIONS.map(transitionCommand);
