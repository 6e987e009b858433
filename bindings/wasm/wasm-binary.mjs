// Reading and writing the integers of the WebAssembly binary format (LEB128), shared by the
// build step layout-names.mjs and bench/size-breakdown.mjs.

/// A read position in a module's bytes.
export class Cursor {
  constructor(bytes, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  /// An unsigned LEB128 integer (exact up to 2^53).
  uleb() {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
    }
  }

  /// A signed 32-bit LEB128 integer (an `i32.const`).
  sleb32() {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.bytes[this.pos++];
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return shift < 32 && byte & 0x40 ? result | (-1 << shift) : result;
  }

  /// A length-prefixed UTF-8 name.
  name() {
    const length = this.uleb();
    const text = Buffer.from(this.bytes.subarray(this.pos, this.pos + length)).toString();
    this.pos += length;
    return text;
  }
}

/// `value` as an unsigned LEB128 integer.
export function encodeUleb(value) {
  const out = [];
  let n = value;
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
