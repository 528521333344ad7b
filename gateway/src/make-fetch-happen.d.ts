// make-fetch-happen ships no types; this is the one call the gateway makes (the fetcher Apollo's own default uses).
declare module 'make-fetch-happen' {
  import type { Fetcher } from '@apollo/utils.fetcher';

  const makeFetchHappen: { defaults(options: { maxSockets?: number; retry?: boolean }): Fetcher };
  export default makeFetchHappen;
}
