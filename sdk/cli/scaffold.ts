import { join } from 'node:path';
import { repoDir, sdkDir } from './paths.ts';

/** "my-tea-shop" → "My Tea Shop": a readable program name from a folder name. */
export function titleFromDir(base: string): string {
  const words = base.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  return (name || 'My Program').slice(0, 40);
}

/** The files `atrium init` writes, by path below the new program's folder. */
export function scaffoldFiles(name: string): Record<string, string> {
  return {
    'atrium.json': manifest(name),
    'pages/index.tsx': PAGE,
    'index.test.ts': TEST,
    'tsconfig.json': tsconfig(),
    '.gitignore': 'dist/\nnode_modules/\n',
    'README.md': readme(name),
  };
}

function manifest(name: string): string {
  return (
    JSON.stringify(
      {
        name,
        version: '0.1.0',
        description: 'A to-do list: type a task, add it, tick it off.',
        pages: ['pages/index'],
        window: { title: name },
      },
      null,
      2,
    ) + '\n'
  );
}

/** Editor completion for the SDK and JSX; the build itself does not read this file. */
function tsconfig(): string {
  const sdk = (p: string) => join(sdkDir, p);
  return (
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          // DOM only for WebAssembly's types, which the test harness's runtime uses; pages have no DOM.
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          jsx: 'react-jsx',
          jsxImportSource: 'atrium',
          typeRoots: [join(repoDir, 'node_modules', '@types')],
          types: ['node'],
          paths: {
            atrium: [sdk('index.ts')],
            'atrium/*': [sdk('*')],
            vitest: [join(repoDir, 'node_modules', 'vitest')],
          },
        },
        include: ['**/*.ts', '**/*.tsx'],
        exclude: ['dist'],
      },
      null,
      2,
    ) + '\n'
  );
}

const PAGE = `import { page, ui, type AtriumEvent } from 'atrium';

interface Task {
  id: number;
  text: string;
  done: boolean;
}

export default page({
  title: 'To-do',
  data: { draft: '', tasks: [] as Task[], nextId: 1 },

  /** Keeps what the user types, so the Add button can read it. */
  type(e: AtriumEvent<string>) {
    this.setData({ draft: e.value });
  },

  add() {
    const text = this.data.draft.trim();
    if (!text) {
      void ui.toast({ title: 'Type a task first', icon: 'none' });
      return;
    }
    const task: Task = { id: this.data.nextId, text, done: false };
    this.setData({ tasks: [...this.data.tasks, task], nextId: task.id + 1, draft: '' });
  },

  /** The tapped row carries its task id in \`data\`. */
  toggle(e: AtriumEvent) {
    const tasks = this.data.tasks.map((t) => (t.id === e.data ? { ...t, done: !t.done } : t));
    this.setData({ tasks });
  },

  render() {
    const left = this.data.tasks.filter((t) => !t.done).length;
    return (
      <view style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
        <text id="summary" style={{ fontSize: 18, fontWeight: 'bold' }}>
          {this.data.tasks.length === 0 ? 'Nothing to do yet' : \`\${left} of \${this.data.tasks.length} left\`}
        </text>
        <view style={{ display: 'flex', gap: 8 }}>
          <input id="draft" value={this.data.draft} placeholder="What needs doing?" onInput="type" onConfirm="add" style={{ flex: 1 }} />
          <button kind="primary" size="mini" onTap="add">Add</button>
        </view>
        <list id="tasks" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {this.data.tasks.map((t) => (
            <view key={t.id} data={t.id} onTap="toggle" style={{ padding: 12, background: '#fff', borderRadius: 8 }}>
              <text style={t.done ? { color: '#999', textDecoration: 'line-through' } : {}}>
                {t.done ? '✓ ' : '○ '}
                {t.text}
              </text>
            </view>
          ))}
        </list>
      </view>
    );
  },
});
`;

const TEST = `import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openProgram, type ProgramTester } from 'atrium/testing';

const dir = fileURLToPath(new URL('.', import.meta.url));
let t: ProgramTester | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the to-do page', () => {
  it('starts with nothing to do', async () => {
    t = await openProgram(dir);
    expect(t.text({ id: 'summary' })).toBe('Nothing to do yet');
  });

  it('adds what the user typed', async () => {
    t = await openProgram(dir);
    await t.type('draft', 'Buy tea');
    await t.tap('Add');
    expect(t.text({ id: 'tasks' })).toContain('Buy tea');
    expect(t.text({ id: 'summary' })).toBe('1 of 1 left');
  });

  it('ticks a task off when tapped', async () => {
    t = await openProgram(dir);
    await t.type('draft', 'Buy tea');
    await t.tap('Add');
    await t.tap('Buy tea');
    expect(t.text({ id: 'summary' })).toBe('0 of 1 left');
  });

  it('asks for text before adding', async () => {
    t = await openProgram(dir);
    await t.tap('Add');
    expect(t.host.toasts).toEqual([{ title: 'Type a task first', icon: 'none' }]);
  });
});
`;

function readme(name: string): string {
  return `# ${name}

An Atrium mini-program. Run these from the Atrium repository, naming this folder:

- \`npx atrium dev <folder>\` runs it in a local shell in your browser and reloads on every change.
- \`npx atrium test <folder>\` runs \`index.test.ts\` against the real sandbox with an in-memory host.
- \`npx atrium build <folder>\` checks \`atrium.json\` and writes the bundle and assets to \`dist/\`.

Pages live in \`pages/\`, one file per route listed in \`atrium.json\`. Images go in \`assets/\`
(png, jpg, gif, webp) and are shown with \`<image src="assets/name.png" />\`.
`;
}
