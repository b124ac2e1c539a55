/**
 * Two municipalities, Tabriz and Isfahan, share one register. Each sees only its own
 * departments, people, tokens, plans and audit log; their plans move through review and
 * approval one decision at a time; and the audit log of each is a hash chain that shows
 * where it was tampered with.
 */
import { createHash } from 'node:crypto';
import type { Repositories } from '../../service/src/repositories';
import { auditHash, hashToken, tenantOfToken } from '../../service/src/repositories';
import type { DbKind, SeededMunicipality } from '../helpers/db';
import { DB_KINDS, seedMunicipality, useTestDatabase } from '../helpers/db';

describe('an API token', () => {
  it('names its tenant, and only its SHA-256 is stored', () => {
    const token = `plan_tabriz_${'A'.repeat(43)}`;
    expect(tenantOfToken(token)).toBe('tabriz');
    expect(tenantOfToken('plan_tabriz_short')).toBeNull();
    expect(tenantOfToken(`Bearer ${token}`)).toBeNull();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
  });
});

describe.each(DB_KINDS)('the register on %s', (kind: DbKind) => {
  const database = useTestDatabase(kind);
  let repos: Repositories;
  let tabriz: SeededMunicipality;
  let isfahan: SeededMunicipality;
  beforeAll(async () => {
    repos = database().repos;
    tabriz = await seedMunicipality(repos, 'tabriz');
    isfahan = await seedMunicipality(repos, 'isfahan');
  });

  describe('keeps municipalities apart', () => {
    it('finds nothing of another municipality by its ids', async () => {
      // Both have a department URB; each code lookup gives its own.
      const urbT = await repos.departments.getByCode('tabriz', 'URB');
      const urbI = await repos.departments.getByCode('isfahan', 'URB');
      expect(urbT?.id).toBe(tabriz.departmentId);
      expect(urbI?.id).toBe(isfahan.departmentId);
      expect(await repos.departments.get('tabriz', isfahan.departmentId)).toBeNull();
      expect(await repos.users.get('tabriz', isfahan.preparerId)).toBeNull();
      expect(await repos.cycles.get('tabriz', isfahan.cycleId)).toBeNull();
      expect(await repos.submissions.get('tabriz', isfahan.submissionId)).toBeNull();
    });

    it('lists only its own rows', async () => {
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      expect(ids(await repos.departments.list('tabriz'))).toEqual([tabriz.departmentId]);
      expect(ids(await repos.submissions.list('tabriz'))).toEqual([tabriz.submissionId]);
      expect(ids(await repos.users.list('isfahan')).sort()).toEqual(
        [isfahan.preparerId, isfahan.reviewerId, isfahan.approverId].sort(),
      );
      const audit = await repos.audit.list('tabriz', { limit: 1000 });
      expect(audit.every((e) => e.tenantId === 'tabriz')).toBe(true);
    });

    it('refuses to write into another municipality’s plan or to link across', async () => {
      expect(
        await repos.versions.createVersion('tabriz', {
          submissionId: isfahan.submissionId,
          baseVersion: 0,
          tables: {},
          validation: [],
          actorId: tabriz.preparerId,
        }),
      ).toEqual({ kind: 'not-found' });
      // Composite foreign keys include the tenant: Isfahan's cycle is unknown to Tabriz.
      expect(
        await repos.submissions.create(
          'tabriz',
          {
            cycleId: isfahan.cycleId,
            departmentId: tabriz.departmentId,
            kind: 'revenue',
            title: 'x',
          },
          tabriz.preparerId,
        ),
      ).toEqual({ ok: false, reason: 'reference-missing' });
      expect(
        await repos.comments.add('tabriz', {
          submissionId: isfahan.submissionId,
          authorId: tabriz.reviewerId,
          body: 'not yours',
        }),
      ).toEqual({ ok: false, reason: 'reference-missing' });
      expect(
        await repos.submissions.transition('tabriz', {
          submissionId: isfahan.submissionId,
          action: 'submit',
          actorId: tabriz.preparerId,
        }),
      ).toEqual({ kind: 'not-found' });
    });

    it('does not accept one municipality’s token for another', async () => {
      const issued = await repos.tokens.issue(
        'isfahan',
        { userId: isfahan.preparerId, name: 'add-in' },
        isfahan.preparerId,
      );
      if (!issued.ok) throw new Error(issued.reason);
      expect(tenantOfToken(issued.secret)).toBe('isfahan');
      const hash = hashToken(issued.secret);
      expect((await repos.tokens.authenticate('isfahan', hash)).ok).toBe(true);
      expect(await repos.tokens.authenticate('tabriz', hash)).toEqual({
        ok: false,
        reason: 'unknown',
      });
    });
  });

  describe('tokens', () => {
    it('authenticate until they expire, are revoked, or their user is disabled', async () => {
      const t = 'tabriz';
      const now = new Date('2026-03-21T00:00:00Z');
      const later = new Date('2026-04-21T00:00:00Z');
      const issued = await repos.tokens.issue(
        t,
        { userId: tabriz.reviewerId, name: 'laptop', expiresAt: new Date('2026-04-01T00:00:00Z') },
        tabriz.approverId,
      );
      if (!issued.ok) throw new Error(issued.reason);
      const { token, secret } = issued;
      expect(token.prefix).toBe(secret.slice(0, 'plan_tabriz_'.length + 6));
      // The secret itself is nowhere in the stored row.
      const stored = await database().db.prisma.apiToken.findFirst({
        where: { tenantId: t, id: token.id },
      });
      expect(JSON.stringify(stored)).not.toContain(secret.slice('plan_tabriz_'.length));
      expect(stored?.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));

      const hash = hashToken(secret);
      const ok = await repos.tokens.authenticate(t, hash, now);
      expect(ok.ok && ok.user).toMatchObject({ id: tabriz.reviewerId, roles: ['reviewer'] });
      expect(await repos.tokens.authenticate(t, hash, later)).toEqual({
        ok: false,
        reason: 'expired',
      });

      await repos.users.setDisabled(t, tabriz.reviewerId, true, tabriz.approverId);
      expect(await repos.tokens.authenticate(t, hash, now)).toEqual({
        ok: false,
        reason: 'user-disabled',
      });
      await repos.users.setDisabled(t, tabriz.reviewerId, false, tabriz.approverId);

      expect((await repos.tokens.revoke(t, token.id, tabriz.approverId)).ok).toBe(true);
      expect(await repos.tokens.revoke(t, token.id, tabriz.approverId)).toEqual({
        ok: false,
        reason: 'already-revoked',
      });
      expect(await repos.tokens.authenticate(t, hash, now)).toEqual({
        ok: false,
        reason: 'revoked',
      });
      expect(await repos.tokens.revoke('isfahan', token.id, null)).toEqual({
        ok: false,
        reason: 'not-found',
      });
    });

    it('belong to users whose roles can change', async () => {
      const changed = await repos.users.setRoles(
        'tabriz',
        tabriz.reviewerId,
        ['council', 'reviewer', 'reviewer'],
        tabriz.approverId,
      );
      expect(changed.ok && changed.user.roles).toEqual(['reviewer', 'council']);
      expect(await repos.users.setRoles('isfahan', tabriz.reviewerId, [], null)).toEqual({
        ok: false,
        reason: 'not-found',
      });
    });
  });

  describe('the workflow of a plan', () => {
    const act = (
      action: 'submit' | 'review' | 'approve' | 'return' | 'reopen',
      actorId: string,
      extra: { expectedVersion?: number } = {},
    ) =>
      repos.submissions.transition('tabriz', {
        submissionId: tabriz.submissionId,
        action,
        actorId,
        ...extra,
      });

    it('cannot be submitted before a version exists', async () => {
      expect(await act('submit', tabriz.preparerId)).toEqual({ kind: 'no-version' });
    });

    it('goes draft → submitted → reviewed → approved, one decision at a time', async () => {
      const pushed = await repos.versions.createVersion('tabriz', {
        submissionId: tabriz.submissionId,
        baseVersion: 0,
        tables: { tblProjects: [{ ProjectId: 'P-1', '1405': '100' }] },
        validation: [],
        actorId: tabriz.preparerId,
      });
      expect(pushed.kind).toBe('created');
      expect(await act('submit', tabriz.preparerId, { expectedVersion: 2 })).toEqual({
        kind: 'version-changed',
        currentVersion: 1,
      });
      expect((await act('submit', tabriz.preparerId, { expectedVersion: 1 })).kind).toBe('done');
      expect(await act('approve', tabriz.approverId)).toEqual({
        kind: 'invalid-transition',
        status: 'submitted',
      });
      // A reviewer accepts while another returns it, at the same moment: one decision stands.
      const racing = await Promise.all([
        act('review', tabriz.reviewerId),
        repos.submissions.transition('tabriz', {
          submissionId: tabriz.submissionId,
          action: 'return',
          actorId: tabriz.reviewerId,
          expectedStatus: 'submitted',
        }),
      ]);
      expect(racing.filter((r) => r.kind === 'done')).toHaveLength(1);
      const status = (await repos.submissions.get('tabriz', tabriz.submissionId))?.status;
      if (status === 'returned') expect((await act('submit', tabriz.preparerId)).kind).toBe('done');
      if (status !== 'reviewed') expect((await act('review', tabriz.reviewerId)).kind).toBe('done');
      const approved = await act('approve', tabriz.approverId);
      expect(approved.kind === 'done' && approved.submission.status).toBe('approved');
      expect(
        (await repos.submissions.list('tabriz', { status: 'approved', cycleId: tabriz.cycleId }))
          .length,
      ).toBe(1);
    });

    it('keeps each review and decision with the version it was made on', async () => {
      const history = await repos.submissions.history('tabriz', tabriz.submissionId);
      expect(history.every((e) => e.version === 1)).toBe(true);
      expect(history.at(-1)).toMatchObject({
        action: 'approve',
        fromStatus: 'reviewed',
        toStatus: 'approved',
        actorId: tabriz.approverId,
      });
    });
  });

  describe('comments', () => {
    it('anchor to a version, table, row and column', async () => {
      const added = await repos.comments.add('tabriz', {
        submissionId: tabriz.submissionId,
        version: 1,
        tableName: 'tblProjects',
        rowKey: 'P-1',
        columnKey: '1405',
        authorId: tabriz.reviewerId,
        body: 'هزینه سال ۱۴۰۵ با برآورد فنی نمی‌خواند',
      });
      expect(added.ok).toBe(true);
      const listed = await repos.comments.list('tabriz', tabriz.submissionId, { version: 1 });
      expect(listed.map((c) => [c.rowKey, c.columnKey, c.body])).toEqual([
        ['P-1', '1405', 'هزینه سال ۱۴۰۵ با برآورد فنی نمی‌خواند'],
      ]);
      expect(await repos.comments.list('tabriz', tabriz.submissionId, { version: 2 })).toEqual([]);
    });
  });

  describe('idempotency keys', () => {
    it('replay the stored response, refuse a different request, and expire', async () => {
      const key = { key: 'approve-42', requestHash: 'h1', response: { status: 'approved' } };
      expect(await repos.idempotency.check('isfahan', key.key, 'h1')).toEqual({ kind: 'new' });
      expect(await repos.idempotency.save('isfahan', key)).toEqual({ kind: 'saved' });
      expect(await repos.idempotency.save('isfahan', key)).toEqual({
        kind: 'replay',
        storedResponse: { status: 'approved' },
      });
      expect(await repos.idempotency.check('isfahan', key.key, 'h2')).toEqual({ kind: 'mismatch' });
      // The same key in another municipality is another key.
      expect(await repos.idempotency.check('tabriz', key.key, 'h1')).toEqual({ kind: 'new' });
      expect(await repos.idempotency.purgeBefore('isfahan', new Date(Date.now() + 60_000))).toBe(1);
      expect(await repos.idempotency.find('isfahan', key.key)).toBeNull();
    });
  });

  describe('the audit log', () => {
    it('records every change of a municipality in a chain that verifies', async () => {
      const entries = await repos.audit.list('tabriz', { limit: 1000 });
      expect(entries.slice(0, 2).map((e) => e.action)).toEqual([
        'tenant.create',
        'department.create',
      ]);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => BigInt(i + 1)));
      const verified = await repos.audit.verifyChain('tabriz');
      expect(verified).toEqual({ ok: true, entries: entries.length, head: entries.at(-1)?.hash });
      // Each entry's hash, recomputed from the fields as read back.
      for (const entry of entries) expect(auditHash(entry)).toBe(entry.hash);
    });

    it('shows the first entry that was tampered with', async () => {
      // Tampering happens here only, with raw SQL behind the repositories' back.
      const { prisma } = database().db;
      const t = 'isfahan';
      const before = await repos.audit.verifyChain(t);
      if (!before.ok) throw new Error('chain broken before tampering');

      // 1. Someone edits what entry 3 says: its own hash no longer fits.
      const original = await prisma.auditEntry.findUniqueOrThrow({
        where: { tenantId_seq: { tenantId: t, seq: 3n } },
      });
      await prisma.$executeRawUnsafe(
        `UPDATE audit_entry SET data = '{"email":"someone-else@isfahan"}'::jsonb WHERE tenant_id = $1 AND seq = 3`,
        t,
      );
      expect(await repos.audit.verifyChain(t)).toEqual({
        ok: false,
        seq: 3n,
        reason: 'hash-mismatch',
      });

      // 2. They also recompute entry 3's hash: entry 4 no longer points at it.
      const edited = await prisma.auditEntry.findUniqueOrThrow({
        where: { tenantId_seq: { tenantId: t, seq: 3n } },
      });
      await prisma.$executeRawUnsafe(
        'UPDATE audit_entry SET hash = $1 WHERE tenant_id = $2 AND seq = 3',
        auditHash({ ...edited, data: edited.data as never }),
        t,
      );
      expect(await repos.audit.verifyChain(t)).toEqual({
        ok: false,
        seq: 4n,
        reason: 'prev-hash-mismatch',
      });

      // 3. Put back as it was; then delete entry 5 instead: the sequence has a hole.
      await prisma.$executeRawUnsafe(
        `UPDATE audit_entry SET data = $1::jsonb, hash = $2 WHERE tenant_id = $3 AND seq = 3`,
        JSON.stringify(original.data),
        original.hash,
        t,
      );
      expect(await repos.audit.verifyChain(t)).toEqual(before);
      await prisma.$executeRawUnsafe('DELETE FROM audit_entry WHERE tenant_id = $1 AND seq = 5', t);
      expect(await repos.audit.verifyChain(t)).toEqual({
        ok: false,
        seq: 6n,
        reason: 'sequence-gap',
      });

      // Tabriz's chain is untouched by all this.
      expect((await repos.audit.verifyChain('tabriz')).ok).toBe(true);
    });

    it('catches entries cut off the end when the head was kept elsewhere', async () => {
      const head = await repos.audit.verifyChain('tabriz');
      if (!head.ok) throw new Error('chain broken');
      const { prisma } = database().db;
      await prisma.$executeRawUnsafe(
        'DELETE FROM audit_entry WHERE tenant_id = $1 AND seq = $2',
        'tabriz',
        head.entries,
      );
      expect(await repos.audit.verifyChain('tabriz', { expectedHead: head.head })).toEqual({
        ok: false,
        seq: BigInt(head.entries),
        reason: 'head-mismatch',
      });
    });
  });
});
