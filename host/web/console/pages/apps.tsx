/** @jsxImportSource preact */
/**
 * Your apps: each with its icon, state (suspended with the reason), the version users get, a gray
 * release under way and the version in review.
 */
import { AppRow } from '../../desk/app-row.tsx';
import { PageHead } from '../../desk/ui.tsx';
import { Empty, Link, Loaded, useResource, useTitle } from '../../kit/index.ts';
import { yourApps } from '../api.ts';
import { consolePaths } from '../routes.ts';

export function AppsPage() {
  useTitle('Your apps');
  const apps = useResource(yourApps, []);
  const newApp = (text: string) => (
    <Link href={consolePaths.new} class="shell-primary shell-button-link desk-inline-button">
      {text}
    </Link>
  );
  return (
    <div class="desk-page">
      <PageHead title="Your apps" sub={['Mini-programs you publish on Atrium.']} actions={newApp('New app')} />
      <div class="desk-slot">
        <Loaded resource={apps} failure="Couldn't load your apps">
          {(list) =>
            list.length ? (
              <div class="desk-list" aria-label="Apps">
                {list.map((app) => (
                  <AppRow key={app.id} app={app} href={consolePaths.app(app.id)} sub={`${app.id} · ${app.category}`} testid={`app-${app.id}`} />
                ))}
              </div>
            ) : (
              <Empty title="No apps yet" text="Create an app to get its id and secret, then submit its first version with the atrium CLI.">
                {newApp('Create your first app')}
              </Empty>
            )
          }
        </Loaded>
      </div>
    </div>
  );
}
