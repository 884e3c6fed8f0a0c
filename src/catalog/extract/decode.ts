/** Bytes of a text file to a string: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030. */
export function decodeText(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const label = declared?.toLowerCase().trim();
  if (label && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(label))
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Chinese offices' other encoding. GB18030 decodes GBK and GB2312 too.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
