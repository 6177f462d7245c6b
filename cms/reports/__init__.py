"""Monitoring and evaluation: admin reports (Wagtail ReportView subclasses with CSV and XLSX
export) and the programme dashboard. Every figure is computed by the database."""
