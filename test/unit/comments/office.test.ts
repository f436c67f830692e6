import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { readZip, ZipReadError } from '../../../server/src/host/ooxml/zip';
import { docxGrid, OfficeReadError, xlsxGrid } from '../../../server/src/host/comments/office-grids';

/** A minimal ZIP (deflated entries) written by hand, to test the reader without a library. */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = deflateRawSync(Buffer.from(text));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('ZIP, xlsx and docx readers (host/comments)', () => {
  test('entries inflate; bytes that are no ZIP are a ZipReadError', () => {
    const zip = readZip(zipOf({ 'a.xml': '<a>意見</a>' }));
    assert.equal(zip.get('a.xml')!().toString('utf8'), '<a>意見</a>');
    assert.throws(() => readZip(Buffer.from('番号,該当箇所\n')), ZipReadError);
  });

  test('an entry inflating beyond the limit is refused (zip bomb)', () => {
    const zip = readZip(zipOf({ 'big.xml': 'x'.repeat(100_000) }), 1000);
    assert.throws(() => zip.get('big.xml')!(), ZipReadError);
  });

  test('xlsx: shared strings without ふりがな, inline strings, numbers and merged ranges', () => {
    const bytes = zipOf({
      'xl/workbook.xml': '<workbook><sheets><sheet name="意見" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/sharedStrings.xml':
        '<sst><si><t>番号</t></si><si><r><t>御意見</t></r><r><t>の概要</t></r><rPh sb="0" eb="2"><t>ゴイケン</t></rPh></si><si><t>考え方</t></si><si><t>修正します。</t></si></sst>',
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>意見 &amp; 要望</t></is></c><c r="C2" t="s"><v>3</v></c></row>' +
        '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>同じ趣旨</t></is></c><c r="C3"/></row></sheetData>' +
        '<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells></worksheet>',
    });
    const grid = xlsxGrid(bytes);
    assert.deepEqual(
      grid.rows.map((r) => r.cells.map((c) => (c.mergedAbove ? '^' : c.text))),
      [
        ['番号', '御意見の概要', '考え方'],
        ['1', '意見 & 要望', '修正します。'],
        ['2', '同じ趣旨', '^'],
      ],
    );
  });

  test('docx: gridSpan, vMerge, line breaks, a table inside a content control, deleted text left out', () => {
    const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const tc = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const bytes = zipOf({
      'word/document.xml':
        '<w:document xmlns:w="w"><w:body>' +
        p('御意見の概要及び考え方') +
        '<w:sdt><w:sdtContent><w:tbl>' +
        `<w:tr>${tc(p('番号'))}${tc(p('御意見の概要'))}${tc(p('考え方'))}</w:tr>` +
        `<w:tr>${tc(p('●全般'), '<w:gridSpan w:val="3"/>')}</w:tr>` +
        `<w:tr>${tc(p('1'))}${tc('<w:p><w:r><w:t>一行目</w:t><w:br/><w:t>二行目</w:t></w:r><w:del><w:r><w:delText>消した</w:delText></w:r></w:del></w:p>')}${tc(p('修正します。'), '<w:vMerge w:val="restart"/>')}</w:tr>` +
        `<w:tr>${tc(p('2'))}${tc(p('同じ趣旨 &amp; 要望'))}${tc('<w:p/>', '<w:vMerge/>')}</w:tr>` +
        '</w:tbl></w:sdtContent></w:sdt><w:sectPr/></w:body></w:document>',
    });
    assert.deepEqual(
      docxGrid(bytes).rows.map((r) => r.cells.map((c) => (c.mergedAbove ? '^' : c.text))),
      [
        ['御意見の概要及び考え方'],
        ['番号', '御意見の概要', '考え方'],
        ['●全般', '', ''],
        ['1', '一行目\n二行目', '修正します。'],
        ['2', '同じ趣旨 & 要望', '^'],
      ],
    );
  });

  test('broken XML in a part is an OfficeReadError naming the part', () => {
    assert.throws(
      () => docxGrid(zipOf({ 'word/document.xml': '<w:document><w:body></w:document>' })),
      (error: unknown) => error instanceof OfficeReadError && /word\/document\.xml/.test(error.message),
    );
  });

  test('a docx without document.xml, and an xlsx without a workbook, are OfficeReadErrors', () => {
    assert.throws(() => docxGrid(zipOf({ 'x.xml': '<x/>' })), OfficeReadError);
    assert.throws(() => xlsxGrid(zipOf({ 'x.xml': '<x/>' })), OfficeReadError);
    assert.throws(() => xlsxGrid(Buffer.from('not a zip')), OfficeReadError);
  });
});
