// What an action hands back besides data: files to download (an attendance list) and QR codes (the
// door's check-in). WeChat: cloud storage with a temporary link, and a mini-program code from
// wxacode.getUnlimited. Locally: a file under DATA_DIR served by the host behind the owner's
// session, and a QR (the `qrcode` package) that opens the H5 page.

export interface StoredFile {
  fileName: string;
  url: string;
}

/** What the server learns of an upload before it accepts it as evidence (Art. 11). */
export interface UploadedFile {
  fileName: string;
  size: number;
  /** the first bytes: the type is judged from them, never from a name or a header */
  head: Uint8Array;
  /**
   * issue #17: why the whole bytes were refused (the structure is not what the magic number says);
   * the head is then empty, so no type check admits the file
   */
  problem?: string;
}

export interface FileOutlet {
  /** keeps `bytes` for `ownerId` and answers a link that only they can open */
  put(file: { fileName: string; contentType: string; bytes: Uint8Array; ownerId: string }): Promise<StoredFile>;
  /**
   * An upload `ownerId` made (WeChat: a cloud-storage file under `evidence/<ownerId>/`; locally:
   * `POST /api/upload`); null when absent or someone else's, so a file id cannot be borrowed.
   */
  inspect(fileId: string, ownerId: string): Promise<UploadedFile | null>;
  /** a link to a kept upload for `viewerId`, whom the router has already admitted to its record */
  share(fileId: string, fileName: string, contentType: string, viewerId: string): Promise<StoredFile>;
  /**
   * The bytes of a kept upload (issue #21: the archive holds the evidence files), for a caller the
   * router has already admitted to the record naming it; null when the file is gone.
   */
  read(fileId: string): Promise<Uint8Array | null>;
}

export interface CodeMaker {
  /**
   * A scannable code that opens `page` with `scene` (≤ 32 visible ASCII characters, WeChat's rule)
   * as an image data URL.
   */
  qr(page: string, scene: string): Promise<string>;
}
