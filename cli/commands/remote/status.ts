/** `plan status`: the submissions one may see, or one submission's versions, history, comments. */
import type { ApiComment, ApiSubmission, ApiVersion, ApiWorkflowEvent } from '#core';
import { ACTION_CAPTIONS, WORKBOOK_KINDS, formatTehranDateTime, fsi } from '#core';
import type { Command, CommandContext } from '../../command';
import { plain, textTable } from '../../format';
import { EXIT, toJson } from '../../io';
import { statusText, withServer } from './common';

/** `plan status`: the submissions one may see, or one submission's versions, history, comments. */
export const statusCommand: Command = {
  name: 'status',
  summary: {
    fa: 'وضعیت برنامه‌ها در سرور؛ با شناسه یک برنامه: وضعیت گردش کار، نسخه‌ها، رویدادها و یادداشت‌ها.',
    en: 'The submissions on the server; with a submission ID: its workflow status, versions, events and comments.',
  },
  usage: 'status [SUBMISSION]',
  examples: ['status', 'status 8f0c… --lang en --json'],
  options: {},
  positionals: { min: 0, max: 1, names: ['SUBMISSION'] },
  run: (ctx) =>
    withServer(ctx, async (remote) => {
      const { io, lang } = ctx;
      const id = ctx.positionals[0];
      if (id === undefined) {
        const listed = remote.value(await remote.client.submissions());
        if (!listed.ok) return listed.problem;
        const list = listed.value;
        if (ctx.json) io.stdout.write(toJson({ submissions: list }) + '\n');
        else
          io.stdout.write(
            textTable(
              lang === 'fa'
                ? ['شناسه', 'واحد', 'نوع', 'نسخه', 'وضعیت', 'عنوان']
                : ['id', 'department', 'kind', 'version', 'status', 'title'],
              list.map((s) => [
                s.id,
                s.departmentCode ?? '-',
                s.kind,
                plain(s.currentVersion, lang),
                statusText(s.status, lang),
                s.title,
              ]),
              new Set([3]),
            ),
          );
        return EXIT.ok;
      }
      const { client } = remote;
      const sub = remote.value(await client.submission(id));
      if (!sub.ok) return sub.problem;
      const versions = remote.value(await client.versions(id));
      if (!versions.ok) return versions.problem;
      const history = remote.value(await client.history(id));
      if (!history.ok) return history.problem;
      const comments = remote.value(await client.comments(id));
      if (!comments.ok) return comments.problem;
      return statusReport(ctx, sub.value, versions.value, history.value, comments.value);
    }),
};

function statusReport(
  ctx: CommandContext,
  sub: ApiSubmission,
  versions: ApiVersion[],
  history: ApiWorkflowEvent[],
  comments: ApiComment[],
): number {
  const { io, lang } = ctx;
  if (ctx.json) {
    io.stdout.write(toJson({ submission: sub, versions, history, comments }) + '\n');
    return EXIT.ok;
  }
  const fa = lang === 'fa';
  const lines = [
    fa
      ? `${sub.title} (${fsi(sub.departmentCode ?? '-')}، ${WORKBOOK_KINDS.find((k) => k.value === sub.kind)?.fa ?? fsi(sub.kind)})`
      : `${sub.title} (${sub.departmentCode ?? '-'}, ${sub.kind})`,
    fa
      ? `وضعیت: ${statusText(sub.status, lang)} · آخرین نسخه: ${plain(sub.currentVersion, lang)}`
      : `Status: ${sub.status} · current version: ${sub.currentVersion}`,
    '',
    fa ? 'نسخه‌ها:' : 'Versions:',
    textTable(
      fa ? ['نسخه', 'بر پایه', 'زمان'] : ['version', 'base', 'at'],
      versions.map((v) => [
        plain(v.version, lang),
        plain(v.baseVersion, lang),
        formatTehranDateTime(new Date(v.createdAt), lang),
      ]),
    ),
    fa ? 'گردش کار:' : 'Workflow:',
    textTable(
      fa
        ? ['کار', 'از', 'به', 'نسخه', 'کننده', 'یادداشت', 'زمان']
        : ['action', 'from', 'to', 'version', 'by', 'note', 'at'],
      history.map((e) => [
        fa ? ACTION_CAPTIONS[e.action].fa : e.action,
        statusText(e.fromStatus, lang),
        statusText(e.toStatus, lang),
        plain(e.version, lang),
        e.actorName ?? e.actorId,
        e.note ?? '',
        formatTehranDateTime(new Date(e.createdAt), lang),
      ]),
    ),
    fa ? 'یادداشت‌ها:' : 'Comments:',
    ...(comments.length === 0
      ? [fa ? '(هیچ)' : '(none)']
      : comments.map((c) => {
          const where = [c.tableName, c.rowKey, c.columnKey].filter((x) => x !== null).join(' ');
          const v = c.version === null ? '' : `v${c.version} `;
          const who = c.authorName ?? c.authorId;
          return `- ${formatTehranDateTime(new Date(c.createdAt), lang)} ${who} · ${v}${where ? `${where}: ` : ''}${c.body}`;
        })),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
