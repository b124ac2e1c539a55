/**
 * «مدیریت» (Administration, `/me/admin`; issue 15, "Administration in the browser"): the
 * municipality's people (add one, with a one-time password shown once; change their name,
 * roles, department, stakeholder entry; disable; a new one-time password; their tokens, each
 * revocable), its departments (add one), and its practice municipality (make or reset it,
 * with each person's practice account; issue 20). Every call goes through the core's
 * `SessionClient`; the register checks the roles and audits every change. Only an
 * administrator gets the page's content; others see the register's refusal.
 */
import type {
  ApiDepartment,
  ApiFailure,
  ApiPerson,
  ApiPractice,
  ApiToken,
  Language,
  Role,
  SessionClient,
} from '#core';
import {
  DEPARTMENT_KINDS,
  OUTSIDE_ROLES,
  ROLE_CAPTIONS,
  ROLES,
  enumCaption,
  signInPath,
} from '#core';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { ADMIN_PATH } from '#core';
import {
  Failure,
  Iso,
  PageTitle,
  ScrollTable,
  Section,
  Stored,
  fill,
  usePageStyles,
} from '../components';
import { jalaliDay } from '../format';
import { t } from '../i18n';
import { navigate } from '../router';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '36rem',
    minWidth: 0,
  },
  roles: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  secret: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase400,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
});

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiFailure }
  | { state: 'ok'; people: ApiPerson[]; departments: ApiDepartment[] };

/** A person as the forms edit them. */
interface Draft {
  email: string;
  displayName: string;
  roles: Role[];
  departmentCode: string;
  stakeholderId: string;
  disabled: boolean;
}

const EMPTY: Draft = {
  email: '',
  displayName: '',
  roles: [],
  departmentCode: '',
  stakeholderId: '',
  disabled: false,
};

/** A password or token shown this once, with what to do with it. */
function ShownOnce(props: { lang: Language; label: ReactNode; secret: string; onClose(): void }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="shown-once">
      <MessageBarBody>
        <p>{props.label}</p>
        <p className={styles.secret} data-testid="secret">
          <Iso>{props.secret}</Iso>
        </p>
        <p>{t(props.lang, 'adminShownOnce')}</p>
        <Button size="small" onClick={props.onClose}>
          {t(props.lang, 'done')}
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The fields of a person: name, (e-mail for a new one), roles, department, stakeholder. */
function PersonFields(props: {
  lang: Language;
  draft: Draft;
  setDraft(d: Draft): void;
  departments: ApiDepartment[];
  isNew: boolean;
}) {
  const { lang, draft, setDraft, departments } = props;
  const styles = useStyles();
  const outside = draft.roles.some((r) => (OUTSIDE_ROLES as readonly Role[]).includes(r));
  return (
    <>
      {props.isNew && (
        <Field label={t(lang, 'adminEmail')} required>
          <Input
            name="email"
            type="email"
            dir="ltr"
            value={draft.email}
            onChange={(_, d) => setDraft({ ...draft, email: d.value })}
          />
        </Field>
      )}
      <Field label={t(lang, 'adminName')} required>
        <Input
          name="displayName"
          value={draft.displayName}
          onChange={(_, d) => setDraft({ ...draft, displayName: d.value })}
        />
      </Field>
      <fieldset className={styles.roles}>
        <legend>{t(lang, 'adminRoles')}</legend>
        {ROLES.map((r) => (
          <Checkbox
            key={r}
            name={`role-${r}`}
            label={ROLE_CAPTIONS[r][lang]}
            checked={draft.roles.includes(r)}
            onChange={(_, d) =>
              setDraft({
                ...draft,
                roles:
                  d.checked === true ? [...draft.roles, r] : draft.roles.filter((x) => x !== r),
              })
            }
          />
        ))}
      </fieldset>
      <Field label={t(lang, 'adminDepartment')} hint={t(lang, 'adminDepartmentHint')}>
        <Select
          name="department"
          value={draft.departmentCode}
          onChange={(_, d) => setDraft({ ...draft, departmentCode: d.value })}
        >
          <option value="">{t(lang, 'adminCityWide')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.code}>
              {`\u2066${d.code}\u2069 ${d.name}`}
            </option>
          ))}
        </Select>
      </Field>
      {outside && (
        <Field label={t(lang, 'adminStakeholder')} hint={t(lang, 'adminStakeholderHint')} required>
          <Input
            name="stakeholderId"
            dir="ltr"
            value={draft.stakeholderId}
            onChange={(_, d) => setDraft({ ...draft, stakeholderId: d.value })}
          />
        </Field>
      )}
    </>
  );
}

