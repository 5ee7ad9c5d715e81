/** A DSFR table with its caption: the text version of each chart, read by screen readers and shown to all. */
import type { ComponentChildren } from 'preact';

/** The caption is read by screen readers; shown only when no heading above says the same (`showCaption`). */
export function DataTable(props: {
  caption: string;
  testId?: string;
  head: string[];
  children: ComponentChildren;
  bordered?: boolean;
  showCaption?: boolean;
  /** The leading columns that hold text (aligned left); the others hold figures. One by default. */
  textColumns?: number;
}) {
  const textColumns = props.textColumns ?? 1;
  const classes = ['fr-table', 'fr-table--sm', props.bordered && 'fr-table--bordered', !props.showCaption && 'fr-table--no-caption'];
  return (
    <div class={classes.filter(Boolean).join(' ')} data-testid={props.testId}>
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>{props.caption}</caption>
              <thead>
                <tr>
                  {props.head.map((h, i) => (
                    <th scope="col" class={i >= textColumns ? 'pf-num' : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{props.children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** A horizontal bar, decoration only: the number beside it says the same. */
export function Bar(props: { share: number; tone?: 'blue' | 'green' | 'red' | 'grey' }) {
  const width = `${Math.max(0, Math.min(1, props.share)) * 100}%`;
  return (
    <span class="pf-bar" aria-hidden="true">
      <span class={`pf-bar__fill pf-bar__fill--${props.tone ?? 'blue'}`} style={{ width }} />
    </span>
  );
}

/** A count with its bar before it, in one cell. */
export function BarCell(props: { share: number; value: string; tone?: 'blue' | 'green' | 'red' | 'grey' }) {
  return (
    <td class="pf-num">
      <span class="pf-bar-row">
        <Bar share={props.share} tone={props.tone} />
        <span>{props.value}</span>
      </span>
    </td>
  );
}
