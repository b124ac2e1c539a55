/**
 * The plan rules of contract v2 (plan-workbook.md, "Rules (v2)"): schemes under their
 * programs, partners that are executive agencies, budget codes that exist at the level that
 * fits, start windows, whole-life costs, readiness, the administrative capacity of each
 * department, the operating balance's sources, and budget lines (unique per code and stage,
 * linked unless financial). References of the new columns to missing rows are the generic
 * REF_MISSING of `checkReferences` (their columns are `ref`/`refList` in the contract).
 */
import type { BudgetCodeLevel, EnumValue } from '../contract/enums';
import { BUDGET_CODE_LEVELS, READINESS } from '../contract/enums';
import { formatRials } from '../money';
import type { Row } from '../read/plan';
import type { Checker, TableLike } from './context';
import { idKey, lookup, shown } from './context';

const caption = (values: readonly EnumValue[], value: string, lang: 'fa' | 'en') =>
  values.find((v) => v.value === value)?.[lang] ?? value;

/** Every v2 plan rule, in the order their findings read best. */
export function checkBudgetV2(c: Checker): void {
  checkSchemes(c);
  checkPartners(c);
  checkCommitments(c);
  checkBudgetCodes(c);
  checkProjectsV2(c);
  checkCapacity(c);
  checkOperatingSources(c);
  checkBudgetLinesV2(c);
}

/** SCHEME_PROGRAM_MISMATCH: a project's program is not its scheme's. */
function checkSchemes(c: Checker): void {
  const projects = c.own('tblProjects');
  if (!projects || !c.inReach('tblSchemes')) return;
  const schemes = c.ids('tblSchemes');
  for (const p of projects.rows) {
    if (p.SchemeId === '' || p.ProgramId === '') continue;
    const scheme = lookup([schemes], p.SchemeId);
    if (!scheme || scheme.row.ProgramId === '') continue;
    if (idKey(scheme.row.ProgramId) === idKey(p.ProgramId)) continue;
    c.add(
      'SCHEME_PROGRAM_MISMATCH',
      c.at(projects, p.row, 'SchemeId'),
      `پروژه ${shown(p.ProjectId)} در طرح ${shown(p.SchemeId)} است که زیر برنامه ${shown(scheme.row.ProgramId)} است، ولی برنامه خود پروژه ${shown(p.ProgramId)} است؛ طرح یا برنامه را اصلاح کنید`,
      `project ${shown(p.ProjectId)} is in scheme ${shown(p.SchemeId)}, which is under program ${shown(scheme.row.ProgramId)}, but names program ${shown(p.ProgramId)}; correct the scheme or the program`,
    );
  }
}

/** PARTNER_NOT_AGENCY: a strategy's partner is a stakeholder but not an executive agency. */
function checkPartners(c: Checker): void {
  const strategies = c.own('tblStrategies');
  if (!strategies || !c.inReach('tblStakeholders')) return;
  const stakeholders = c.ids('tblStakeholders');
  for (const s of strategies.rows)
    for (const id of s.PartnerIds) {
      const who = lookup([stakeholders], id);
      if (!who || who.row.Type === 'agency') continue;
      c.add(
        'PARTNER_NOT_AGENCY',
        c.at(strategies, s.row, 'PartnerIds'),
        `شریک ${shown(id)} راهبرد ${shown(s.StrategyId)} دستگاه اجرایی نیست؛ نوع ذی‌نفع را «دستگاه اجرایی» کنید یا آن را از شریکان بردارید`,
        `partner ${shown(id)} of strategy ${shown(s.StrategyId)} is not an executive agency; set the stakeholder's Type to agency or take it off the partners`,
      );
    }
}

/**
 * COMMITMENT_NOT_AGENCY: a commitment's `StakeholderId` names a stakeholder that is not an
 * executive agency (a commitment is what an agency undertakes); YEARS_REVERSED-like
 * COMMITMENT_YEARS_REVERSED when its `ToYear` is before its `FromYear`. (That the IDs exist
 * is the generic reference check of the columns.)
 */
