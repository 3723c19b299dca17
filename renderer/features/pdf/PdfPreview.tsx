/**
 * The PDF preview: pdf.js draws the pages (thumbnails on the left, the page at a chosen zoom on the right),
 * keyboard paging (PageUp/PageDown, ←/→, Home/End, +/−), 打印 through the OS print dialog (exactly these
 * pages; long-edge duplex for GB/T 9704 documents, whose page numbers alternate sides) and 保存 PDF through
 * the bridge's save dialog. Prints of classified documents are logged with their copy numbers.
 */
import { Alert, App, Button, Empty, Modal, Select, Space, Spin, Tooltip, Typography } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PrintDuplex } from '../../../shared/ipc';
import type { PdfJob } from '../../../shared/pdf';
import { getStore } from '../../data';
import { useBridge } from '../../platform';
import { drawPage, openPdf } from './pdfjs';
import { useGeneratedPdf } from './use-pdf';

/** A classified document's print: logged (who, when, which 份号) before the dialog opens. */
export interface ClassifiedPrint {
  readonly documentId: string;
  readonly documentTitle: string;
  /** e.g. "秘密★1年". */
  readonly classification: string;
  /** The 份号 the PDF carries (one per copy, see renderCopiesCombined). */
  readonly copyNumbers: readonly number[];
}

const DUPLEX_OPTIONS: { value: PrintDuplex; label: string }[] = [
  { value: 'long-edge', label: '双面（长边翻页）' },
  { value: 'simplex', label: '单面' },
  { value: 'short-edge', label: '双面（短边翻页）' },
];

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const THUMB_SCALE = 0.16;

function Thumb({
  doc,
  n,
  current,
  onPick,
}: {
  doc: PDFDocumentProxy;
  n: number;
  current: boolean;
  onPick: (n: number) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void drawPage(doc, n, ref.current, THUMB_SCALE).catch(() => undefined);
  }, [doc, n]);
  return (
    <button
      type="button"
      className="hw-pdf-thumb"
      aria-label={`第 ${n} 页`}
      aria-current={current ? 'page' : undefined}
      onClick={() => onPick(n)}
      style={{
        display: 'block',
        margin: '0 auto 8px',
        padding: 2,
        border: current ? '2px solid #1677ff' : '1px solid #d9d9d9',
        background: '#fff',
        cursor: 'pointer',
      }}
    >
      <canvas ref={ref} />
      <div style={{ fontSize: 12, color: '#666' }}>{n}</div>
    </button>
  );
}

/** The viewer alone, for any PDF bytes (generated or received). */
export function PdfViewer({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
  // What was opened, for which bytes: a new file reads as "opening" at once, without a reset in the effect.
  const [loaded, setLoaded] = useState<{ bytes: Uint8Array; doc?: PDFDocumentProxy; error?: string }>();
  const [pageWanted, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | undefined;
    openPdf(bytes).then(
      (d) => {
        opened = d;
        if (live) setLoaded({ bytes, doc: d });
        else void d.destroy();
      },
      () =>
        live &&
        setLoaded({
          bytes,
          error: `无法显示“${fileName}”：文件已损坏或不是 PDF。请重新生成，或用其他程序打开。`,
        }),
    );
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [bytes, fileName]);

  const current = loaded?.bytes === bytes ? loaded : undefined;
  const doc = current?.doc;
  const error = current?.error;
  const page = Math.min(pageWanted, doc?.numPages ?? 1);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    // 96 CSS px per inch over 72 pt: zoom 1 shows the page at its printed size.
    void drawPage(doc, page, canvas.current, (96 / 72) * zoom).catch(() => undefined);
  }, [doc, page, zoom]);

  const pages = doc?.numPages ?? 0;
  const go = useCallback((n: number) => setPage(Math.min(Math.max(1, n), pages || 1)), [pages]);
  const zoomBy = (dir: 1 | -1) =>
    setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, ZOOMS.indexOf(z) + dir))] ?? 1);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      PageDown: () => go(page + 1),
      ArrowRight: () => go(page + 1),
      ArrowDown: () => go(page + 1),
      PageUp: () => go(page - 1),
      ArrowLeft: () => go(page - 1),
      ArrowUp: () => go(page - 1),
      Home: () => go(1),
      End: () => go(pages),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!doc) return <Spin description="正在打开 PDF…" />;

  return (
    <div
      tabIndex={0}
      onKeyDown={onKey}
      aria-label="PDF 预览：PageUp/PageDown 翻页，+/− 缩放"
      data-testid="pdf-viewer"
      style={{ display: 'flex', gap: 12, height: 'calc(100vh - 260px)', minHeight: 360, outline: 'none' }}
    >
      <nav aria-label="页面缩略图" style={{ width: 130, overflowY: 'auto', flex: 'none' }}>
        {Array.from({ length: pages }, (_, i) => (
          <Thumb key={i + 1} doc={doc} n={i + 1} current={page === i + 1} onPick={go} />
        ))}
      </nav>
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Button onClick={() => go(page - 1)} disabled={page <= 1}>
            上一页
          </Button>
          <Typography.Text data-testid="pdf-page-indicator">
            第 {page} / {pages} 页
          </Typography.Text>
          <Button onClick={() => go(page + 1)} disabled={page >= pages}>
            下一页
          </Button>
          <Button onClick={() => zoomBy(-1)} disabled={zoom <= (ZOOMS[0] ?? 0.5)} aria-label="缩小">
            −
          </Button>
          <Typography.Text>{Math.round(zoom * 100)}%</Typography.Text>
          <Button
            onClick={() => zoomBy(1)}
            disabled={zoom >= (ZOOMS[ZOOMS.length - 1] ?? 2)}
            aria-label="放大"
          >
            +
          </Button>
        </Space>
        <div style={{ flex: 1, overflow: 'auto', background: '#f0f0f0', padding: 12, textAlign: 'center' }}>
          <canvas
            ref={canvas}
            data-testid="pdf-page-canvas"
            aria-label={`第 ${page} 页`}
            style={{ boxShadow: '0 1px 4px rgba(0,0,0,.25)', background: '#fff' }}
          />
        </div>
      </div>
    </div>
  );
}

