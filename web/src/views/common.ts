/** What every section of the published plan is given. */
import type { ApiPublicPlan, Language, WebRoute } from '#core';

/** A section's props: the language, the plan and the page's route. */
export interface ViewProps {
  lang: Language;
  plan: ApiPublicPlan;
  route: WebRoute;
}
