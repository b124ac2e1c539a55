/**
 * Agency sign-offs (docs/storage.md, "Agency sign-offs"): each row is one signature of a
 * cycle's strategic document by an agency's representative, bound to the snapshot signed and
 * to the hash of what was signed. Rows are only added, each in one transaction with its
 * `signature.create` audit entry (which records every column, the text as its hash), so
 * `plan admin verify` compares the table with the chain.
 */
import type { SignaturePosition } from '#core';
import { SIGNATURE_POSITIONS } from '#core';
import { sha256Hex } from '../db/canonical';
import { isForeignKeyViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

/** One stored signature. */
export interface SignatureRecord {
  tenantId: string;
  id: string;
  cycleId: string;
  snapshotId: string;
  stakeholderId: string;
  userId: string;
  position: SignaturePosition;
  text: string;
  signedSha256: string;
  createdAt: Date;
}

/** What a signature is made of. */
export type SignatureInput = Omit<SignatureRecord, 'tenantId' | 'id' | 'createdAt' | 'userId'>;

/** Signatures. */
export interface SignatureRepository {
  /** Adds a signature by `actorId` (the representative); `reference-missing` for an unknown one. */
  create(
    tenantId: string,
    input: SignatureInput,
    actorId: string,
  ): Promise<{ ok: true; signature: SignatureRecord } | { ok: false; reason: 'reference-missing' }>;
  /** A cycle's signatures, oldest first; of one agency when `stakeholderId` is given. */
  list(tenantId: string, cycleId: string, stakeholderId?: string): Promise<SignatureRecord[]>;
}

function positionOf(value: string): SignaturePosition {
  const p = SIGNATURE_POSITIONS.find((x) => x === value);
  if (p === undefined) throw new Error(`unknown signature position ${value}`);
  return p;
}

type Row = Omit<SignatureRecord, 'position'> & { position: string };

const fromRow = (r: Row): SignatureRecord => ({ ...r, position: positionOf(r.position) });

/** The signature repository. */
export function signatureRepository(ctx: RepositoryContext): SignatureRepository {
  const { prisma } = ctx;
  return {
    async create(tenantId, input, actorId) {
      type Outcome = Awaited<ReturnType<SignatureRepository['create']>>;
      try {
        return await writeAudited<Outcome>(ctx, tenantId, async (tx, at) => {
          const row = await tx.agencySignature.create({
            data: { tenantId, ...input, userId: actorId, createdAt: at },
          });
          return {
            value: { ok: true, signature: fromRow(row) },
            audit: {
              actorId,
              action: 'signature.create',
              entity: 'agency_signature',
              entityId: row.id,
              data: {
                cycleId: input.cycleId,
                snapshotId: input.snapshotId,
                stakeholderId: input.stakeholderId,
                position: input.position,
                textSha256: sha256Hex(input.text),
                signedSha256: input.signedSha256,
              },
            },
          };
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    async list(tenantId, cycleId, stakeholderId) {
      const rows = await prisma.agencySignature.findMany({
        where: { tenantId, cycleId, ...(stakeholderId !== undefined && { stakeholderId }) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(fromRow);
    },
  };
}
