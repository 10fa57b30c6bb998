// Real Word and PDF files of a county document, written by the tests themselves: a .docx made with
// the `docx` package and a PDF with a real text layer made with pdfkit and a CJK font from Debian's
// fonts-wqy-microhei (installed by .ci/run). Both carry what office files carry: a 文号 and a date
// in the preamble, running headers and page numbers, half-width brackets, line breaks inside clauses.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { projectRoot } from '../../src/knowledge/paths.js';

export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
export const DOC_NUMBER = '示政办〔2022〕12号';
export const EFFECTIVE = '2022-03-01';

/** The county fixture's lines, with a 文号 and an effective date in the preamble. */
export function countyLines(): string[] {
  const [title, ...rest] = readFileSync(join(projectRoot(), 'tests/fixtures/county/shixian-2022.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return [title as string, DOC_NUMBER, '本细则自2022年3月1日起施行。', ...rest];
}

/** Half-width brackets as people type them in Word: (二) and (责任单位：…). */
const halfWidth = (line: string) => line.replace(/（(?=[一二三四五六七八九十]+）)|（(?=责任单位)/g, '(').replace(/(?<=\([一二三四五六七八九十]+)）|(?<=\(责任单位：[^）]*)）/g, ')');

export async function writeDocx(path: string, lines = countyLines()): Promise<void> {
  const paragraphs = lines.map((line, i) => {
    const typed = i % 2 === 0 ? halfWidth(line) : line;
    // A clause broken by a manual line break (Shift+Enter) after its first comma.
    const cut = typed.indexOf('，');
    if (i > 3 && cut > 0) {
      return new Paragraph({ children: [new TextRun(typed.slice(0, cut + 1)), new TextRun({ text: typed.slice(cut + 1), break: 1 })] });
    }
    return new Paragraph({ children: [new TextRun(typed)] });
  });
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('示例县人民政府办公室文件')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })] })] }) },
        children: paragraphs,
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

/** The county document with its outline numbers made by Word's automatic numbering, not typed. */
export async function writeAutoNumberedDocx(path: string): Promise<void> {
  const strip = (line: string) => line.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '');
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: countyLines().map((line, i) => {
          const level = /^[一二三四五六七八九十]+、/.test(line) ? 0 : /^（[一二三四五六七八九十]+）/.test(line) ? 1 : /^\d+\./.test(line) ? 2 : -1;
          if (i === 0 || level < 0) return new Paragraph(line);
          return new Paragraph({ text: strip(line), numbering: { reference: 'outline', level } });
        }),
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

export interface PdfOptions {
  lines?: string[];
  /** A PDF with no text layer at all: only drawn shapes, as a scanned page would be. */
  scanned?: boolean;
  userPassword?: string;
}

export function writeCountyPdf(path: string, options: PdfOptions = {}): Promise<void> {
  if (!existsSync(CJK_FONT)) throw new Error(`${CJK_FONT} is missing: apt-get install -y fonts-wqy-microhei (.ci/run does)`);
  const doc = new PDFDocument({ size: [400, 380], margin: 50, ...(options.userPassword ? { userPassword: options.userPassword } : {}) });
  const done = new Promise<void>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks));
      resolve();
    });
    doc.on('error', reject);
  });
  if (options.scanned) {
    doc.rect(50, 50, 200, 300).fill('#888888');
    doc.end();
    return done;
  }
  doc.registerFont('cjk', CJK_FONT, 'WenQuanYiMicroHei');
  let page = 0;
  const furniture = () => {
    page++;
    const { x, y } = doc;
    // The running header in the body's size (only its recurrence gives it away), the page number smaller.
    doc.font('cjk').fontSize(12);
    doc.text('示例县人民政府办公室文件', 50, 20, { lineBreak: false });
    doc.fontSize(8).text(`- ${page} -`, 190, doc.page.height - 30, { lineBreak: false });
    doc.fontSize(12);
    doc.x = x;
    doc.y = y;
  };
  furniture();
  doc.on('pageAdded', furniture);
  doc.font('cjk').fontSize(12);
  (options.lines ?? countyLines()).forEach((line, i) => {
    // Narrow columns wrap every clause over several lines; the last lines land on page 2.
    doc.text(i % 2 === 1 ? halfWidth(line) : line, 50, undefined, { width: 280 });
    doc.moveDown(0.4);
  });
  doc.end();
  return done;
}
