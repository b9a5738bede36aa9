/**
 * What the annual report panel says under 主送: until the unit is enrolled with its 工委 the field
 * holds a placeholder (“中共××市委直属机关工委”), which must not go to print unnoticed.
 */
export function addresseeHint(addressee: string): string | null {
  if (addressee.trim() === '') return '请填写主送机关，即本单位所属的机关工委。';
  if (addressee.includes('××'))
    return '“××”是占位文字：请改为本市机关工委的名称，如“中共某某市委直属机关工委”。本单位登记到工委后，主送会自动填写工委的名称。';
  return null;
}
