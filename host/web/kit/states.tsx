/** @jsxImportSource preact */
/** What a page shows instead of its content: loading, a failure to load, or nothing to show. */
import type { ComponentChildren } from 'preact';
import type { Resource } from './use-resource.ts';
import { useSite } from './site.tsx';

export function Loading() {
  return useSite().look.loading();
}

/** The classes of an empty or failure state: the shared one, the site's, and the page's own (`class`). */
function stateClass(site: string, own?: string): string {
  return ['shell-empty', site, own].filter(Boolean).join(' ');
}

/** Something could not be loaded: what the host said, and a way to try again. */
export function Failure({ title, error, retry, class: cls }: { title: string; error: unknown; retry(): void; class?: string }) {
  const { look } = useSite();
  return (
    <div class={stateClass(look.state, cls)}>
      <div class="shell-empty-title">{title}</div>
      <div class="shell-empty-text">{error instanceof Error ? error.message : 'Something went wrong.'}</div>
      <button type="button" class="shell-link-button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

/** Nothing to show, said kindly, with what to do next as `children`. */
export function Empty({ title, text, class: cls, children }: { title: string; text: string; class?: string; children?: ComponentChildren }) {
  const { look } = useSite();
  return (
    <div class={stateClass(look.state, cls)}>
      <div class="shell-empty-icon" />
      <div class="shell-empty-title">{title}</div>
      <div class="shell-empty-text">{text}</div>
      {children}
    </div>
  );
}

/**
 * A resource's content once it has come; until then the site's loading look, and when it failed
 * (with nothing to show) the failure with a way to try again.
 */
export function Loaded<T>({ resource, failure, children }: { resource: Resource<T>; failure: string; children: (data: T) => ComponentChildren }) {
  if (resource.error !== undefined && !resource.loading) return <Failure title={failure} error={resource.error} retry={() => void resource.reload()} />;
  if (resource.data === undefined) return <Loading />;
  return <>{children(resource.data)}</>;
}
