import { describe, expectTypeOf, it } from 'vitest';
import type * as host from '../../../host/modules/apps/views.ts';
import type * as checks from '../../../host/modules/apps/checks/types.ts';
import type { AppView, CheckResult, ReleaseState, VersionView } from './views.ts';

// Checked by tsc (npm test runs it first): the host's answers still carry what the CLI reads.
describe('the shapes the CLI reads', () => {
  it('are what the host answers with', () => {
    expectTypeOf<host.AppView>().toExtend<AppView>();
    expectTypeOf<host.VersionView>().toExtend<VersionView>();
    expectTypeOf<host.ReleaseState>().toExtend<ReleaseState>();
    expectTypeOf<checks.CheckResult>().toExtend<CheckResult>();
  });
});
