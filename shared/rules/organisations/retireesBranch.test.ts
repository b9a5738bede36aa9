import { describe, expect, it } from 'vitest';
import { isRetireesOrganisationName } from './retireesBranch';

describe('a branch of retired cadres, by its name', () => {
  it.each(['离退休干部党支部', '机关退休干部第一党支部', '离休干部党总支', '老干部党支部'])('%s holds retired members', (name) => {
    expect(isRetireesOrganisationName(name)).toBe(true);
  });
  it.each(['第一党支部', '机关党委', '综合处党支部', '人事处（老龄工作办公室）党支部'])('%s does not', (name) => {
    expect(isRetireesOrganisationName(name)).toBe(false);
  });
});
