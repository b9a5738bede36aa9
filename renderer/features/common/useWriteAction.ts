/**
 * Runs a repository write from a screen: expected failures land on the form field they name (or in
 * a message), success is confirmed briefly, and an unexpected failure says in Chinese what to do.
 */
import type { FormInstance } from 'antd';
import { App } from 'antd';
import type { ExpectedError, Result } from '../../../shared/errors/errors';
import { isExpectedFailure } from '../../../shared/errors/errors';
import { sessionWriteContext } from '../../db/session';
import type { WriteContext } from '../../db/writeContext';

export interface WriteOptions {
  success?: string;
  form?: FormInstance;
  /** Field names of the form, so an error whose path starts with one of them is shown there. */
  fields?: readonly string[];
}

interface Issue {
  field: string;
  message: string;
}

/** The error's problems that belong to fields of the form (all of a ValidationError's, else its one). */
function fieldIssues(error: ExpectedError & { issues?: readonly { path: readonly (string | number)[]; message: string }[] }, fields: readonly string[]): Issue[] {
  const list = error.issues && error.issues.length > 0 ? error.issues : [{ path: error.path ?? [], message: error.message.replace(/^.*?」：/, '') }];
  const byField = new Map<string, string>();
  for (const i of list) {
    const field = i.path[0];
    if (typeof field === 'string' && fields.includes(field) && !byField.has(field)) byField.set(field, i.message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

export function useWriteAction() {
  const { message } = App.useApp();
  return async function run<T>(action: (ctx: WriteContext) => Promise<Result<T, ExpectedError>>, options: WriteOptions = {}): Promise<T | null> {
    try {
      const result = await action(await sessionWriteContext());
      if (result.ok) {
        if (options.success) void message.success(options.success);
        return result.value;
      }
      const form = options.form;
      const issues = fieldIssues(result.error, options.fields ?? []);
      if (form && issues.length > 0) {
        form.setFields(issues.map((i) => ({ name: i.field, errors: [i.message] })));
        form.scrollToField(issues[0]!.field);
      } else {
        void message.error({ content: result.error.message, duration: 8 });
      }
      return null;
    } catch (e) {
      if (isExpectedFailure(e)) void message.error({ content: e.error.message, duration: 8 });
      else void message.error({ content: '保存失败：本机数据存储出错，已录入的内容没有丢失。请重试；如仍失败，请重新启动程序。', duration: 10 });
      return null;
    }
  };
}
