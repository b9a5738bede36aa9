/**
 * The unit whose ledger a screen shows. Every unit screen (organisations, roster, meetings,
 * training, workbench, reports) reads through this scope instead of "the database":
 *   - in a unit's workspace: that unit, writable, at the app's root paths;
 *   - in the committee's workspace, under 单位 → a unit: that unit, READ-ONLY (its records are the
 *     unit's: the committee only sees them), under /units/<id>;
 *   - in the committee's own areas (its training classes): the committee itself.
 * Paths inside a scope are written as in a unit's workspace ('/meetings/calendar'); the scoped
 * navigate and location add and remove the base path.
 */
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { BugError } from '../../../shared/errors/errors';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';

export interface UnitScope {
  /** Whose records the screens show (unitId of the records). */
  readonly unitId: string;
  /** The unit's (or committee's) name, for titles. */
  readonly name: string;
  /** The mode of this workspace (who is looking). */
  readonly mode: WorkspaceMode;
  /** True when the records belong to someone else: no write action is offered. */
  readonly readOnly: boolean;
  /** Where the scope's screens live: '' at the root, '/units/<id>' for the committee's unit context. */
  readonly basePath: string;
  /** The committee whose training classes the unit sees (null for a unit not yet enrolled). */
  readonly committeeId: string | null;
}

const ScopeContext = createContext<UnitScope | null>(null);

export function UnitScopeProvider({ scope, children }: { scope: UnitScope; children: ReactNode }) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

export function useUnitScope(): UnitScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new BugError('a unit screen was shown outside a UnitScopeProvider');
  return scope;
}

/** An absolute in-scope path ('/meetings?org=…') as a router path. */
export function scopedPath(scope: Pick<UnitScope, 'basePath'>, path: string): string {
  if (!path.startsWith('/')) return path;
  if (scope.basePath === '') return path;
  return path === '/' ? scope.basePath : `${scope.basePath}${path}`;
}

/** The router path without the scope's base ('/units/x/meetings' → '/meetings'). */
export function pathInScope(scope: Pick<UnitScope, 'basePath'>, pathname: string): string {
  if (scope.basePath === '' || !pathname.startsWith(scope.basePath)) return pathname;
  return pathname.slice(scope.basePath.length) || '/';
}

/** navigate() for in-scope paths; numbers (history steps) pass through. */
export function useScopedNavigate(): (to: string | number) => void {
  const navigate = useNavigate();
  const scope = useUnitScope();
  return useCallback((to: string | number) => void (typeof to === 'number' ? navigate(to) : navigate(scopedPath(scope, to))), [navigate, scope]);
}

/** The current path as the scope's screens know it. */
export function useScopedPathname(): string {
  const location = useLocation();
  const scope = useUnitScope();
  return pathInScope(scope, location.pathname);
}

/** Children only where the scope may write (hidden in the committee's read-only unit view). */
export function WriteOnly({ children }: { children: ReactNode }) {
  return useUnitScope().readOnly ? null : <>{children}</>;
}
