import { describe, expect, it } from 'vitest';
import { exportInput } from '../../test-support/export-fixture';
import { csvText, toMentionsCsv } from './mentions-csv';

describe('mentions CSV', () => {
  const csv = toMentionsCsv(exportInput());
  const rows = csv.split('\r\n');

  it('has a header and one row per placed mention, in article then text order, CRLF line ends', () => {
    expect(rows[0]).toBe('entity,type,wikidata,article,title,start,end,quote,left_context,right_context,comment');
    expect(rows[1]).toBe('Paul Kagame,Person,Q57421,000_f9a0009864046443.txt,Kagame and Rubio discuss ceasefire,0,21,President Paul Kagame,," on Wednesday, January 29, said he had a",');
    expect(rows[2]).toBe('Marco Rubio,Person,,000_f9a0009864046443.txt,Kagame and Rubio discuss ceasefire,102,113,Marco Rubio,"conversation with US Secretary of State "," on the ""need to ensure a ceasefire"" in ",');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.match(/,Person,|,Location,/g)).toHaveLength(7);
  });

  it('gives code point offsets and keeps right-to-left text and emoji intact', () => {
    expect(csv).toContain('Paul Kagame,Person,Q57421,intl/emoji rtl.txt,كاغامي 👍🏽,15,21,كاغامي,"قال الرئيس بول "," 👍🏽 إن الحوار ضروري.\nKagame 🇷🇼 met Rubio",Arabic spelling');
  });

  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-2')).toBe("'-2");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText(' padded')).toBe('" padded"');
    expect(csvText('plain')).toBe('plain');
  });

  it('starts with a UTF-8 byte order mark only when asked', () => {
    expect(csv.startsWith('entity')).toBe(true);
    expect(toMentionsCsv(exportInput(), { bom: true }).startsWith('\uFEFFentity,')).toBe(true);
  });
});