function checkCommitments(c: Checker): void {
  const commitments = c.own('tblCommitments');
  if (!commitments) return;
  const stakeholders = c.inReach('tblStakeholders') ? c.ids('tblStakeholders') : null;
  for (const r of commitments.rows) {
    const who = stakeholders ? lookup([stakeholders], r.StakeholderId) : undefined;
    if (who && who.row.Type !== 'agency')
      c.add(
        'COMMITMENT_NOT_AGENCY',
        c.at(commitments, r.row, 'StakeholderId'),
        `تعهد ${shown(r.CommitmentId)} را ${shown(r.StakeholderId)} داده است که دستگاه اجرایی نیست؛ نوع ذی‌نفع را «دستگاه اجرایی» کنید یا تعهد را به دستگاهی نسبت دهید`,
        `commitment ${shown(r.CommitmentId)} is given by ${shown(r.StakeholderId)}, which is not an executive agency; set the stakeholder's Type to agency or name an agency`,
      );
    if (r.FromYear !== null && r.ToYear !== null && r.ToYear < r.FromYear)
      c.add(
        'COMMITMENT_YEARS_REVERSED',
        c.at(commitments, r.row, 'ToYear'),
        `سال پایان تعهد ${shown(r.CommitmentId)} پیش از سال آغاز آن است`,
        `commitment ${shown(r.CommitmentId)} ends (ToYear) before it starts (FromYear)`,
      );
  }
}

/** The level a budget code must have in each table that names one. */
const CODE_LEVELS: ReadonlyArray<
  readonly ['tblPrograms' | 'tblSchemes' | 'tblProjects' | 'tblActivities', BudgetCodeLevel]
> = [
  ['tblPrograms', 'program'],
  ['tblSchemes', 'scheme'],
  ['tblProjects', 'project'],
  ['tblActivities', 'activity'],
];

/**
 * BUDGET_CODE_UNKNOWN, BUDGET_CODE_LEVEL and BUDGET_CODE_PARENT: a budget code of a program,
 * scheme, project or activity is in `tblBudgetCodes` (when the workbook or its reference
 * holds it), at the level that fits, and a project's code lies under its scheme's code (or
 * its program's, without a scheme).
 */
function checkBudgetCodes(c: Checker): void {
  if (!c.inReach('tblBudgetCodes')) {
    for (const [name] of CODE_LEVELS) {
      const t = c.own(name);
      const count = t
        ? t.rows.filter((r) => (r as { BudgetCode: string }).BudgetCode !== '').length
        : 0;
      if (count > 0) c.skip('BUDGET_CODE_UNKNOWN', name, 'BudgetCode', ['tblBudgetCodes'], count);
    }
    return;
  }
  const codes = c.ids('tblBudgetCodes');
  const parentOf = (code: string) => lookup([codes], code)?.row.ParentCode ?? '';
  for (const [name, level] of CODE_LEVELS) {
    const table = c.own(name) as TableLike & {
      rows: ReadonlyArray<{ row: number; BudgetCode: string }>;
    };
    if (!table) continue;
    for (const r of table.rows) {
      if (r.BudgetCode === '') continue;
      const entry = lookup([codes], r.BudgetCode);
      const where = c.at(table, r.row, 'BudgetCode');
      if (!entry) {
        c.add(
          'BUDGET_CODE_UNKNOWN',
          where,
          `کد بودجه ${shown(r.BudgetCode)} در جدول کدهای ساختار بودجه نیست؛ کد را از بخشنامه بودجه بنویسید`,
          `budget code ${shown(r.BudgetCode)} is not in tblBudgetCodes; write the code of the budget circular`,
        );
        continue;
      }
      if (entry.row.Level !== level) {
        c.add(
          'BUDGET_CODE_LEVEL',
          where,
          `کد بودجه ${shown(r.BudgetCode)} در سطح «${caption(BUDGET_CODE_LEVELS, entry.row.Level ?? '', 'fa')}» است، نه «${caption(BUDGET_CODE_LEVELS, level, 'fa')}»؛ کد همین سطح را بنویسید`,
          `budget code ${shown(r.BudgetCode)} is at level ${entry.row.Level}, not ${level}; write a code of this level`,
        );
        continue;
      }
      if (name !== 'tblProjects') continue;
      const project = r as unknown as Row<'tblProjects'>;
      const scheme =
        project.SchemeId !== '' ? lookup([c.ids('tblSchemes')], project.SchemeId) : undefined;
      const program = lookup([c.ids('tblPrograms')], project.ProgramId);
      const above = scheme?.row.BudgetCode || program?.row.BudgetCode || '';
      if (above === '') continue;
      // Walk up the code's parents (bounded: a cycle of codes cannot hold the walk).
      let at = parentOf(r.BudgetCode);
      let under = false;
      for (let step = 0; step < 10 && at !== ''; step++) {
        if (idKey(at) === idKey(above)) {
          under = true;
          break;
        }
        at = parentOf(at);
      }
      if (!under)
        c.add(
          'BUDGET_CODE_PARENT',
          where,
          `کد بودجه ${shown(r.BudgetCode)} زیر کد ${shown(above)} (${scheme ? 'طرح' : 'برنامه'} پروژه) نیست؛ کد درست را بنویسید یا کد بالادست آن را در جدول کدها اصلاح کنید`,
          `budget code ${shown(r.BudgetCode)} is not under ${shown(above)} (the project's ${scheme ? 'scheme' : 'program'}); write the right code or correct its ParentCode`,
        );
    }
  }
}

