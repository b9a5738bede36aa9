/**
 * 离退休干部党支部: a branch of retired cadres, known by its name (the data model has no kind for
 * it; units name such branches 离退休干部党支部, 退休干部党支部, 离休干部党总支 …). A member newly
 * put on the roster there is proposed as 退休 (status 'retired'), so that the roster and the
 * reports count 离退休党员 as the branch holds them (issue 16: "离退休党员0名" beside a branch of 9).
 * Only a proposal: the member form lets the cadre choose 在职, and the import says what it did.
 */
const RETIREES = /离退休|退休|离休|老干部/;

export function isRetireesOrganisationName(name: string): boolean {
  return RETIREES.test(name);
}
