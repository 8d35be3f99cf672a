// What an XMLHttpRequest of one environment (jsdom, happy-dom, a browser)
// is built with: that environment's event and DOM classes and its base URL.

/** The environment's event and DOM classes, taken when pook activates. */
export interface Realm {
  readonly Event: typeof Event;
  readonly ProgressEvent: typeof ProgressEvent | undefined;
  readonly Blob: typeof Blob;
  readonly DOMParser: (new () => { parseFromString(text: string, type: string): unknown }) | undefined;
  readonly DOMException: typeof DOMException;
}

/** The event and DOM classes of the environment whose global object is `scope`. */
export function realmOf(scope: typeof globalThis): Realm {
  const g = scope as unknown as Record<string, unknown>;
  return {
    Event: (g.Event as typeof Event | undefined) ?? Event,
    ProgressEvent: g.ProgressEvent as typeof ProgressEvent | undefined,
    Blob: (g.Blob as typeof Blob | undefined) ?? Blob,
    DOMParser: g.DOMParser as Realm['DOMParser'],
    DOMException: (g.DOMException as typeof DOMException | undefined) ?? DOMException,
  };
}

/** The URL relative request URLs resolve against in that environment. */
export function baseUrl(scope: typeof globalThis): string | undefined {
  const g = scope as unknown as { document?: { baseURI?: string }; location?: { href?: string } };
  return g.document?.baseURI ?? g.location?.href;
}
