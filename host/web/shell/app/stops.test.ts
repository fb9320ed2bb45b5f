import { describe, expect, it } from 'vitest';
import { ApiError } from '../../common/http.ts';
import { callFailed, endedBy, openFailed, streamRefused } from './stops.ts';

describe('what the user is told when a mini-program cannot go on', () => {
  it('opening: sign in again, suspended with the name the host gives, gone, or the host’s message', () => {
    expect(openFailed(new ApiError(401, 'unauthorized', 'Please sign in.'))).toEqual({ then: 'signed-out' });
    expect(openFailed(new ApiError(403, 'app_suspended', 'm', { name: 'Shop', reason: 'Fake tea' }))).toEqual({ then: 'suspended', reason: 'Fake tea', appName: 'Shop' });
    expect(openFailed(new ApiError(404, 'not_found', 'No such app'))).toEqual({ then: 'stopped', title: "Can't open this mini-program", message: 'This mini-program is not available. It may have been taken down.' });
    expect(openFailed(new ApiError(0, 'network_error', 'Atrium could not be reached.'))).toEqual({ then: 'stopped', title: "Couldn't open this mini-program", message: 'Atrium could not be reached.' });
  });

  it('a call of a running session: the session that ended (410) says why in plain words, other failures go on', () => {
    expect(callFailed(new ApiError(410, 'session_ended', 'ended', { reason: 'cpu_exceeded' }))).toEqual({ then: 'stopped', message: 'It took too long to respond.' });
    expect(callFailed(new ApiError(410, 'session_ended', 'ended', { reason: 'closed' }))).toEqual({ then: 'stopped', message: 'The session closed. Reopen the mini-program to carry on.' });
    expect(callFailed(new ApiError(404, 'not_found', 'gone'))).toEqual({ then: 'stopped', message: 'The session closed. Reopen the mini-program to carry on.' });
    expect(callFailed(new ApiError(403, 'app_suspended', 'm', { reason: 'Fake tea' }))).toEqual({ then: 'suspended', reason: 'Fake tea' });
    expect(callFailed(new ApiError(401, 'unauthorized', 'Please sign in.'))).toEqual({ then: 'signed-out' });
    expect(callFailed(new ApiError(0, 'network_error', 'offline'))).toBeNull();
    expect(callFailed(new ApiError(429, 'rate_limited', 'slow down'))).toBeNull();
  });

  it('a refused stream ends the run only when trying again cannot help', () => {
    expect(streamRefused(404, null)).toEqual({ then: 'stopped', message: 'The session closed. Reopen the mini-program to carry on.' });
    expect(streamRefused(403, { error: { code: 'app_suspended', message: 'm', details: { reason: 'Fake tea' } } })).toEqual({ then: 'suspended', reason: 'Fake tea' });
    expect(streamRefused(401, null)).toEqual({ then: 'signed-out' });
    expect(streamRefused(503, null)).toBeNull();
  });

  it('the end the host announced: its reason in plain words, else its own', () => {
    expect(endedBy({ code: 'memory_exceeded', message: 'm' })).toEqual({ then: 'stopped', message: 'It used more memory than it is allowed.' });
    expect(endedBy({ code: 'internal', message: 'The host is shutting down.' })).toEqual({ then: 'stopped', message: 'The host is shutting down.' });
    expect(endedBy({ code: 'app_suspended', message: 'm', details: { reason: 'Fake tea' } })).toEqual({ then: 'suspended', reason: 'Fake tea' });
  });
});
