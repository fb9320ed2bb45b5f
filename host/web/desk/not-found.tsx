/** @jsxImportSource preact */
/** An address inside a console that leads nowhere. */
import { Empty, Link, useTitle } from '../kit/index.ts';

export function NotFound({ home, homeText }: { home: string; homeText: string }) {
  useTitle('Not found');
  return (
    <Empty title="Nothing here" text="This address does not lead anywhere in the console.">
      <Link href={home} class="shell-primary shell-button-link desk-inline-button">
        {homeText}
      </Link>
    </Empty>
  );
}
