import { categories } from '../lib/products.ts';
import { colors } from '../lib/theme.ts';

/** Horizontally scrolling category chips; the page's `pickCategory` gets `{ category }`. */
export function CategoryTabs(props: { active: string }) {
  return (
    <scroll-view id="categories" direction="horizontal" style={{ whiteSpace: 'nowrap', padding: '10px 12px', background: colors.card }}>
      {categories.map((c) => {
        const on = c.id === props.active;
        return (
          <view
            key={c.id}
            id={`category-${c.id}`}
            onTap="pickCategory"
            data={{ category: c.id }}
            style={{
              display: 'inline-block',
              padding: '6px 14px',
              marginRight: 8,
              borderRadius: 16,
              fontSize: 13,
              background: on ? colors.primary : '#f2f2f2',
              color: on ? '#ffffff' : colors.text,
              fontWeight: on ? '600' : 'normal',
            }}
          >
            {c.name}
          </view>
        );
      })}
    </scroll-view>
  );
}
