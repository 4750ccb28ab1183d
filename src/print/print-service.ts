import { chainHead } from '../audit/audit-log';
import { mutate } from '../audit/mutate';
import { AppError } from '../errors/app-error';
import type { Carrier } from '../ledger/carriers/carrier-model';
import { registerMade } from '../ledger/carriers/carrier-intake';
import { resolveTerm } from '../ledger/carriers/carrier-rules';
import { LEVEL_LABELS, type Level } from '../ledger/classification/levels';
import type { LedgerContext } from '../ledger/carriers/carrier-transition';
import { renderRegister } from './print-document';
import { printRequestSchema, registerPrintoutSchema, type PrintPreview, type PrintRequest, type Printer, type RegisterInfo } from './print-types';
import { REGISTERS, registerSpec } from './registers';

export interface PrintDeps {
  /** The open ledger and who is printing; throws while the vault is locked. */
  context(): LedgerContext & { unitName: string };
  printer: Printer | null;
  fontCss(): string;
}

/**
 * Registers are rendered in the core (pure HTML + print CSS) and handed to the platform's
 * printer. Every print and PDF is written to the audit log, and the officer is offered to
 * register the printout itself as a carrier (来源: 打印), since it is classified (R-05).
 */
/** A register printed for some levels only must not look like the whole register. */
const levelFilter = (levels: readonly Level[]): string => (levels.length ? `（仅${levels.map((l) => LEVEL_LABELS[l]).join('、')}）` : '');

export class PrintService {
  constructor(private readonly deps: PrintDeps) {}

  registers(): RegisterInfo[] {
    return REGISTERS.map((r) => ({
      id: r.id,
      title: r.definition.title,
      orientation: r.definition.orientation,
      subject: r.subject ?? null,
      snapshot: r.snapshot ?? false,
    }));
  }

  preview(input: PrintRequest): PrintPreview {
    const req = printRequestSchema.parse(input);
    const ctx = this.deps.context();
    const register = registerSpec(req.registerId);
    if (register.subject && !req.subjectId && !(req.blank && register.subject !== 'reconciliation')) {
      const what = { computer: '要打印使用登记簿的计算机', inspection: '要打印的月度检查', reconciliation: '要打印差异报告的清点' }[register.subject];
      throw new AppError('VALIDATION', `请先选择${what}`);
    }
    const rows = req.blank ? (register.blankRows?.(ctx.db) ?? []) : register.rows(ctx.db, req, ctx.today);
    const contentBlank = req.blank && register.blankRows !== undefined;
    const { html, level, marking } = renderRegister(
      register.definition,
      rows,
      {
        unitName: ctx.unitName,
        printedAt: ctx.at,
        chainHead: chainHead(ctx.db),
        fontCss: this.deps.fontCss(),
        scope: req.blank ? '空白表（手工填写）' : `${register.scope?.(ctx.db, req, ctx.today) ?? `${req.from} 至 ${req.to}`}${levelFilter(req.levels)}`,
        markingTerm: (l) => resolveTerm(l, undefined, ctx.settings),
      },
      { blank: req.blank && !contentBlank, fillIn: contentBlank, ...(register.signatures ? { signatures: register.signatures(ctx.db, req) } : {}) },
    );
    return { registerId: req.registerId, title: register.definition.title, html, rowCount: rows.length, level, marking };
  }

  async print(input: PrintRequest): Promise<{ printed: boolean }> {
    const preview = this.preview(input);
    const printed = await this.printer().print(preview.html, { landscape: this.landscape(preview) });
    if (printed) this.audit(preview, input, { output: 'printer' });
    return { printed };
  }

  async savePdf(input: PrintRequest): Promise<{ path: string; pages: number } | null> {
    const preview = this.preview(input);
    const saved = await this.printer().savePdf(preview.html, {
      landscape: this.landscape(preview),
      suggestedName: `${preview.title}-${printRequestSchema.parse(input).from}.pdf`,
    });
    if (saved) this.audit(preview, input, { output: 'pdf', path: saved.path, pages: saved.pages });
    return saved;
  }

  /** The printout is itself a classified carrier at the highest level it lists. */
  registerPrintout(input: unknown): Carrier {
    const p = registerPrintoutSchema.parse(input);
    const preview = this.preview(p.request);
    const ctx = this.deps.context();
    const level = preview.level ?? 'neibu';
    return registerMade(ctx, {
      madeOn: ctx.today,
      source: 'print',
      fields: {
        title: `${preview.title}（${p.request.from} 至 ${p.request.to}）`,
        carrierType: 'paper',
        issuer: ctx.unitName,
        level,
        classifiedOn: ctx.today,
        copies: 1,
        copyNumbers: '001',
        pages: p.pages,
        classifier: ctx.actor,
        classifyBasis: 'R-05：汇总登记涉密载体信息，按所列最高密级确定',
        custodianId: p.custodianId,
        cabinetId: p.cabinetId ?? null,
        note: `打印 ${preview.rowCount} 条记录`,
      },
    });
  }

  private landscape = (p: PrintPreview): boolean => registerSpec(p.registerId).definition.orientation === 'landscape';

  private printer(): Printer {
    if (!this.deps.printer) throw new AppError('INTERNAL', '此环境没有可用的打印机接口');
    return this.deps.printer;
  }

  private audit(preview: PrintPreview, input: PrintRequest, extra: Record<string, unknown>): void {
    const ctx = this.deps.context();
    const req = printRequestSchema.parse(input);
    mutate(ctx.db, ctx.at, () => ({
      result: null,
      audit: {
        actor: ctx.actor,
        action: 'print.register',
        subject: preview.registerId,
        payload: { title: preview.title, from: req.from, to: req.to, blank: req.blank, levels: req.levels, subjectId: req.subjectId ?? null, rows: preview.rowCount, marking: preview.marking, ...extra },
      },
    }));
  }
}
