/**
 * Stands in for jsPDF's optional helpers (html2canvas, dompurify, canvg), which it loads only for doc.html()
 * and SVG drawing: the report uses neither, so these ~380 kB never ship or get precached (see vite.config.ts).
 */
export default {};
