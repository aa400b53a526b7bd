// PDFs for documents meant to be published or printed: certificates and published reports. Both embed
// Liberation Serif (OFL 1.1), a Times New Roman metric twin that covers Vietnamese (fonts.ts).

export { renderCertificatePdf, type CertificateSpec } from './pdf-certificate.ts';
export { renderReportPdf } from './pdf-report.ts';
