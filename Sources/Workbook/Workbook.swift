// Workbook: chapters -> examples -> results.
