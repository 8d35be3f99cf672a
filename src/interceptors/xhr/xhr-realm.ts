// What an XMLHttpRequest of one environment (jsdom, happy-dom, a browser)
// is built with: that environment's event and DOM classes and its base URL.

/** The environment's event and DOM classes, taken when pook activates. */
export interface Realm {
  readonly Event: typeof Event;
  readonly ProgressEvent: typeof ProgressEvent | undefined;
  readonly Blob: typeof Blob;
  readonly FormData: typeof FormData | undefined;
  readonly DOMParser: (new () => { parseFromString(text: string, type: string): unknown }) | undefined;
  readonly XMLSerializer: (new () => { serializeToString(node: object): string }) | undefined;
  readonly DOMException: typeof DOMException;
  /**
   * The environment's own `Request`, when its XMLHttpRequest sends through
   * the environment's own fetch (happy-dom, whose window has `happyDOM`):
   * a request body is then extracted by it and sent chunked. `undefined`
   * elsewhere (jsdom has no fetch of its own).
   */
  readonly Request: typeof Request | undefined;
}

/** The event and DOM classes of the environment whose global object is `scope`. */
export function realmOf(scope: typeof globalThis): Realm {
  const g = scope as unknown as Record<string, unknown>;
  const happyDom = typeof g.happyDOM === 'object' && g.happyDOM !== null && typeof g.Request === 'function';
  return {
    Event: (g.Event as typeof Event | undefined) ?? Event,
    ProgressEvent: g.ProgressEvent as typeof ProgressEvent | undefined,
    Blob: (g.Blob as typeof Blob | undefined) ?? Blob,
    FormData: g.FormData as typeof FormData | undefined,
    DOMParser: g.DOMParser as Realm['DOMParser'],
    XMLSerializer: g.XMLSerializer as Realm['XMLSerializer'],
    DOMException: (g.DOMException as typeof DOMException | undefined) ?? DOMException,
    Request: happyDom ? (g.Request as typeof Request) : undefined,
  };
}

/** The URL relative request URLs resolve against in that environment. */
export function baseUrl(scope: typeof globalThis): string | undefined {
  const g = scope as unknown as { document?: { baseURI?: string }; location?: { href?: string } };
  return g.document?.baseURI ?? g.location?.href;
}
