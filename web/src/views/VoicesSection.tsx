/**
 * What the agencies and stakeholders said about the city plan, for the council's review
 * (`/me/council/<id>`; issue 15: "the council sees, per item, the comments, proposals, agency
 * sign-offs and the numbers"): per goal, strategy, program or project of the cycle's latest
 * consultation, its proposals (and how many were answered each way), comments and positions
 * (people and organisations apart, the core's tally); and each agency's latest sign-off. Read
 * from the register as the council may (`GET /api/consultations/{id}`,
 * `GET /api/cycles/{id}/signatures`); the details are on `/me/consultation`.
 */
import type { ApiConsultationView, ApiSignatureList, Language, SessionClient } from '#core';
import {
  CONSULTATION_PATH,
  OUTCOME_CAPTIONS,
  SIGNATURE_POSITION_CAPTIONS,
  SIGNOFF_STATE_CAPTIONS,
  TARGET_CAPTIONS,
} from '#core';
import { Badge, mergeClasses } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { AppLink, Iso, ScrollTable, Section, Stored, usePageStyles } from '../components';
import { count, digits } from '../format';
import { t } from '../i18n';
import { side } from './ConsultationView';

type Voices = { consultation: ApiConsultationView | null; signatures: ApiSignatureList | null };

export function VoicesSection(props: { lang: Language; client: SessionClient; cycleId: string }) {
  const { lang, client, cycleId } = props;
  const page = usePageStyles();
  const [voices, setVoices] = useState<Voices | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [list, signatures] = await Promise.all([
        client.consultations(cycleId),
        client.signatures(cycleId),
      ]);
      const latest = list.ok ? list.value[0] : undefined;
      const view = latest === undefined ? null : await client.consultation(latest.id);
      if (!live) return;
      setVoices({
        consultation: view !== null && view.ok ? view.value : null,
        signatures: signatures.ok ? signatures.value : null,
      });
    })();
    return () => {
      live = false;
    };
  }, [client, cycleId]);

  if (voices === null) return null;
  const { consultation, signatures } = voices;
  const head = mergeClasses(page.cell, page.head);
  const num = mergeClasses(page.cell, page.num);
  const sep = lang === 'fa' ? '، ' : ', ';

  // Per item: its proposals, comments and positions.
  const rows =
    consultation === null
      ? []
      : consultation.targets
          .map((target) => {
            const on = consultation.contributions.filter(
              (c) =>
                c.target.kind === target.kind && c.target.id === target.id && c.hidden === null,
            );
            const proposals = on.filter((c) => c.kind === 'proposal');
            const tally = consultation.tallies.find(
              (x) => x.target.kind === target.kind && x.target.id === target.id,
            )?.tally;
            return {
              target,
              proposals,
              comments: on.filter((c) => c.kind === 'comment').length,
              tally,
            };
          })
          .filter((r) => r.proposals.length > 0 || r.comments > 0 || r.tally !== undefined);
  const sideOf = (n: { people: number; organisations: number } | undefined) =>
    n === undefined ? '—' : side(lang, n);
  const outcomes = (ps: ApiConsultationView['contributions']) => {
    const by = new Map<string, number>();
    for (const p of ps) {
      const k = p.answer?.outcome ?? 'pending';
      by.set(k, (by.get(k) ?? 0) + 1);
    }
    return [...by]
      .map(
        ([k, n]) =>
          `${count(n, lang)} ${OUTCOME_CAPTIONS[k as keyof typeof OUTCOME_CAPTIONS][lang]}`,
      )
      .join(sep);
  };

  return (
    <Section title={t(lang, 'councilVoices')} id="voices">
      {consultation === null ? (
        <p className={page.muted}>{t(lang, 'consultNone')}</p>
      ) : rows.length === 0 ? (
        <p className={page.muted}>{t(lang, 'councilNoVoices')}</p>
      ) : (
        <ScrollTable label={t(lang, 'councilVoices')} testId="voices">
          <thead>
            <tr>
              <th className={head}>{t(lang, 'consultItem')}</th>
              <th className={head}>{t(lang, 'consultProposals')}</th>
              <th className={mergeClasses(head, page.num)}>{t(lang, 'consultComments')}</th>
              <th className={head}>{t(lang, 'consultEndorse')}</th>
              <th className={head}>{t(lang, 'consultObject')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.target.kind}:${r.target.id}`}>
                <td className={page.cell}>
                  {TARGET_CAPTIONS[r.target.kind][lang]} <Iso>{r.target.id}</Iso>{' '}
                  <Stored>{r.target.title}</Stored>
                </td>
                <td className={page.cell}>
                  {r.proposals.length === 0 ? '—' : outcomes(r.proposals)}
                </td>
                <td className={num}>{count(r.comments, lang)}</td>
                <td className={page.cell}>{sideOf(r.tally?.endorse)}</td>
                <td className={page.cell}>{sideOf(r.tally?.object)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {consultation !== null && (
        <AppLink href={lang === 'en' ? `${CONSULTATION_PATH}?lang=en` : CONSULTATION_PATH}>
          {t(lang, 'consultPage')}
        </AppLink>
      )}
      {signatures !== null && signatures.agencies.length > 0 && (
        <ScrollTable label={t(lang, 'councilSignoffs')} testId="signoffs">
          <thead>
            <tr>
              <th className={head}>{t(lang, 'councilAgency')}</th>
              <th className={head}>{t(lang, 'councilPosition')}</th>
              <th className={head}>{t(lang, 'councilSignedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {signatures.agencies.map(({ agency, latest }) => (
              <tr key={agency.id}>
                <td className={page.cell}>
                  <Stored>{agency.name}</Stored>
                </td>
                <td className={page.cell}>
                  {latest === null ? (
                    SIGNOFF_STATE_CAPTIONS.unsigned[lang]
                  ) : (
                    <>
                      {SIGNATURE_POSITION_CAPTIONS[latest.position][lang]}
                      {latest.stale && (
                        <>
                          {' '}
                          <Badge appearance="tint" color="warning">
                            {SIGNOFF_STATE_CAPTIONS.stale[lang]}
                          </Badge>
                        </>
                      )}
                      {latest.text !== '' && (
                        <>
                          {': '}
                          <Stored>{latest.text}</Stored>
                        </>
                      )}
                    </>
                  )}
                </td>
                <td className={page.cell}>
                  {latest === null ? '—' : <Iso>{digits(latest.signedOn, lang)}</Iso>}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Section>
  );
}
