export { neutraliseCell, restoreCell } from "./neutralise";
export { BOM, csvResponse, writeCsv, writeCsvRows, type CsvDelimiter, type CsvOptions, type CsvValue } from "./write";
