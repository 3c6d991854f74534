/** The compact directory text, made at build time by the plugin in vite.config.ts. */
declare module 'virtual:communes-directory' {
  const text: string;
  export default text;
}
