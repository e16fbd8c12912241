/**
 * juice's browser build (cheerio and PostCSS, no file or network access) has no types of its
 * own; it is juice's main function without the web-resource inlining.
 */
declare module 'juice/client' {
  import type juice from 'juice';

  const juiceClient: (html: string, options?: juice.Options) => string;
  export default juiceClient;
}
