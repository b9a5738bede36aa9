import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/model/member';
import { memberNameChoices } from './dutyLists';

const member = (name: string, deleted = false) => ({ name, deleted }) as Member;

describe('memberNameChoices', () => {
  it('offers each live member’s name once, in 汉语拼音 order', () => {
    expect(memberNameChoices([member('王芳'), member('李明'), member('王芳'), member('张敏', true), member('陈静')])).toEqual(['陈静', '李明', '王芳']);
  });
});
