import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../security/content-security-policy';

const created: Array<{ options: Record<string, unknown>; webContents: Record<string, unknown> }> = [];
vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const mainFrame = { url: '' };
      this.webContents = {
        mainFrame,
        handlers: new Map<string, unknown>(),
        setWindowOpenHandler: vi.fn(),
        on: vi.fn(),
        session: { setPermissionRequestHandler: vi.fn() },
      };
      created.push({ options, webContents: this.webContents });
    }
    on() {}
    once() {}
    loadFile() { return Promise.resolve(); }
  }
  return { BrowserWindow, screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] } };
});

const { createMainWindow } = await import('./main-window');
const rendererIndex = path.resolve('/app/out/renderer/index.html');

describe('createMainWindow', () => {
  it('locks the renderer down: isolated, sandboxed, no Node, no new windows', () => {
    const { window } = createMainWindow({ rendererIndex, preload: '/app/out/preload/index.cjs', userData: '/nonexistent' });
    const { options, webContents } = created[0] ?? { options: {}, webContents: {} };
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/app/out/preload/index.cjs' });
    const openHandler = (webContents.setWindowOpenHandler as ReturnType<typeof vi.fn>).mock.calls[0]?.[0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });
    expect(window).toBeDefined();
  });

  it('trusts IPC only from its own page in its main frame', () => {
    const { window, isTrustedSender } = createMainWindow({ rendererIndex, preload: '/p.cjs', userData: '/nonexistent' });
    const contents = window.webContents as unknown as { mainFrame: { url: string } };
    contents.mainFrame.url = pathToFileURL(rendererIndex).href;
    const event = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as never;
    expect(isTrustedSender(event(contents, contents.mainFrame))).toBe(true);
    expect(isTrustedSender(event(contents, { url: contents.mainFrame.url }))).toBe(false);
    expect(isTrustedSender(event({}, contents.mainFrame))).toBe(false);
    contents.mainFrame.url = 'https://evil.example/';
    expect(isTrustedSender(event(contents, contents.mainFrame))).toBe(false);
  });
});

describe('the renderer page', () => {
  it('carries the same strict Content-Security-Policy that browser mode sends', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).not.toContain('unsafe');
  });
});
