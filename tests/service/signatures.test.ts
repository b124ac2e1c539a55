/**
 * Agency sign-offs over real HTTP on both databases, the story of the sample's water company
 * (SH13): it partners in strategies S2.2 and S4.2 and has one commitment (CM01); the seed
 * signed the adopted plan with a reservation. Its representative reads what it signs, signs
 * again (history kept), and the planning office sees every agency's latest signature. Then the
 * planning deputy revises the framework twice: a change of the power company's commitment
 * (CM02) leaves the water company's signature current; a change of CM01 makes it stale. Other
 * roles are refused; each signature is an audit entry and verify covers the table; the public
 * plan shows the agency's position by name and day, never a person.
 */
import request from 'supertest';
import {
  ApiAgencyView,
  ApiPublicPlan,
  ApiSignature,
  ApiSignatureList,
  PUBLIC_PATHS,
  SIGNATURE_PATHS,
} from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, openHarness, reviseCommitment, TENANT } from './api-harness';
import { FRAMEWORK_DEPARTMENT, SAMPLE_RESERVATION } from '../../service/src/handlers/seed';

describe.each(DB_KINDS)('agency sign-offs (%s)', (kind) => {
  let h: Harness;
  let agency = '';
  let stakeholder = '';
  let planner = '';
  beforeAll(async () => {
    h = await openHarness(kind);
    agency = await tokenOf(`agency@${TENANT}.example`);
    stakeholder = await tokenOf(`stakeholder@${TENANT}.example`);
    planner = await tokenOf(`preparer.${FRAMEWORK_DEPARTMENT.toLowerCase()}@${TENANT}.example`);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  async function tokenOf(email: string) {
    const user = await h.test.repos.users.getByEmail(TENANT, email);
    if (user === null) throw new Error(`no user ${email}`);
    const issued = await h.test.repos.tokens.issue(TENANT, { userId: user.id, name: 'test' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    return issued.secret;
  }

  const view = async () => {
    const res = await request(h.app).get(SIGNATURE_PATHS.agency(h.cycleId)).set(bearer(agency));
    expect(res.status).toBe(200);
    return ApiAgencyView.parse(res.body);
  };
  const sign = (token: string, body: object) =>
    request(h.app).post(SIGNATURE_PATHS.signatures(h.cycleId)).set(bearer(token)).send(body);

  let firstSnapshot = '';

  it('shows the agency its strategies, its commitments and the seed’s signature', async () => {
    const v = await view();
    expect(v.agency).toEqual({ id: 'SH13', name: 'شرکت آب و فاضلاب استان' });
    expect(v.snapshot?.number).toBe(1);
    expect(v.snapshot?.status).toBe('adopted');
    firstSnapshot = v.snapshot?.id ?? '';
    // The sample's partners (STRATEGY_PARTNERS) and commitments (CM01 only is SH13's).
    expect(v.strategies.map((s) => s.id)).toEqual(['S2.2', 'S4.2']);
    expect(v.commitments.map((c) => [c.id, c.linkedId, c.fromYear, c.toYear, c.amount])).toEqual([
      ['CM01', 'P-016', 1405, 1406, '150000000000'],
    ]);
    expect(v.commitments[0]?.linkedTitle).toBe('احداث تقاطع غیرهمسطح میدان امام حسین');
    expect(v.signatures).toHaveLength(1);
    const seeded = v.signatures[0]!;
    expect(seeded.position).toBe('agree-with-reservations');
    expect(seeded.text).toBe(SAMPLE_RESERVATION);
    expect(seeded.signedSha256).toBe(v.signedSha256);
    expect(seeded.stale).toBe(false);
    expect(seeded.signedOn).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
  });

  it('refuses other roles, a missing reason and a snapshot no longer signed', async () => {
    const g = (path: string, token: string) => request(h.app).get(path).set(bearer(token));
    expect((await g(SIGNATURE_PATHS.agency(h.cycleId), h.tokens.reviewer)).status).toBe(403);
    expect((await g(SIGNATURE_PATHS.agency(h.cycleId), stakeholder)).status).toBe(403);
    expect((await g(SIGNATURE_PATHS.signatures(h.cycleId), agency)).status).toBe(403);
    expect((await g(SIGNATURE_PATHS.signatures(h.cycleId), stakeholder)).status).toBe(403);
    const body = { snapshotId: firstSnapshot, position: 'agree' };
    expect((await sign(h.tokens.council, body)).status).toBe(403);
    expect((await sign(h.tokens.admin, body)).status).toBe(403);
    expect((await sign(stakeholder, body)).status).toBe(403);
    const noReason = await sign(agency, { snapshotId: firstSnapshot, position: 'disagree' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].path).toEqual(['text']);
    const other = await sign(agency, { snapshotId: 'not-it', position: 'agree' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('VERSION_CONFLICT');
    expect(other.body.details.snapshot.id).toBe(firstSnapshot);
    expect((await view()).signatures).toHaveLength(1);
  });

  it('signs again: a new signature, the earlier kept; audited and verified', async () => {
    const res = await sign(agency, { snapshotId: firstSnapshot, position: 'agree', text: '' });
    expect(res.status).toBe(201);
    const signed = ApiSignature.parse(res.body);
    expect(signed.position).toBe('agree');
    expect(signed.signedBy.displayName).toBe('نماینده شرکت آب و فاضلاب');
    const v = await view();
    expect(v.signatures.map((s) => s.position)).toEqual(['agree', 'agree-with-reservations']);
    const entries = await h.test.repos.audit.listForEntity(TENANT, 'agency_signature', signed.id);
    expect(entries.map((e) => e.action)).toEqual(['signature.create']);
    expect(entries[0]?.data).toMatchObject({
      stakeholderId: 'SH13',
      snapshotId: firstSnapshot,
      position: 'agree',
      signedSha256: v.signedSha256,
    });
    const report = await h.test.repos.verify.register(TENANT);
    expect(report.problems).toEqual([]);
  });

  it('the planning office sees every agency’s latest signature', async () => {
    const res = await request(h.app)
      .get(SIGNATURE_PATHS.signatures(h.cycleId))
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    const list = ApiSignatureList.parse(res.body);
    // The sample's four agencies (SH13–SH16); only SH13 has signed.
    expect(list.agencies.map((a) => [a.agency.id, a.strategies, a.commitments])).toEqual([
      ['SH13', 2, 1],
      ['SH14', 1, 1],
      ['SH15', 1, 1],
      ['SH16', 1, 1],
    ]);
    expect(list.agencies.map((a) => a.latest?.position ?? null)).toEqual([
      'agree',
      null,
      null,
      null,
    ]);
  });

  it('the public plan shows the agency’s position on its strategies, never a person', async () => {
    const res = await request(h.app).get(PUBLIC_PATHS.plan(TENANT));
    expect(res.status).toBe(200);
    const plan = ApiPublicPlan.parse(res.body);
    expect(res.headers.etag?.startsWith(`"${plan.snapshot.sha256}-`)).toBe(true);
    for (const id of ['S2.2', 'S4.2']) {
      const s = plan.strategies.find((x) => x.id === id);
      expect(
        s?.signoffs.map((x) => [x.agency.name, x.position, x.snapshotNumber, x.stale]),
      ).toEqual([['شرکت آب و فاضلاب استان', 'agree', 1, false]]);
    }
    expect(plan.strategies.find((x) => x.id === 'S2.3')?.signoffs).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('نماینده شرکت آب و فاضلاب');
    expect(JSON.stringify(res.body)).not.toContain('signedBy');
  });

  it('stays current after a revision of another agency’s commitment, goes stale after one of its own', async () => {
    const before = (await view()).signedSha256;
    // The power company's CM02 costs 100 billion Rials instead of 90: not the water company's.
    const second = await reviseCommitment(h, planner, 'CM02', 'Amount', 100_000_000_000);
    let v = await view();
    expect(v.snapshot?.id).toBe(second);
    expect(v.snapshot?.status).toBe('council-review');
    expect(v.signedSha256).toBe(before);
    expect(v.signatures.map((s) => s.stale)).toEqual([false, false]);
    // The water company's own commitment is reworded: what it signed has changed.
    const third = await reviseCommitment(
      h,
      planner,
      'CM01',
      'Text',
      'جابه‌جایی خطوط آب و فاضلاب و ساخت مخزن موقت پیش از آغاز عملیات',
    );
    v = await view();
    expect(v.snapshot?.id).toBe(third);
    expect(v.signedSha256).not.toBe(before);
    expect(v.commitments[0]?.text).toContain('مخزن موقت');
    expect(v.signatures.map((s) => s.stale)).toEqual([true, true]);
    const list = ApiSignatureList.parse(
      (
        await request(h.app)
          .get(SIGNATURE_PATHS.signatures(h.cycleId))
          .set(bearer(h.tokens.approver))
      ).body,
    );
    expect(list.agencies.find((a) => a.agency.id === 'SH13')?.latest?.stale).toBe(true);
    // Signing the revision makes a current signature beside the stale ones.
    const again = await sign(agency, {
      snapshotId: third,
      position: 'disagree',
      text: 'هزینه مخزن موقت در بودجه شرکت دیده نشده است.',
    });
    expect(again.status).toBe(201);
    expect(ApiSignature.parse(again.body).stale).toBe(false);
    expect((await view()).signatures.map((s) => s.stale)).toEqual([false, true, true]);
    // The published plan (snapshot 1) still shows the signature made on it, current there.
    const plan = ApiPublicPlan.parse((await request(h.app).get(PUBLIC_PATHS.plan(TENANT))).body);
    expect(plan.strategies.find((x) => x.id === 'S2.2')?.signoffs[0]?.position).toBe('agree');
  }, 120_000);
});
