import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';

const labels = (items: readonly MenuItemConstructorOptions[]): string[] =>
  items.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];

describe('buildMenuTemplate', () => {
  it('has the four Chinese menus with the expected items (production)', () => {
    const template = buildMenuTemplate({ dev: false, onAbout: () => {} });
    expect(labels(template)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(labels(submenu(template[0]))).toEqual(['退出']);
    expect(labels(submenu(template[1]))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(submenu(template[2]))).toEqual(['实际大小', '放大', '缩小', '全屏']);
    expect(labels(submenu(template[3]))).toEqual(['关于会文']);
  });

  it('offers reload and DevTools only in development', () => {
    const prodRoles = JSON.stringify(
      buildMenuTemplate({ dev: false, onAbout: () => {} }).map((m) => submenu(m).map((i) => i.role)),
    );
    expect(prodRoles).not.toMatch(/reload|toggleDevTools/i);
    const devView = submenu(buildMenuTemplate({ dev: true, onAbout: () => {} })[2]);
    expect(labels(devView)).toEqual(['重新加载', '开发者工具', '实际大小', '放大', '缩小', '全屏']);
  });

  it('uses platform roles for editing so shortcuts work in inputs', () => {
    const edit = submenu(buildMenuTemplate({ dev: false, onAbout: () => {} })[1]);
    expect(edit.filter((i) => i.type !== 'separator').map((i) => i.role)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('calls onAbout from 关于会文', () => {
    let shown = 0;
    const about = submenu(buildMenuTemplate({ dev: false, onAbout: () => (shown += 1) })[3])[0];
    (about?.click as () => void)();
    expect(shown).toBe(1);
  });
});