export function AdminView(props: { lang: Language; client: SessionClient }) {
  const { lang, client } = props;
  const page = usePageStyles();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ label: ReactNode; secret: string } | null>(null);
  const [adding, setAdding] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<{ person: ApiPerson; draft: Draft } | null>(null);
  const [tokensOf, setTokensOf] = useState<{ person: ApiPerson; tokens: ApiToken[] } | null>(null);
  const [dept, setDept] = useState({ code: '', name: '', kind: '' });
  const [practice, setPractice] = useState<ApiPractice | null>(null);
  const [confirmPractice, setConfirmPractice] = useState(false);
  const here = lang === 'en' ? `${ADMIN_PATH}?lang=en` : ADMIN_PATH;
  const signIn = signInPath(here, lang);

  const reload = useCallback(async () => {
    const people = await client.people();
    if (!people.ok) {
      if (people.error.status === 401) navigate(signIn, { replace: true });
      else setLoad({ state: 'failed', error: people.error });
      return;
    }
    const departments = await client.departments();
    if (!departments.ok) return setLoad({ state: 'failed', error: departments.error });
    setLoad({ state: 'ok', people: people.value, departments: departments.value });
  }, [client, signIn]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.state === 'loading') return <Spinner label={t(lang, 'loading')} />;
  if (load.state === 'failed')
    return (
      <div className={page.stack}>
        <PageTitle>{t(lang, 'adminPage')}</PageTitle>
        <Failure lang={lang} error={load.error} />
      </div>
    );
  const { people, departments } = load;
  const codeOf = (p: ApiPerson) => p.departmentCode ?? '';

  /** Runs a change; on success reloads and returns its value. */
  async function change<T>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiFailure }>,
  ): Promise<T | null> {
    setBusy(true);
    setError(null);
    const r = await work();
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    await reload();
    return r.value;
  }

  const add = async () => {
    const outside = adding.roles.some((r) => (OUTSIDE_ROLES as readonly Role[]).includes(r));
    const made = await change(() =>
      client.createPerson({
        email: adding.email,
        displayName: adding.displayName,
        roles: adding.roles,
        departmentCode: adding.departmentCode === '' ? null : adding.departmentCode,
        stakeholderId: outside && adding.stakeholderId !== '' ? adding.stakeholderId : null,
        password: 'one-time',
      }),
    );
    if (made === null) return;
    setAdding(EMPTY);
    if (made.oneTimePassword !== null)
      setShown({
        label: fill(lang, 'adminPasswordOf', { who: <Iso>{made.person.email}</Iso> }),
        secret: made.oneTimePassword,
      });
  };

  const save = async () => {
    if (editing === null) return;
    const { person, draft } = editing;
    const outside = draft.roles.some((r) => (OUTSIDE_ROLES as readonly Role[]).includes(r));
    const done = await change(() =>
      client.updatePerson(person.id, {
        displayName: draft.displayName,
        roles: draft.roles,
        departmentCode: draft.departmentCode === '' ? null : draft.departmentCode,
        stakeholderId: outside && draft.stakeholderId !== '' ? draft.stakeholderId : null,
        disabled: draft.disabled,
      }),
    );
    if (done !== null) setEditing(null);
  };

  const reset = async (person: ApiPerson) => {
    const r = await change(() => client.resetPassword(person.id));
    if (r !== null)
      setShown({
        label: fill(lang, 'adminPasswordOf', { who: <Iso>{person.email}</Iso> }),
        secret: r.oneTimePassword,
      });
  };

  const openTokens = async (person: ApiPerson) => {
    const r = await client.personTokens(person.id);
    if (r.ok) setTokensOf({ person, tokens: r.value });
    else setError(r.error);
  };

  const status = (p: ApiPerson) =>
    p.disabled ? (
      <Badge appearance="tint" color="danger">
        {t(lang, 'adminDisabled')}
      </Badge>
    ) : p.lockedUntil !== null ? (
      <Badge appearance="tint" color="warning">
        {t(lang, 'adminLocked')}
      </Badge>
    ) : p.mustChangePassword ? (
      <Badge appearance="tint" color="informative">
        {t(lang, 'adminMustChange')}
      </Badge>
    ) : (
      <Badge appearance="tint" color="success">
        {t(lang, 'adminActive')}
      </Badge>
    );

  const head = mergeClasses(page.cell, page.head);
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'adminPage')}</PageTitle>
      <Failure lang={lang} error={error} />
      {shown !== null && (
        <ShownOnce
          lang={lang}
          label={shown.label}
          secret={shown.secret}
          onClose={() => setShown(null)}
        />
      )}

      <Section title={t(lang, 'adminPeople')} id="people">
        <ScrollTable
          label={t(lang, 'tableScroll', { table: t(lang, 'adminPeople') })}
          testId="people"
        >
          <thead>
            <tr>
              <th className={mergeClasses(head, page.sticky)}>{t(lang, 'adminName')}</th>
              <th className={head}>{t(lang, 'adminEmail')}</th>
              <th className={head}>{t(lang, 'adminRoles')}</th>
              <th className={head}>{t(lang, 'adminDepartment')}</th>
              <th className={head}>{t(lang, 'adminStatus')}</th>
              <th className={head}>{t(lang, 'adminActions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} data-person={p.email}>
                <td className={mergeClasses(page.cell, page.sticky)}>
                  <Stored>{p.displayName}</Stored>
                </td>
                <td className={page.cell}>
                  <Iso>{p.email}</Iso>
                </td>
                <td className={page.cell}>
                  {p.roles.map((r) => ROLE_CAPTIONS[r][lang]).join(lang === 'fa' ? '، ' : ', ')}
                  {p.stakeholderId !== null && (
                    <>
                      {' '}
                      <Iso>{p.stakeholderId}</Iso>
                    </>
                  )}
                </td>
                <td className={page.cell}>
                  {p.departmentCode === null ? (
                    t(lang, 'adminCityWide')
                  ) : (
                    <Iso>{p.departmentCode}</Iso>
                  )}
                </td>
                <td className={page.cell}>{status(p)}</td>
                <td className={page.cell}>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      aria-label={t(lang, 'adminEditWho', { who: p.email })}
                      onClick={() =>
                        setEditing({
                          person: p,
                          draft: {
                            email: p.email,
                            displayName: p.displayName,
                            roles: [...p.roles],
                            departmentCode: codeOf(p),
                            stakeholderId: p.stakeholderId ?? '',
                            disabled: p.disabled,
                          },
                        })
                      }
                    >
                      {t(lang, 'adminEdit')}
                    </Button>
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={t(lang, 'adminResetWho', { who: p.email })}
                      onClick={() => void reset(p)}
                    >
                      {t(lang, 'adminReset')}
                    </Button>
                    <Button
                      size="small"
                      aria-label={t(lang, 'adminTokensWho', { who: p.email })}
                      onClick={() => void openTokens(p)}
                    >
                      {t(lang, 'adminTokens')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </Section>

      <Section title={t(lang, 'adminAddPerson')} id="add-person">
        <div className={styles.form}>
          <PersonFields
            lang={lang}
            draft={adding}
            setDraft={setAdding}
            departments={departments}
            isNew
          />
          <p className={page.muted}>{t(lang, 'adminOneTime')}</p>
          <div>
            <Button
              appearance="primary"
              data-testid="add-person"
              disabled={
                busy ||
                adding.email.trim() === '' ||
                adding.displayName.trim() === '' ||
                adding.roles.length === 0
              }
              onClick={() => void add()}
            >
              {t(lang, 'adminAdd')}
            </Button>
          </div>
        </div>
      </Section>

      <Section title={t(lang, 'adminDepartments')} id="departments">
        <ScrollTable
          label={t(lang, 'tableScroll', { table: t(lang, 'adminDepartments') })}
          testId="departments"
        >
          <thead>
            <tr>
              <th className={head}>{t(lang, 'id')}</th>
              <th className={head}>{t(lang, 'title')}</th>
              <th className={head}>{t(lang, 'adminKind')}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id}>
                <td className={page.cell}>
                  <Iso>{d.code}</Iso>
                </td>
                <td className={page.cell}>
                  <Stored>{d.name}</Stored>
                </td>
                <td className={page.cell}>{enumCaption(DEPARTMENT_KINDS, d.kind, lang) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <div className={styles.form}>
          <Field label={t(lang, 'adminDeptCode')} required hint={t(lang, 'adminDeptCodeHint')}>
            <Input
              name="dept-code"
              dir="ltr"
              value={dept.code}
              onChange={(_, d) => setDept({ ...dept, code: d.value })}
            />
          </Field>
          <Field label={t(lang, 'title')} required>
            <Input
              name="dept-name"
              value={dept.name}
              onChange={(_, d) => setDept({ ...dept, name: d.value })}
            />
          </Field>
          <Field label={t(lang, 'adminKind')}>
            <Select
              name="dept-kind"
              value={dept.kind}
              onChange={(_, d) => setDept({ ...dept, kind: d.value })}
            >
              <option value="">—</option>
              {DEPARTMENT_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k[lang]}
                </option>
              ))}
            </Select>
          </Field>
          <div>
            <Button
              appearance="primary"
              data-testid="add-department"
              disabled={busy || dept.code.trim() === '' || dept.name.trim() === ''}
              onClick={() =>
                void change(() =>
                  client.createDepartment({
                    code: dept.code,
                    name: dept.name,
                    ...(dept.kind !== '' && { kind: dept.kind }),
                  }),
                ).then((made) => made !== null && setDept({ code: '', name: '', kind: '' }))
              }
            >
              {t(lang, 'adminAddDepartment')}
            </Button>
          </div>
        </div>
      </Section>

      <Section title={t(lang, 'adminPractice')} id="practice">
        <p>{t(lang, 'adminPracticeBody')}</p>
        <div>
          <Button disabled={busy} onClick={() => setConfirmPractice(true)} data-testid="practice">
            {t(lang, 'adminPracticeMake')}
          </Button>
        </div>
        {practice !== null && (
          <MessageBar intent="warning" layout="multiline" data-testid="practice-made">
            <MessageBarBody>
              <p>
                {t(lang, practice.reset ? 'adminPracticeReset' : 'adminPracticeMade')}{' '}
                <Iso>{practice.tenantId}</Iso>
              </p>
              <ScrollTable label={t(lang, 'adminPractice')} testId="practice-accounts">
                <thead>
                  <tr>
                    <th className={head}>{t(lang, 'adminEmail')}</th>
                    <th className={head}>{t(lang, 'adminRoles')}</th>
                    <th className={head}>{t(lang, 'adminPassword')}</th>
                  </tr>
                </thead>
                <tbody>
                  {practice.accounts.map((a) => (
                    <tr key={a.email}>
                      <td className={page.cell}>
                        <Iso>{a.email}</Iso>
                      </td>
                      <td className={page.cell}>
                        {a.roles
                          .map((r) => ROLE_CAPTIONS[r][lang])
                          .join(lang === 'fa' ? '، ' : ', ')}
                      </td>
                      <td className={page.cell}>
                        <Iso>{a.oneTimePassword}</Iso>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
              <p>{t(lang, 'adminShownOnce')}</p>
            </MessageBarBody>
          </MessageBar>
        )}
      </Section>

      <Dialog open={editing !== null} onOpenChange={(_, d) => !d.open && setEditing(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {editing !== null && (
                <>
                  {t(lang, 'adminEdit')} <Iso>{editing.person.email}</Iso>
                </>
              )}
            </DialogTitle>
            <DialogContent>
              {editing !== null && (
                <div className={styles.form}>
                  <PersonFields
                    lang={lang}
                    draft={editing.draft}
                    setDraft={(draft) => setEditing({ ...editing, draft })}
                    departments={departments}
                    isNew={false}
                  />
                  <Switch
                    label={t(lang, 'adminDisable')}
                    checked={editing.draft.disabled}
                    onChange={(_, d) =>
                      setEditing({ ...editing, draft: { ...editing.draft, disabled: d.checked } })
                    }
                  />
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => void save()}
                data-testid="save-person"
              >
                {t(lang, 'adminSave')}
              </Button>
              <Button onClick={() => setEditing(null)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={tokensOf !== null} onOpenChange={(_, d) => !d.open && setTokensOf(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {tokensOf !== null && (
                <>
                  {t(lang, 'adminTokens')} <Iso>{tokensOf.person.email}</Iso>
                </>
              )}
            </DialogTitle>
            <DialogContent>
              {tokensOf !== null && tokensOf.tokens.length === 0 && (
                <p>{t(lang, 'adminNoTokens')}</p>
              )}
              {tokensOf !== null && tokensOf.tokens.length > 0 && (
                <ul className={page.list}>
                  {tokensOf.tokens.map((k) => (
                    <li key={k.id}>
                      <Stored>{k.name}</Stored> <Iso>{k.prefix}</Iso> ·{' '}
                      {jalaliDay(k.createdAt, lang)}{' '}
                      {k.revoked ? (
                        <Badge appearance="tint">{t(lang, 'revoked')}</Badge>
                      ) : (
                        <Button
                          size="small"
                          disabled={busy}
                          onClick={() =>
                            void change(() => client.revokeToken(k.id)).then(
                              (r) => r !== null && void openTokens(tokensOf.person),
                            )
                          }
                        >
                          {t(lang, 'revoke')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setTokensOf(null)}>{t(lang, 'done')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={confirmPractice} onOpenChange={(_, d) => !d.open && setConfirmPractice(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, 'adminPracticeMake')}</DialogTitle>
            <DialogContent>{t(lang, 'adminPracticeConfirm')}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={busy}
                data-testid="practice-confirm"
                onClick={() => {
                  setConfirmPractice(false);
                  void change(() => client.makePractice()).then(
                    (r) => r !== null && setPractice(r),
                  );
                }}
              >
                {t(lang, 'adminPracticeMake')}
              </Button>
              <Button onClick={() => setConfirmPractice(false)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
