/**
 * Leaving an editor with unsaved changes asks first: closing or reloading the tab (the browser's own warning), and
 * moving elsewhere in the app (a router blocker answered by `UnsavedChangesPrompt`). Shared by the plan editor and
 * the formulation editor.
 *
 * @example
 * const blocker = useUnsavedChangesGuard(dirty);
 * <UnsavedChangesPrompt blocker={blocker} what="this plan" />
 */
import { useEffect, useId } from 'react';
import { type Blocker, useBlocker } from 'react-router';

/**
 * Warns before the tab closes while `dirty`, and blocks moves to another page of the app; returns the blocker.
 *
 * @example
 * const blocker = useUnsavedChangesGuard(dirty);
 */
export function useUnsavedChangesGuard(dirty: boolean): Blocker {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
}

/**
 * The question shown while a move is blocked: stay (focused) or leave without saving.
 *
 * @example
 * <UnsavedChangesPrompt blocker={blocker} what="this formulation" />
 */
export function UnsavedChangesPrompt({ blocker, what }: { readonly blocker: Blocker; readonly what: string }) {
  const id = useId();
  if (blocker.state !== 'blocked') return null;
  return (
    <div className="notice notice--warning" role="alertdialog" aria-labelledby={`${id}-leave`}>
      <p id={`${id}-leave`} style={{ margin: 0 }}>
        You have unsaved changes to {what}. Leave without saving them?
      </p>
      <div className="actions" style={{ marginTop: '0.5rem' }}>
        {/* biome-ignore lint/a11y/noAutofocus: the question needs the focus when it appears */}
        <button type="button" className="button button--small" autoFocus onClick={() => blocker.reset()}>
          Stay and keep editing
        </button>
        <button type="button" className="button button--danger button--small" onClick={() => blocker.proceed()}>
          Leave without saving
        </button>
      </div>
    </div>
  );
}
