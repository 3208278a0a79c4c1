// What an action hands back besides data: files to download (an attendance list) and QR codes (the
// door's check-in). WeChat: cloud storage with a temporary link, and a mini-program code from
// wxacode.getUnlimited. Locally: a file under DATA_DIR served by the host behind the owner's
// session, and a QR (the `qrcode` package) that opens the H5 page.

export interface StoredFile {
  fileName: string;
  url: string;
}

export interface FileOutlet {
  /** keeps `bytes` for `ownerId` and answers a link that only they can open */
  put(file: { fileName: string; contentType: string; bytes: Uint8Array; ownerId: string }): Promise<StoredFile>;
}

export interface CodeMaker {
  /**
   * A scannable code that opens `page` with `scene` (≤ 32 visible ASCII characters, WeChat's rule)
   * as an image data URL.
   */
  qr(page: string, scene: string): Promise<string>;
}