export interface PdfPreviewProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** Shown as the dialog title and the print job name, e.g. "会议通知". */
  readonly title: string;
  /** Suggested file name for 保存 PDF, ending in .pdf. */
  readonly fileName: string;
  /** A job to generate, or ready bytes (e.g. a received PDF). */
  readonly job?: PdfJob;
  readonly bytes?: Uint8Array;
  readonly classified?: ClassifiedPrint;
  /** GB/T 9704 documents default to long-edge duplex; forms (sign-in sheet) to one-sided. */
  readonly defaultDuplex?: PrintDuplex;
  /** Shown under the toolbar, e.g. "示例印章，仅用于演示". */
  readonly notice?: string;
  /**
   * Called before the PDF leaves the app (printed or saved), e.g. to log a seal use (art. 54); a rejection
   * stops the print or save and its message is shown.
   */
  readonly beforeOutput?: (how: 'print' | 'save') => Promise<void>;
}

export function PdfPreview({
  open,
  onClose,
  title,
  fileName,
  job,
  bytes,
  classified,
  defaultDuplex = 'long-edge',
  notice,
  beforeOutput,
}: PdfPreviewProps) {
  const bridge = useBridge();
  const { message } = App.useApp();
  const generated = useGeneratedPdf(open && !bytes ? job : undefined);
  const [duplex, setDuplex] = useState<PrintDuplex>(defaultDuplex);
  const [busy, setBusy] = useState<'print' | 'save'>();
  const pdfBytes = bytes ?? (generated.status === 'done' ? generated.pdf.bytes : undefined);

  const save = async () => {
    if (!pdfBytes) return;
    setBusy('save');
    try {
      await beforeOutput?.('save');
      const r = await bridge.saveFile(fileName, pdfBytes, [{ name: 'PDF 文件', extensions: ['pdf'] }]);
      if (!r.ok) message.error(r.error.message);
      else if (r.value.saved) message.success(`已保存到 ${r.value.displayPath ?? fileName}`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : '保存没有成功，请重试。');
    } finally {
      setBusy(undefined);
    }
  };

  const print = async () => {
    if (!pdfBytes) return;
    setBusy('print');
    try {
      await beforeOutput?.('print');
      if (classified) {
        // Logged before the dialog: a copy that may have come out of the printer is on record either way.
        await (await getStore()).printLog.recordPrint({ ...classified, duplex: duplex !== 'simplex' });
      }
      const r = await bridge.printPdf(pdfBytes, { duplex, jobName: title });
      if (!r.ok) message.error(r.error.message);
      else if (r.value.printed) message.success('已发送到打印机。');
    } catch (e) {
      message.error(e instanceof Error ? e.message : '打印没有成功，请重试。');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={`预览：${title}`}
      width="min(1240px, 96vw)"
      style={{ top: 16 }}
      destroyOnHidden
      footer={
        <Space wrap>
          <Tooltip title="公文页码单双页左右交替，双面打印请选“长边翻页”">
            <Select<PrintDuplex>
              aria-label="双面打印"
              value={duplex}
              onChange={setDuplex}
              options={DUPLEX_OPTIONS}
              style={{ width: 170 }}
            />
          </Tooltip>
          <Button onClick={() => void save()} loading={busy === 'save'} disabled={!pdfBytes}>
            保存 PDF
          </Button>
          <Button type="primary" onClick={() => void print()} loading={busy === 'print'} disabled={!pdfBytes}>
            打印
          </Button>
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
    >
      {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 8 }} />}
      {classified && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={`涉密文件（${classified.classification}）：每次打印都登记打印人、时间和份号。`}
        />
      )}
      {generated.status === 'done' && (
        <Typography.Paragraph type="secondary" data-testid="pdf-font-note" style={{ marginBottom: 8 }}>
          字体：{generated.pdf.fontNote}
        </Typography.Paragraph>
      )}
      {pdfBytes ? (
        <PdfViewer bytes={pdfBytes} fileName={fileName} />
      ) : generated.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={generated.message}
          action={<Button onClick={generated.retry}>重试</Button>}
        />
      ) : generated.status === 'working' ? (
        <Spin description="正在排版 PDF…" />
      ) : (
        <Empty description="没有可预览的 PDF" />
      )}
    </Modal>
  );
}
