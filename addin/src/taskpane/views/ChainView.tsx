/** @jsxRuntime automatic */
/**
 * Chain: goal › strategy › program › scheme › projects (activities and projects without a scheme
 * under their program) as a tree, with the money per
 * plan year and the KPIs at each level; a node without money, without a KPI, or (a strategy)
 * without an upstream directive is marked; choosing a node selects its row in Excel.
 */
import {
  Badge,
  Body1,
  Caption1,
  Switch,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { LINK_LEVELS } from '#core';
import type { ChainTreeNode } from '../chain';
import { cellOfNode, chainTree } from '../chain';
import { t } from '../i18n';
import { billionsNumber } from '../money';
import { usePane } from '../services';
import { Code, HelpAbout, Note, Num, useViewStyles, YearTable } from './common';

/** What a scheme is called (طرح), said before its ID unless its title already begins with it. */
const schemeWord = LINK_LEVELS.find((l) => l.value === 'scheme')!;

function Marks(props: { n: ChainTreeNode }) {
  const { lang } = usePane();
  const styles = useViewStyles();
  const { n } = props;
  return (
    <>
      {n.noMoney && (
        <Badge size="small" appearance="tint" color="danger" className={styles.badge}>
          {t(lang, 'noMoney')}
        </Badge>
      )}
      {n.noKpi && n.node.level !== 'item' && (
        <Badge size="small" appearance="tint" color="warning" className={styles.badge}>
          {t(lang, 'noKpi')}
        </Badge>
      )}
      {n.noDirective && (
        <Badge size="small" appearance="tint" color="warning" className={styles.badge}>
          {t(lang, 'noDirective')}
        </Badge>
      )}
    </>
  );
}

/** The Chain view. */
export function ChainView() {
  const { lang, check, office } = usePane();
  const styles = useViewStyles();
  const tree = useMemo(() => (check ? chainTree(check.plan) : null), [check]);
  const [chosen, setChosen] = useState<ChainTreeNode | null>(null);
  const [showEmpty, setShowEmpty] = useState(false);
  if (!tree || !check) return null;
  if (tree.goals.length === 0) return <Note>{t(lang, 'emptyChain')}</Note>;
  // A department's workbook holds the city's goals as reference data: those its own items give
  // no money to are not its work, and are hidden unless asked for.
  const emptyCityGoals = tree.goals.filter((g) => g.node.reference && g.total === 0n);
  const goals = showEmpty ? tree.goals : tree.goals.filter((g) => !emptyCityGoals.includes(g));
  const select = (n: ChainTreeNode) => {
    setChosen(n);
    const at = cellOfNode(check.plan, n.node);
    if (at) void office.selectCell(at.sheet, at.cell);
  };
  const render = (n: ChainTreeNode) => {
    const kpis = n.node.kpis.map((k) => k.title || k.id).join('، ');
    return (
      <TreeItem
        key={`${n.node.level}:${n.node.id}`}
        itemType={n.children.length ? 'branch' : 'leaf'}
        value={`${n.node.level}:${n.node.id}`}
        // On the item, not its layout: Fluent turns Enter on a focused item into a click on it,
        // so the keyboard selects the row too (clicks inside a subtree belong to the child).
        onClick={() => select(n)}
        data-id={n.node.id}
        data-marks={[n.noMoney && 'no-money', n.noKpi && 'no-kpi', n.noDirective && 'no-directive']
          .filter(Boolean)
          .join(' ')}
      >
        <TreeItemLayout>
          <div>
            <Body1>
              {/* A scheme says what it is: its ID reads like a program's. */}
              {n.node.level === 'scheme' && !n.node.title.startsWith(schemeWord.fa) && (
                <Caption1 className={styles.muted} data-level="scheme">
                  {schemeWord[lang]}{' '}
                </Caption1>
              )}
              <Code>{n.node.id}</Code> {n.node.title}
            </Body1>{' '}
            <Marks n={n} />
            <br />
            <Caption1 className={styles.muted}>
              {t(lang, 'total')}: <Num>{billionsNumber(n.total, lang)}</Num>{' '}
              {t(lang, 'billionRials')}
            </Caption1>
            {chosen?.node === n.node && (
              <YearTable
                lang={lang}
                heading={t(lang, 'billionRials')}
                rows={tree.years.map((y) => [y, n.node.money.get(y) ?? 0n] as const)}
                label={t(lang, 'moneyOf', { node: n.node.id })}
                testId="chain-money"
              />
            )}
            {kpis && (
              <>
                <br />
                <Caption1 className={styles.muted}>
                  {t(lang, 'kpis')}: {kpis}
                </Caption1>
              </>
            )}
          </div>
        </TreeItemLayout>
        {n.children.length > 0 && <Tree>{n.children.map(render)}</Tree>}
      </TreeItem>
    );
  };
  return (
    <div className={styles.stack}>
      <Body1>{t(lang, 'chainIntro')}</Body1>
      <Text className={styles.muted}>{t(lang, 'chooseNode')}</Text>
      {emptyCityGoals.length > 0 && (
        <Switch
          checked={showEmpty}
          onChange={(_, d) => setShowEmpty(d.checked)}
          label={t(lang, 'showEmptyGoals', { n: emptyCityGoals.length })}
        />
      )}
      <Tree
        aria-label={t(lang, 'tabChain')}
        defaultOpenItems={tree.goals.map((g) => `goal:${g.node.id}`)}
      >
        {goals.map(render)}
      </Tree>
      {/* What each mark means (a badge is not focusable, so its meaning is written out here). */}
      <dl className={styles.legend} data-testid="chain-legend">
        {(['noMoney', 'noKpi', 'noDirective'] as const).map((k) => (
          <div key={k}>
            <dt>
              <Badge size="small" appearance="tint" color={k === 'noMoney' ? 'danger' : 'warning'}>
                {t(lang, k)}
              </Badge>
            </dt>
            <dd>{t(lang, `${k}Means`)}</dd>
          </div>
        ))}
      </dl>
      <HelpAbout links={[['plan-chain', 'aboutChain']]} />
    </div>
  );
}
