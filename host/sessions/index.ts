/** Live mini-program sessions: open, dispatch, push views, evict and rehydrate. */
export { createSessionManager, type SessionManager, type SessionManagerDeps, type Opened } from './manager.ts';
export { createPrompts, type Prompts, type PromptAnswer, type ShellAnswer } from './prompts.ts';
export { createConsents, type Consents } from './consents.ts';
export { sessionsMigrations, type SessionsTables } from './migrations.ts';
export { sessionTopic, type ShellMessage } from './messages.ts';
export { sessionRoutes, type SceneOf, type Via } from './routes.ts';
export { sessionsModule, type SessionsModuleOptions } from './module.ts';
