/** The apps module's tables, as Kysely sees them. */
export interface AppsTables {
  apps_apps: {
    id: string;
    merchant_id: string;
    name: string;
    category: string;
    description: string;
    status: 'active' | 'suspended';
    created_at: string;
  };
  apps_versions: {
    id: string;
    app_id: string;
    version: string;
    manifest: string;
    bundle: string;
    status: 'published';
    created_at: string;
  };
  apps_assets: { version_id: string; path: string; content_type: string; data: string };
  apps_releases: { app_id: string; version_id: string; released_at: string };
}
