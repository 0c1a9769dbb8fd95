"""`sivistys export`: a program as a workbook (xlsx), a CSV file or JSON, for people who live in Excel."""
