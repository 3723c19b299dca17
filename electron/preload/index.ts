/**
 * Preload (sandboxed, context-isolated): exposes the frozen bridge as `window.huiwen` and nothing else.
 * Built as CommonJS because sandboxed preloads cannot be ES modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Only the channel and the arguments cross; the IpcRendererEvent never reaches the page.
contextBridge.exposeInMainWorld(
  'huiwen',
  createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
