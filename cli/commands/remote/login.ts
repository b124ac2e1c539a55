/** `plan login`: checks a register server and an API token, then stores them for the other commands. */
import { fsi } from '#core';
import type { Command } from '../../command';
import { requireOption } from '../../command';
import { EXIT, reportProblem, toJson } from '../../io';
import { clientOf, normalizeServer, refusal, saveCredentials } from '../../remote';
import { envOf } from './common';

/** `plan login`: stores the server and token (mode 0600) after checking them with `/api/me`. */
export const loginCommand: Command = {
  name: 'login',
  summary: {
    fa: 'نشانی سرور سامانه ثبت برنامه و توکن \u2066API\u2069 را پس از آزمودن در پرونده اطلاعات ورود (فقط‌خواندنی برای شما) نگه می‌دارد.',
    en: 'Checks a register server and API token, then stores them in your credentials file (readable by you only).',
  },
  usage: 'login --server URL --token TOKEN',
  examples: ['login --server https://plan.example.ir --token plan_mashhad_…'],
  options: {
    server: {
      type: 'string',
      value: 'URL',
      description: { fa: 'نشانی سرور سامانه ثبت برنامه', en: 'the register server URL' },
    },
    token: {
      type: 'string',
      value: 'TOKEN',
      description: { fa: 'توکن \u2066API\u2069 شما', en: 'your API token' },
    },
  },
  positionals: { min: 0, max: 0, names: [] },
  async run(ctx) {
    const { io, lang } = ctx;
    const server = requireOption(ctx, 'login', 'server', { fa: 'نشانی سرور', en: 'server URL' });
    if (!server.ok) return reportProblem(io, server.problem, lang);
    const token = requireOption(ctx, 'login', 'token', {
      fa: 'توکن \u2066API\u2069',
      en: 'API token',
    });
    if (!token.ok) return reportProblem(io, token.problem, lang);
    const url = normalizeServer(server.value);
    if (url === null)
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `«${fsi(server.value)}» نشانی \u2066http\u2069 یا \u2066https\u2069 نیست`,
            en: `"${server.value}" is not an http or https URL`,
          },
          helpFor: 'login',
        },
        lang,
      );
    const creds = { server: url, token: token.value };
    const answer = await clientOf(creds).me();
    if (!answer.ok) return reportProblem(io, refusal(creds, answer.error), lang);
    const me = answer.value;
    const saved = await saveCredentials(creds, envOf(io));
    if (!saved.ok) return reportProblem(io, saved.problem, lang);
    if (ctx.json)
      io.stdout.write(
        toJson({
          server: url,
          credentials: saved.value,
          email: me.email,
          tenantId: me.tenantId,
          roles: me.roles,
        }) + '\n',
      );
    else
      io.stdout.write(
        lang === 'fa'
          ? `وارد ${url} شدید: ${me.email} (${me.roles.join('، ')})؛ ذخیره در ${saved.value}\n`
          : `Logged in to ${url} as ${me.email} (${me.roles.join(', ')}); stored in ${saved.value}\n`,
      );
    return EXIT.ok;
  },
};
