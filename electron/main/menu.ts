/**
 * The Chinese application menu as data. Roles give the platform's own behaviour (and accelerators);
 * labels are set explicitly because Electron's role labels are English on a Chinese Windows.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Development build: adds 重新加载 and 开发者工具. */
  readonly dev: boolean;
  /** Shows the about page (version and where the data lives). */
  readonly onAbout: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [
        { role: 'reload', label: '重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
        { type: 'separator' },
      ]
    : [];
  return [
    {
      label: '文件(&F)',
      submenu: [{ role: 'quit', label: '退出', accelerator: 'CmdOrCtrl+Q' }],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        ...devItems,
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于会文', click: () => options.onAbout() }],
    },
  ];
}
