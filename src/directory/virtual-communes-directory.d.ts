/** The compact directory text, made at build time by src/directory/communes-directory-plugin.ts. */
declare module 'virtual:communes-directory' {
  const text: string;
  export default text;
}
