/** Types of tests/bench/_epci-data.mjs, for the mailbox benchmark (TypeScript). */
export function generateExportFiles(options: { count: number; dir: string; perFile?: number; seed?: number; asciiOnly?: boolean }): { files: string[]; bytes: number };
