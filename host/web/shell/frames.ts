/**
 * A session's frames in order. Frames arrive twice (in an event's answer and on the stream), and
 * may carry patches: the stream's against the previous frame, an event's answer against the frame
 * the shell said it had (`base`). Older frames are ignored, and patches against a frame the shell
 * does not have cannot be applied, so the stream must be reread from a whole frame.
 */
import { applyPatches } from '../../../lib/frames.ts';
import type { ViewNode } from '../../../sdk/contract/view.ts';
import type { ViewUpdate } from '../../../lib/frames.ts';

export type FrameResult = 'applied' | 'stale' | 'gap';

export class FrameState {
  seq = -1;
  view: ViewNode | null = null;
  route = '';
  title = '';
  stack: string[] = [];

  apply(u: ViewUpdate): FrameResult {
    if (u.seq <= this.seq) return 'stale';
    if (u.view) this.view = u.view;
    else if (u.patches) {
      if (!this.view || this.seq !== (u.base ?? u.seq - 1)) return 'gap';
      this.view = applyPatches(this.view, u.patches);
    } else if (u.seq !== this.seq + 1 && !this.view) return 'gap';
    this.seq = u.seq;
    this.route = u.route;
    this.title = u.title;
    this.stack = u.stack;
    return 'applied';
  }
}
