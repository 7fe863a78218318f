import type { ArticleContent } from '../../shared/article/article';
import { applyIgnores, blockingFindings, RULES, runChecks, type CheckSettings, type Finding, type HouseLists } from '../../shared/checks/index';
import type { ReviewStage } from '../../shared/review/stages';
import { currentPerson, refused, type Caller, type HandlerContext } from './context';
import { asAdmin } from './people';

/** The findings on the stored copy, with every recorded "ignore here" applied. */
export async function storedFindings(ctx: HandlerContext, id: string, content: ArticleContent): Promise<Finding[]> {
  const { settings, lists } = ctx.workspace().proofreading();
  return applyIgnores(runChecks(content, settings, lists), await ctx.workspace().ignores(id).load());
}

const ruleName = (rule: string) => RULES.find((r) => r.id === rule)?.name ?? { en: rule, 'zh-CN': rule };

/**
 * The approval gate: Required findings bound to this stage refuse the approval, naming them;
 * Recommended ones must be acknowledged. Ignored findings count as neither.
 */
export function gateApproval(findings: Finding[], settings: CheckSettings, stage: ReviewStage, acknowledged: boolean): void {
  const active = findings.filter((f) => !f.ignored);
  const blocking = blockingFindings(active, settings, stage);
  if (blocking.length > 0) {
    const rules = [...new Set(blocking.map((f) => f.rule))];
    throw refused({
      code: 'required-checks',
      params: {
        count: String(blocking.length),
        rules: rules.map((r) => ruleName(r).en).join(', '),
        rulesZh: rules.map((r) => ruleName(r)['zh-CN']).join('、'),
      },
    });
  }
  const recommended = active.filter((f) => f.severity === 'recommended');
  if (recommended.length > 0 && !acknowledged) {
    const rules = [...new Set(recommended.map((f) => f.rule))];
    throw refused({
      code: 'recommended-checks',
      params: {
        count: String(recommended.length),
        rules: rules.map((r) => ruleName(r).en).join(', '),
        rulesZh: rules.map((r) => ruleName(r)['zh-CN']).join('、'),
      },
    });
  }
}

export const checkHandlers = (ctx: HandlerContext) => ({
  getProofreading: async ({ id }: { id?: string }) => {
    const { settings, lists } = ctx.workspace().proofreading();
    if (!id) return { settings, lists, ignores: [] };
    await ctx.workspace().get(id);
    return { settings, lists, ignores: await ctx.workspace().ignores(id).load() };
  },
  updateProofreading: async (patch: { settings?: CheckSettings; lists?: HouseLists }, caller: Caller) => {
    await asAdmin(ctx, caller);
    await ctx.workspace().updateProofreading(patch);
    return ctx.workspace().proofreading();
  },
  ignoreFinding: async ({ id, findingId, reason }: { id: string; findingId: string; reason: string }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    await ctx.workspace().get(id);
    const store = ctx.workspace().ignores(id);
    await store.append({ findingId, reason, by: person.id, byName: person.name, at: ctx.clock.now().toISOString() });
    return store.load();
  },
});
