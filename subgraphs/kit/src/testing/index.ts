export { personWith, startTestSubgraph, type SubgraphAnswer, type TestSubgraph } from './subgraph-client.ts';
export { describeMachineTable } from '../state-machine/describe-machine-table.ts';
export { zipOf } from './zip.ts';
export { readPdf, type PdfImage } from './pdf-reader.ts';