/**
 * START_OUTSIDE_WINDOW, TOTAL_COST_BELOW and NOT_READY on each project.
 */
function checkProjectsV2(c: Checker): void {
  const projects = c.own('tblProjects');
  if (!projects) return;
  const first = c.plan.years[0];
  for (const p of projects.rows) {
    const start = p.StartYear;
    if (start !== null) {
      const low = p.EarliestStart;
      const high = p.LatestStart;
      if ((low !== null && start < low) || (high !== null && start > high))
        c.add(
          'START_OUTSIDE_WINDOW',
          c.at(projects, p.row, 'StartYear'),
          `سال شروع پروژه ${shown(p.ProjectId)} (${start}) بیرون از بازه شروع آن (${low ?? start} تا ${high ?? start}) است؛ سال شروع یا بازه را اصلاح کنید`,
          `project ${shown(p.ProjectId)} starts in ${start}, outside its start window ${low ?? start}–${high ?? start}; correct the start or the window`,
        );
    }
    if (p.TotalCost !== 0n) {
      let planned = 0n;
      for (const v of p.costs.values()) planned += v;
      const needed = p.SpentBefore + planned;
      if (p.TotalCost < needed)
        c.add(
          'TOTAL_COST_BELOW',
          c.at(projects, p.row, 'TotalCost'),
          `هزینه کل پروژه ${shown(p.ProjectId)} (${formatRials(p.TotalCost, 'fa')} ریال) از هزینه پیش از برنامه و هزینه سال‌های برنامه روی هم (${formatRials(needed, 'fa')} ریال) کمتر است؛ هزینه کل را اصلاح کنید`,
          `the total cost of project ${shown(p.ProjectId)} (${formatRials(p.TotalCost)} Rials) is below its cost before the plan plus the plan years' costs (${formatRials(needed)} Rials); correct the total cost`,
        );
    }
    if (
      first !== undefined &&
      start === first &&
      p.Readiness !== null &&
      p.Readiness !== 'ready' &&
      p.Status !== 'ongoing'
    )
      c.add(
        'NOT_READY',
        c.at(projects, p.row, 'Readiness'),
        `پروژه ${shown(p.ProjectId)} در نخستین سال برنامه (${first}) آغاز می‌شود ولی آماده اجرا نیست (${caption(READINESS, p.Readiness, 'fa')})؛ شروع را به سال بعد ببرید یا آمادگی را به‌روز کنید`,
        `project ${shown(p.ProjectId)} starts in the first plan year (${first}) but is not ready (${p.Readiness}); move its start a year later or update its readiness`,
      );
  }
}

/**
 * CAPACITY_EXCEEDED: in a plan year, a department's capital projects (a project counts in
 * every year it has cost) outnumber its `MaxProjects`, or their cost passes its `MaxCapital`.
 * Dropped projects do not count.
 */
function checkCapacity(c: Checker): void {
  const departments = c
    .reachRows('tblDepartments')
    .filter((d) => d.MaxProjects !== null || d.MaxCapital !== 0n);
  const projects = c.own('tblProjects');
  if (departments.length === 0 || !projects) return;
  const deptTable = c.own('tblDepartments');
  for (const d of departments) {
    const key = idKey(d.DeptId);
    for (const year of c.plan.years) {
      let count = 0;
      let capital = 0n;
      for (const p of projects.rows) {
        if (idKey(p.Dept) !== key || p.Status === 'dropped') continue;
        const cost = p.costs.get(year) ?? 0n;
        if (cost === 0n) continue;
        count++;
        capital += cost;
      }
      const overCount = d.MaxProjects !== null && count > d.MaxProjects;
      const overMoney = d.MaxCapital !== 0n && capital > d.MaxCapital;
      if (!overCount && !overMoney) continue;
      const where = deptTable
        ? c.at(deptTable, d.row, overCount ? 'MaxProjects' : 'MaxCapital')
        : { table: 'tblProjects', sheet: projects.sheet, column: String(year) };
      c.add(
        'CAPACITY_EXCEEDED',
        where,
        overCount
          ? `واحد ${shown(d.DeptId)} در سال ${year} ${count} پروژه هم‌زمان دارد، بیش از سقف ${d.MaxProjects}؛ برنامه از نظر اداری شدنی نیست، شروع برخی پروژه‌ها را جابه‌جا کنید`
          : `هزینه سرمایه‌ای واحد ${shown(d.DeptId)} در سال ${year} (${formatRials(capital, 'fa')} ریال) از سقف اجرای آن (${formatRials(d.MaxCapital, 'fa')} ریال) بیشتر است؛ شروع برخی پروژه‌ها را جابه‌جا کنید`,
        overCount
          ? `department ${shown(d.DeptId)} runs ${count} projects at once in ${year}, above its limit of ${d.MaxProjects}; the plan is not feasible administratively, move some starts`
          : `the capital spending of department ${shown(d.DeptId)} in ${year} (${formatRials(capital)} Rials) is above what it can execute (${formatRials(d.MaxCapital)} Rials); move some starts`,
      );
    }
  }
}

/**
 * OPERATING_BALANCE_SOURCE: current spending (a continuous activity, or a current budget
 * line) funded by a source whose Nature is the disposal of capital or financial assets.
 */
function checkOperatingSources(c: Checker): void {
  if (!c.inReach('tblFundingSources')) return;
  const sources = c.ids('tblFundingSources');
  const disposal = (id: string) => {
    const s = id === '' ? undefined : lookup([sources], id);
    const nature = s?.row.Nature ?? 'revenue';
    return nature === 'revenue' ? null : nature;
  };
  const report = (table: TableLike, row: number, item: string, source: string, nature: string) =>
    c.add(
      'OPERATING_BALANCE_SOURCE',
      c.at(table, row, 'SourceId'),
      `هزینه جاری ${shown(item)} از منبع ${shown(source)} تأمین شده که ماهیتش «${nature === 'capital-disposal' ? 'واگذاری دارایی‌های سرمایه‌ای' : 'واگذاری دارایی‌های مالی'}» است؛ هزینه جاری باید از درآمد تأمین شود، منبع را عوض کنید`,
      `current spending ${shown(item)} is funded by source ${shown(source)}, whose Nature is ${nature}; current spending must be paid from revenue, change the source`,
    );
  const activities = c.own('tblActivities');
  for (const a of activities?.rows ?? []) {
    const nature = disposal(a.SourceId);
    if (nature && activities) report(activities, a.row, a.ActivityId, a.SourceId, nature);
  }
  const lines = c.own('tblBudgetLines');
  for (const l of lines?.rows ?? []) {
    if (l.Kind !== 'current') continue;
    const nature = disposal(l.SourceId);
    if (nature && lines) report(lines, l.row, l.BudgetCode, l.SourceId, nature);
  }
}

/**
 * BUDGET_LINE_UNLINKED: a line that is not financial links no project or activity (a
 * financial line, such as loan principal, may stand alone).
 */
function checkBudgetLinesV2(c: Checker): void {
  const lines = c.own('tblBudgetLines');
  for (const l of lines?.rows ?? []) {
    if (l.LinkedId !== '' || l.Kind === 'financial' || !lines) continue;
    c.add(
      'BUDGET_LINE_UNLINKED',
      c.at(lines, l.row, 'LinkedId'),
      `ردیف بودجه ${shown(l.BudgetCode)} به هیچ پروژه یا فعالیتی نمی‌رسد؛ شناسه پروژه یا فعالیت را بنویسید (تنها ردیف تملک دارایی مالی، مانند بازپرداخت اصل وام، می‌تواند بی‌پیوند باشد)`,
      `budget line ${shown(l.BudgetCode)} links no project or activity; write its ID (only a financial line, such as loan principal, may stand alone)`,
    );
  }
}
